"""The lexicon: one Markdown file per term and language (docs/<langue>/lexique/<id>.md).

The file name is the term's stable identifier, shared by every language; the front matter holds the
short definition, the variants a reader may type or meet, and "see also" identifiers. From these the
build makes the A–Z page, completes each term page, and links the first mention of a term in other pages.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field

from .data import validate
from .errors import ContentError, raise_all
from .languages import is_untranslated
from .pages import H1, display_path, own_fields, read_page
from .templating import Markup, render, render_blocks



class TermFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    short: str = Field(min_length=1)
    variants: list[str] = []
    see_also: list[str] = []
    autolink: bool = True
    description: str | None = None


@dataclass
class Term:
    id: str
    title: str
    short: str
    variants: list[str]
    see_also: list[str]
    autolink: bool
    file: str
    language: str  # the language of its text: the default language's for a term not yet translated

    @property
    def forms(self) -> list[str]:
        return [self.title, *self.variants]


@dataclass
class Lexicon:
    terms: dict[str, dict[str, Term]] = field(default_factory=dict)  # language → id → term


def read_term(path: Path, language: str) -> tuple[Term | None, list[ContentError]]:
    source, errors = read_page(path, "commencez le fichier par ---, short: …, variants: […], see_also: […], ---.")
    if source is None:
        return None, errors
    fields, errors = validate(TermFields, own_fields(source.meta), source.file, "en-tête")
    if not source.title:
        errors.append(ContentError(source.file, "titre", "le titre du mot (# …) manque.", "ajoutez une ligne « # Le mot » après l'en-tête."))
    if errors:
        return None, errors
    return Term(path.stem, source.title, fields.short, fields.variants, fields.see_also, fields.autolink, source.file, language), []


def load_lexicon(docs_dir: Path, languages: list[str], default: str, untranslated: dict[str, list[str]]) -> Lexicon:
    """Read every term of every language and check the rules that keep the lexicon coherent."""
    lexicon, errors = Lexicon(), []
    # Every term file, refused or not: a term refused is named in its own file only, not as missing elsewhere.
    written = {language: {path.stem for path in (docs_dir / language / "lexique").glob("*.md") if path.name != "index.md"}
               for language in languages}
    for language in languages:
        lexicon.terms[language] = {}
        for path in sorted((docs_dir / language / "lexique").glob("*.md")):
            if path.name == "index.md":
                continue
            term, found = read_term(path, language)
            errors += found
            if term:
                lexicon.terms[language][term.id] = term
    for language, terms in lexicon.terms.items():
        if language != default:
            errors += add_untranslated_terms(terms, lexicon.terms[default], untranslated.get(language, []), docs_dir, language,
                                             written[language])
        owner: dict[str, str] = {}
        for term in terms.values():
            for form in term.forms:
                key = form.casefold()
                if key in owner and owner[key] != term.id:
                    errors.append(ContentError(term.file, f"forme « {form} »",
                                               f"ce mot ou variant appartient déjà au terme « {owner[key]} ».",
                                               "retirez-le d'un des deux fichiers : un variant ne renvoie qu'à un terme."))
                owner.setdefault(key, term.id)
            for other in term.see_also:
                if other not in terms and other not in written[language]:
                    errors.append(ContentError(term.file, f"see_also « {other} »", "ce terme n'existe pas dans le lexique.",
                                               f"corrigez l'identifiant (nom du fichier sans .md) ou créez docs/{language}/lexique/{other}.md."))
    raise_all(errors)
    return lexicon


def add_untranslated_terms(terms: dict[str, Term], reference: dict[str, Term], patterns: list[str], docs_dir: Path,
                           language: str, written: set[str] = frozenset()) -> list[ContentError]:
    """A term the language has not written is shown in the default language where ``untranslated`` allows it
    (its page falls back too); it is not linked automatically from pages written in another language.
    ``written``: the language's term files, even those refused (not missing: wrong, and named so)."""
    errors = []
    for missing in sorted(set(reference) - set(terms) - written):
        if is_untranslated(f"lexique/{missing}.md", patterns):
            terms[missing] = replace(reference[missing], autolink=False)
            continue
        errors.append(ContentError(display_path(docs_dir / language / "lexique" / f"{missing}.md"), "fichier entier",
                                   f"le terme « {missing} » existe en {reference[missing].language} mais pas en {language}.",
                                   f"traduisez-le (même nom de fichier), ou ajoutez lexique/{missing}.md (ou « lexique/* ») "
                                   f"à « untranslated » de {language} dans mkdocs.yml."))
    return errors


def complete_term_page(markdown: str, term: Term, terms: dict[str, Term], ui) -> str:
    """Put the short definition under the title, the variants and the "see also" links at the end
    (templates/term-page.html; the "see also" links stay Markdown, so MkDocs checks and rewrites them)."""
    parts = render_blocks("term-page.html", term=term, ui=ui)
    title = H1.search(markdown)
    markdown = markdown[: title.end()] + "\n\n" + parts["definition"] + "\n" + markdown[title.end():]
    extra = []
    if term.variants:
        extra.append(parts["variants"])
    if term.see_also:
        links = ", ".join(f"[{terms[other].title}]({other}.md)" for other in term.see_also)
        extra.append(f'{ui["lexicon_see_also"]} {links}')
    return markdown.rstrip() + "\n\n" + "\n\n".join(extra) + "\n"


def first_letter(title: str) -> str:
    """The letter a title is listed under: « Écoute » under E; "#" for a title that starts with no letter."""
    letter = unicodedata.normalize("NFD", title.lstrip("«»\"' ")[0])[0].upper()
    return letter if letter.isalpha() else "#"


def folded(text: str) -> str:
    """The text without accents and case (« Écoute » → « ecoute »), to sort as a dictionary does."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def render_a_to_z(terms: dict[str, Term], href: Callable[[str], str], ui) -> str:
    """Letter navigation, then each letter's terms with their short definitions and stable anchors
    (templates/a-to-z.html). Letters and terms in dictionary order: by letter, then by title, accents
    ignored (Abus, Bon, Écoute, Zèle)."""
    by_letter: dict[str, list[Term]] = {}
    for term in sorted(terms.values(), key=lambda t: (first_letter(t.title), folded(t.title))):
        by_letter.setdefault(first_letter(term.title), []).append(term)
    return "\n\n" + render("a-to-z.html", letters=list(by_letter.items()), href=href, ui=ui) + "\n\n"


# ----- automatic links ---------------------------------------------------------------------------

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
FORBIDDEN = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button", "summary",
             "nav", "label", "textarea", "select", "title", "svg", "dt"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "track", "wbr", "col", "area", "embed"}


UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def form_pattern(terms: dict[str, Term]) -> tuple[re.Pattern | None, dict[str, str]]:
    """One regex for every form of every linkable term, longest first, on word boundaries."""
    owner = {form.casefold(): term.id for term in terms.values() if term.autolink for form in term.forms}
    if not owner:
        return None, owner
    # A word is a word between non-letters, except in scripts written without spaces (Chinese, Japanese).
    alternatives = "|".join(re.escape(form) if UNSPACED.search(form) else rf"(?<![\w-]){re.escape(form)}(?![\w-])"
                            for form in sorted(owner, key=len, reverse=True))
    return re.compile(rf"({alternatives})", re.IGNORECASE), owner


def link_terms(html: str, terms: dict[str, Term], href: Callable[[str], str], ui) -> str:
    """Link the first mention of each term, with its short definition in a popover that needs no script."""
    pattern, owner = form_pattern(terms)
    if pattern is None:
        return html
    linked: set[str] = set()
    out, depth, position = [], 0, 0

    def link(match: re.Match) -> str:
        ident = owner[match.group(1).casefold()]
        if ident in linked:
            return match.group(0)
        linked.add(ident)
        # The mention is the page's own HTML text, already escaped.
        return render("term-popover.html", term=terms[ident], href=href(ident), mention=Markup(match.group(1)),
                      popover=f"pav-def-{ident}", ui=ui)

    for tag in TAG.finditer(html):
        text = html[position: tag.start()]
        out.append(pattern.sub(link, text) if depth == 0 else text)
        out.append(tag.group(0))
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in FORBIDDEN and name not in VOID and not tag.group(3).rstrip().endswith("/"):
            depth += -1 if closing else 1
            depth = max(depth, 0)
        position = tag.end()
    tail = html[position:]
    out.append(pattern.sub(link, tail) if depth == 0 else tail)
    return "".join(out)


def add_related_terms(markdown: str, identifiers: list, terms: dict[str, Term], href: Callable[[str], str],
                      ui, source: str) -> str:
    """A "words to know" list placed before the page's last section (its help section)."""
    unknown = [ident for ident in identifiers if ident not in terms]
    if unknown:
        raise ContentError(source, "en-tête, related_terms", f"terme(s) inconnu(s) du lexique : {', '.join(map(str, unknown))}.",
                           "utilisez le nom d'un fichier de lexique/ sans .md.")
    block = "\n\n" + render("related-terms.html", terms=[(terms[ident], href(ident)) for ident in identifiers], ui=ui) + "\n\n"
    last_section = markdown.rfind("\n## ")
    return markdown + block if last_section < 0 else markdown[:last_section] + block + markdown[last_section:]
