"""Every built page, read as HTML: translations, titles, headings, language, privacy of assets."""

from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from site_map import DEFAULT_LANGUAGE, LANGUAGES, built_page_paths, intended_fallbacks, parsed_page, source_pages

PAGES = built_page_paths()


def language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != DEFAULT_LANGUAGE])
def test_every_page_is_translated_or_an_intended_fallback(language):
    translated = set(source_pages(language))
    missing = [page for page in source_pages() if page not in translated and page not in intended_fallbacks(language)]
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


def test_untranslated_page_shows_french_with_notice_and_right_lang(tmp_path):
    """Build a copy of the site where one English page is missing and listed as an intended fallback."""
    import shutil
    import subprocess
    import sys
    from site_map import ROOT

    for folder in ("docs", "overrides", "assets"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (ROOT / ".cache").mkdir(exist_ok=True)
    (tmp_path / ".cache").symlink_to(ROOT / ".cache")  # the PDFs are the same: reuse them
    (tmp_path / "docs" / "en" / "a-propos.md").unlink()
    # The copy's mkdocs.yml lists the page in English's "untranslated" (text edit: the file has YAML tags).
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "            quick_exit_url: https://en.wikipedia.org/wiki/Main_Page\n"
    assert anchor in config, "mkdocs.yml a changé : adaptez ce test."
    (tmp_path / "mkdocs.yml").write_text(config.replace(anchor, anchor + "            untranslated: [a-propos.md]\n"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=tmp_path, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "en" / "a-propos" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "en", "L'interface de la page de repli doit rester en anglais."
    notice = soup.select_one(".pav-fallback")
    assert notice and "French version" in notice.get_text()
    french = soup.select_one('article [lang="fr"][dir="ltr"]')
    assert french and french.find("h1"), "Le texte français de repli doit être marqué lang=\"fr\"."
