"""Thin MkDocs wrappers around ``sitelib``: each event turns MkDocs objects into plain values, calls
``sitelib`` and hands the result back. No feature logic here (it lives in ``sitelib``, which knows
nothing of MkDocs, so the site survives a change of engine).

MkDocs adds this folder to ``sys.path`` while loading the hook, which makes ``sitelib`` importable.
"""

import copy
import functools
import logging
import os
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitelib import comics, fingerprint, html, lexicon, mkdocs_messages, page_markdown, pdf, publishing, render, translations, videos
from sitelib.errors import ContentError, ContentErrors, raise_all
from sitelib.languages import Languages
from sitelib.pages import PageContext, body_line, parse_page
from sitelib.site import Site, load_site

log = logging.getLogger("mkdocs.hooks.pas_a_vendre")

# Loaded by on_config, once per build (and again on each rebuild of « make serve »).
SITE: Site | None = None


def for_volunteers(event):
    """Show a content error as MkDocs' one-line error message, without a Python traceback."""
    @functools.wraps(event)
    def wrapper(*arguments, **keywords):
        try:
            return event(*arguments, **keywords)
        except (ContentError, ContentErrors) as error:
            raise PluginError(str(error)) from None
    return wrapper


def for_each_page(event):
    """A page's content errors are logged and the build goes on, so that one build names the mistakes
    of every page; the build then fails (strict mode), so nothing broken is deployed."""
    @functools.wraps(event)
    def wrapper(content, *arguments, **keywords):
        try:
            return event(content, *arguments, **keywords)
        except (ContentError, ContentErrors) as error:
            for one in getattr(error, "errors", [error]):
                log.error(str(one))
            return content
    return wrapper


# ----- MkDocs and mkdocs-static-i18n objects → plain values ---------------------------------------

def i18n(config):
    return config.plugins["i18n"]


def site_languages(config) -> Languages:
    """The languages of mkdocs.yml's i18n plugin, with their ``untranslated`` patterns."""
    declared = i18n(config).config.languages
    docs = Path(config.docs_dir)
    return Languages(docs_dir=docs, built=tuple(language.locale for language in declared if language.build),
                     default=next(language.locale for language in declared if language.default),
                     untranslated={language.locale: list((language.extra or {}).get("untranslated", [])) for language in declared})


def current_language(config) -> str:
    return i18n(config).current_language


def page_context(page, config) -> PageContext:
    """Built once per page: the language of the page's text is the default language's on a fallback page."""
    if getattr(page, "pav_context", None) is None:
        language = getattr(page.file, "locale", current_language(config))
        page.pav_context = PageContext(page.file.src_uri, page.url, language, SITE.languages.root(language), SITE.ui(language))
    return page.pav_context


def outside_menu(config):
    """mkdocs.yml's not_in_nav, as MkDocs reads it: a path from docs/ → whether it stays out of the menu."""
    return config.not_in_nav.match_file if config.not_in_nav else lambda path: False


# MkDocs' loggers whose warnings name a volunteer's mistake (links, anchors, menu).
MKDOCS_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


def say_in_french(config):
    """Rewrite MkDocs' own warnings in the site's French form (sitelib/mkdocs_messages.py), before MkDocs
    shows or counts them (strict mode still fails on them). Set again on each rebuild of « make serve »."""
    docs, default = Path(config.docs_dir), next(language.locale for language in i18n(config).config.languages if language.default)

    def rewrite(record: logging.LogRecord) -> bool:
        errors = mkdocs_messages.in_french(record.getMessage(), docs, default)
        if errors:
            record.msg, record.args = "\n".join(map(str, errors)), ()
        return True
    rewrite.pav_french = True
    for name in MKDOCS_LOGGERS:
        logger = logging.getLogger(name)
        for old in [old for old in logger.filters if getattr(old, "pav_french", False)]:
            logger.removeFilter(old)
        logger.addFilter(rewrite)


def project_root(config) -> Path:
    return Path(config.config_file_path).parent


# ----- Events ----------------------------------------------------------------------------------------

@for_volunteers
def on_config(config):
    """Runs once per build, before any page: load and check every data file and page collection
    (every error of every file reported together)."""
    global SITE
    say_in_french(config)
    section_names = {language.locale: dict(language.nav_translations or {}) for language in i18n(config).config.languages}
    SITE = load_site(project_root(config), site_languages(config), config.extra.get("footer_contacts"), config.nav, section_names,
                     config.extra.get("publisher"), outside_menu=outside_menu(config))
    raise_all(publishing.check_publication(config.site_url, SITE.publisher, os.environ.get("PUBLICATION") == "1"))
    return config


def on_pre_build(config):
    """Runs once per language, after mkdocs-static-i18n has set that language's settings: Material writes
    the site's description into an HTML attribute without escaping it (a page without a description of
    its own, the 404, shows it). Escaped for this language's build only: on_post_build puts it back as
    written, before mkdocs-static-i18n saves or restores it for the next language."""
    if config.site_description:
        config.site_description = escape(config.site_description, quote=True)


# The theme's folder (custom_dir) holds this one: MkDocs would publish its files (the PDFs' style sheets).
HOOKS_FOLDER = Path(__file__).resolve().parent


# After mkdocs-static-i18n's (-100), which cannot sort a file held in memory (it has no source path).
@event_priority(-150)
def on_files(files, config):
    """Runs on each language's files to publish: nothing of the hooks' folder is published, and the site's
    own CSS and JavaScript go under content-hashed names (sitelib/fingerprint.py), which extra_css and
    extra_javascript then give to every page's <link> and <script>."""
    for file in [file for file in files if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(HOOKS_FOLDER)]:
        files.remove(file)
    listed = fingerprint.listed_files([str(entry) for entry in [*config.extra_css, *config.extra_javascript]],
                                      [file.dest_uri for file in files])
    hashed = {}
    for file in [file for file in files if file.dest_uri in listed]:
        # Published from the bytes hashed here: the name fits the content even if the file is edited during the build.
        content = file.content_bytes
        hashed[file.dest_uri] = fingerprint.hashed_uri(file.dest_uri, content)
        files.remove(file)
        files.append(type(file).generated(config, hashed[file.dest_uri], content=content))
    config.extra_css = [fingerprint.renamed_entry(path, hashed) for path in config.extra_css]
    for index, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[index] = fingerprint.renamed_entry(script, hashed)
        else:  # an entry with attributes (type: module…)
            script.path = fingerprint.renamed_entry(script.path, hashed)
    return files


@for_each_page
def on_page_markdown(markdown, page, config, files):
    """Runs on each page's Markdown: expand markers, complete each kind of page."""
    source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    if markdown is not None and page.file.content_string.startswith("---") and not page.meta:
        # Said as make check says it (unclosed, which line, what is wrong), else in general.
        raise_all(parse_page(page.file.content_string, source)[1] or [page_markdown.unreadable_front_matter(source)])
    if not is_fallback(page, config):  # a fallback page is its default language's file, checked in that language
        raise_all(page_markdown.page_errors(markdown, page.meta, SITE, page_context(page, config), source,
                                            body_line(page.file.content_string)))
    markdown = page_markdown.complete_page(markdown, page.meta, SITE, page_context(page, config), source)
    # Material writes the description into an HTML attribute without escaping it.
    if "description" in page.meta:
        page.meta["description"] = escape(str(page.meta["description"]), quote=True)
    return markdown


@for_each_page
def on_page_content(html_content, page, config, files):
    """Runs on each page's HTML: link the first mention of each lexicon term (not in the lexicon itself)."""
    context = page_context(page, config)
    if context.kind in ("term", "lexicon-index") or page.meta.get("lexicon_links") is False:
        return html_content
    return lexicon.link_terms(html_content, SITE.terms(context.language), context.term_href, context.ui)


def add_site_context(context, config):
    language = current_language(config)
    ui = SITE.ui(language)
    context["ui"] = ui
    context["language_root"] = SITE.languages.root(language)
    context["footer_numbers"] = render.number_buttons([SITE.contacts[ident] for ident in SITE.footer_contacts], ui)
    return context


@for_volunteers
def on_page_context(context, page, config, nav):
    """Runs before a page is rendered: interface strings, help numbers and the PDF link for the templates."""
    context["pdf_file"] = pdf_link(page, config) if page_context(page, config).wants_pdf(page.meta) else None
    if page_context(page, config).kind == "story":
        # The table of contents keeps the title (« skip to content » leads there) without the scenes: their
        # titles would give the story away, and Material writes them twice (in the menu and beside the text).
        for heading in page.toc:
            heading.children = []
    return add_site_context(context, config)


def is_fallback(page, config) -> bool:
    """A page shown in the default language because its language has no translation of it yet."""
    return page_context(page, config).language != current_language(config)


def pdf_link(page, config) -> str:
    """The page's PDF; on a fallback page, the default language's PDF (the same text: made once)."""
    if not is_fallback(page, config):
        return f"{page.file.name}.pdf"
    in_default = page.url.removeprefix(SITE.languages.root(current_language(config)))
    return page_context(page, config).href(in_default) + f"{page.file.name}.pdf"


@for_volunteers
def on_template_context(context, template_name, config):
    """Runs before a page without Markdown source (404) is rendered. mkdocs-static-i18n leaves the
    language switcher of the last page built; the 404 page's switcher leads to each language's home."""
    if i18n(config).extra_alternate:
        # Set as an attribute, as mkdocs-static-i18n does: templates read config.extra.alternate.
        config.extra.alternate = copy.deepcopy(i18n(config).extra_alternate)
    return add_site_context(context, config)


def pdf_cache(config) -> Path:
    return project_root(config) / ".cache" / "pdf"


@for_volunteers
def on_post_page(output, page, config):
    """Runs on each finished HTML page: external links leak no referrer, guides and sheets get their PDF."""
    context = page_context(page, config)
    if context.wants_pdf(page.meta) and not is_fallback(page, config):
        target = Path(page.file.abs_dest_path).parent / f"{page.file.name}.pdf"
        document = pdf.document(page.title, page.content, context.language, config.site_name)
        pdf.write_pdf(document, target, pdf_cache(config), config.site_url + page.url, config.site_url, Path(config.site_dir))
    return html.finished_page(output, urlsplit(config.site_url).hostname)


@for_volunteers
def on_post_build(config):
    """Runs after each language's build: the A4 poster of help numbers for that language, and the
    site's own videos and their captions published once under /media/videos/, the stories' comic panels
    under /media/bd/."""
    if config.site_description:
        config.site_description = unescape(config.site_description)  # as written (see on_pre_build)
    language = current_language(config)
    if language == SITE.languages.default:
        videos.publish_media(SITE.videos, SITE.media, Path(config.site_dir))
        comics.publish(SITE.drawings, Path(config.site_dir))
        status_page = Path(config.site_dir) / translations.STATUS_PAGE
        status_page.parent.mkdir(parents=True, exist_ok=True)
        status_page.write_text(translations.render_status_page(translations.translation_status(SITE.languages)[0], config.site_name,
                                                               config.extra_css), encoding="utf-8")
    root, ui = SITE.languages.root(language), SITE.ui(language)
    document = pdf.poster_html(SITE.contacts.values(), ui, config.site_name, config.site_url, language)
    pdf.write_pdf(document, Path(config.site_dir) / root / page_markdown.POSTER, pdf_cache(config), config.site_url + root,
                  config.site_url, Path(config.site_dir))


def on_post_template(output, template_name, config):
    """Runs after a page without Markdown source is rendered.

    Each language's build renders 404.html to the site root; the other languages' 404 pages go to
    their own folder (/en/404.html) so that the French one is not overwritten.
    """
    if template_name != "404.html":
        return output
    output = html.finished_page(output, urlsplit(config.site_url).hostname)
    language = current_language(config)
    if language == SITE.languages.default or i18n(config).config.build_only_locale:
        return output
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
