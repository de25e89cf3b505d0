"""Thin MkDocs wrappers around ``sitelib``: each event reads MkDocs objects, calls a plain function.

MkDocs adds this folder to ``sys.path`` while loading the hook, which makes ``sitelib`` importable.
"""

import shutil
from dataclasses import replace
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sitelib import contacts as contacts_data
from sitelib import externals, html, lexicon, markers, pdf, quiz, render, search, stories, strings, territories, videos, workshops
from sitelib.errors import ContentError, ContentErrors

loaded: dict = {}


def for_volunteers(event):
    """Show a content error as MkDocs' one-line error message, without a Python traceback."""
    def wrapper(*arguments, **keywords):
        try:
            return event(*arguments, **keywords)
        except (ContentError, ContentErrors) as error:
            raise PluginError(str(error)) from None
    wrapper.__doc__ = event.__doc__
    return wrapper


def i18n_languages(config) -> list:
    return config.plugins["i18n"].config.languages


def built_languages(config) -> list[str]:
    return [language.locale for language in i18n_languages(config) if language.build]


def default_language(config) -> str:
    return next(language.locale for language in i18n_languages(config) if language.default)


def current_language(config) -> str:
    return config.plugins["i18n"].current_language


def page_language(page, config) -> str:
    """The language of the page's text (French on a page that falls back to French)."""
    return getattr(page.file, "locale", current_language(config))


def language_root(language: str, config) -> str:
    """Site-root-relative prefix of a language's pages: "" for French, "en/" for English."""
    return "" if language == default_language(config) else f"{language}/"


def ui_for(language: str) -> strings.Ui:
    return strings.Ui(language, loaded["strings"][language])


def section_of(page) -> str:
    """First folder of the page inside its language folder: "lexique", "articles" or ""."""
    parts = PurePosixPath(page.file.src_uri).parts
    return parts[1] if len(parts) > 2 else ""


def term_href(page, config):
    root = language_root(page_language(page, config), config)
    return lambda ident: get_relative_url(f"{root}lexique/{ident}/", page.url)


@for_volunteers
def on_config(config):
    """Runs before each language's build: load and validate the data files (fails the build on errors)."""
    # Relative to the project when run from it, so that messages name files as volunteers see them.
    root, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    if Path.cwd() == root:
        docs = docs.relative_to(root)
    languages = built_languages(config)
    untranslated = {language.locale: (language.extra or {}).get("untranslated", []) for language in i18n_languages(config)}
    loaded["contacts"] = contacts_data.load_contacts(docs / "_data" / "contacts.yml", languages)
    loaded["territories"] = territories.load_territories(docs / "_data" / "territoires.yml", languages)
    loaded["strings"] = strings.load_strings(docs / "_data" / "interface.yml", languages, default_language(config))
    loaded["quiz"] = quiz.load_quiz(docs / "_data" / "vrai-faux.yml", languages)
    loaded["lexicon"] = lexicon.load_lexicon(docs, languages, default_language(config), untranslated)
    lexicon_ids = {language: set(terms) for language, terms in loaded["lexicon"].terms.items()}
    loaded["stories"] = stories.load_stories(docs, languages, default_language(config), untranslated, lexicon_ids)
    loaded["externals"] = externals.load_externals(docs / "_data" / "bd-externes.yml", languages)
    loaded["videos"] = videos.load_videos(docs / "_data" / "videos.yml", media_source(config), languages, lexicon_ids)
    loaded["workshops"] = {language: workshops.load_workshops(
        docs / language / "pros" / "ateliers", {"terms": lexicon_ids[language], "contacts": set(loaded["contacts"]),
                                               "stories": set(loaded["stories"][language])}) for language in languages}
    return config


@for_volunteers
def on_page_markdown(markdown, page, config, files):
    """Runs on each page's Markdown: check the front matter, expand markers, complete lexicon pages."""
    language = page_language(page, config)
    ui, source = ui_for(language), f"docs/{page.file.src_uri}"
    if markdown is not None and page.file.content_string.startswith("---") and not page.meta:
        raise ContentError(source, "en-tête", "l'en-tête (entre les lignes ---) n'a pas pu être lu.",
                           "mettez entre guillemets toute valeur qui contient « : » ou commence par un signe.")
    terms = loaded["lexicon"].terms[language]
    handlers = {
        **render.contact_markers(loaded["contacts"], ui),
        "aide-locale": lambda arguments: territories.render_local_help(loaded["territories"], ui),
        "vrai-faux": lambda arguments: quiz.render_quiz(loaded["quiz"], ui),
        "lexique": lambda arguments: lexicon.render_a_to_z(terms, term_href(page, config), ui),
        "ateliers": lambda arguments: workshops.render_listing(
            [(get_relative_url(f"{language_root(language, config)}pros/ateliers/{ident}/", page.url), title, sheet)
             for ident, title, sheet in loaded["workshops"][language]], lambda theme: terms[theme].title, ui),
        "videos": lambda arguments: videos.render_library(
            loaded["videos"], lambda ident: f"{ident}/", lambda theme: terms[theme].title, ui),
        "video": lambda arguments: video_marker(arguments, page, config, ui),
        "histoires": lambda arguments: stories.render_story_list(
            loaded["stories"][language], loaded["externals"], lambda ident: f"{ident}/", term_href(page, config), terms, ui),
    }
    markdown = markers.expand_markers(markdown, handlers, source)
    if section_of(page) == "lexique" and page.file.name != "index":
        term = terms[PurePosixPath(page.file.src_uri).stem]
        page.meta.setdefault("description", term.short)
        page.meta["title"] = f"{term.title} · {ui['lexicon']}"
        markdown = lexicon.complete_term_page(markdown, term, terms, ui)
    if section_of(page) == "histoires" and page.file.name != "index":
        # Scenes are read again after the markers were expanded; the story was validated in on_config.
        _, scenes, _ = stories.parse_body(markdown, source, 1)
        story = replace(loaded["stories"][language][page.file.name], scenes=scenes)
        markdown = stories.story_markdown(markdown, story, ui)
    if is_workshop(page):
        markdown = complete_workshop(markdown, page, config, ui, terms, source)
    if section_of(page) == "pros" and page.file.src_uri.endswith("pros/index.md"):
        poster = get_relative_url(f"{language_root(language, config)}{POSTER}", page.url)
        markdown += f'\n\n<p><a class="pav-button" href="{poster}" download>{escape(ui["poster_download"])}</a></p>\n'
    if page.meta.get("related_terms"):
        markdown = lexicon.add_related_terms(markdown, page.meta["related_terms"], terms, term_href(page, config), ui, source)
    # Material writes the description into an HTML attribute without escaping it.
    if "description" in page.meta:
        page.meta["description"] = escape(str(page.meta["description"]), quote=True)
    return markdown


def on_page_content(html_content, page, config, files):
    """Runs on each page's HTML: link the first mention of each lexicon term (not in the lexicon itself)."""
    if section_of(page) == "lexique" or page.meta.get("lexicon_links") is False:
        return html_content
    language = page_language(page, config)
    return lexicon.link_terms(html_content, loaded["lexicon"].terms[language], term_href(page, config), ui_for(language))


POSTER = "affiche-aide.pdf"
MEDIA = "media/videos/"  # where assets/videos/ is published, from the site root


def media_source(config) -> Path:
    return Path(config.config_file_path).parent / "assets" / "videos"


def video_marker(arguments, page, config, ui) -> str:
    found = [video for video in loaded["videos"] if arguments == [video.id]]
    if not found:
        raise markers.MarkerProblem(f"la vidéo « {' '.join(arguments)} » n'existe pas dans docs/_data/videos.yml.",
                                    f"utilisez un id existant : {', '.join(v.id for v in loaded['videos'])}.")
    page.meta.setdefault("title", found[0].text[ui["_lang"]].title)
    return videos.render_player(found[0], lambda name: get_relative_url(MEDIA + name, page.url), ui, media_source(config))


def is_workshop(page) -> bool:
    parts = PurePosixPath(page.file.src_uri).parts
    return parts[1:3] == ("pros", "ateliers") and page.file.name != "index"


def workshop_of(page, config, source: str):
    language = page_language(page, config)
    known = {"terms": set(loaded["lexicon"].terms[language]), "contacts": set(loaded["contacts"]),
             "stories": set(loaded["stories"][language])}
    return workshops.check_workshop({k: v for k, v in page.meta.items() if k not in workshops.PAGE_KEYS}, source, known)


def complete_workshop(markdown, page, config, ui, terms, source):
    """Summary box under the title; stories to use and contacts to hand out before the last section."""
    workshop = workshop_of(page, config, source)
    title = lexicon.H1.search(markdown)
    markdown = markdown[: title.end()] + workshops.summary_box(workshop, ui) + markdown[title.end():]
    root = language_root(page_language(page, config), config)
    stories_links = ", ".join(
        f'<a href="{get_relative_url(f"{root}histoires/{ident}/", page.url)}">{escape(loaded["stories"][page_language(page, config)][ident].title)}</a>'
        for ident in workshop.stories)
    block = f'<p><strong>{escape(ui["sheet_stories"])}</strong> {stories_links}</p>' if stories_links else ""
    cards = "".join(render.contact_card(loaded["contacts"][ident], ui) for ident in workshop.contacts)
    block += f'<div class="pav-handouts" data-search-exclude><p><strong>{escape(ui["sheet_handouts"])}</strong></p>{cards}</div>'
    last_section = markdown.rfind("\n## ")
    return markdown[:last_section] + f"\n\n{block}\n\n" + markdown[last_section:]


def pdf_cache(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "pdf"


def wants_pdf(page) -> bool:
    return bool(page.meta.get("pdf")) or is_workshop(page)


def add_site_context(context, config):
    language = current_language(config)
    ui = ui_for(language)
    context["ui"] = ui
    context["language_root"] = language_root(language, config)
    context["footer_numbers"] = render.number_buttons(
        [loaded["contacts"][ident] for ident in config.extra["footer_contacts"]], ui)
    return context


def on_page_context(context, page, config, nav):
    """Runs before a page is rendered: interface strings, help numbers and the PDF link for the templates."""
    context["pdf_file"] = f"{page.file.name}.pdf" if wants_pdf(page) else None
    return add_site_context(context, config)


def on_template_context(context, template_name, config):
    """Runs before a page without Markdown source (404) is rendered."""
    return add_site_context(context, config)


def search_root(url: str, config) -> str:
    """The language folder whose search index the page uses ("" at the root, e.g. in a one-language preview)."""
    root = language_root(current_language(config), config)
    return root if url.startswith(root) else ""


def on_post_page(output, page, config):
    """Runs on each finished HTML page: external links leak no referrer, search stays in the page's
    language, guides and sheets get their PDF."""
    if wants_pdf(page):
        target = Path(page.file.abs_dest_path).parent / f"{page.file.name}.pdf"
        document = pdf.document(page.title, page.content, page_language(page, config), config.site_name)
        pdf.write_pdf(document, target, pdf_cache(config), config.site_url + page.url, config.site_url, Path(config.site_dir))
    output = search.localize_base(output, search_root(page.url, config))
    return html.secure_external_links(output, urlsplit(config.site_url).hostname)


def on_post_build(config):
    """Runs after each language's build: the A4 poster of help numbers for that language, and the
    site's own videos (assets/videos/) published once under /media/videos/."""
    language = current_language(config)
    if language == default_language(config):
        target = Path(config.site_dir) / MEDIA
        target.mkdir(parents=True, exist_ok=True)
        for file in media_source(config).iterdir():
            if file.suffix in (".mp4", ".vtt", ".png", ".svg"):
                shutil.copyfile(file, target / file.name)
    ui = ui_for(language)
    document = pdf.poster_html(loaded["contacts"].values(), ui, config.site_name, config.site_url, language)
    target = Path(config.site_dir) / language_root(language, config) / POSTER
    pdf.write_pdf(document, target, pdf_cache(config), config.site_url + language_root(language, config), config.site_url,
                  Path(config.site_dir))


def on_post_template(output, template_name, config):
    """Runs after a page without Markdown source is rendered.

    Each language's build renders 404.html to the site root; the other languages' 404 pages go to
    their own folder (/en/404.html) so that the French one is not overwritten.
    """
    if template_name != "404.html":
        return output
    output = html.secure_external_links(output, urlsplit(config.site_url).hostname)
    language = current_language(config)
    if language == default_language(config) or config.plugins["i18n"].config.build_only_locale:
        return output
    output = search.localize_base(output, language_root(language, config))
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
