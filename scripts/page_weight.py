#!/usr/bin/env python3
"""Poids des pages du site construit, tel qu'un téléphone le télécharge (compressé), et budgets de poids.

Usage : python scripts/page_weight.py [SITE]   (SITE : le site construit, site/ par défaut ; make benchmark)

Le site est servi en local comme par un hébergeur : textes compressés en gzip (HTML, CSS, JavaScript,
JSON, SVG, XML… ; la copie .gz écrite par la construction, s'il y en a une, comme le gzip_static de nginx),
médias tels quels, mis en cache 10 minutes. Chromium (celui de Debian), à 360×640,
ouvre chaque sorte de page (accueil, aide, article, histoire, mot du lexique, fiche d'atelier, vidéo) en
français et en arabe, et l'accueil de chaque langue. Pour chacune : les octets transférés à la première
visite (cache vide), ressource par ressource ; ce qu'ajoute la même page vue en second dans la visite
(après l'accueil ; l'accueil après l'aide) ; et, par langue, ce que coûtent une première recherche et une
seconde. Budgets : première visite 80 Ko au plus (une histoire : 120 Ko), seconde page 16 Ko (une histoire :
20 Ko, sans ses vignettes, qui ont le leur : 12 Ko à l'arrivée, celle de la première scène et celles que
le navigateur prend d'avance), comptés
en octets compressés des fichiers (1 Ko = 1000 octets ; sans les en-têtes HTTP, qui dépendent de
l'hébergeur). Code de sortie 1 si un budget est dépassé.
"""

import argparse
import functools
import gzip
import http.server
import io
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib.project import project_languages  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 360, "height": 640}
KB = 1000

# The page types of the budget, by their address in a language's folder; the Arabic home is the home in ar.
PAGE_TYPES = {
    "accueil": "",
    "aide": "aide/",
    "article": "articles/loverboy/",
    "histoire": "histoires/le-follower/",
    "mot du lexique": "lexique/loverboy/",
    "fiche d'atelier": "pros/ateliers/emprise-loverboy/",
    "vidéo": "videos/cinq-signes/",
}
BUDGETED_LANGUAGES = ("fr", "ar")  # French first, and right-to-left Arabic
FIRST_VISIT_BUDGET = 80 * KB
# A story may be illustrated: its drawings, shared between pages or loaded as the reader reaches them.
STORY_BUDGET = 120 * KB
SECOND_PAGE_BUDGET = 16 * KB
# A story's page holds every scene (all of them are read without JavaScript): in Arabic, the text of
# « Le follower » alone is 11.7 Ko compressed, the menu, header and footer 5 Ko.
STORY_SECOND_PAGE_BUDGET = 20 * KB
# A story's drawn panels (media/bd/): on arrival, the first scene's, and the next one or two that
# Chromium's lazy loading may fetch ahead (they are near, before story.js hides them); the others load as
# the reader reaches them. A budget of their own beside the page's.
DRAWINGS = "media/bd/"
DRAWINGS_ON_ARRIVAL_BUDGET = 12 * KB
# Per language, two different queries as a reader types them: the first search loads the engine and
# the index, the second only what its words add.
SEARCHES = {
    "fr": ("loverboy", "aide"),
    "en": ("loverboy", "help"),
    "es": ("loverboy", "ayuda"),
    "pt": ("loverboy", "ajuda"),
    "ro": ("loverboy", "ajutor"),
    "zh": ("loverboy", "帮助"),
    "ar": ("loverboy", "مساعدة"),
}
# The site's search dialog (overrides/partials/search.html): the magnifier, its field, and the results
# list, whose data-query names the query its results answer.
SEARCH_BUTTON = ".pav-search-open"
SEARCH_INPUT = "#pav-search-input"
SEARCH_RESULTS = ".pav-search__results"
# Generous: a busy two-core machine starts Pagefind's WebAssembly slowly. Only a state is waited for.
SEARCH_TIMEOUT_MS = 60_000
# At most this long for the requests of a step still running once it is done (none hangs on a local server).
SETTLING_SECONDS = 10

# What a host compresses (text); images, video, PDF and Pagefind's index files are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/manifest+json",
                    "application/xml", "image/svg+xml")
# GitHub Pages' policy: every file may be reused for 10 minutes, which covers one visit.
CACHE_CONTROL = "max-age=600"


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host does: text gzip-compressed for a browser that accepts it,
    a cache lifetime on every answer, connections kept open (HTTP/1.1)."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        file = Path(self.translate_path(self.path))
        if file.is_dir() and urlsplit(self.path).path.endswith("/"):
            file = file / "index.html"
        content_type = self.guess_type(str(file))
        if (not file.is_file() or not content_type.startswith(COMPRESSED_TYPES)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # redirects, errors and media as Python serves them
        # The build's own compressed copy beside the file, as nginx's gzip_static sends it; else compressed here.
        shipped = file.with_name(file.name + ".gz")
        body = shipped.read_bytes() if shipped.is_file() else compressed(file, file.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def log_message(self, *args):
        pass


@functools.lru_cache(maxsize=None)
def compressed(file: Path, modified: int) -> bytes:
    """The file gzip-compressed at level 6, as hosts do (``modified`` renews it when the file changes)."""
    return gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)


@contextmanager
def compressing_server(site: Path) -> Iterator[str]:
    """The built site, compressed, on the loopback interface for the time of the block: its base URL."""
    handler = functools.partial(CompressingHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass(frozen=True)
class Resource:
    path: str  # from the site's root
    kind: str  # Playwright's resource type: document, stylesheet, script, image, fetch…
    size: int  # bytes of the body as transferred (compressed); 0 when taken from the cache


@dataclass(frozen=True)
class Transfer:
    """What one step of a visit (opening a page, a search) made the browser download."""
    resources: tuple[Resource, ...]

    @property
    def size(self) -> int:
        return sum(resource.size for resource in self.resources)

    def size_under(self, folder: str) -> int:
        """What the files under ``folder`` (from the site's root) weigh."""
        return sum(resource.size for resource in self.resources if resource.path.startswith(folder))

    @property
    def files(self) -> int:
        """How many files were downloaded (not taken from the cache)."""
        return sum(1 for resource in self.resources if resource.size)

    def lines(self, indent: str = "      ") -> list[str]:
        """One line per resource downloaded, the heaviest first."""
        return [f"{indent}{kilobytes(r.size):>9}  {KINDS.get(r.kind, r.kind):<8} /{r.path}"
                for r in sorted(self.resources, key=lambda r: -r.size) if r.size]


KINDS = {"document": "page", "stylesheet": "style", "script": "script", "image": "image", "font": "police",
         "fetch": "données", "xhr": "données", "media": "média", "other": "autre"}


def kilobytes(size: int) -> str:
    return f"{size / KB:.1f} Ko".replace(".", ",")


class Visit:
    """A reader's visit in its own browser context (an empty cache, like a first visit), at phone size.
    Each step returns what it downloaded, once every request it started has ended."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport=PHONE, service_workers="block")
        self.page = self.context.new_page()
        self.devtools = self.context.new_cdp_session(self.page)
        self.started, self.pending = [], set()
        self.context.on("request", self.record)
        self.context.on("requestfinished", self.ended)
        self.context.on("requestfailed", self.ended)

    def record(self, request):
        if not request.url.startswith("data:"):
            self.started.append(request)
            self.pending.add(request)

    def ended(self, request):
        self.pending.discard(request)

    def forget(self):
        """Empties the browser's cache, as a new visit would (quicker than a new browser context)."""
        self.devtools.send("Network.clearBrowserCache")

    def open(self, path: str) -> Transfer:
        return self.step(lambda: self.page.goto(self.base + path, wait_until="load"))

    def search(self, query: str) -> Transfer:
        """Search as a reader does: the magnifier (once), then the query typed, until its results are shown."""
        def type_query():
            if not self.page.locator(SEARCH_INPUT).is_visible():
                self.page.locator(SEARCH_BUTTON).click()
            self.page.locator(SEARCH_INPUT).fill(query)
            self.page.wait_for_function("([list, query]) => document.querySelector(list)?.dataset.query === query",
                                        arg=[SEARCH_RESULTS, query], timeout=SEARCH_TIMEOUT_MS)
        return self.step(type_query)

    def step(self, action) -> Transfer:
        self.started.clear()
        action()
        # Requests that scripts start once the page is shown (a frame later) belong to the step too.
        self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        deadline = time.monotonic() + SETTLING_SECONDS
        while self.pending and time.monotonic() < deadline:
            self.page.wait_for_timeout(20)  # lets Playwright deliver the end of the requests still running
        return Transfer(tuple(self.resource(request) for request in self.started))

    def resource(self, request) -> Resource:
        # Playwright gives the body's size as what came through the network less the headers: negative
        # for a response taken from the browser's cache, which downloaded nothing.
        size = max(request.sizes()["responseBodySize"], 0) if request.response() is not None else 0
        return Resource(self.base_relative(request.url), request.resource_type, size)

    def base_relative(self, url: str) -> str:
        return url[len(self.base):] if url.startswith(self.base) else url

    def close(self):
        self.context.close()


@dataclass(frozen=True)
class PageWeight:
    kind: str  # a key of PAGE_TYPES
    language: str
    path: str
    first_visit: Transfer
    after: str  # the page seen before, for the second-page figure
    second_page: Transfer

    @property
    def budget(self) -> int:
        return STORY_BUDGET if self.kind == "histoire" else FIRST_VISIT_BUDGET

    @property
    def second_page_budget(self) -> int:
        return STORY_SECOND_PAGE_BUDGET if self.kind == "histoire" else SECOND_PAGE_BUDGET

    def over_budget(self) -> list[str]:
        """What exceeds its budget, in words (nothing: within both budgets)."""
        problems = []
        if self.first_visit.size > self.budget:
            problems.append(f"/{self.path} ({self.kind}, {self.language}) : première visite {self.first_visit.size} octets, "
                            f"au-delà du budget de {kilobytes(self.budget)}")
        if self.second_page_without_drawings > self.second_page_budget:
            problems.append(f"/{self.path} ({self.kind}, {self.language}) : en seconde page (après /{self.after}) "
                            f"{self.second_page_without_drawings} octets sans les vignettes, au-delà du budget de "
                            f"{kilobytes(self.second_page_budget)}")
        if self.drawings_on_arrival > DRAWINGS_ON_ARRIVAL_BUDGET:
            problems.append(f"/{self.path} ({self.kind}, {self.language}) : vignettes chargées à l'arrivée "
                            f"{self.drawings_on_arrival} octets, au-delà du budget de {kilobytes(DRAWINGS_ON_ARRIVAL_BUDGET)} "
                            "(celle de la première scène, et une ou deux prises d'avance, pas plus)")
        return problems

    @property
    def drawings_on_arrival(self) -> int:
        return self.second_page.size_under(DRAWINGS)

    @property
    def second_page_without_drawings(self) -> int:
        return self.second_page.size - self.drawings_on_arrival

    def report(self, detailed: bool = True) -> list[str]:
        lines = [f"{self.kind.capitalize()} ({self.language}) /{self.path} : première visite {kilobytes(self.first_visit.size)} "
                 f"(budget {kilobytes(self.budget)}), en seconde page après /{self.after} "
                 f"{kilobytes(self.second_page_without_drawings)} (budget {kilobytes(self.second_page_budget)})"
                 + (f" et {kilobytes(self.drawings_on_arrival)} de vignettes (budget {kilobytes(DRAWINGS_ON_ARRIVAL_BUDGET)})"
                    if self.drawings_on_arrival else "")]
        if detailed:
            lines += ["    première visite :", *self.first_visit.lines(), "    en seconde page :", *self.second_page.lines()]
        return lines


def measure_page(visit: Visit, kind: str, language: str, root: str) -> PageWeight:
    """A page type of a language (``root``: its folder in the site, "" or "ar/"): opened with an empty
    cache, then as the second page of a visit that starts at the home (the home: after the help page)."""
    path = root + PAGE_TYPES[kind]
    after = root + (PAGE_TYPES["aide"] if kind == "accueil" else PAGE_TYPES["accueil"])
    visit.forget()
    first_visit = visit.open(path)
    visit.forget()
    visit.open(after)
    return PageWeight(kind, language, path, first_visit, after, visit.open(path))


@contextmanager
def open_visit(browser, base: str) -> Iterator[Visit]:
    one = Visit(browser, base)
    try:
        yield one
    finally:
        one.close()


def measure_page_types(browser, base: str, languages: tuple[str, ...] = BUDGETED_LANGUAGES) -> list[PageWeight]:
    roots = project_languages(ROOT)
    with open_visit(browser, base) as reader:
        return [measure_page(reader, kind, language, roots.root(language)) for language in languages for kind in PAGE_TYPES]


def measure_searches(browser, base: str, root: str, queries: tuple[str, str]) -> tuple[Transfer, Transfer]:
    """A first search from a language's home (the engine, the index and the results' pages) and a
    second, different one in the same visit."""
    with open_visit(browser, base) as reader:
        reader.open(root)
        return reader.search(queries[0]), reader.search(queries[1])


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, driven by Playwright (no browser is ever downloaded), headless."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Chromium est introuvable à {CHROMIUM} : installez le paquet Debian chromium (make benchmark le fait).")
    # Every request not for the loopback server goes to a "proxy" port held here without listening:
    # the measures count only the site, and nothing leaves the machine.
    with socket.socket() as closed_port, sync_playwright() as playwright:
        closed_port.bind(("127.0.0.1", 0))
        proxy = {"server": f"http://127.0.0.1:{closed_port.getsockname()[1]}", "bypass": "127.0.0.1"}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, proxy=proxy,
                                             args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                                   "--disable-background-networking", "--disable-component-update"])
        try:
            yield browser
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), help="le site construit (site/ par défaut)")
    arguments = parser.parse_args()
    site = Path(arguments.site)
    if not (site / "index.html").exists():
        print(f"{site} n'est pas un site construit (pas d'index.html) : lancez d'abord « make build ».")
        return 1
    languages = project_languages(ROOT)
    with compressing_server(site) as base, chromium() as browser:
        weights = measure_page_types(browser, base)
        with open_visit(browser, base) as reader:
            homes = [measure_page(reader, "accueil", language, languages.root(language))
                     for language in languages.ordered() if language not in BUDGETED_LANGUAGES]
        searches = {language: measure_searches(browser, base, languages.root(language), SEARCHES[language])
                    for language in languages.ordered() if language in SEARCHES}
    print("Poids des pages (octets transférés, compressés, sans les en-têtes HTTP ; 1 Ko = 1000 octets)")
    for weight in weights:
        print("\n".join(weight.report()))
    print("Accueil des autres langues :")
    for weight in homes:
        print("\n".join(weight.report(detailed=False)))
    print("Recherche (depuis l'accueil de la langue) :")
    for language, (first, second) in searches.items():
        queries = SEARCHES[language]
        print(f"  {language} : première recherche « {queries[0]} » {kilobytes(first.size)} "
              f"({first.files} fichiers), seconde « {queries[1]} » {kilobytes(second.size)} ({second.files} fichiers)")
        if language in BUDGETED_LANGUAGES:
            print("\n".join(["    première recherche :", *first.lines(), "    seconde recherche :", *second.lines()]))
    problems = [problem for weight in weights + homes for problem in weight.over_budget()]
    print("Budgets dépassés :\n" + "\n".join(f"  - {problem}" for problem in problems) if problems
          else "Budgets tenus : chaque première visite et chaque seconde page.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
