"""Thin MkDocs wrappers around ``sitelib``: each event reads MkDocs objects, calls a plain function.

MkDocs adds this folder to ``sys.path`` while loading the hook, which makes ``sitelib`` importable.
"""

from pathlib import Path
from urllib.parse import urlsplit

from sitelib import contacts as contacts_data
from sitelib import html, markers, render, strings, territories

loaded: dict = {}


def built_languages(config) -> list[str]:
    return [language.locale for language in config.plugins["i18n"].config.languages if language.build]


def default_language(config) -> str:
    return next(language.locale for language in config.plugins["i18n"].config.languages if language.default)


def current_language(config) -> str:
    return config.plugins["i18n"].current_language


def ui_for(language: str) -> dict:
    return {**loaded["strings"][language], "_lang": language}


def on_config(config):
    """Runs before each language's build: load and validate the data files (fails the build on errors)."""
    data = Path(config.docs_dir) / "_data"
    languages = built_languages(config)
    loaded["contacts"] = contacts_data.load_contacts(data / "contacts.yml", languages)
    loaded["territories"] = territories.load_territories(data / "territoires.yml", languages)
    loaded["strings"] = strings.load_strings(data / "interface.yml", languages, default_language(config))
    return config


def on_page_markdown(markdown, page, config, files):
    """Runs on each page's Markdown: expand the volunteers' markers in the language of the text."""
    language = getattr(page.file, "locale", current_language(config))
    ui = ui_for(language)
    handlers = {
        **render.contact_markers(loaded["contacts"], ui),
        "aide-locale": lambda arguments: territories.render_local_help(loaded["territories"], ui),
    }
    return markers.expand_markers(markdown, handlers, f"docs/{page.file.src_uri}")


def add_site_context(context, config):
    language = current_language(config)
    ui = ui_for(language)
    context["ui"] = ui
    # Site-root-relative prefix of this language's pages: "" for French, "en/" for English.
    context["language_root"] = "" if language == default_language(config) else f"{language}/"
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
    language = current_language(config)
    if template_name != "404.html":
        return output
    output = html.secure_external_links(output, urlsplit(config.site_url).hostname)
    if language == default_language(config):
        return output
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
