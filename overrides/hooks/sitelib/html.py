"""Small transformations of the built HTML."""

import re
from urllib.parse import urlsplit

from .strings import writing_direction

ANCHOR_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
HREF = re.compile(r'\shref="([^"]*)"', re.IGNORECASE)
REL = re.compile(r'\srel="([^"]*)"', re.IGNORECASE)
PRIVATE_REL = ("noopener", "noreferrer")


def is_external(href: str, own_host: str) -> bool:
    parts = urlsplit(href)
    return parts.scheme in ("http", "https") and parts.hostname != own_host


def secure_external_links(html: str, own_host: str) -> str:
    """Give every link to another site ``rel="noopener noreferrer"``, so it learns nothing of the visit."""

    def fix(tag_match: re.Match) -> str:
        tag = tag_match.group(0)
        href = HREF.search(tag)
        if not href or not is_external(href.group(1), own_host):
            return tag
        rel = REL.search(tag)
        if rel:
            values = rel.group(1).split()
            values += [value for value in PRIVATE_REL if value not in values]
            return tag[: rel.start()] + f' rel="{" ".join(values)}"' + tag[rel.end():]
        return tag[:-1].rstrip("/").rstrip() + ' rel="noopener noreferrer">'

    return ANCHOR_TAG.sub(fix, html)


HTML_TAG = re.compile(r'<html lang="(?P<lang>[^"]+)"(?![^>]*\sdir=)')


def with_direction(html: str) -> str:
    """``dir`` on the page's ``<html>`` from its ``lang`` (Material sets it only on ``<body>``), so that the
    head, the title and assistive technologies read an Arabic page right to left."""
    return HTML_TAG.sub(lambda tag: f'{tag.group(0)} dir="{writing_direction(tag["lang"])}"', html, count=1)


LANGUAGE_ALTERNATE = re.compile(r'[ \t]*<link(?=[^>]*\srel="alternate")(?=[^>]*\shreflang=)[^>]*>\n?', re.IGNORECASE)


def without_language_alternates(html: str) -> str:
    """No ``<link rel="alternate" hreflang>`` in the head: for each one, Material's script asks for the
    ``sitemap.xml`` of that language's page on every page view (seven requests, each for nothing). The
    language switcher's own links already lead to the same page; search engines read the translations
    in the site's sitemap (sitelib/sitemap.py). Other alternates (a feed's) are kept."""
    return LANGUAGE_ALTERNATE.sub("", html)


CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input(?=[^>]*\stype="checkbox")[^>]*?)\s+autocomplete="[^"]*"', re.IGNORECASE)


def without_checkbox_autocomplete(html: str) -> str:
    """No ``autocomplete`` on checkboxes, where HTML does not allow it: Material's base.html, outside any
    block a template can replace, puts ``autocomplete="off"`` on its menu and search switches (so that
    Firefox does not restore them open on reload; Material's script closes them when the address changes)."""
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


# Where whitespace is the content itself: left as it is.
PRESERVED = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.IGNORECASE | re.DOTALL)
INDENTATION = re.compile(r"[ \t]*\n\s*")


def without_indentation(html: str) -> str:
    """Each run of spaces and line breaks reduced to one line break: the templates' indentation is a
    sixth of a page's compressed weight, and a browser shows any such run as one space, like a line break."""
    parts = PRESERVED.split(html)
    # split() gives text, preserved element, its tag name, text…: only the text between them is changed.
    return "".join(INDENTATION.sub("\n", part) if index % 3 == 0 else part for index, part in enumerate(parts) if index % 3 != 2)


def finished_page(html: str, own_host: str) -> str:
    """What every built page gets, in order: private external links, ``dir`` on ``<html>``, no hreflang
    links in the head, no ``autocomplete`` on checkboxes, no indentation."""
    html = secure_external_links(html, own_host)
    return without_indentation(without_checkbox_autocomplete(without_language_alternates(with_direction(html))))
