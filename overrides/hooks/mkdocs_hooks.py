"""Thin MkDocs wrappers around ``sitelib``: each event reads MkDocs objects, calls a plain function.

MkDocs adds this folder to ``sys.path`` while loading the hook, which makes ``sitelib`` importable.
"""

from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sitelib import contacts as contacts_data
from sitelib import html, lexicon, markers, render, strings, territories
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


def ui_for(language: str) -> dict:
    return {**loaded["strings"][language], "_lang": language}


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
    docs = Path(config.docs_dir)
    languages = built_languages(config)
    untranslated = {language.locale: (language.extra or {}).get("untranslated", []) for language in i18n_languages(config)}
    loaded["contacts"] = contacts_data.load_contacts(docs / "_data" / "contacts.yml", languages)
    loaded["territories"] = territories.load_territories(docs / "_data" / "territoires.yml", languages)
    loaded["strings"] = strings.load_strings(docs / "_data" / "interface.yml", languages, default_language(config))
    loaded["lexicon"] = lexicon.load_lexicon(docs, languages, default_language(config), untranslated)
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
        "lexique": lambda arguments: lexicon.render_a_to_z(terms, term_href(page, config), ui),
    }
    markdown = markers.expand_markers(markdown, handlers, source)
    if section_of(page) == "lexique" and page.file.name != "index":
        term = terms[PurePosixPath(page.file.src_uri).stem]
        page.meta.setdefault("description", term.short)
        page.meta["title"] = f"{term.title} · {ui['lexicon']}"
        markdown = lexicon.complete_term_page(markdown, term, terms, ui)
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


def add_site_context(context, config):
    language = current_language(config)
    ui = ui_for(language)
    context["ui"] = ui
    context["language_root"] = language_root(language, config)
    context["footer_numbers"] = render.number_buttons(
        [loaded["contacts"][ident] for ident in config.extra["footer_contacts"]], ui)
    return context


def on_page_context(context, page, config, nav):
    """Runs before a page is rendered: interface strings and help numbers for the templates."""
    return add_site_context(context, config)


def on_template_context(context, template_name, config):
    """Runs before a page without Markdown source (404) is rendered."""
    return add_site_context(context, config)


def on_post_page(output, page, config):
    """Runs on each finished HTML page: external links leak no referrer."""
    return html.secure_external_links(output, urlsplit(config.site_url).hostname)


def on_post_template(output, template_name, config):
    """Runs after a page without Markdown source is rendered.

    Each language's build renders 404.html to the site root; the other languages' 404 pages go to
    their own folder (/en/404.html) so that the French one is not overwritten.
    """
    if template_name != "404.html":
        return output
    output = html.secure_external_links(output, urlsplit(config.site_url).hostname)
    language = current_language(config)
    if language == default_language(config):
        return output
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
