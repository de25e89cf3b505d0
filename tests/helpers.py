"""Small helpers shared by the test files, each written once: data refused with a French message,
files for a test, what a page left in the browser, what covers an element, the tab order, and
Material's settings read from a page."""

import difflib
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from sitelib import fingerprint
from sitelib.errors import ContentError, ContentErrors
from site_map import DEFAULT_LANGUAGE, LANGUAGES, ROOT

LANGUAGE_ENTRY = re.compile(r"^ {8}- locale: (\S+)\n(?:(?: {10}.*)?\n)*", re.MULTILINE)


def project_copy(destination: Path, kept: tuple[str, ...] | None = None) -> Path:
    """The project's sources (not its build, virtual environment or npm packages), for a test to edit as a
    volunteer would; ``kept``: the only languages copied (a build then takes a fraction of the site's). The
    PDF cache is shared: the PDFs of unchanged pages are not made again."""
    destination.mkdir(exist_ok=True)
    for name in ("docs", "overrides", "assets", "scripts"):
        shutil.copytree(ROOT / name, destination / name, ignore=lambda folder, names: [
            n for n in names if n == "node_modules" or (kept and folder == str(ROOT / "docs") and n not in (*kept, "_data"))])
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if kept:
        config = LANGUAGE_ENTRY.sub(lambda entry: entry[0] if entry[1] in kept else "", config)
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    (ROOT / ".cache" / "pdf").mkdir(parents=True, exist_ok=True)
    (destination / ".cache").mkdir()
    (destination / ".cache" / "pdf").symlink_to(ROOT / ".cache" / "pdf")
    return destination


def expect_content_error(action: Callable[[], object], *words: str) -> str:
    """Run ``action``: it must refuse the data with a ContentError (or several, ContentErrors) whose
    French text contains every one of ``words``. Returns that text, for more checks."""
    with pytest.raises((ContentError, ContentErrors)) as caught:
        action()
    message = str(caught.value)
    missing = [word for word in words if word not in message]
    assert not missing, f"Le message d'erreur ne contient pas {missing} :\n{message}"
    return message


def write_file(folder: Path, name: str, text: str) -> Path:
    """``text`` written (UTF-8) to ``folder/name``, folders created; returns the file."""
    file = folder / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def language_of(path: str) -> str:
    """The language of a built page from its URL path ("en/aide/" → "en", "aide/" → the default)."""
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


# --- In the browser (Playwright pages) ---

_PLACE = """selector => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {top: box.top, bottom: box.bottom, left: box.left, right: box.right,
          covered: !(top === element || element.contains(top))};
}"""


def element_place(page, selector: str) -> dict | None:
    """Where the first element matching ``selector`` is in the viewport (top, bottom, left, right) and
    whether another element is drawn over its middle (``covered``); None if there is no such element."""
    return page.evaluate(_PLACE, selector)


def is_covered(page, selector: str) -> bool:
    """Whether another element is drawn over the middle of the element (which must exist)."""
    place = element_place(page, selector)
    assert place is not None, f"Aucun élément {selector} sur la page."
    return place["covered"]


def tab_stops(page, count: int) -> list[str]:
    """Press Tab ``count`` times; the class (or tag name) of the element focused after each press."""
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("() => document.activeElement.className || document.activeElement.tagName"))
    return stops


_STORAGE = """() => {
  const keys = store => { try { return Object.keys(store); } catch (error) { return []; } };
  return {cookies: document.cookie, localStorage: keys(localStorage), sessionStorage: keys(sessionStorage)};
}"""


def stored_anything(page) -> dict:
    """What the site left in the browser: cookies (the document's or the browser context's) and the
    keys of localStorage and sessionStorage. Empty when nothing was stored, which the site promises."""
    found = page.evaluate(_STORAGE)
    found["cookies"] = found["cookies"] or [cookie["name"] for cookie in page.context.cookies()]
    return {kind: value for kind, value in found.items() if value}


# --- Material's settings ---

def shown_cards(page) -> list[str]:
    """The links of the listing's cards that are shown, in the page's order."""
    return page.eval_on_selector_all(".pav-sheets .pav-card", "cards => cards.filter(card => card.checkVisibility())"
                                     ".map(card => card.querySelector('a').getAttribute('href'))")


def choose(page, **filters: str):
    """Set the listing's filters, e.g. ``choose(page, age="12", theme="")`` ("" shows all)."""
    for name, value in filters.items():
        page.locator(f".pav-filters select[name={name}]").select_option(value)


def stand_in_page(language: str, body: str, script: str) -> str:
    """A minimal page around ``body`` that loads one of the site's real scripts (its address: ``published_asset``)."""
    return (f"<!doctype html><html lang={language}><meta charset=utf-8><title>Essai</title><body>{body}"
            f"<script src='{script}'></script></body></html>")


def published_asset(site: Path, plain: str) -> str:
    """The address under which the built pages load one of the site's own files, read from the home page:
    "assets/sheets.js" → "/assets/sheets.2da73667.js" (content-hashed name, sitelib/fingerprint.py)."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    for tag in home.select("script[src], link[rel=stylesheet]"):
        address = urljoin("/", tag.get("src") or tag["href"])
        if fingerprint.plain_uri(address.lstrip("/")) == plain:
            return address
    pytest.fail(f"La page d'accueil ne charge pas {plain} sous un nom à empreinte.", pytrace=False)


def pdf_text(path) -> str:
    """A PDF's text, read with poppler's pdftotext (Debian poppler-utils)."""
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


GOLDEN = Path(__file__).parent / "golden"


def one_tag_per_line(html: str) -> list[str]:
    return re.sub(r">(?=<)", ">\n", html).splitlines(keepends=True)


def matches_golden(name: str, html: str, test_file: str) -> None:
    """``html`` is exactly tests/golden/<name>.html, byte for byte; a difference is shown one tag per line.
    With PAV_GOLDEN=ecrire the file is written instead (then read git diff tests/golden/)."""
    file = GOLDEN / f"{name}.html"
    command = f"PAV_GOLDEN=ecrire .venv/bin/python -m pytest {test_file}"
    if os.environ.get("PAV_GOLDEN") == "ecrire":
        GOLDEN.mkdir(exist_ok=True)
        file.write_bytes(html.encode("utf-8"))
        return
    assert file.exists(), f"{file.name} manque : lancez {command}."
    expected = file.read_bytes().decode("utf-8")
    if html != expected:
        diff = "".join(difflib.unified_diff(one_tag_per_line(expected), one_tag_per_line(html),
                                            f"tests/golden/{file.name} (attendu)", "rendu", n=2))
        pytest.fail(f"Le fragment « {name} » a changé. Si c'est voulu : {command}, puis relisez git diff tests/golden/.\n{diff}",
                    pytrace=False)
