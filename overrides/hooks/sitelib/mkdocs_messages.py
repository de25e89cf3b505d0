"""MkDocs' own warnings (a link, an anchor or a menu entry to nothing, a page left out of the menu), which
it writes in English and without the file's place, in the site's French form: file, place, fix. The
build's logging passes each message here (mkdocs_hooks.py); a message not recognised is left as it is.
Written against MkDocs 1.6's wording: tests/test_volunteer_mistakes.py builds with MkDocs' real messages
and fails on any warning left in English, so a new wording fails a test instead of going back to English
silently (tests/test_mkdocs_messages.py: the wordings the build stops before MkDocs can say them)."""

import re
from pathlib import Path

from .errors import ContentError
from .page_list import absolute_menu_page, missing_menu_page, page_not_in_menu
from .page_rules import absolute_link, missing_link

FILE = r"Doc file '(?P<page>[^']+)'"
SUGGESTION = r"(?: Did you mean '(?P<suggestion>[^']*)'\?)?"
MESSAGES = {
    "link": re.compile(rf"^{FILE} contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is not found among "
                       rf"documentation files\.{SUGGESTION}$"),
    "anchor_here": re.compile(rf"^{FILE} contains a link '(?P<link>[^']+)', but there is no such anchor on this page\."
                              r"(?P<footnote> This seems to be a footnote that is never referenced\.)?$"),
    "anchor_there": re.compile(rf"^{FILE} contains a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does not contain "
                               r"an anchor '#(?P<anchor>[^']+)'\.$"),
    "absolute_link": re.compile(rf"^{FILE} contains an absolute link '(?P<link>[^']+)', it was left as is\.{SUGGESTION}$"),
    "unrecognized_link": re.compile(rf"^{FILE} contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\."
                                    rf"{SUGGESTION}$"),
    "menu_absolute": re.compile(r"^An absolute path to '(?P<link>[^']+)' is included in the 'nav' configuration, which "
                                r"presumably points to an external resource\.$"),
    "menu_missing": re.compile(r"^A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found "
                               r"in the documentation files\.$"),
    "not_in_menu": re.compile(r'^The following pages exist in the docs directory, but are not included in the "nav" '
                              r"configuration:\n(?P<pages>(?:  - .+\n?)+)$"),
}


def line_of(docs: Path, page: str, link: str) -> str:
    """« ligne N » of the first line of the page's file that holds the link; « lien « … » » if none does."""
    try:
        lines = (docs / page).read_text(encoding="utf-8").split("\n")
    except OSError:
        lines = []
    written = re.compile(rf"""\(\s*{re.escape(link)}[)\s]|["']{re.escape(link)}["']""")  # Markdown's (…) or HTML's "…"
    return next((f"ligne {number}" for number, line in enumerate(lines, start=1) if written.search(line)), f"lien « {link} »")


def in_french(message: str, docs: Path, default: str) -> list[ContentError] | None:
    """The French errors that say what ``message`` says, or None for a message this module does not know.
    ``docs``: the docs folder (its name starts the files named); ``default``: the default language."""
    for kind, pattern in MESSAGES.items():
        if found := pattern.match(message):
            break
    else:
        return None
    shown = docs.name
    if kind == "not_in_menu":
        return [page_not_in_menu(page.split("/", 1)[-1], [f"{shown}/{page}"])
                for page in (line.removeprefix("  - ").strip() for line in found["pages"].splitlines()) if page]
    if kind == "menu_absolute":
        return [absolute_menu_page(found["link"])]
    if kind == "menu_missing":
        return [missing_menu_page(found["link"], default)]
    file, link = f"{shown}/{found['page']}", found["link"]
    place = line_of(docs, found["page"], link)
    if kind == "link":
        return [missing_link(file, place, link, found["suggestion"])]
    if kind == "anchor_here" and found["footnote"]:
        note = link.removeprefix("#fnref:")
        return [ContentError(file, f"note « [^{note}] »", "cette note de bas de page n'est appelée nulle part dans le texte.",
                             f"ajoutez « [^{note}] » là où la note s'applique, ou retirez la note.")]
    if kind in ("anchor_here", "anchor_there"):
        target = "de cette page" if kind == "anchor_here" else f"de {shown}/{found['target']}"
        return [ContentError(file, place, f"le lien « {link} » mène à un endroit {target} qui n'existe pas (aucun intertitre "
                             "n'a cet identifiant).", "copiez l'adresse depuis l'intertitre visé (le signe ¶ à côté de lui sur "
                             "le site), ou retirez la partie « #… » du lien.")]
    if kind == "absolute_link":
        return [absolute_link(file, place, link, found["suggestion"])]
    fix = f"écrivez « {found['suggestion']} »." if found["suggestion"] else "écrivez le chemin du fichier .md, depuis le dossier " \
        "de cette page (ex. ../aide.md)."
    return [ContentError(file, place, f"le lien « {link} » ne mène pas à un fichier (il manque « .md » ?).", fix)]
