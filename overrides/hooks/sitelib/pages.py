"""Markdown pages as volunteers write them: front matter, title, the path shown in messages, the kind of page."""

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import yaml

from .errors import ContentError, yaml_problem

if TYPE_CHECKING:
    from .strings import Ui

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
H1 = re.compile(r"^# +(.+?)\s*$", re.MULTILINE)


def display_path(path: Path) -> str:
    """The path a volunteer recognises: relative to the project folder when the build runs from it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


MODEL = "voir le modèle dans CONTRIBUTING.md."

# Front matter any page may carry, checked by its own module (translations.py), not by the page's schema.
TRANSLATION_FIELD = "traduction"


def own_fields(meta: dict) -> dict:
    """A page's front matter without the fields every page may carry (its translation record)."""
    return {key: value for key, value in meta.items() if key != TRANSLATION_FIELD}


@dataclass
class PageSource:
    """A Markdown file split into its front matter and its body."""

    file: str  # as display_path shows it
    meta: dict
    body: str
    body_line: int  # line number, in the file, of the body's first line
    title: str | None  # the text of the first "# " heading


def not_utf8(file: str) -> ContentError:
    return ContentError(file, "fichier entier", "le fichier n'est pas enregistré en UTF-8 : ses accents seraient illisibles.",
                        "enregistrez-le en UTF-8 (dans VS Code : cliquez sur l'encodage en bas à droite, « Enregistrer avec l'encodage », UTF-8).")


def unreadable_files(docs_dir: Path) -> list[ContentError]:
    """Pages and data files not saved in UTF-8 (MkDocs would stop on them with a Python traceback)."""
    errors = []
    for path in sorted([*docs_dir.rglob("*.md"), *docs_dir.rglob("*.yml")]):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            errors.append(not_utf8(display_path(path)))
    return errors


def read_page(path: Path, front_matter_fix: str = MODEL) -> tuple[PageSource | None, list[ContentError]]:
    """Read a page's front matter (YAML between two --- lines) and title; errors in French."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [not_utf8(display_path(path))]
    return parse_page(text, display_path(path), front_matter_fix)


def parse_page(text: str, file: str, front_matter_fix: str = MODEL) -> tuple[PageSource | None, list[ContentError]]:
    """The same, from a page's text; ``file`` names it in messages."""
    front = FRONT_MATTER.match(text)
    if not front and re.match(r"\A---\s*\n", text):
        return None, [ContentError(file, "en-tête", "l'en-tête n'est pas fermé : la ligne --- qui le termine manque.",
                                   "ajoutez une ligne --- après son dernier champ, avant le titre.")]
    if not front:
        return None, [ContentError(file, "en-tête", "l'en-tête (entre deux lignes ---) manque.", front_matter_fix)]
    try:
        meta = yaml.safe_load(front.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f"en-tête, ligne {mark.line + 2}" if mark else "en-tête"
        return None, [ContentError(file, place, f"l'en-tête est mal formé : {yaml_problem(str(getattr(error, 'problem', '')))}.",
                                   "mettez entre guillemets toute valeur qui contient « : » ou commence par un signe.")]
    if not isinstance(meta, dict):
        return None, [ContentError(file, "en-tête", "l'en-tête doit être une liste de champs « nom: valeur ».", front_matter_fix)]
    body = text[front.end():]
    title = H1.search(body)
    return PageSource(file, meta, body, body_line(text), title.group(1) if title else None), []


def body_line(text: str) -> int:
    """The line of a page's file where its Markdown starts, after its front matter."""
    front = FRONT_MATTER.match(text)
    return text[: front.end()].count("\n") + 1 if front else 1


# The kind of a page, from its folder inside its language folder (docs/<langue>/<dossier>/…).
def kind_of(src_uri: str) -> str:
    """"term", "lexicon-index", "story", "stories-index", "workshop", "workshops-index", "pros-index",
    "video" or "page", from a path such as "fr/lexique/viol.md"."""
    parts = PurePosixPath(src_uri).parts[1:]
    folder, name = "/".join(parts[:-1]), PurePosixPath(src_uri).stem
    kinds = {"lexique": ("lexicon-index", "term"), "histoires": ("stories-index", "story"),
             "pros/ateliers": ("workshops-index", "workshop"), "videos": ("videos-index", "video")}
    if folder in kinds:
        return kinds[folder][0 if name == "index" else 1]
    if folder == "pros" and name == "index":
        return "pros-index"
    return "page"


def relative_url(target: str, page_url: str) -> str:
    """``target`` (from the site root, "en/lexique/viol/") as a link from the page at ``page_url``
    ("en/aide/"); the same answer as MkDocs' get_relative_url, without depending on MkDocs."""
    base = page_url.rsplit("/", 1)[0] if "/" in page_url else ""
    relative = posixpath.relpath(target or ".", base or ".")
    if relative == ".":
        relative = "./"
    elif target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative


@dataclass(frozen=True)
class PageContext:
    """What the build needs to know about the page being built, computed once per page."""

    src_uri: str  # "en/aide.md"
    url: str  # "en/aide/"
    language: str  # the language of the page's text: the default language's on a page that falls back
    root: str  # the folder of that language's pages, from the site root ("", "en/")
    ui: "Ui"

    @property
    def kind(self) -> str:
        return kind_of(self.src_uri)

    @property
    def name(self) -> str:
        return PurePosixPath(self.src_uri).stem

    @property
    def direction(self) -> str:
        return self.ui.direction

    def href(self, path: str) -> str:
        """A link from this page to ``path`` in the same language ("lexique/viol/")."""
        return relative_url(self.root + path, self.url)

    def term_href(self, ident: str) -> str:
        """A link from this page to a lexicon term's page."""
        return self.href(f"lexique/{ident}/")

    def wants_pdf(self, meta: dict) -> bool:
        """Guides (``pdf: true``) and workshop sheets get an A4 PDF beside their page."""
        return bool(meta.get("pdf")) or self.kind == "workshop"


def url_of(page: str) -> str:
    """The URL of a page from its language folder (use_directory_urls): "aide.md" → "aide/", "index.md" → ""."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"
