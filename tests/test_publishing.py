"""Publishing is settings, not code: the site's address, the publisher's legal details and the quick-exit
targets come from environment variables (mkdocs.yml !ENV); a build for publishing refuses what would be
wrong online; the GitHub and GitLab Pages workflows run that build; README « Publier le site » names every
setting."""

import os
import re
import subprocess
import sys

import yaml
from bs4 import BeautifulSoup

from site_map import DEFAULT_LANGUAGE, LANGUAGES, ROOT, parsed_page
from sitelib.publishing import PUBLISHER_VARIABLES, check_publication, redirects, render_publisher
from sitelib.languages import Languages
from sitelib.strings import Ui

LABELS = {f"publisher_{field}": field.upper() for field in PUBLISHER_VARIABLES} | {"publisher_missing": "Il manque :"}
COMPLETE = {field: f"valeur {field}" for field in PUBLISHER_VARIABLES} | {"contact": "contact@association.test"}
SETTINGS = re.compile(r"!ENV \[(\w+)")


def test_an_example_address_is_refused_even_in_a_preview():
    errors = check_publication("https://www.example.org/", {}, publishing=False)
    assert len(errors) == 1 and "ADRESSE_DU_SITE" in str(errors[0]) and "exemple" in str(errors[0])
    assert check_publication("http://127.0.0.1:8000/", {}, publishing=False) == []


def test_publishing_needs_a_public_https_address_and_every_legal_detail():
    errors = [str(error) for error in check_publication("http://127.0.0.1:8000/", {"name": "Pas à vendre"}, publishing=True)]
    assert any("https" in error and "ADRESSE_DU_SITE" in error for error in errors)
    missing = next(error for error in errors if "mentions légales" in error)
    assert all(variable in missing for variable in set(PUBLISHER_VARIABLES.values()) - {"EDITEUR_NOM"}) and "EDITEUR_NOM" not in missing
    assert check_publication("https://pasavendre.test.fr/", COMPLETE, publishing=True) == []


def test_the_legal_notice_shows_what_is_given_and_names_what_is_missing():
    complete = BeautifulSoup(render_publisher(COMPLETE, Ui("fr", LABELS)), "html.parser")
    assert [dt.get_text() for dt in complete.select("dt")] == [field.upper() for field in PUBLISHER_VARIABLES]
    assert complete.select_one("a[href='mailto:contact@association.test']") and not complete.select("li")
    partial = BeautifulSoup(render_publisher({"name": "Pas à vendre", "host": "Hôte <b>"}, Ui("fr", LABELS)), "html.parser")
    assert [dd.get_text() for dd in partial.select("dd")] == ["Pas à vendre", "Hôte <b>"]
    assert [li.get_text() for li in partial.select("li")] == ["LEGAL_FORM", "ADDRESS", "DIRECTOR", "CONTACT"]


def test_the_built_legal_notice_invents_nothing(site):
    for path in ("mentions-legales/", "en/mentions-legales/"):
        page = parsed_page(site, path)
        assert [dd.get_text() for dd in page.select(".pav-publisher dd")] == ["Pas à vendre"], path
        assert len(page.select(".pav-publisher + p + ul li")) == len(PUBLISHER_VARIABLES) - 1, path


def test_a_publication_build_without_an_address_stops_with_a_french_message(tmp_path):
    environment = {key: value for key, value in os.environ.items() if key not in ("ADRESSE_DU_SITE", *PUBLISHER_VARIABLES.values())}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], cwd=ROOT,
                            env={**environment, "PUBLICATION": "1", "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert result.returncode != 0
    assert "ADRESSE_DU_SITE" in result.stderr and "EDITEUR_CONTACT" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_each_language_gets_its_404_page_on_hosts_that_read_redirects(tmp_path):
    languages = Languages(docs_dir=tmp_path, built=("fr", "en", "ar"), default="fr")
    assert redirects(languages) == "/en/*  /en/404.html  404\n/ar/*  /ar/404.html  404\n"


def test_the_pages_workflows_run_the_publication_build_with_every_setting():
    settings = set(SETTINGS.findall((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    job = github["jobs"]["publier"]
    assert any(step.get("run") == "make publish" for step in job["steps"])
    assert {"ADRESSE_DU_SITE", *PUBLISHER_VARIABLES.values()} <= set(job["env"]), "Le workflow GitHub ne passe pas tous les réglages."
    assert any(step.get("with", {}).get("path") == "site" for step in job["steps"])
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    assert "make publish" in gitlab["script"] and gitlab["artifacts"]["paths"] == ["public"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme[readme.index("## Publier le site"):]
    undocumented = sorted(setting for setting in settings if setting not in publishing)
    assert not undocumented, f"README, « Publier le site » : réglages non décrits {undocumented}"


def test_the_build_writes_the_redirects_of_every_language(site):
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert rules == [f"/{language}/*  /{language}/404.html  404" for language in LANGUAGES if language != DEFAULT_LANGUAGE]
