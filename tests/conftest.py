"""Shared fixtures: one strict build of the site per test run, a loopback server, one browser.

The build is shared by pytest-xdist workers through a file lock, so the site is built exactly once.
"""

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from filelock import FileLock

sys.path.insert(0, str(Path(__file__).parent))
# The build logic is plain Python next to the MkDocs hooks: tests import it directly.
sys.path.insert(0, str(Path(__file__).parent.parent / "overrides" / "hooks"))
from site_map import ROOT  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# Chromium's own background connections would otherwise be attempted (and refused) on every start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 640}


def build_site(destination: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(destination)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once with --strict for the whole run (all xdist workers share it)."""
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else tmp_path_factory.getbasetemp()
    destination, status = shared / "site", shared / "site-build.json"
    with FileLock(str(shared / "site-build.lock")):
        if not status.exists():
            result = build_site(destination)
            status.write_text(json.dumps({"code": result.returncode, "log": result.stdout + result.stderr}))
        outcome = json.loads(status.read_text())
    if outcome["code"] != 0:
        pytest.fail("La construction du site (mkdocs build --strict) a échoué :\n" + outcome["log"], pytrace=False)
    return destination


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site) -> str:
    """The built site over HTTP on the loopback interface; returns its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium est introuvable à {CHROMIUM} : lancez « make test », qui l'installe (paquet Debian chromium).",
                    pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A browser context at phone size that lets only the loopback server answer.

    Every other request is recorded in ``outside`` and aborted, so no test ever contacts a real site.
    Routes given in ``stubs`` (URL → HTML) answer in place of an outside site, for the quick exit.
    """

    def __init__(self, browser, server: str, javascript: bool = True, stubs: dict | None = None, color_scheme: str = "light"):
        self.server, self.outside, self.stubs = server, [], stubs or {}
        self.context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, service_workers="block",
                                           color_scheme=color_scheme)
        self.context.route("**/*", self.filter)
        self.page = self.context.new_page()

    def filter(self, route):
        url = route.request.url
        if url.startswith(self.server) or url.startswith("data:"):
            route.continue_()
        elif url in self.stubs:
            route.fulfill(status=200, content_type="text/html", body=self.stubs[url])
        else:
            self.outside.append(url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.server + path, wait_until="load")
        return self.page

    def search(self, query: str) -> list[str]:
        """Type a query in Material's search once its index is built; return the result links."""
        self.page.locator("label.md-header__button[for='__search']").click()
        # The worker builds the whole site's index first: typing earlier can be lost on a busy machine.
        self.page.wait_for_function("() => { const meta = document.querySelector('.md-search-result__meta');"
                                    " return meta && meta.textContent.trim() && !/initiali/i.test(meta.textContent); }",
                                    timeout=120000)
        self.page.locator(".md-search__input").press_sequentially(query, delay=30)  # real key events, as a reader types
        self.page.locator(".md-search-result__item").first.wait_for(timeout=60000)
        return self.page.eval_on_selector_all(".md-search-result__item > a", "items => items.map(a => a.href)")

    def close(self):
        self.context.unroute_all(behavior="ignoreErrors")  # routes still in flight must not fail the test
        self.context.close()


@pytest.fixture
def visit(browser, server):
    """Factory of phone-sized visits; closes them at the end of the test."""
    opened = []

    def make(javascript: bool = True, stubs: dict | None = None, color_scheme: str = "light") -> Visit:
        opened.append(Visit(browser, server, javascript, stubs, color_scheme))
        return opened[-1]

    yield make
    for one in opened:
        one.close()
