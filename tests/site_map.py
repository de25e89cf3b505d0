"""What the site should contain, read from the sources (mkdocs.yml and docs/), not from the build,
and where each page is in the build.

Tests are parametrised from here so that each page of each language is its own named test.
"""

import functools
import textwrap
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from sitelib.languages import Languages, pages_of
from sitelib.languages import language_root as sitelib_language_root
from sitelib.pages import kind_of, url_of
from sitelib.project import declared_languages, project_languages, project_site, read_config
from sitelib.site import Site

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def site_config() -> dict:
    return read_config(ROOT)


def i18n_languages() -> list[dict]:
    return [language for language in declared_languages(site_config()) if language.get("build", True)]


LANGUAGES = [language["locale"] for language in i18n_languages()]
DEFAULT_LANGUAGE = next(language["locale"] for language in i18n_languages() if language.get("default"))


def source_pages(language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Markdown sources of one language, relative to its folder (e.g. "aide.md", "lexique/viol.md")."""
    return sorted(pages_of(DOCS, language))


def language_root(language: str) -> str:
    return sitelib_language_root(language, DEFAULT_LANGUAGE)


def languages_writing(source: str) -> list[str]:
    """The languages in which ``source`` is written, not shown in the default language: where a test of
    that page's own behaviour runs. A fallback page is the default language's page in another language's
    frame: what is specific to it is tested on a sample (``visited_page_paths``), not page by page."""
    return [language for language in LANGUAGES if (DOCS / language / source).exists()]


def visited_page_paths() -> list[str]:
    """The pages the browser battery opens: every page written in each language, its 404 page, and for
    each language one fallback page of each kind (article, term, story, sheet…)."""
    paths = []
    for language in LANGUAGES:
        written = pages_of(DOCS, language)
        sample = {}
        for source in source_pages():
            if source in written:
                paths.append(language_root(language) + url_of(source))
            else:
                folder = source.split("/")[0] if "/" in source else ""
                sample.setdefault((kind_of(f"{DEFAULT_LANGUAGE}/{source}"), folder), source)
        paths += [language_root(language) + url_of(source) for source in sample.values()]
        paths.append(language_root(language) + "404.html")
    return paths


def built_page_paths() -> list[str]:
    """Every HTML page of every language, as URL paths from the site root, 404 pages included."""
    paths = []
    for language in LANGUAGES:
        paths += [language_root(language) + url_of(source) for source in source_pages()]
        paths.append(language_root(language) + "404.html")
    return paths


def html_file(site: Path, path: str) -> Path:
    return site / path if path.endswith(".html") else site / path / "index.html"


@functools.lru_cache(maxsize=None)
def parsed_page(site: Path, path: str) -> BeautifulSoup:
    """A built page, parsed once per worker for every test that reads it: copy a part before changing it."""
    file = html_file(site, path)
    assert file.exists(), f"La page /{path} n'a pas été construite ({file})."
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def is_intended_fallback(language: str, page: str) -> bool:
    """Whether a language shows ``page`` in French on purpose: mkdocs.yml, languages[].extra.untranslated
    (names or patterns, as the build reads them)."""
    return project_languages(ROOT).is_untranslated(language, page)


def quick_exit_url(language: str) -> str:
    """The neutral page « Quitter le site » leads to, as set in mkdocs.yml (per language or site-wide)."""
    entry = next(item for item in i18n_languages() if item["locale"] == language)
    return (entry.get("extra") or {}).get("quick_exit_url", site_config()["extra"]["quick_exit_url"])


def interface_strings(language: str) -> dict[str, str]:
    return yaml.safe_load((DOCS / language / "_data" / "interface.yml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def real_site() -> Site:
    """The project's data and page collections, loaded and checked as the build does (once per worker)."""
    return project_site(ROOT)


def write_data(tmp_path: Path, name: str, facts: str | None, texts: dict[str, str], default: str = "fr",
               untranslated: dict[str, list[str]] | None = None) -> Languages:
    """A small docs/ tree for a data loader: docs/_data/<name> (facts, if given) and docs/<langue>/_data/<name>
    (each language's texts, dedented). Returns its languages, ``default`` first."""
    docs = tmp_path / "docs"
    files = ({docs / "_data" / name: facts} if facts is not None else {}) | {docs / language / "_data" / name: text
                                                                             for language, text in texts.items()}
    for file, text in files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text), encoding="utf-8")
    return Languages(docs, tuple(texts), default, untranslated or {})
