"""What the build adds to each page's Markdown: the markers volunteers type, and what each kind of page
gets (lexicon terms, stories, workshop sheets, the professionals' poster, "words to know").

The marker registry is here: each feature module renders, this module says which marker calls which
renderer. CONTRIBUTING.md documents every marker ``marker_handlers`` gives (a test holds them together).
"""

from . import comics, contacts, lexicon, markers, page_rules, page_list, pdf, publishing, quiz, render, stories, territories, videos, workshops
from .errors import ContentError
from .pages import PageContext, relative_url
from .site import Site

POSTER = "affiche-aide.pdf"  # each language's A4 poster of help numbers, at the root of its folder


def marker_handlers(site: Site, page: PageContext, meta: dict) -> dict[str, markers.Handler]:
    """Every marker a page may contain, and what replaces it on this page."""
    ui, terms = page.ui, site.terms(page.language)

    def term_title(ident: str) -> str:
        return terms[ident].title

    def every_page(arguments: list[str]) -> str:
        languages = site.languages
        entries = page_list.menu_entries(site.menu, site.section_names.get(page.language, {}),
                                         lambda path: page_list.page_title(languages.docs_dir, page.language, languages.default, path))
        return page_list.render_page_list(entries, page.href, ui["fallback_search_mark"], ui)

    def panel_line(arguments: list[str]) -> str:
        # A story's panel lines are read with the story (sitelib/comics.py), which draws them.
        if page.kind != "story":
            raise markers.MarkerProblem("une vignette de BD ne se place que dans une histoire (docs/<langue>/histoires/).",
                                        "retirez cette ligne, ou déplacez-la en tête d'une scène d'histoire.")
        return ""

    def to_write(arguments: list[str]) -> str:
        # Left by scripts/nouveau.py where a text is still to write: a page is not published half-written.
        announced = f" ({' '.join(arguments)})" if arguments else ""
        raise markers.MarkerProblem(f"ce passage reste à écrire{announced}.", "remplacez le marqueur par le texte qu'il annonce.")

    def video(arguments: list[str]) -> str:
        found = videos.find_video(site.videos, arguments)
        meta.setdefault("title", found.text[page.language].title)
        # Media are published once, at the site root, for every language.
        return videos.render_player(found, lambda name: relative_url(videos.MEDIA + name, page.url), ui,
                                    site.languages.reading(page.url))

    return {
        **render.contact_markers(site.contacts, ui),
        "aide-locale": lambda arguments: territories.render_local_help(site.territories, ui),
        "vrai-faux": lambda arguments: quiz.render_quiz(site.quiz, ui),
        "toutes-les-pages": every_page,
        "editeur": lambda arguments: publishing.render_publisher(site.publisher, ui),
        "lexique": lambda arguments: lexicon.render_a_to_z(terms, page.term_href, ui),
        "ateliers": lambda arguments: workshops.render_listing(
            [(page.href(f"pros/ateliers/{ident}/"), title, sheet) for ident, title, sheet in site.workshops[page.language]],
            term_title, ui),
        "videos": lambda arguments: videos.render_library(site.videos, lambda ident: page.href(f"videos/{ident}/"), term_title, ui),
        "video": video,
        "vignette": panel_line,
        "a-ecrire": to_write,
        "histoires": lambda arguments: stories.render_story_list(
            site.stories[page.language], site.externals, lambda ident: page.href(f"histoires/{ident}/"), page.term_href, terms, ui),
    }


def page_errors(markdown: str, meta: dict, site: Site | None, page: PageContext, source: str, first_line: int) -> list[ContentError]:
    """The mistakes of the page as written (sitelib/page_rules.py); ``first_line``: where its body starts in
    the file; ``site``: None when a data file is wrong (the rules that need the data are then left out: the
    markers' names, the help numbers)."""
    marker_names = set(marker_handlers(site, page, meta)) if site is not None else set()
    errors = page_rules.check_page(markdown, meta, source, first_line, marker_names, title_from_marker="<!-- @video " in markdown,
                                   description_elsewhere=page.kind in ("term", "story", "workshop"))
    if site is not None:
        errors += page_rules.help_number_errors(markdown, meta, source, first_line, contacts.help_numbers(site.contacts))
    return errors


def complete_page(markdown: str, meta: dict, site: Site, page: PageContext, source: str) -> str:
    """The page's Markdown with its markers expanded and what its kind of page adds."""
    terms, ui = site.terms(page.language), page.ui
    handlers = marker_handlers(site, page, meta)
    markdown = markers.expand_markers(markdown, handlers, source)
    if page.kind == "term":
        term = terms[page.name]
        meta.setdefault("description", term.short)
        meta["title"] = f"{term.title} · {ui['lexicon']}"
        markdown = lexicon.complete_term_page(markdown, term, terms, ui)
    elif page.kind == "story":
        # Rendered from the story validated when loaded; the markers of its texts are expanded as they are placed.
        markdown = stories.story_markdown(markdown, site.stories[page.language][page.name], ui,
                                          lambda text: markers.expand_markers(text, handlers, source),
                                          lambda name: relative_url(f"{comics.MEDIA.as_posix()}/{name}", page.url))
    elif page.kind == "workshop":
        sheet = next(sheet for ident, _, sheet in site.workshops[page.language] if ident == page.name)
        story_links = [(page.href(f"histoires/{ident}/"), site.stories[page.language][ident].title) for ident in sheet.stories]
        markdown = workshops.complete_sheet(markdown, sheet, story_links, [site.contacts[ident] for ident in sheet.contacts], ui)
    elif page.kind == "pros-index":
        markdown += "\n\n" + pdf.poster_button(page.href(POSTER), ui) + "\n"
    if meta.get("related_terms"):
        markdown = lexicon.add_related_terms(markdown, meta["related_terms"], terms, page.term_href,
                                             ui, source)
    return markdown


def unreadable_front_matter(source: str) -> ContentError:
    return ContentError(source, "en-tête", "l'en-tête (entre les lignes ---) n'a pas pu être lu.",
                        "mettez entre guillemets toute valeur qui contient « : » ou commence par un signe.")
