"""A4 PDFs made with WeasyPrint from the same HTML as the page, cached by content so that a preview
rebuild only regenerates what changed."""

import hashlib
import shutil
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #444; }
        @top-right { content: string(site); font-size: 9pt; color: #444; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; }
.pav-pdf-site { string-set: site content(); display: none; }
h1 { font-size: 20pt; color: #4a1236; margin: 0 0 8pt; }
h2 { font-size: 14pt; color: #4a1236; margin: 14pt 0 4pt; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 10pt 0 3pt; break-after: avoid; }
a { color: #4a1236; }
blockquote { margin: 6pt 0; padding: 4pt 10pt; border-left: 3pt solid #6b1f4f; background: #f4eef2; }
.pav-sheet-summary, .pav-related { border: 1pt solid #6b1f4f; padding: 6pt 10pt; margin: 8pt 0; break-inside: avoid; }
.pav-sheet-summary dl { display: block; margin: 0; }
.pav-sheet-summary dt { font-weight: bold; display: inline; }
.pav-sheet-summary dd { display: inline; margin: 0 12pt 0 4pt; }
.pav-numbers { list-style: none; padding: 0; margin: 6pt 0; }
.pav-numbers li { display: inline-block; margin: 0 10pt 6pt 0; padding: 4pt 8pt; border: 1pt solid #6b1f4f; }
.pav-number__digits { font-size: 14pt; font-weight: bold; margin-right: 4pt; }
.pav-contact { border-left: 3pt solid #6b1f4f; padding: 2pt 8pt; margin: 6pt 0; break-inside: avoid; }
.pav-term__toggle, .pav-term__definition, .pav-sr-only, .pav-easy-read, .headerlink { display: none; }
"""


def document(title: str, content_html: str, language: str, site_name: str, extra_css: str = "") -> str:
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<style>{PRINT_CSS}{extra_css}</style></head><body><p class="pav-pdf-site">{escape(site_name)}</p>'
            f'{content_html}</body></html>')


def site_fetcher(site_url: str, site_dir: Path):
    """WeasyPrint's fetcher for a page of the site: the site's own files are read from the build, and
    nothing is fetched from the network (builds stay offline and private)."""
    from weasyprint import URLFetcher

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(site_url):
                path = site_dir / unquote(urlsplit(url).path.removeprefix(urlsplit(site_url).path))
                url = (path / "index.html" if path.is_dir() else path).as_uri()
            return super().fetch(url, headers)

    return SiteFetcher(allowed_protocols={"file", "data"})


def write_pdf(html: str, target: Path, cache_dir: Path, page_url: str, site_url: str, site_dir: Path) -> bool:
    """Write the PDF of ``html`` to ``target``; return True if it had to be generated (not cached).

    ``page_url`` is the page's public address: links in the PDF lead to the published site (not to the
    machine that built it), and the cache does not depend on where the site is built."""
    import weasyprint

    key = hashlib.sha256((weasyprint.__version__ + page_url + html).encode("utf-8")).hexdigest()
    cached = cache_dir / f"{key}.pdf"
    generated = not cached.exists()
    if generated:
        cache_dir.mkdir(parents=True, exist_ok=True)
        weasyprint.HTML(string=html, base_url=page_url, url_fetcher=site_fetcher(site_url, site_dir)).write_pdf(cached)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return generated


def poster_html(contacts, ui: dict[str, str], site_name: str, site_url: str, language: str) -> str:
    """A4 poster for noticeboards: the help numbers, large, from the contacts data."""
    from .contacts import display_number

    rows = []
    for contact in contacts:
        number = contact.phone if contact.phone and contact.voice else contact.sms
        if not number:
            continue
        text = contact.text[language]
        flags = [ui["free"]] if contact.free else []
        if contact.off_bill:
            flags.append(ui["off_bill"])
        if contact.sms and not contact.voice:
            flags.append(ui["sms_only"])
        rows.append(f'<tr><td class="n">{display_number(number)}</td><td><strong>{escape(text.name)}</strong><br>'
                    f'{escape(text.short)} — {escape(text.hours)}<br><small>{escape(" ".join(flags))}</small></td></tr>')
    css = (".poster h1 { font-size: 26pt; margin-bottom: 4pt; } table { width: 100%; border-collapse: collapse; font-size: 10pt; }"
           "tr { break-inside: avoid; } td { padding: 3pt 4pt; border-bottom: 1pt solid #ccc; vertical-align: top; }"
           "td.n { font-size: 20pt; font-weight: bold; color: #4a1236; white-space: nowrap; width: 38%; }"
           ".foot { margin-top: 8pt; font-size: 9pt; }")
    body = (f'<div class="poster"><h1>{escape(ui["poster_title"])}</h1><p>{escape(ui["poster_intro"])}</p>'
            f'<table>{"".join(rows)}</table><p class="foot">{escape(site_name)} — {escape(site_url)}</p></div>')
    return document(ui["poster_title"], body, language, site_name, css)


def poster_button(href: str, ui) -> str:
    """The button that downloads the language's A4 poster (professionals' home page)."""
    return f'<p><a class="pav-button" href="{escape(href)}" download>{escape(ui["poster_download"])}</a></p>'
