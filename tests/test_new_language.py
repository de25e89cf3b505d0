"""A language is one mkdocs.yml entry and one folder: a throwaway language, scaffolded then given three
pages, builds in a copy of the project; its other pages fall back to French, marked, and are in its
search index. And one build reports the mistakes of several files together."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from helpers import project_copy
from site_map import source_pages

TRIAL = "de"  # a language the site does not have; Material and Babel know it
EDITOR = "https://forge.test/pas-a-vendre/edit/main/docs/"
PAGES = {
    "index.md": '---\ndescription: "Startseite."\n---\n\n# Nicht zu verkaufen\n\nHilfe: <!-- @numero 119 -->\n',
    "a-propos.md": '---\ndescription: "Über uns."\n---\n\n# Über uns\n\nText.\n',
    "accessibilite.md": '---\ndescription: "Barrierefreiheit."\n---\n\n# Barrierefreiheit\n\n<!-- @contact 119 -->\n',
}


# The copies keep two languages: what is tested is one more language, and each build of the copy then
# takes a third of the time of the whole site's.
KEPT = ("fr", "en")


def build(project, destination, settings: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destination)], cwd=project,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(settings or {})}, capture_output=True, text=True)


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("projet"), KEPT)
    shutil.copyfile(project / "mkdocs.yml", project.parent / "mkdocs.before.yml")
    scaffold = subprocess.run([sys.executable, "scripts/new_language.py", TRIAL], cwd=project, capture_output=True, text=True)
    assert scaffold.returncode == 0, scaffold.stdout + scaffold.stderr
    for name, text in PAGES.items():
        (project / "docs" / TRIAL / name).write_text(text, encoding="utf-8")
    site = project / "site"
    # Built as volunteers preview it, with « Modifier cette page » links (README, « Modifier depuis le navigateur »).
    result = build(project, site, {"ADRESSE_EDITION": EDITOR})
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site, scaffold.stdout


def test_the_scaffold_adds_one_entry_and_one_folder_and_says_what_remains(trial):
    project, _, report = trial
    before = project.parent / "mkdocs.before.yml"
    changed = subprocess.run(["git", "diff", "--no-index", "--stat", str(before), str(project / "mkdocs.yml")],
                             capture_output=True, text=True).stdout
    assert "1 file changed" in changed and "deletion" not in changed, changed
    assert sorted(p.name for p in (project / "docs" / TRIAL).iterdir()) == sorted(["_data", *PAGES])
    assert [p.name for p in (project / "docs" / TRIAL / "_data").iterdir()] == ["interface.yml"]
    # Reported before the three pages were written: every page of the default language remains.
    assert f"pages pas encore traduites (affichées en français) : {len(source_pages())}" in report, report
    assert "contacts.yml" in report and f"docs/{TRIAL}/articles/loverboy.md" in report, report
    assert f"docs/{TRIAL}/_data/terminologie.yml" in report, report  # to write, on the model of another language's


def test_written_pages_are_in_the_language_and_the_others_fall_back_to_french(trial):
    from bs4 import BeautifulSoup

    _, site, _ = trial
    home = BeautifulSoup((site / TRIAL / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.html["lang"] == TRIAL and home.h1.get_text(strip=True) == "Nicht zu verkaufen"
    assert home.find("a", href="tel:119"), "Le marqueur @numero est rempli dans la nouvelle langue."
    fallback = BeautifulSoup((site / TRIAL / "articles" / "loverboy" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert fallback.html["lang"] == TRIAL, "L'interface d'une page de repli reste dans la langue du lecteur."
    notice = fallback.select_one(".pav-fallback")
    assert notice is not None, "L'avis de page non traduite manque."
    french = fallback.find(attrs={"lang": "fr"})
    assert french is not None and french.get("dir") == "ltr" and french.find("h1"), "Le texte français n'est pas marqué lang=fr."


def test_fallback_pages_are_in_the_languages_search_index_marked(trial):
    _, site, _ = trial
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = [page for page in (site / TRIAL).rglob("index.html") if "data-pagefind-body" in page.read_text(encoding="utf-8")]
    # Every page of the language but the search page, which lists them all.
    assert len(pages) == len(source_pages()) - 1
    assert entry["languages"][TRIAL]["page_count"] == len(pages), entry["languages"]
    loverboy = (site / TRIAL / "articles" / "loverboy" / "index.html").read_text(encoding="utf-8")
    # The scaffold's strings are still French.
    assert re.search(r'data-pagefind-meta="title:[^"]+ \(en français\)"', loverboy), "Titre de résultat non marqué"
    own = (site / TRIAL / "a-propos" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in own and "data-pagefind-meta" not in own and "<h1" in own


def test_one_build_reports_the_mistakes_of_three_files_together(tmp_path):
    project = project_copy(tmp_path / "projet", KEPT)
    contacts = project / "docs" / "_data" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace('phone: "17"', 'phone: "1777"', 1), encoding="utf-8")
    interface = project / "docs" / "en" / "_data" / "interface.yml"
    interface.write_text(interface.read_text(encoding="utf-8").replace("quick_exit: Leave this site\n", ""), encoding="utf-8")
    term = project / "docs" / "fr" / "lexique" / "loverboy.md"
    term.write_text(term.read_text(encoding="utf-8").replace("short:", "courte:", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    for file, words in (("docs/_data/contacts.yml", "1777"), ("docs/en/_data/interface.yml", "« quick_exit »"),
                        ("docs/fr/lexique/loverboy.md", "« courte »")):
        assert any(file in line and words in line for line in log.splitlines()), f"{file} / {words} absent :\n{log}"


def test_one_build_names_the_mistakes_of_every_page_and_fails(tmp_path):
    project = project_copy(tmp_path / "projet", KEPT)
    help_page = project / "docs" / "fr" / "aide.md"
    help_page.write_text(help_page.read_text(encoding="utf-8").replace("<!-- @contact ", "<!-- @contacts ", 1), encoding="utf-8")
    safety = project / "docs" / "en" / "securite.md"
    safety.write_text(safety.read_text(encoding="utf-8") + "\nCall <!-- @numero 118 -->.\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log, log
    assert any("docs/fr/aide.md" in line and "« @contacts » n'existe pas" in line for line in log.splitlines()), log
    assert any("docs/en/securite.md" in line and "« 118 » n'existe pas" in line for line in log.splitlines()), log


def test_a_volunteers_build_links_each_page_to_the_file_to_edit(trial, site):
    """The file behind the page, in the repository's web editor (a page shown in French: the French file);
    no repo_url, so no request to the repository's host; and no such link in the site as published."""
    _, volunteers, _ = trial
    expected = {f"{TRIAL}/a-propos/": f"{TRIAL}/a-propos.md", f"{TRIAL}/articles/loverboy/": "fr/articles/loverboy.md",
                "aide/": "fr/aide.md", "en/aide/": "en/aide.md"}
    for path, source in expected.items():
        html = (volunteers / path / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<p class="pav-edit"[^>]*><a href="([^"]+)"[^>]*>([^<]+)</a>', html)
        assert links == [(EDITOR + source, "Modifier cette page" if not path.startswith("en/") else "Edit this page")], (path, links)
        assert "md-source" not in html and "api.github.com" not in html
    assert "pav-edit" not in (site / "aide" / "index.html").read_text(encoding="utf-8"), "Lien de modification publié."
