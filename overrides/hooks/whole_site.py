"""Thin MkDocs wrapper: what is done once every language is built (the search index, see sitelib/search.py;
the HTTP headers, sitelib/headers.py; the sitemap, sitelib/sitemap.py; Netlify's _redirects,
sitelib/publishing.py; the precompressed files, sitelib/precompress.py).

A hook file of its own because it must run after mkdocs-static-i18n's ``on_post_build`` (priority
-100), which builds the other languages.
"""

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from mkdocs_hooks import site_languages
from sitelib import headers, precompress, publishing, search, sitemap
from sitelib.errors import ContentError, ContentErrors

log = logging.getLogger("mkdocs.hooks.whole_site")
COMMAND = {"name": "build"}  # "serve" for « make serve », whose preview needs no precompressed files


def on_startup(command, dirty):
    COMMAND["name"] = command


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a language built inside mkdocs-static-i18n's loop: the others are not built yet
    try:
        log.info("Recherche : " + search.index_site(Path(config.site_dir)))
        log.info("En-têtes HTTP (_headers, _headers.nginx) : " + headers.write_headers(
            Path(config.site_dir), site_languages(config), os.environ.get(headers.META_VARIABLE) == "1"))
    except (ContentError, ContentErrors) as error:
        raise PluginError(str(error)) from None
    addresses = sitemap.write_sitemap(Path(config.site_dir), site_languages(config), config.site_url)
    log.info(f"Plan du site : {addresses} adresses (sitemap.xml)")
    # Netlify: each language's 404 page (Cloudflare Pages finds the nearest 404.html by itself).
    (Path(config.site_dir) / "_redirects").write_text(publishing.redirects(site_languages(config)), encoding="utf-8")
    if COMMAND["name"] != "serve":  # last: it compresses every file written before
        log.info("Compression : " + precompress.precompress_site(Path(config.site_dir)))
