"""The site's languages: where each one's pages live, and which pages it shows in the default language."""

from fnmatch import fnmatchcase
from pathlib import Path


def language_root(language: str, default: str) -> str:
    """Site-root-relative prefix of a language's pages: "" for the default language, "en/" for English."""
    return "" if language == default else f"{language}/"


def is_untranslated(page: str, patterns: list[str]) -> bool:
    """Whether ``page`` ("lexique/viol.md") is declared as shown in the default language.

    Patterns are shell-style: "a-propos.md", "lexique/*" (a folder), "*" (everything not yet written)."""
    return any(fnmatchcase(page, pattern) for pattern in patterns)


def pages_of(docs_dir: Path, language: str) -> set[str]:
    """Markdown pages written in a language, relative to its folder ("aide.md", "lexique/viol.md")."""
    folder = docs_dir / language
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md") if "_data" not in path.parts}


def fallback_pages(docs_dir: Path, language: str, default: str) -> set[str]:
    """Pages of the default language that ``language`` has not written (shown in the default language)."""
    return pages_of(docs_dir, default) - pages_of(docs_dir, language)
