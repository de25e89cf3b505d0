"""Every page of a language, in the menu's order: the search page's list, which works without JavaScript.

Titles are each page's first heading in the language; a page the language has not written yet is
listed with its title in the default language, marked (« (en français) ») and with that language's
``lang``, as the reader will find it.
"""

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError
from .languages import Languages, pages_of
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


def menu_pages(menu: list) -> list[str]:
    """The pages nav names, in order (external addresses left out); a French error if nav is not written
    as MkDocs reads it (which would say so in English)."""
    if not isinstance(menu, list):
        raise ContentError("mkdocs.yml", "nav", "le menu doit être une liste d'entrées.",
                           "écrivez sous « nav: » une ligne « - page.md » par page, ou « - Rubrique: » suivie de ses pages en retrait.")
    pages = []
    for item in menu:
        if isinstance(item, dict) and len(item) == 1:
            name, content = next(iter(item.items()))
            if isinstance(content, str):
                pages += [] if "://" in content else [content]
            elif isinstance(content, list) and content:
                pages += menu_pages(content)
            else:
                raise ContentError("mkdocs.yml", f"nav, rubrique « {name} »", "cette rubrique n'a aucune page.",
                                   "ajoutez ses pages en dessous (« - page.md », quatre espaces plus à droite), ou retirez-la.")
        elif isinstance(item, str):
            pages += [] if "://" in item else [item]
        else:
            raise ContentError("mkdocs.yml", f"nav, entrée « {item} »", "cette entrée n'est ni une page (.md) ni une rubrique.",
                               "écrivez « - chemin/page.md », ou « - Rubrique: » puis ses pages en dessous, en retrait.")
    return pages


def menu_errors(menu: list, languages: Languages, outside_menu) -> list[ContentError]:
    """Every page nav names exists in the default language (the others fall back to it), and every page
    written is in the menu unless mkdocs.yml's ``not_in_nav`` leaves it out (``outside_menu``: a path from
    docs/, "fr/lexique/viol.md" → whether). MkDocs would only warn, in English."""
    docs, default, errors = languages.docs_dir, languages.default, []
    try:
        named = menu_pages(menu)
    except ContentError as wrong:
        return [wrong]
    in_menu = {page.lstrip("/") for page in named}  # « /aide.md » is refused, not a page left out
    for page in named:
        if page.startswith("/"):
            errors.append(absolute_menu_page(page))
        elif not (docs / default / page).is_file():
            errors.append(missing_menu_page(page, default))
    forgotten: dict[str, list[str]] = {}
    for language in languages.ordered():
        for page in sorted(pages_of(docs, language) - in_menu):
            if not outside_menu(f"{language}/{page}"):
                forgotten.setdefault(page, []).append(f"docs/{language}/{page}")
    return errors + [page_not_in_menu(page, files) for page, files in forgotten.items()]


def absolute_menu_page(page: str) -> ContentError:
    return ContentError("mkdocs.yml", f"nav, « {page} »", "un chemin du menu ne commence pas par « / ».",
                        f"écrivez-le depuis le dossier de la langue : « {page.lstrip('/')} ».")


def missing_menu_page(page: str, default: str) -> ContentError:
    return ContentError("mkdocs.yml", f"nav, « {page} »", f"le menu nomme une page qui n'existe pas dans docs/{default}/.",
                        f"corrigez ce nom (chemin depuis docs/{default}/, ex. articles/loverboy.md), ou créez docs/{default}/{page}.")


def page_not_in_menu(page: str, files: list[str]) -> ContentError:
    """``files``: the page in each language that has it (docs/fr/x.md…), the one named first."""
    also = f" (aussi : {', '.join(files[1:])})" if len(files) > 1 else ""
    return ContentError(files[0], "menu", f"cette page n'est dans aucun menu : un lecteur ne la trouverait pas{also}.",
                        f"ajoutez « - {page} » sous sa rubrique dans « nav » de mkdocs.yml (une entrée sert à toutes les langues).")


def render_page_list(entries: list[Entry | Section], href, mark: str, ui) -> str:
    """Nested lists under one heading per menu section (templates/page-list.html). ``href`` turns a page
    ("aide.md") into a link from the page being built; ``mark`` follows a title in another language."""
    return "\n\n" + render("page-list.html", entries=entries, href=lambda page: href(url_of(page)), mark=mark, ui=ui) + "\n\n"
