"""What the site should contain, read from the sources (mkdocs.yml and docs/), not from the build,
and where each page is in the build.

Tests are parametrised from here so that each page of each language is its own named test.
"""

import functools
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for what tests need; environment variables are left unset."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: None)


def site_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)


def i18n_languages() -> list[dict]:
    config = site_config()
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [language for language in plugin["languages"] if language.get("build", True)]


LANGUAGES = [language["locale"] for language in i18n_languages()]
DEFAULT_LANGUAGE = next(language["locale"] for language in i18n_languages() if language.get("default"))


def source_pages(language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Markdown sources of one language, relative to its folder (e.g. "aide.md", "lexique/viol.md")."""
    folder = DOCS / language
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def url_of(source: str) -> str:
    """The URL path of a page (use_directory_urls): "aide.md" → "aide/", "index.md" → ""."""
    stem = source[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def language_root(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


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


def intended_fallbacks(language: str) -> list[str]:
    """Pages a language shows in French on purpose: mkdocs.yml, languages[].extra.untranslated."""
    entry = next(item for item in i18n_languages() if item["locale"] == language)
    return (entry.get("extra") or {}).get("untranslated", [])


def quick_exit_url(language: str) -> str:
    """The neutral page « Quitter le site » leads to, as set in mkdocs.yml (per language or site-wide)."""
    entry = next(item for item in i18n_languages() if item["locale"] == language)
    return (entry.get("extra") or {}).get("quick_exit_url", site_config()["extra"]["quick_exit_url"])


def interface_strings(language: str) -> dict[str, str]:
    return yaml.safe_load((DOCS / "_data" / "interface.yml").read_text(encoding="utf-8"))[language]
