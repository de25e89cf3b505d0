"""Honest translations: each translated page records the French page it was made from and whether a
person fluent in the language reviewed it, so that a change to the French page shows which translations
are out of date.

In a translated page's front matter::

    traduction:
      source: 3a7f9c21b0d4   # empreinte de la page française traduite (scripts/translations.py la met)
      relue: false           # true quand une personne qui parle couramment la langue l'a relue

The record is written by ``scripts/translations.py --marquer <langue> <page>`` after translating, never
by hand; that script also prints the state of every page in every language (``status``).
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .data import Refused, validate
from .errors import ContentError
from .languages import Languages, pages_of
from .pages import FRONT_MATTER, TRANSLATION_FIELD, read_page
from .templating import render

FIELD = TRANSLATION_FIELD
FINGERPRINT_LENGTH = 12

State = Literal["à jour", "à revoir", "sans empreinte", "non traduite"]


class TranslationRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(pattern=rf"^[0-9a-f]{{{FINGERPRINT_LENGTH}}}$",
                        description="l'empreinte de la page française, écrite par scripts/translations.py")
    relue: bool

    @field_validator("source", mode="before")
    @classmethod
    def written_by_the_script(cls, source):
        if not (isinstance(source, str) and re.fullmatch(rf"[0-9a-f]{{{FINGERPRINT_LENGTH}}}", source)):
            raise Refused(f"« {source} » n'est pas une empreinte écrite par scripts/translations.py.",
                          "ne la modifiez pas à la main : remettez la valeur d'avant (historique git), ou, la traduction "
                          "mise à jour, lancez « python scripts/translations.py --marquer <langue> <page> ».")
        return source


def fingerprint(text: str) -> str:
    """What identifies a version of the French page: its text, line endings aside."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


@dataclass(frozen=True)
class PageStatus:
    language: str
    page: str  # relative to the language folder: "aide.md"
    state: State
    reviewed: bool


def record_of(path: Path) -> tuple[TranslationRecord | None, list[ContentError]]:
    """The page's translation record, None if it has none; errors in French naming the page."""
    source, errors = read_page(path)
    if source is None or FIELD not in source.meta:
        return None, errors
    return validate(TranslationRecord, source.meta[FIELD], source.file, "en-tête « traduction »")


def translation_status(languages: Languages) -> tuple[list[PageStatus], list[ContentError]]:
    """The state of every page of the default language in every other language, and the records' errors."""
    docs, default = languages.docs_dir, languages.default
    originals = {page: fingerprint((docs / default / page).read_text(encoding="utf-8")) for page in sorted(pages_of(docs, default))}
    found, errors = [], []
    for language in languages.ordered():
        if language == default:
            continue
        written = pages_of(docs, language)
        for page, original in originals.items():
            if page not in written:
                found.append(PageStatus(language, page, "non traduite", False))
                continue
            record, problems = record_of(docs / language / page)
            errors += problems
            state = "sans empreinte" if record is None else "à jour" if record.source == original else "à revoir"
            found.append(PageStatus(language, page, state, bool(record and record.relue)))
    return found, errors


def stamp(translated: Path, original: Path) -> bool:
    """Record in ``translated`` that it was made from ``original`` as it is now (keeping « relue »).
    Returns whether the file changed."""
    text = translated.read_text(encoding="utf-8")
    record, _ = record_of(translated)
    reviewed = "true" if record and record.relue else "false"
    block = f"{FIELD}:\n  source: \"{fingerprint(original.read_text(encoding='utf-8'))}\"\n  relue: {reviewed}\n"
    front = FRONT_MATTER.match(text)
    if front is None:
        new = f"---\n{block}---\n\n{text}"
    else:
        meta = re.sub(rf"(?m)^{FIELD}:\n(?:[ \t]+.*\n?)*", "", front.group(1) + "\n").rstrip("\n")
        new = f"---\n{meta}\n{block}" + text[front.end(1) + 1:]  # from the closing --- on, as it was
    if new != text:
        translated.write_text(new, encoding="utf-8")
    return new != text


def status_lines(statuses: list[PageStatus]) -> list[str]:
    """One line per language with its counts, then the pages to look at."""
    lines = []
    for language in sorted({s.language for s in statuses}):
        mine = [s for s in statuses if s.language == language]
        counts = {state: sum(s.state == state for s in mine) for state in ("à jour", "à revoir", "sans empreinte", "non traduite")}
        reviewed = sum(s.reviewed for s in mine)
        lines.append(f"{language} : " + ", ".join(f"{count} {state}" for state, count in counts.items())
                     + f" ; relues par une personne qui parle la langue : {reviewed}")
        lines += [f"  - {s.page} : {s.state}" for s in mine if s.state in ("à revoir", "sans empreinte")]
    return lines


STATES: tuple[State, ...] = ("à revoir", "sans empreinte", "non traduite", "à jour")
STATUS_PAGE = "etat-des-traductions/index.html"


def render_status_page(statuses: list[PageStatus], site_name: str, stylesheets: list[str]) -> str:
    """The maintainers' page (templates/translation-status.html): per language, the pages to look at first.
    ``stylesheets``: the site's, from its root (mkdocs.yml extra_css, under their hashed names)."""
    languages = []
    for language in sorted({s.language for s in statuses}):
        mine = sorted((s for s in statuses if s.language == language), key=lambda s: (STATES.index(s.state), s.page))
        languages.append((language, mine, {state: sum(s.state == state for s in mine) for state in STATES}))
    return render("translation-status.html", languages=languages, site_name=site_name, stylesheets=stylesheets)
