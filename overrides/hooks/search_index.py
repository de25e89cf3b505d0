"""Thin MkDocs wrapper: one search index per language (see sitelib/search.py).

A hook file of its own because it must run after mkdocs-static-i18n's ``on_post_build`` (priority
-100), which writes the merged index once every language is built.
"""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from sitelib import search

log = logging.getLogger("mkdocs.hooks.search_index")


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside mkdocs-static-i18n's loop: the merged index is not written yet
    i18n = config.plugins["i18n"].config
    if i18n.build_only_locale:
        return  # a one-language preview: that language is at the root with its own index already
    default = next(language.locale for language in i18n.languages if language.default)
    roots = {language.locale: "" if language.locale == default else f"{language.locale}/"
             for language in i18n.languages if language.build}
    sizes = search.write_language_indexes(Path(config.site_dir), roots)
    log.info("Index de recherche par langue : " + ", ".join(f"{language} {size / 1024:.0f} Kio" for language, size in sizes.items()))
