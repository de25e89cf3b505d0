"""Shared fixtures: one strict build of the site per test run, a loopback server, one browser,
and the suite's time budget.

The build is shared by pytest-xdist workers through a file lock, so the site is built exactly once.
"""

import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

sys.path.insert(0, str(Path(__file__).parent))
# The build logic is plain Python next to the MkDocs hooks: tests import it directly.
sys.path.insert(0, str(Path(__file__).parent.parent / "overrides" / "hooks"))
from browsing import AXE_PATH, AXE_SCRIPT, Visit  # noqa: E402
from site_map import LANGUAGES, ROOT, language_root  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# Chromium's own background connections would otherwise be attempted (and refused) on every start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Issue 2: the whole suite, build included, in under 5 minutes on the 2-core CI machine; a slower
# machine may set its own budget (in seconds) with PAV_BUDGET_SECONDES.
SUITE_BUDGET_SECONDS = float(os.environ.get("PAV_BUDGET_SECONDES", 300))
LANGUAGES_PLANNED = 6  # the suite must stay under 15 minutes with this many languages


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
            started = time.monotonic()
            result = build_site(destination)
            BUILT_HERE["seconds"] = time.monotonic() - started
            status.write_text(json.dumps({"code": result.returncode, "log": result.stdout + result.stderr}))
        outcome = json.loads(status.read_text())
    if outcome["code"] != 0:
        pytest.fail("La construction du site (mkdocs build --strict) a échoué :\n" + outcome["log"], pytrace=False)
    return destination


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, except the paths of ``answers`` (path → content type and body)."""

    def __init__(self, *args, answers: dict[str, tuple[str, bytes]], **kwargs):
        self.answers = answers
        super().__init__(*args, **kwargs)

    def do_GET(self):
        if self.path not in self.answers:
            return super().do_GET()
        content_type, body = self.answers[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        # LinkChecker's documented opt-in: the server may be crawled faster than 10 requests a second.
        self.send_header("LinkChecker", "loopback test server")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(site: Path, answers: dict[str, tuple[str, bytes]]):
    """The site over HTTP on the loopback interface, with axe-core at AXE_PATH for the accessibility checks."""
    answers = {AXE_PATH: ("text/javascript", AXE_SCRIPT.read_bytes()), **answers}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site), answers=answers))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site) -> str:
    """The built site as published; returns its base URL."""
    yield from serve(site, {})


@pytest.fixture(scope="session")
def server_without_search(site) -> str:
    """The same site with empty search indexes. On every page load Material builds its language's
    whole index (~340 KB) in a worker, about half a second of processor time: tests that do not
    search skip it. Search has its own tests, on ``server``."""
    empty = {}
    for language in LANGUAGES:
        path = f"/{language_root(language)}search/search_index.json"
        index = json.loads((site / path.lstrip("/")).read_text(encoding="utf-8"))
        empty[path] = ("application/json", json.dumps({"config": index["config"], "docs": []}).encode())
    yield from serve(site, empty)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium est introuvable à {CHROMIUM} : lancez « make test », qui l'installe (paquet Debian chromium).",
                    pytrace=False)
    # Every request not for the loopback server goes to a "proxy" port held here without listening:
    # the browser cannot reach any other site, even if a test forgets to stub one.
    with socket.socket() as closed_port, sync_playwright() as playwright:
        closed_port.bind(("127.0.0.1", 0))
        proxy = {"server": f"http://127.0.0.1:{closed_port.getsockname()[1]}", "bypass": "127.0.0.1"}
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, proxy=proxy)
        yield chromium
        chromium.close()


@pytest.fixture
def visit(browser, server, server_without_search):
    """Factory of phone-sized visits; closes them at the end of the test. Only visits made with
    ``search=True`` get the real search index."""
    opened = []

    def make(javascript: bool = True, stubs: dict | None = None, color_scheme: str = "light", search: bool = False) -> Visit:
        opened.append(Visit(browser, server if search else server_without_search, javascript, stubs, color_scheme))
        return opened[-1]

    yield make
    for one in opened:
        one.close()


# Figures and the time budget, gathered by the main pytest process (xdist workers send it their
# reports). Tests give a figure to show with record_property("mesure", text).
TIMINGS = {"pages": [], "build": None}
FIGURES = []
BUILT_HERE = {}  # the build's time, in the process that built the site


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item, call):
    # The build's time reaches the main process with the report of the test that waited for it.
    if "seconds" in BUILT_HERE:
        item.user_properties.append(("build_seconds", BUILT_HERE.pop("seconds")))


def pytest_sessionstart(session):
    TIMINGS["started"] = time.monotonic()


def pytest_runtest_logreport(report):
    TIMINGS["build"] = next((value for name, value in report.user_properties if name == "build_seconds"), TIMINGS["build"])
    if report.when == "call" and "::test_page_on_a_phone[" in report.nodeid:
        TIMINGS["pages"].append(report.duration)
    if report.when == "call":
        FIGURES.extend(value for name, value in report.user_properties if name == "mesure")


def pytest_sessionfinish(session):
    if hasattr(session.config, "workerinput"):
        return
    TIMINGS["total"] = time.monotonic() - TIMINGS["started"]
    # Held to the budget: the whole suite as « make test » runs it, not a few tests picked by hand.
    options = session.config.option
    whole_suite = not (options.keyword or options.markexpr or options.lf) and session.config.args == session.config.getini("testpaths")
    if whole_suite and TIMINGS["total"] > SUITE_BUDGET_SECONDS and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        TIMINGS["over"] = True


def pytest_terminal_summary(terminalreporter, config):
    if "total" not in TIMINGS:
        return
    write = terminalreporter.write_line
    if FIGURES:
        terminalreporter.section("Mesures")
        for figure in sorted(FIGURES):
            write(figure)
    terminalreporter.section("Budget de temps (issue 2)")
    total, pages, build = TIMINGS["total"], TIMINGS["pages"], TIMINGS["build"]
    write(f"Suite entière : {total:.0f} s (budget : {SUITE_BUDGET_SECONDS:.0f} s)")
    if build is not None:
        write(f"Construction du site (mkdocs build --strict) : {build:.1f} s")
    if pages:
        languages = len(LANGUAGES)
        write(f"Pages ouvertes dans le navigateur : {len(pages)} ({languages} langues), "
              f"{sum(pages) / len(pages):.2f} s par page en moyenne, {max(pages):.2f} s au plus")
        # Upper bound: as if every test grew with the number of languages.
        write(f"Projection à {LANGUAGES_PLANNED} langues (majorant) : {total * LANGUAGES_PLANNED / languages / 60:.1f} min (objectif : 15 min)")
    if TIMINGS.get("over"):
        write(f"ÉCHEC : la suite a dépassé son budget de {SUITE_BUDGET_SECONDS:.0f} s. Cherchez les tests les plus lents "
              "ci-dessous (« slowest durations ») ; sur une machine plus lente que celle de la CI, fixez "
              "PAV_BUDGET_SECONDES.", red=True)
