"""« python scripts/nouveau.py »: a page, a term, a story, a sheet, a video started in one command. On a copy
of the project, what it writes is in the menu and declared untranslated where it is not written; the build
and make check then list, in French, only what remains to fill, in the files it wrote; filled in, they pass."""

import re
import subprocess
import sys

import pytest

from helpers import project_copy
from sitelib.page_list import menu_pages
from sitelib.project import project_languages, read_config

STARTS = {
    "page": (["page", "articles/mon-article.md", "Mon article", "--rubrique", "Comprendre"], "articles/mon-article.md"),
    "terme": (["terme", "mot-nouveau", "Mot nouveau"], "lexique/mot-nouveau.md"),
    "histoire": (["histoire", "le-faux-casting", "Le faux casting"], "histoires/le-faux-casting.md"),
    "fiche": (["fiche", "ecrans-et-argent", "Écrans et argent"], "pros/ateliers/ecrans-et-argent.md"),
    "video": (["video", "mon-clip", "Mon clip"], "videos/mon-clip.md"),
}
# What a volunteer writes in place of each blank (web addresses first: they are blanks too).
FILLED = [
    (re.compile(r"<!-- @a-ecrire[^>]*-->"), "Un texte."),
    (re.compile(r'^(\s*)(url|embed|source): ""', re.MULTILINE), r'\1\2: "https://example.org/clip"'),
    (re.compile(r'^(\s*[a-z_]+): ""', re.MULTILINE), r'\1: "Un texte."'),
    (re.compile(r"^(\s*)(age|reading_minutes|duration):(?=\s*(#|$))", re.MULTILINE), r"\1\2: 20"),
    (re.compile(r"^age: \[\]", re.MULTILINE), "age: [12, 15]"),
    (re.compile(r"^group: \[\]", re.MULTILINE), "group: [8, 20]"),
    (re.compile(r"^(\s*)themes: \[\]", re.MULTILINE), r"\1themes: [loverboy]"),
    (re.compile(r"^(objectives|material): \[\]", re.MULTILINE), r'\1: ["Un texte."]'),
    (re.compile(r"^contacts: \[\]", re.MULTILINE), 'contacts: ["119"]'),
    (re.compile(r"^personnages: \{\}", re.MULTILINE), "personnages: {perso: Sam}"),
]


def run(root, *arguments):
    return subprocess.run([sys.executable, *arguments], cwd=root, capture_output=True, text=True)


@pytest.mark.parametrize("kind", STARTS)
def test_a_start_is_in_the_menu_and_every_language_and_the_check_lists_only_what_to_fill(kind, tmp_path):
    root = project_copy(tmp_path)
    arguments, page = STARTS[kind]
    started = run(root, "scripts/nouveau.py", *arguments)
    assert started.returncode == 0 and "À remplir :" in started.stdout, started.stdout + started.stderr
    written = {line.split(" : ")[1] for line in started.stdout.splitlines() if line.startswith(("Créé : ", "Modifié : "))}
    assert f"docs/fr/{page}" in written

    config, languages = read_config(root), project_languages(root)
    assert (page in menu_pages(config["nav"])) == (kind != "terme")
    assert all(languages.is_untranslated(language, page) for language in languages.ordered()[1:])

    check = run(root, "scripts/check.py")
    output = check.stdout + check.stderr
    named = {line.split(" — ")[0].removeprefix("  • ") for line in check.stdout.splitlines() if line.startswith("  • ")}
    assert check.returncode == 1 and "Traceback" not in output and named and named <= written, output

    for name in written - {"mkdocs.yml"}:
        path = root / name
        text = path.read_text(encoding="utf-8")
        for blank, filled in FILLED:
            text = blank.sub(filled, text)
        path.write_text(text, encoding="utf-8")
    filled = run(root, "scripts/check.py")
    assert filled.returncode == 0, filled.stdout + filled.stderr


def test_a_wrong_start_is_refused_in_french_and_writes_nothing(tmp_path):
    root = project_copy(tmp_path)
    before = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for arguments, words in ((["page", "articles/x.md", "X", "--rubrique", "Divers"], "le menu n'a pas de rubrique « Divers »"),
                             (["terme", "Mot Nouveau", "Mot"], "n'est pas un identifiant"),
                             (["page", "aide.md", "Aide", "--rubrique", "Besoin d'aide"], "docs/fr/aide.md existe déjà")):
        refused = run(root, "scripts/nouveau.py", *arguments)
        assert refused.returncode == 1 and words in refused.stdout and "À faire :" in refused.stdout, refused.stdout + refused.stderr
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == before and not (root / "docs/fr/articles/x.md").exists()
