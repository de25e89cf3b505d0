"""A4 PDFs made with WeasyPrint from the same HTML as the page, cached by content so that a preview
rebuild only regenerates what changed."""

import hashlib
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from babel.dates import format_date

from .render import main_action
from .strings import writing_direction
from .templating import Markup, render


def document(title: str, content_html: str, language: str, site_name: str, extra_css: str = "") -> str:
    """The HTML WeasyPrint prints: ``content_html`` (the page's HTML) in ``language`` and its writing
    direction, with templates/print.css and ``extra_css`` (templates/pdf-document.html)."""
    return render("pdf-document.html", title=title, content=Markup(content_html), language=language,
                  direction=writing_direction(language), site_name=site_name, extra_css=Markup(extra_css))


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


def poster_html(contacts, ui, site_name: str, site_url: str, language: str) -> str:
    """A4 poster for noticeboards: the help numbers, large, from the contacts data (templates/poster.html,
    a PDF document with templates/poster.css). A contact without a number to dial is left out."""
    rows = []
    for contact in contacts:
        action = main_action(contact)
        if action is None:
            continue
        flags = [ui[flag] for flag in ("free", "off_bill") if getattr(contact, flag)]
        if contact.sms and not contact.voice:
            flags.append(ui["sms_only"])
        rows.append({"number": action[1], "text": contact.text[language], "flags": flags, "verified": contact.verified})
    days = [format_date(day, "long", locale=language) for day in sorted({row["verified"] for row in rows})]
    checked = (ui["poster_checked_one"].format(date=days[0]) if len(days) == 1
               else ui["poster_checked"].format(first=days[0], last=days[-1]) if days else "")
    return render("poster.html", title=ui["poster_title"], language=language, direction=writing_direction(language),
                  site_name=site_name, address=public_address(site_url), rows=rows, ui=ui, checked=checked)


def public_address(site_url: str) -> str | None:
    """The site's address as it may be printed for readers, or None while the build has no public
    address (a local preview, or a reserved example domain): a poster must not send readers nowhere."""
    host = urlsplit(site_url).hostname or ""
    reserved = (".example", ".example.org", ".example.com", ".example.net", ".invalid", ".test", ".localhost")
    local = host in ("localhost", "127.0.0.1", "example.org", "example.com", "example.net") or host.endswith(reserved)
    return None if local else site_url


def poster_button(href: str, ui) -> str:
    """The button that downloads the language's A4 poster (professionals' home page)."""
    return render("poster-button.html", href=href, ui=ui)
