"""Thin MkDocs wrapper: one search index per language (see sitelib/search.py).

A hook file of its own because it must run after mkdocs-static-i18n's ``on_post_build`` (priority
-100), which writes the merged index once every language is built.
"""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from mkdocs_hooks import site_languages
from sitelib import search, strings
from sitelib.languages import fallback_pages
from sitelib.pages import url_of

log = logging.getLogger("mkdocs.hooks.search_index")


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside mkdocs-static-i18n's loop: the merged index is not written yet
    if config.plugins["i18n"].config.build_only_locale:
        return  # a one-language preview: that language is at the root with its own index already
    languages = site_languages(config)
    texts = strings.load_strings(languages)
    roots = {language: languages.root(language) for language in languages.built}
    fallbacks = {language: ({url_of(page) for page in fallback_pages(languages.docs_dir, language, languages.default)},
                            texts[language]["fallback_search_mark"])
                 for language in languages.built if language != languages.default}
    sizes = search.write_language_indexes(Path(config.site_dir), roots, fallbacks)
    log.info("Index de recherche par langue : " + ", ".join(f"{language} {size / 1024:.0f} Kio" for language, size in sizes.items()))
