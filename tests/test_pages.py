"""Every built page, read as HTML: translations, titles, headings, language, privacy of assets."""

from collections import defaultdict
from urllib.parse import urljoin, urlsplit

import pytest

import theme
from helpers import language_of
from site_map import (DEFAULT_LANGUAGE, LANGUAGES, built_page_paths, is_intended_fallback, language_root, parsed_page,
                      site_config, source_pages, url_of)

PAGES = built_page_paths()


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != DEFAULT_LANGUAGE])
def test_every_page_is_translated_or_an_intended_fallback(language):
    translated = set(source_pages(language))
    missing = [page for page in source_pages() if page not in translated and not is_intended_fallback(language, page)]
    assert not missing, (
        f"Pages sans traduction en « {language} » : "
        + ", ".join(f"docs/{language}/{page}" for page in missing)
        + f". Traduisez-les (même nom de fichier que dans docs/{DEFAULT_LANGUAGE}/), ou ajoutez-les à la liste "
        f"« untranslated » de la langue « {language} » dans mkdocs.yml pour afficher la version française avec un avis."
    )
    orphans = sorted(translated - set(source_pages()))
    assert not orphans, (
        f"Pages en « {language} » sans version française : "
        + ", ".join(f"docs/{language}/{page}" for page in orphans)
        + f". Le français est la référence : créez docs/{DEFAULT_LANGUAGE}/… avec le même nom, ou vérifiez le nom du fichier."
    )


@pytest.mark.parametrize("path", PAGES)
def test_page_has_one_h1_a_description_and_the_right_language(site, path):
    soup = parsed_page(site, path)
    h1 = soup.find_all("h1")
    assert len(h1) == 1, f"La page /{path} a {len(h1)} titres de niveau 1 (# …) : il en faut exactement un."
    description = soup.find("meta", attrs={"name": "description"})
    assert description and description.get("content", "").strip(), (
        f"La page /{path} n'a pas de description : ajoutez « description: … » dans son en-tête.")
    language = language_of(path)
    assert soup.html.get("lang") == language, f"La page /{path} est marquée lang={soup.html.get('lang')}, pas {language}."


@pytest.mark.parametrize("path", PAGES)
def test_page_headings_are_in_order(site, path):
    article = parsed_page(site, path).select_one("article") or parsed_page(site, path)
    levels = [int(tag.name[1]) for tag in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not jumps, f"La page /{path} saute des niveaux de titre ({jumps[0][0]} puis {jumps[0][1]}) : n'allez pas de ## à ####."


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_are_unique_within_a_language(site, language):
    seen = defaultdict(list)
    for path in PAGES:
        if language_of(path) == language and not path.endswith("404.html"):
            seen[parsed_page(site, path).title.get_text(strip=True)].append("/" + path)
    duplicates = {title: paths for title, paths in seen.items() if len(paths) > 1}
    assert not duplicates, f"Titres de page en double en « {language} » : {duplicates}. Chaque page doit avoir son propre titre (# …)."


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_nothing_from_another_site(site, path):
    soup = parsed_page(site, path)
    remote = []
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                           ("video", "src"), ("source", "src"), ("audio", "src"), ("object", "data")):
        for element in soup.find_all(tag):
            url = element.get(attribute, "")
            if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                continue
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                remote.append(f"<{tag} {attribute}={url}>")
    assert not remote, f"La page /{path} charge des ressources d'un autre site : {remote}."
    assert soup.find("meta", attrs={"name": "referrer", "content": "no-referrer"}), f"/{path} : meta referrer manquante."


@pytest.mark.parametrize("path", PAGES)
def test_external_links_leak_no_referrer(site, path):
    for link in parsed_page(site, path).find_all("a", href=True):
        if urlsplit(link["href"]).scheme in ("http", "https"):
            rel = set(link.get("rel", []))
            assert {"noopener", "noreferrer"} <= rel, f"/{path} : le lien {link['href']} n'a pas rel=\"noopener noreferrer\"."


def switcher_samples() -> list[tuple[str, str]]:
    """(language, page source) pairs whose language switcher is checked: in each language the home page,
    the help page, a lexicon term, the 404 page, and a page shown in French (fallback) if there is one."""
    term = next(source for source in source_pages() if source.startswith("lexique/") and source != "lexique/index.md")
    samples = []
    for language in LANGUAGES:
        fallbacks = [source for source in source_pages() if source not in source_pages(language)]
        samples += [(language, source) for source in ["index.md", "aide.md", term, "404.html"] + fallbacks[:1]]
    return samples


@pytest.mark.parametrize("language, source", switcher_samples())
def test_language_switcher_leads_to_the_same_page_in_every_language(site, language, source):
    """Material's switcher (extra.alternate, which mkdocs-static-i18n sets page by page): one link per
    language of the site, each to this very page in that language. A 404 page has no « same page »
    (it answers at any address): its links lead to each language's home page."""
    site_url = site_config()["site_url"]
    here = language_root(language) + ("404.html" if source == "404.html" else url_of(source))
    links = parsed_page(site, here).select(theme.LANGUAGE_LINK)
    found = {link.get("hreflang"): urljoin(site_url + here, link["href"]) for link in links}
    target = "" if source == "404.html" else url_of(source)
    expected = {other: site_url + language_root(other) + target for other in LANGUAGES}
    assert len(links) == len(LANGUAGES) and found == expected, (
        f"/{here} : le sélecteur de langue mène à {found}, attendu {expected}")


# What a build must publish besides the pages, per language and once for the site. Written out for
# French and English; another language of LANGUAGES gets the same files under its folder (derived below).
# The site's own CSS and JavaScript, published under content-hashed names: test_fingerprint.py.
PER_LANGUAGE = {
    "fr": ["404.html", "affiche-aide.pdf", "media/videos/cinq-signes.fr.vtt"],
    "en": ["en/404.html", "en/affiche-aide.pdf", "media/videos/cinq-signes.en.vtt"],
}
# The search engine and its index of every language (one index per language: test_search.py).
SITE_WIDE = ["media/videos/cinq-signes.mp4", "media/videos/cinq-signes.poster.webp", "sitemap.xml",
             "pagefind/pagefind.js", "pagefind/pagefind-entry.json"]


def outputs_of(language: str) -> list[str]:
    """The rule the lists above follow: the language's 404 page and poster under its folder, and the
    captions of the site's video in that language."""
    root = language_root(language)
    return [f"{root}404.html", f"{root}affiche-aide.pdf", f"media/videos/cinq-signes.{language}.vtt"]


def test_the_rule_for_other_languages_gives_the_written_lists():
    assert {language: outputs_of(language) for language in PER_LANGUAGE} == PER_LANGUAGE


def test_the_build_publishes_every_structural_file(site):
    expected = SITE_WIDE + [file for language in LANGUAGES for file in PER_LANGUAGE.get(language, outputs_of(language))]
    missing = [file for file in expected if not (site / file).is_file() or not (site / file).stat().st_size]
    assert not missing, f"Fichiers absents (ou vides) du site construit : {missing}"
