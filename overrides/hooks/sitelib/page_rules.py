"""Rules every page's Markdown follows, checked on the file as the volunteer wrote it, at each build and
preview (``make serve``), so that a mistake is named at once, with its line, instead of being published
silently: one title, headings in order, a description that search engines can show, a text alternative
for each image, markers typed so that the build sees them, help numbers that the reader can call.
"""

import re
from pathlib import Path

import phonenumbers
from phonenumbers import shortnumberinfo

from .contacts import number_key
from .errors import ContentError
from .markers import MARKER

DESCRIPTION_LENGTH = 160
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+\S")
MARKER_START = re.compile(r"<!--\s*@")
SPACE_AFTER_AT = re.compile(r"<!--\s*@\s+(?P<name>[\w-]+)")
EMPTY_ALT = re.compile(r"!\[\s*\]\(")
IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^>]*\balt=)[^>]*>", re.IGNORECASE)
INLINE_CODE = re.compile(r"`[^`\n]*`")
# A run of digits, spaces or dots between digits allowed (« 0 800 05 95 59 », « 116 000 »); not part of a
# word, an address, a decimal or a date (« 2,5 », « 12/03 »).
NUMBER = re.compile(r"(?<![\w/.,#:+-])(\+?\d(?:\d|[ \u00a0.](?=\d))*\d)(?![\w/-]|[.,]\d)")
# The markers that give the reader a contact's number in one tap (@langues names languages only).
NUMBER_MARKERS = {"contact", "numeros", "numero"}
LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)")


def body_lines(markdown: str, first_line: int):
    """(line number, line) of the Markdown outside code blocks, inline code blanked."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, INLINE_CODE.sub(lambda span: " " * len(span.group(0)), line)


def check_page(markdown: str, meta: dict, file: str, first_line: int, marker_names: set[str],
               title_from_marker: bool = False, description_elsewhere: bool = False) -> list[ContentError]:
    """Every mistake of the page. ``markdown``: its body after the front matter, which starts at line
    ``first_line`` of the file; ``marker_names``: the markers a page may hold (to recognise one typed
    without its « @ »); ``title_from_marker``: the page's title comes from a marker (a video's page);
    ``description_elsewhere``: the build writes the description (a lexicon term's, from its « short »), or the
    page's model requires it (a story, a workshop sheet: their own message says it is missing)."""
    errors, titles, previous = [], [], 1
    forgotten_at = re.compile(rf"<!--\s*(?P<name>{'|'.join(map(re.escape, sorted(marker_names, key=len, reverse=True)))})\b")
    for number, line in body_lines(markdown, first_line):
        place = f"ligne {number}"
        if heading := HEADING.match(line):
            level = len(heading.group(1))
            if level == 1:
                titles.append(number)
            elif level > previous + 1:
                errors.append(ContentError(file, place, f"cet intertitre de niveau {level} (« {'#' * level} ») suit un titre de niveau "
                                           f"{previous} : un niveau est sauté.",
                                           f"écrivez « {'#' * (previous + 1)} » ici, ou ajoutez l'intertitre qui manque avant."))
            previous = level
        for start in MARKER_START.finditer(line):
            if "-->" not in line[start.end():]:
                errors.append(ContentError(file, place, "ce marqueur n'est pas fermé : la suite de la page disparaîtrait.",
                                           "terminez-le sur la même ligne par « --> », par exemple <!-- @numero 119 -->."))
        if spaced := SPACE_AFTER_AT.search(line):
            errors.append(ContentError(file, place, f"il y a un espace entre « @ » et « {spaced['name']} » : le marqueur ne "
                                       "serait pas vu, et rien ne s'afficherait.",
                                       f"collez-les : <!-- @{spaced['name']} … -->."))
        if marker_names and (bare := forgotten_at.search(line)):
            errors.append(ContentError(file, place, f"ce commentaire commence par « {bare['name']} » sans « @ » : le site le "
                                       "cacherait au lieu d'afficher ce qu'il annonce.",
                                       f"écrivez <!-- @{bare['name']} … --> (un commentaire ordinaire ne commence pas par le nom d'un marqueur)."))
        if EMPTY_ALT.search(line) or IMG_WITHOUT_ALT.search(line):
            errors.append(ContentError(file, place, "cette image n'a pas de texte alternatif : un lecteur d'écran ne dirait rien.",
                                       "décrivez l'image entre les crochets : ![ce que montre l'image](…)."))
    if len(titles) > 1:
        errors.append(ContentError(file, f"lignes {', '.join(map(str, titles))}", f"la page a {len(titles)} titres « # » ; elle "
                                   "doit en avoir un seul.", "gardez un seul « # Titre », et passez les autres en « ## »."))
    elif not titles and not title_from_marker:
        errors.append(ContentError(file, f"ligne {first_line}", "la page n'a pas de titre.",
                                   "ajoutez « # Titre de la page » après l'en-tête."))
    description = meta.get("description")
    if description is not None and len(str(description).strip()) > DESCRIPTION_LENGTH:
        errors.append(ContentError(file, "en-tête, description", f"la description a {len(str(description).strip())} signes "
                                   f"({DESCRIPTION_LENGTH} au plus) : un moteur de recherche la couperait.",
                                   "gardez une phrase courte sur ce que la page apporte."))
    elif not description_elsewhere and (description is None or not str(description).strip()):
        errors.append(ContentError(file, "en-tête, description", "la description manque ou est vide : un moteur de "
                                   "recherche montrerait un bout de texte au hasard.",
                                   "ajoutez dans l'en-tête « description: \"Une phrase sur ce que la page apporte.\" » "
                                   f"({DESCRIPTION_LENGTH} signes au plus)."))
    return errors


def phone_like(number: str, help_numbers: dict[str, str]) -> bool:
    """Whether a number written in a page is a telephone number: international, a French ten-digit number,
    a European 116 number, or a short number that is a help number of the site, or differs from one by a
    single digit and is one France could dial (« 3918 » for 3919: a typing mistake, not a figure)."""
    digits = number_key(number)
    if number.startswith("+") or (len(re.sub(r"\D", "", number)) == 10 and number.startswith("0")) or re.fullmatch(r"116\d{3}", digits):
        return True
    if not number.isdigit() or not 3 <= len(number) <= 4:
        return False  # « 15 ans », « 3 750 € », years and figures stay figures
    if digits in help_numbers:
        return True
    if re.fullmatch(r"(19|20)\d\d", digits):
        return False  # a year (« en 1919 » is not 3919 mistyped)
    one_digit_off = any(len(known) == len(digits) and sum(a != b for a, b in zip(known, digits)) == 1 for known in help_numbers)
    return one_digit_off and shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(digits, "FR"), "FR")


def help_number_errors(markdown: str, meta: dict, file: str, first_line: int, help_numbers: dict[str, str]) -> list[ContentError]:
    """Help numbers come from docs/_data/contacts.yml, through markers: a number typed by hand that no contact
    has (a wrong digit), or one the page names without giving it through a marker (the reader could not call
    it in one tap, and it would not change with the data). ``help_numbers``: contacts.help_numbers."""
    shown = {str(ident) for ident in meta.get("contacts") or []}  # a workshop sheet's cards
    for marker in MARKER.finditer(markdown):
        name, arguments = marker.groups()
        if name in NUMBER_MARKERS:
            shown.update(arguments.split())
    errors = []
    for number, line in body_lines(markdown, first_line):
        prose = MARKER.sub(lambda marker: " " * len(marker.group(0)), line)
        for found in NUMBER.finditer(prose):
            written = found.group(1)
            if not phone_like(written, help_numbers):
                continue
            ident = help_numbers.get(number_key(written))
            if ident is None:
                errors.append(ContentError(file, f"ligne {number}", f"le numéro « {written} » n'est celui d'aucun contact de "
                                           "docs/_data/contacts.yml : un chiffre faux, ou un service qui n'y est pas.",
                                           "écrivez <!-- @numero id --> avec l'identifiant du contact (ex. <!-- @numero 119 -->) ; "
                                           "un nouveau service s'ajoute d'abord à docs/_data/contacts.yml, avec sa source."))
            elif ident not in shown:
                errors.append(ContentError(file, f"ligne {number}", f"le numéro « {written} » est tapé à la main, et la page ne le "
                                           "donne par aucun marqueur : le lecteur ne pourrait pas l'appeler en un geste, et il "
                                           "ne suivrait pas docs/_data/contacts.yml.",
                                           f"écrivez <!-- @numero {ident} --> à la place du numéro."))
    return errors


def missing_link(file: str, place: str, link: str, suggestion: str | None = None) -> ContentError:
    fix = f"écrivez peut-être « {suggestion} »." if suggestion else "corrigez le chemin, depuis le dossier de cette page (ex. ../articles/loverboy.md)."
    return ContentError(file, place, f"le lien « {link} » mène à une page ou un fichier qui n'existe pas.", fix)


def absolute_link(file: str, place: str, link: str, suggestion: str | None = None) -> ContentError:
    fix = f"écrivez « {suggestion} »." if suggestion else "écrivez le chemin du fichier .md depuis le dossier de cette page (ex. ../aide.md)."
    return ContentError(file, place, f"le lien « {link} » commence par « / » : il ne marcherait pas dans chaque langue.", fix)


def link_errors(markdown: str, first_line: int, path: Path, docs: Path, language: str, default: str, file: str) -> list[ContentError]:
    """Links to pages that exist neither in the page's language nor in the default language (its fallback)."""
    errors, folder = [], (docs / language).resolve()
    for number, line in body_lines(markdown, first_line):
        for link in LINK.finditer(line):
            if link["target"].startswith("/"):
                errors.append(absolute_link(file, f"ligne {number}", link["target"]))
                continue
            target = (path.parent / link["target"]).resolve()
            relative = target.relative_to(folder) if target.is_relative_to(folder) else None
            if relative is None or not ((docs / language / relative).exists() or (docs / default / relative).exists()):
                errors.append(missing_link(file, f"ligne {number}", link["target"]))
    return errors
