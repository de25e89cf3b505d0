"""One term, one translation: each translated language's terminology list (docs/<langue>/_data/terminologie.yml)
is well formed, and that language's sources follow it — without building the site.

The sources of a language: its pages (docs/<langue>/**/*.md, the stories included), its data files
(docs/<langue>/_data/*.yml, the list itself excepted) and its entry in mkdocs.yml (site name, description,
menu titles). The video scripts (assets/videos/*.yml) hold no text of a language: their captions are in
docs/<langue>/_data/videos.yml, which is checked.

What is reported, as « fichier:ligne: … »: a variant the list says to avoid (case-insensitive, whole words, a
line break counting as a space), a French word of the list cited as such being allowed between “ ” or alone in brackets; the
characters the list forbids (French guillemets in English); a space before the signs that take none (« : »
in English); an article before a phone number marker (« the <!-- @numero 119 --> »); and the list's other
forbidden patterns (« 1,500 € »). Markers, code, addresses, times (21:47), YAML keys, the lexicon's variants
and admonitions (!!! abstract "…") are not text and are never reported.
"""

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from site_map import DOCS, ROOT

LIST_NAME = "terminologie.yml"
LANGUAGES_WITH_A_LIST = sorted(path.parent.parent.name for path in DOCS.glob(f"*/_data/{LIST_NAME}"))

ENTRY_FIELDS = {"fr", "traduction", "note", "a_eviter"}
TOP_FIELDS = {"langue", "typographie", "termes"}
TYPOGRAPHY_FIELDS = {"guillemets_interdits", "sans_espace_avant", "mots_interdits_avant_numero", "motifs_interdits", "regles"}
# Front-matter fields of a page that hold identifiers, names or numbers, not text (the lexicon's variants
# are words a reader may type, on purpose).
NOT_TEXT_FIELDS = {"variants", "see_also", "related_terms", "themes", "stories", "contacts", "start", "senders", "me",
                   "age", "duration", "group", "reading_minutes", "pdf", "lexicon_links", "autolink", "hide", "search"}
MASK = "\ue000"  # stands for what is not text; a private-use character: neither a letter nor a space
SPACES = " \t\u00a0\u202f"


def shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# ----- the list -------------------------------------------------------------------------------------------

def list_problems(data, file: str, language: str) -> list[str]:
    """What is wrong with a terminology list, in French, each message naming the file and the entry."""
    if not isinstance(data, dict):
        return [f"{file} : le fichier doit contenir « langue: », « typographie: » et « termes: »."]
    problems = [f"{file} : champ « {key} » inconnu (champs possibles : {', '.join(sorted(TOP_FIELDS))})."
                for key in data if key not in TOP_FIELDS]
    if data.get("langue") != language:
        problems.append(f"{file} : « langue: {data.get('langue')} » ne correspond pas au dossier (écrivez « langue: {language} »).")
    problems += typography_problems(data.get("typographie") or {}, file)
    entries = data.get("termes")
    if not isinstance(entries, list) or not entries:
        return problems + [f"{file} : la liste « termes: » manque ou est vide."]
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            problems.append(f"{file} — terme n° {number} : chaque terme est un bloc « - fr: … / traduction: … / note: … / a_eviter: […] ».")
            continue
        name = f"terme « {entry['fr']} »" if isinstance(entry.get("fr"), str) and entry["fr"].strip() else f"terme n° {number}"
        for key in entry:
            if key not in ENTRY_FIELDS:
                problems.append(f"{file} — {name} : champ « {key} » inconnu (champs possibles : fr, traduction, note, a_eviter).")
        for key, what in (("fr", "le terme français"), ("traduction", "la traduction"), ("note", "la note (pourquoi ce choix, comment l'employer)")):
            value = entry.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                problems.append(f"{file} — {name} : {what} manque (champ « {key} »).")
            elif not isinstance(value, str):
                problems.append(f"{file} — {name} : le champ « {key} » doit être un texte (mettez-le entre guillemets : \"{value}\").")
        variants = entry.get("a_eviter")
        if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
            problems.append(f"{file} — {name} : « a_eviter » doit être une liste de mots, par exemple [mot 1, mot 2], ou [] s'il n'y en a pas.")
        french = entry.get("fr")
        if isinstance(french, str):
            if french.casefold() in seen:
                problems.append(f"{file} — {name} : ce terme est déjà dans la liste ; gardez une seule entrée.")
            seen.add(french.casefold())
    # A variant to avoid must never hit a translation the list asks for.
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("a_eviter"), list):
            continue
        for variant in entry["a_eviter"]:
            if not isinstance(variant, str) or not variant.strip():
                continue
            for other in entries:
                translation = other.get("traduction") if isinstance(other, dict) else None
                if isinstance(translation, str) and variant_pattern(variant).search(translation) and variant.casefold() != str(other.get("fr", "")).casefold():
                    problems.append(f"{file} — terme « {entry.get('fr')} » : la variante à éviter « {variant} » se trouve dans la "
                                    f"traduction « {translation} » du terme « {other.get('fr')} » ; retirez-la ou changez la traduction.")
    return problems


def typography_problems(typography, file: str) -> list[str]:
    if not isinstance(typography, dict):
        return [f"{file} : « typographie: » doit être un bloc de réglages."]
    problems = [f"{file} — typographie : réglage « {key} » inconnu (réglages possibles : {', '.join(sorted(TYPOGRAPHY_FIELDS))})."
                for key in typography if key not in TYPOGRAPHY_FIELDS]
    for key in ("guillemets_interdits", "sans_espace_avant", "mots_interdits_avant_numero", "regles"):
        value = typography.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            problems.append(f"{file} — typographie : « {key} » doit être une liste de textes.")
    if any(len(sign) != 1 for sign in typography.get("sans_espace_avant", []) if isinstance(sign, str)):
        problems.append(f"{file} — typographie : « sans_espace_avant » est une liste de signes d'un caractère, par exemple [\":\", \"?\"].")
    for number, rule in enumerate(typography.get("motifs_interdits") or [], 1):
        if not isinstance(rule, dict) or set(rule) != {"motif", "message"}:
            problems.append(f"{file} — typographie, motif n° {number} : écrivez « - motif: '…' » et « message: … ».")
            continue
        try:
            re.compile(rule["motif"])
        except (re.error, TypeError) as error:
            problems.append(f"{file} — typographie, motif n° {number} : l'expression « {rule['motif']} » est invalide ({error}).")
    return problems


def variant_pattern(variant: str) -> re.Pattern:
    """A variant as whole words, any case, any run of spaces or a line break between its words, either apostrophe."""
    words = [re.sub(r"\\?['’]", "['’]", re.escape(word)) for word in variant.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Rules:
    variants: tuple  # (pattern, variant, French term, translation)
    forbidden_signs: tuple[str, ...]
    no_space_before: str
    before_number: re.Pattern | None
    patterns: tuple  # (pattern, message)


def rules_of(data: dict) -> Rules:
    typography = data.get("typographie") or {}
    variants = tuple((variant_pattern(variant), variant, entry["fr"], entry["traduction"])
                     for entry in data["termes"] for variant in entry["a_eviter"])
    words = typography.get("mots_interdits_avant_numero") or []
    # A number marker (<!-- @numero 119 -->, <!-- @numeros 17 112 -->) or a caption's number ({119}).
    before_number = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?=<!--\s*@numeros?\s+\d|\{\d+\})",
                               re.IGNORECASE) if words else None
    return Rules(variants, tuple(typography.get("guillemets_interdits") or []), "".join(typography.get("sans_espace_avant") or []),
                 before_number, tuple((re.compile(rule["motif"]), rule["message"]) for rule in typography.get("motifs_interdits") or []))


def read_list(language: str) -> dict:
    return yaml.safe_load((DOCS / language / "_data" / LIST_NAME).read_text(encoding="utf-8"))


# ----- what is text ---------------------------------------------------------------------------------------

def blank(text: str, start: int, end: int) -> str:
    return text[:start] + "".join(c if c == "\n" else MASK for c in text[start:end]) + text[end:]


def masked(text: str, spans) -> str:
    for start, end in spans:
        text = blank(text, start, end)
    return text


def spans_of(pattern: str, text: str, flags=0, group=0):
    return [match.span(group) for match in re.finditer(pattern, text, flags)]


COMMON = [  # not text, in a page as in a data file
    r"<!--.*?-->",                                  # markers and comments
    r"`[^`\n]+`",                                   # code
    r"<[a-zA-Z/][^>\n]*>",                          # HTML tags, <https://…>
    r"https?://[^\s)>\]\"']+",                      # addresses
    r"\{[^{}\n]*\}",                                # attribute lists { .class }, {119}, {count}
    r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])",           # icons :material-alert:
]


def markdown_text(text: str) -> str:
    """A page with everything that is not text replaced by a mask of the same length (lines are kept)."""
    spans = []
    front = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
    if front:
        spans.append((0, 4))
        key = None
        for line in re.finditer(r"[^\n]*\n", front.group(1)):
            start = 4 + line.start()
            found = re.match(r"([\w-]+):", line.group(0))
            key = found.group(1) if found else key
            if key in NOT_TEXT_FIELDS:
                spans.append((start, 4 + line.end() - 1))
            elif found:
                spans.append((start, start + found.end()))
        spans.append((front.end() - 4, front.end()))
    spans += spans_of(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", text, re.MULTILINE | re.DOTALL)
    for pattern in COMMON:
        spans += spans_of(pattern, text, re.DOTALL)
    spans += spans_of(r"\]\(([^)\s]*)", text, group=1)                              # link targets
    spans += spans_of(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*", text, re.MULTILINE)  # admonitions
    spans += spans_of(r"^[ \t]*:(?=[ \t])", text, re.MULTILINE)                      # definition lists
    spans += spans_of(r"^[ \t|:-]*-{3,}[ \t|:-]*$", text, re.MULTILINE)              # table rules
    return masked(text, spans)


def yaml_text(text: str, keys: str = r"['\"]?[\w.-]+['\"]?") -> str:
    """A data file with its comments, its keys and what is not text masked."""
    spans = spans_of(r"^[ \t]*#[^\n]*", text, re.MULTILINE) + spans_of(r"[ \t]#[ \t][^\n]*", text)
    spans += spans_of(rf"^[ \t]*(?:- )?{keys}:(?=\s|$)", text, re.MULTILINE)
    for pattern in COMMON:
        spans += spans_of(pattern, text, re.DOTALL)
    return masked(text, spans)


def config_entry(language: str) -> tuple[int, str] | None:
    """The lines of a language's entry in mkdocs.yml (from « - locale: xx » to the next entry), and where it starts."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    start = next((n for n, line in enumerate(lines) if re.fullmatch(rf"\s*- locale: {re.escape(language)}\s*", line)), None)
    if start is None:
        return None
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return start, "\n".join(lines[start:end])


# ----- the check ------------------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    what: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.what}"


def check_text(raw: str, text: str, rules: Rules, file: str, first_line: int = 1) -> list[Problem]:
    """Problems of one source: ``raw`` as written (for markers), ``text`` the same with what is not text masked."""
    starts = [0] + [m.end() for m in re.finditer("\n", raw)]

    def at(offset: int) -> int:
        return first_line + bisect.bisect_right(starts, offset) - 1

    found = []
    if rules.before_number:
        for match in rules.before_number.finditer(raw):
            found.append(Problem(file, at(match.start()), f"« {match.group(0).strip()} » avant un numéro : pas d'article (call 119, 119 is free)"))
    for sign in rules.forbidden_signs:
        for match in re.finditer(re.escape(sign), text):
            found.append(Problem(file, at(match.start()), f"« {sign} » interdit : écrivez “ ”"))
    if rules.no_space_before:
        signs = re.escape(rules.no_space_before)
        # Spaces after something on the line (not an indentation), before a sign that is not an emoticon.
        for match in re.finditer(rf"(?<=[^\s])[{SPACES}]+([{signs}])(?![)(/|'-]|[{signs}]*[\w(])", text):
            found.append(Problem(file, at(match.start()), f"espace avant « {match.group(1)} » : collez le signe au mot"))
    for pattern, message in rules.patterns:
        for match in pattern.finditer(text):
            found.append(Problem(file, at(match.start()), f"« {match.group(0)} » : {message}"))
    for pattern, variant, french, translation in rules.variants:
        for match in pattern.finditer(text):
            around = text[max(match.start() - 1, 0):match.start()] + text[match.end():match.end() + 1]
            if around in ("“”", "()") and variant.casefold() == french.casefold():
                continue  # the French word, quoted as such: “emprise”, or alone in brackets: Hold (emprise)
            found.append(Problem(file, at(match.start()),
                                 f"« {' '.join(match.group(0).split())} » à éviter (terme « {french} », traduction : « {translation} »)"))
    return found


def check_language(language: str, rules: Rules) -> list[Problem]:
    folder = DOCS / language
    problems = []
    for path in sorted(folder.rglob("*.md")):
        raw = path.read_text(encoding="utf-8")
        problems += check_text(raw, markdown_text(raw), rules, shown(path))
    for path in sorted((folder / "_data").glob("*.yml")):
        if path.name != LIST_NAME:
            raw = path.read_text(encoding="utf-8")
            problems += check_text(raw, yaml_text(raw), rules, shown(path))
    entry = config_entry(language)
    if entry:
        start, raw = entry
        problems += check_text(raw, yaml_text(raw, keys=r"[^:#\n]+"), rules, "mkdocs.yml", first_line=start + 1)
    return sorted(set(problems))


# ----- the tests ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES_WITH_A_LIST)
def test_the_terminology_list_is_well_formed(language):
    file = f"docs/{language}/_data/{LIST_NAME}"
    problems = list_problems(read_list(language), file, language)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES_WITH_A_LIST)
def test_the_sources_follow_the_terminology_list(language):
    data = read_list(language)
    assert not list_problems(data, "", language), f"Corrigez d'abord docs/{language}/_data/{LIST_NAME}."
    problems = check_language(language, rules_of(data))
    assert not problems, (f"{len(problems)} écart(s) à docs/{language}/_data/{LIST_NAME} (un terme, une traduction) :\n"
                          + "\n".join(map(str, problems)))


def test_english_has_a_terminology_list():
    assert "en" in LANGUAGES_WITH_A_LIST, f"docs/en/_data/{LIST_NAME} manque."


SAMPLE_LIST = {
    "langue": "xx",
    "typographie": {"guillemets_interdits": ["«", "»"], "sans_espace_avant": [":", ";", "?", "!"],
                    "mots_interdits_avant_numero": ["the"],
                    "motifs_interdits": [{"motif": r"\d(?:[\d,.]*\d)?[ \u00a0]?€", "message": "€1,500"},
                                         {"motif": r"\d(?:[\d,.]*\d)?[ \u00a0]%", "message": "62%"}]},
    "termes": [{"fr": "fausse copine", "traduction": "fake friend", "note": "…", "a_eviter": ["fake girlfriend"]},
               {"fr": "code pénal", "traduction": "Criminal Code", "note": "…", "a_eviter": ["penal code", "code pénal"]},
               {"fr": "juge des enfants", "traduction": "juvenile judge", "note": "…", "a_eviter": ["children's judge"]}],
}

BAD_PAGE = """---
description: "She is a fake girlfriend."
variants: [fake girlfriend, penal code]
related_terms: [fausse-copine]
---

# Title : with a space

!!! abstract "In 30 seconds"

    He says « just once ». Call <!-- @numero 119 -->, at 21:47, on https://example.org/a:b?c=d.

Call the <!-- @numero 119 --> now. The
<!-- @numero 3018 --> helps. The {119} listens.
Kenzo (21:47) : Hey
Read [her story](../lexique/fausse-copine.md) :material-alert: and the French Criminal Code (“code pénal”).
It is in the penal
code, and the code pénal too. It costs 1,500 € or 62 % of it, not €1,500, €3,750. The children’s judge (code pénal).

| Word | Meaning |
| :--- | ---: |
| hold | emprise |

Is this normal?
:   No. <!-- @contact 119 3018 -->

Who? 4 ! Great :) fine; {: .class } ok
"""


def test_the_checker_catches_each_kind_of_mistake_and_nothing_else():
    assert not list_problems(SAMPLE_LIST, "x", "xx")
    problems = check_text(BAD_PAGE, markdown_text(BAD_PAGE), rules_of(SAMPLE_LIST), "page.md")
    got = sorted((problem.line, problem.what.split(" :")[0].split(" à éviter")[0].split(" avant")[0]) for problem in problems)
    assert got == sorted([
        (2, "« fake girlfriend »"),
        (7, "espace"),
        (11, "« « » interdit"), (11, "« » » interdit"),
        (13, "« the »"), (13, "« The »"), (14, "« The »"),
        (15, "espace"),
        (17, "« penal code »"),
        (18, "« code pénal »"), (18, "« 1,500 € »"), (18, "« 62 % »"), (18, "« children’s judge »"),
        (27, "espace"),
    ]), "\n".join(map(str, problems))


def test_a_malformed_list_is_named_in_french_with_its_entry():
    broken = {**SAMPLE_LIST, "termes": [{"fr": "emprise", "note": "…", "a_eviter": ["hold"]},
                                        {"fr": "client", "traduction": "buyer", "note": "…", "a_eviter": "customer"},
                                        {"fr": "passe", "traduction": "trick", "note": "", "a_eviter": [], "exemple": "x"},
                                        {"fr": "proxénète", "traduction": "pimp", "note": "…", "a_eviter": ["pimp"]}]}
    problems = list_problems(broken, "docs/xx/_data/terminologie.yml", "xx")
    text = "\n".join(problems)
    assert all(p.startswith("docs/xx/_data/terminologie.yml") for p in problems), text
    assert any("terme « emprise »" in p and "traduction manque" in p for p in problems), text
    assert any("terme « client »" in p and "a_eviter" in p for p in problems), text
    assert any("terme « passe »" in p and "note" in p for p in problems), text
    assert any("terme « passe »" in p and "« exemple » inconnu" in p for p in problems), text
    assert any("terme « proxénète »" in p and "« pimp »" in p and "traduction" in p for p in problems), text
    assert list_problems({**SAMPLE_LIST, "langue": "en"}, "f", "xx")
