"""Every page of a language, in the menu's order: the search page's list, which works without JavaScript.

Titles are each page's first heading in the language; a page the language has not written yet is
listed with its title in the default language, marked (« (en français) ») and with that language's
``lang``, as the reader will find it.
"""

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError
from .pages import read_page, url_of
from .templating import render


@dataclass(frozen=True)
class Entry:
    title: str
    page: str  # "articles/loverboy.md", from the language folder
    language: str  # the language of the title (the default language's on a page not yet written)


@dataclass(frozen=True)
class Section:
    name: str
    entries: list["Entry | Section"] = field(default_factory=list)


def page_title(docs_dir: Path, language: str, default: str, page: str) -> Entry:
    """The page's title in ``language``, or in the default language if it has not written the page."""
    for source_language in (language, default):
        path = docs_dir / source_language / page
        if path.exists():
            source, _ = read_page(path)
            title = source.title if source and source.title else page.removesuffix(".md")
            return Entry(title, page, source_language)
    raise ContentError("mkdocs.yml", "nav", f"le menu nomme la page « {page} », qui n'existe dans aucune langue.",
                       f"corrigez ce nom dans nav, ou créez docs/{default}/{page}.")


def menu_entries(menu: list, section_names: dict[str, str], entry_of) -> list[Entry | Section]:
    """mkdocs.yml's ``nav`` (pages and named sections, nested) as entries; section names translated."""
    entries: list[Entry | Section] = []
    for item in menu:
        if isinstance(item, str):
            entries.append(entry_of(item))
            continue
        for name, content in item.items():
            if isinstance(content, str):
                entries.append(entry_of(content))
            else:
                entries.append(Section(section_names.get(name, name), menu_entries(content, section_names, entry_of)))
    return entries


def render_page_list(entries: list[Entry | Section], href, mark: str, ui) -> str:
    """Nested lists under one heading per menu section (templates/page-list.html). ``href`` turns a page
    ("aide.md") into a link from the page being built; ``mark`` follows a title in another language."""
    return "\n\n" + render("page-list.html", entries=entries, href=lambda page: href(url_of(page)), mark=mark, ui=ui) + "\n\n"
