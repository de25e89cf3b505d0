"""The site's languages: where each one's pages live, and which pages it shows in the default language."""

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from .errors import ContentError


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


@dataclass(frozen=True)
class Languages:
    """The languages a build makes, as mkdocs.yml declares them, and where their files are."""

    docs_dir: Path
    built: tuple[str, ...]  # in mkdocs.yml's order
    default: str
    untranslated: dict[str, list[str]] = field(default_factory=dict)  # language → patterns

    def ordered(self) -> list[str]:
        """The default language first (others may fall back to it), then the others."""
        return [self.default, *(language for language in self.built if language != self.default)]

    def root(self, language: str) -> str:
        return language_root(language, self.default)

    def reading(self, url: str) -> str:
        """The language of the reader of the page at ``url`` ("ar/videos/x/" → "ar", even if the page is
        shown in the default language)."""
        return next((language for language in self.built if language != self.default and url.startswith(f"{language}/")), self.default)

    def is_untranslated(self, language: str, page: str) -> bool:
        return is_untranslated(page, self.untranslated.get(language, []))

    def data_file(self, language: str, name: str) -> Path:
        """Where a language's texts for a data file are: docs/<langue>/_data/<name>."""
        return self.docs_dir / language / "_data" / name


def language_errors(languages: Languages) -> list[ContentError]:
    """A page is written in the default language first (the others fall back to it, under the same path),
    then in each language, or declared there as shown in the default language (« untranslated »): a
    page forgotten would be shown to those readers in another language without their site saying so."""
    docs, default, errors = languages.docs_dir, languages.default, []
    originals = pages_of(docs, default)
    forgotten: dict[str, list[str]] = {}
    for language in languages.ordered()[1:]:
        written = pages_of(docs, language)
        for page in sorted(written - originals):
            errors.append(ContentError(f"docs/{language}/{page}", "fichier entier", f"cette page n'existe pas dans docs/{default}/ "
                                       "sous le même nom : elle n'a pas de page de référence.",
                                       f"donnez-lui le nom de fichier de la page {default} qu'elle traduit, ou créez d'abord "
                                       f"docs/{default}/{page}."))
        for page in sorted(originals - written):
            if not languages.is_untranslated(language, page):
                forgotten.setdefault(page, []).append(language)
    for page, missing in forgotten.items():
        errors.append(ContentError(f"docs/{default}/{page}", "langues", f"cette page n'existe pas en {', '.join(missing)} et n'y "
                                   "est pas déclarée non traduite.",
                                   " ; ".join(f"créez docs/{language}/{page}" for language in missing) + ", ou ajoutez "
                                   f"« {page} » à « untranslated » de {', '.join(missing)} dans mkdocs.yml (elle s'y affiche "
                                   f"alors en {default}, annoncée comme telle)."))
    return errors
