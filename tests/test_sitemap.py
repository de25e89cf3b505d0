"""The sitemap for search engines, and the head of every page, read from the build.

sitemap.xml (and its .gz) lists each page once in each language that has written it, never a page a
language shows in French in its place; each address carries its translations (hreflang, itself
included, and x-default for the French page), all absolute under site_url, each a built page in that
language, and the same translations from each of them. No page has hreflang links in its head: for
each one, Material's script would ask for a sitemap.xml on every page view (one browser visit checks
that none is asked for and that the language switcher still leads to the same page). Then
sitelib/sitemap.py on a small invented site.
"""

import gzip
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import theme
from helpers import write_file
from site_map import DEFAULT_LANGUAGE, LANGUAGES, html_file, language_root, site_config, source_pages, url_of
from sitelib.languages import Languages
from sitelib.sitemap import write_sitemap

NAMESPACES = {"sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
HTML_LANG = re.compile(r'<html\s[^>]*?\blang="([^"]*)"')


def read_sitemap(file: Path) -> dict[str, dict[str, str]]:
    """Each address (``<loc>``) of a sitemap → its alternates (hreflang → href). Invalid XML fails here."""
    root = ElementTree.parse(file).getroot()
    assert root.tag == f"{{{NAMESPACES['sitemap']}}}urlset", (
        f"{file.name} : la racine est {root.tag}, attendu <urlset> dans l'espace de noms des sitemaps.")
    entries = {}
    for url in root.findall("sitemap:url", NAMESPACES):
        loc = url.findtext("sitemap:loc", namespaces=NAMESPACES)
        assert loc not in entries, f"{file.name} : l'adresse {loc} est listée deux fois."
        entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link[@rel='alternate']", NAMESPACES)}
    return entries


@pytest.fixture(scope="module")
def site_url() -> str:
    return site_config()["site_url"]


@pytest.fixture(scope="module")
def sitemap(site) -> dict[str, dict[str, str]]:
    return read_sitemap(site / "sitemap.xml")


def test_the_sitemap_lists_each_page_in_each_language_that_has_written_it_and_no_fallback(site, sitemap, site_url):
    written = {site_url + language_root(language) + url_of(page) for language in LANGUAGES for page in source_pages(language)}
    fallbacks = {site_url + language_root(language) + url_of(page)
                 for language in LANGUAGES for page in set(source_pages()) - set(source_pages(language))}
    assert fallbacks, "Aucune page de repli sur ce site : le test ne vérifierait rien sur elles."
    listed_fallbacks = sorted(fallbacks & set(sitemap))
    assert not listed_fallbacks, f"sitemap.xml liste des pages de repli (en français) comme traductions : {listed_fallbacks[:10]}"
    missing, unknown = sorted(written - set(sitemap)), sorted(set(sitemap) - written)
    assert not missing and not unknown, (
        f"sitemap.xml : pages écrites absentes {missing[:10]}, adresses qui ne sont pas des pages écrites {unknown[:10]}")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes(), (
        "sitemap.xml.gz n'est pas sitemap.xml compressé : les moteurs liraient l'ancien plan du site.")


def test_every_address_and_alternate_is_absolute_and_a_built_page_in_its_language(site, sitemap, site_url):
    lang_of_file = {}

    def lang_of(href: str) -> str | None:
        file = html_file(site, href[len(site_url):])
        if file not in lang_of_file:
            found = HTML_LANG.search(file.read_text(encoding="utf-8")) if file.is_file() else None
            lang_of_file[file] = found and found[1]
        return lang_of_file[file]

    wrong = []
    for loc, alternates in sitemap.items():
        if loc not in alternates.values():
            wrong.append(f"{loc} : ne se donne pas elle-même parmi ses traductions")
        expected_default = {"x-default": alternates[DEFAULT_LANGUAGE]} if DEFAULT_LANGUAGE in alternates else {}
        if {key: href for key, href in alternates.items() if key == "x-default"} != expected_default:
            wrong.append(f"{loc} : x-default = {alternates.get('x-default')}, attendu la page française {expected_default}")
        for hreflang, href in alternates.items():
            language = DEFAULT_LANGUAGE if hreflang == "x-default" else hreflang
            if not href.startswith(site_url):
                wrong.append(f"{loc} : {hreflang} → {href} n'est pas une adresse absolue sous {site_url}")
            elif lang_of(href) != language:
                wrong.append(f"{loc} : {hreflang} → {href}, page construite de langue {lang_of(href)}")
    assert not wrong, "sitemap.xml :\n" + "\n".join(wrong[:20])


def test_translations_are_the_same_from_each_of_them(sitemap):
    asymmetric = [f"{loc} donne {alternates}, mais {href} donne {sitemap.get(href)}"
                  for loc, alternates in sitemap.items() for href in alternates.values() if sitemap.get(href) != alternates]
    assert not asymmetric, "sitemap.xml : traductions qui ne se répondent pas :\n" + "\n".join(asymmetric[:10])


def test_no_page_has_hreflang_links_in_its_head(site):
    files = sorted(site.rglob("*.html"))
    assert len(files) > len(LANGUAGES), f"Presque aucune page HTML dans {site}."
    found = [f"/{file.relative_to(site)} : {link}" for file in files
             for link in BeautifulSoup(file.read_text(encoding="utf-8").split("</head>", 1)[0], "html.parser").find_all("link", hreflang=True)]
    assert not found, ("Liens hreflang dans l'en-tête (Material demande un sitemap.xml pour chacun, à chaque page vue) :\n"
                       + "\n".join(found[:10]))


def test_a_page_view_asks_for_no_sitemap_and_the_switcher_keeps_the_page(visit):
    one = visit()
    requested = []
    one.page.on("request", lambda request: requested.append(request.url))
    page = one.open("es/aide/")
    page.locator(theme.LANGUAGE_BUTTON).first.click()
    with page.expect_navigation():
        page.locator(f"{theme.LANGUAGE_LINK}[hreflang='pt']").click()
    assert page.url == one.server + "pt/aide/", f"Le sélecteur de langue mène de /es/aide/ à {page.url}, attendu /pt/aide/."
    # Material asks for the sitemaps once the page is loaded: wait until nothing more is asked for.
    page.wait_for_load_state("networkidle")
    sitemaps = [url for url in requested if "sitemap.xml" in url]
    assert not sitemaps, f"Requêtes de sitemap.xml en ouvrant /es/aide/ puis /pt/aide/ : {sitemaps}"


# ----- sitelib/sitemap.py on a small invented site -----

def invented_docs(tmp_path: Path) -> Path:
    """French writes three pages, English two of them and one of its own, Spanish only the home page."""
    docs = tmp_path / "docs"
    for page in ("fr/index.md", "fr/aide.md", "fr/lexique/viol.md", "en/index.md", "en/aide.md", "en/propre.md",
                 "en/_data/interface.md", "es/index.md"):
        write_file(docs, page, "# Titre\n")
    return docs


def test_each_language_lists_only_what_it_has_written_with_its_translations(tmp_path):
    languages = Languages(invented_docs(tmp_path), ("fr", "en", "es"), "fr")
    count = write_sitemap(tmp_path, languages, "https://exemple.org/")
    home = {"fr": "https://exemple.org/", "en": "https://exemple.org/en/", "es": "https://exemple.org/es/",
            "x-default": "https://exemple.org/"}
    help_page = {"fr": "https://exemple.org/aide/", "en": "https://exemple.org/en/aide/", "x-default": "https://exemple.org/aide/"}
    assert read_sitemap(tmp_path / "sitemap.xml") == {
        "https://exemple.org/": home, "https://exemple.org/en/": home, "https://exemple.org/es/": home,
        "https://exemple.org/aide/": help_page, "https://exemple.org/en/aide/": help_page,
        "https://exemple.org/lexique/viol/": {"fr": "https://exemple.org/lexique/viol/", "x-default": "https://exemple.org/lexique/viol/"},
        # Not written in French: no x-default.
        "https://exemple.org/en/propre/": {"en": "https://exemple.org/en/propre/"},
    }
    assert count == 7
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()) == (tmp_path / "sitemap.xml").read_bytes()


def test_a_one_language_preview_lists_that_language_at_the_root(tmp_path):
    """``LANGUE_SEULE=en``: mkdocs-static-i18n makes English the only language, and the default, at the root."""
    write_sitemap(tmp_path, Languages(invented_docs(tmp_path), ("en",), "en"), "https://exemple.org/")
    assert read_sitemap(tmp_path / "sitemap.xml") == {
        f"https://exemple.org/{url}": {"en": f"https://exemple.org/{url}", "x-default": f"https://exemple.org/{url}"}
        for url in ("", "aide/", "propre/")}
