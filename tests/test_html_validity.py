"""Valid HTML: the Nu HTML Checker (the W3C's validator, npm package vnu-jar pinned in scripts/package.json)
finds no error on any page of any language, fallback and 404 pages included. Run once over the whole
built site with the system Java (make test installs both)."""

import collections
import json
import shutil
import subprocess
import time

import pytest
from bs4 import BeautifulSoup
from site_map import ROOT, i18n_languages, language_root, site_config
from sitelib.html import without_checkbox_autocomplete

CHECKER = ROOT / "scripts" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker_command() -> list[str]:
    java = shutil.which("java")
    if not java or not CHECKER.exists():
        missing = "Java (paquet Debian default-jre-headless)" if not java else f"Le validateur HTML ({CHECKER.relative_to(ROOT)})"
        pytest.fail(f"{missing} est introuvable : lancez « make test », qui l'installe.", pytrace=False)
    # --verbose: the name of each file checked, on stdout.
    return [java, "-jar", str(CHECKER), "--skip-non-html", "--errors-only", "--format", "json", "--verbose"]


def by_message(messages: list[dict], site) -> list[str]:
    """One line per distinct message, the most frequent first: how many, and where the first one is."""
    counts = collections.Counter(message["message"] for message in messages)
    first = {}
    for message in messages:
        first.setdefault(message["message"], message)
    lines = []
    for text, count in counts.most_common():
        example = first[text]
        page = example.get("url", "").partition(str(site))[2] or example.get("url")
        extract = " ".join(example.get("extract", "").split())
        lines.append(f"{count:5} × {text}\n        par exemple {page}, ligne {example.get('lastLine', '?')} : {extract}")
    return lines


def test_every_page_is_valid_html(site, record_property):
    started = time.monotonic()
    result = subprocess.run([*checker_command(), str(site)], capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - started
    try:
        messages = json.loads(result.stderr)["messages"]  # the checker writes its report on stderr
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"Le validateur HTML n'a pas rendu de rapport (code {result.returncode}) :\n{result.stderr[-3000:]}", pytrace=False)
    checked, pages = len(result.stdout.splitlines()), sum(1 for _ in site.rglob("*.html"))
    record_property("mesure", f"Validité HTML (Nu HTML Checker) : {checked} pages vérifiées, {len(messages)} erreurs, {seconds:.0f} s")
    assert checked == pages, f"Le validateur HTML a vérifié {checked} fichiers, le site a {pages} pages HTML."
    assert not messages, (
        f"Le validateur HTML trouve {len(messages)} erreurs dans {len({message.get('url') for message in messages})} pages. "
        "Corrigez-les à leur source (page Markdown, fragment de overrides/hooks/sitelib/templates/, surcharge de Material "
        "dans overrides/partials/) :\n"
        + "\n".join(by_message(messages, site)))


@pytest.mark.parametrize("language", [language["locale"] for language in i18n_languages()])
def test_each_404_page_describes_the_site_in_its_language(site, language):
    """The 404 page has no description of its own: Material writes the site's, unescaped (the English one
    has plain quotes); the hooks escape it for each language's build, then put it back as written."""
    entry = next(entry for entry in i18n_languages() if entry["locale"] == language)
    expected = " ".join((entry.get("site_description") or site_config()["site_description"]).split())
    page = BeautifulSoup((site / language_root(language) / "404.html").read_text(encoding="utf-8"), "html.parser")
    description = page.find("meta", attrs={"name": "description"})
    assert description and description["content"] == expected, (
        f"/{language_root(language)}404.html : description « {description and description.get('content')} », "
        f"attendue celle de mkdocs.yml pour {language} : « {expected} »")


def test_checkboxes_lose_autocomplete_but_the_search_field_keeps_it():
    """The search field's autocomplete="off" keeps searches out of the browser's form history."""
    page = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input id="pav-search-input" type="search" autocomplete="off">')
    assert without_checkbox_autocomplete(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input id="pav-search-input" type="search" autocomplete="off">'), without_checkbox_autocomplete(page)
