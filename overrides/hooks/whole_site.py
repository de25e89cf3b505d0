"""Thin MkDocs wrapper: what is done once every language is built (the search index, see sitelib/search.py;
the sitemap, see sitelib/sitemap.py).

A hook file of its own because it must run after mkdocs-static-i18n's ``on_post_build`` (priority
-100), which builds the other languages.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from mkdocs_hooks import site_languages
from sitelib import search, sitemap
from sitelib.errors import ContentError

log = logging.getLogger("mkdocs.hooks.whole_site")


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside mkdocs-static-i18n's loop: the others are not built yet
    try:
        log.info("Recherche : " + search.index_site(Path(config.site_dir)))
    except ContentError as error:
        raise PluginError(str(error)) from None
    addresses = sitemap.write_sitemap(Path(config.site_dir), site_languages(config), config.site_url)
    log.info(f"Plan du site : {addresses} adresses (sitemap.xml)")
