"""The site's sitemap for search engines: each page once per language that has written it, with its
translations (hreflang).

It replaces mkdocs-static-i18n's, which lists a page a language has not written (shown in French) as
that language's translation.
"""

import gzip
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .languages import Languages, pages_of
from .pages import url_of

SITEMAPS_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"


def writers_of_pages(languages: Languages) -> dict[str, list[str]]:
    """Each page ("aide.md", from a language folder) → the languages that have written it, in mkdocs.yml's order."""
    written = {language: pages_of(languages.docs_dir, language) for language in languages.built}
    return {page: [language for language in languages.built if page in written[language]]
            for page in sorted(set().union(*written.values()))}


def sitemap_xml(languages: Languages, site_url: str) -> bytes:
    """The sitemap (UTF-8 XML): one ``<url>`` per page and language that has written it, its absolute
    address under ``site_url`` (which ends with "/", as MkDocs makes it), an ``xhtml:link`` to each
    language that has written the page (itself included) and ``x-default`` to the default language's."""
    urlset = ElementTree.Element("urlset", {"xmlns": SITEMAPS_NAMESPACE, "xmlns:xhtml": XHTML_NAMESPACE})
    for page, writers in writers_of_pages(languages).items():
        addresses = {language: site_url + languages.root(language) + url_of(page) for language in writers}
        alternates = addresses | ({"x-default": addresses[languages.default]} if languages.default in addresses else {})
        for address in addresses.values():
            url = ElementTree.SubElement(urlset, "url")
            ElementTree.SubElement(url, "loc").text = address
            for hreflang, href in alternates.items():
                ElementTree.SubElement(url, "xhtml:link", {"rel": "alternate", "hreflang": hreflang, "href": href})
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="UTF-8", xml_declaration=True) + b"\n"


def write_sitemap(site_dir: Path, languages: Languages, site_url: str) -> int:
    """Writes sitemap.xml and sitemap.xml.gz at the site root; returns the number of addresses."""
    sitemap = sitemap_xml(languages, site_url)
    (site_dir / "sitemap.xml").write_bytes(sitemap)
    # No date in the archive: the same site gives the same file.
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap, mtime=0))
    return sitemap.count(b"<url>")
