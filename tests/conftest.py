"""Shared fixtures: one strict build of the site per test run, a loopback server, one browser,
test pages served beside the site, and the suite's time budget.

The build is shared by pytest-xdist workers through a file lock, so the site is built exactly once.
"""

import functools
import hashlib
import http.server
import json
import mimetypes
import os
import resource
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
# The maintainers' scripts too: the page-weight benchmark shares its server and the search dialog's selectors.
sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
from browsing import AXE_PATH, AXE_SCRIPT, Visit  # noqa: E402
from helpers import write_file  # noqa: E402
from site_map import LANGUAGES, ROOT, built_page_paths  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# Chromium's own background connections would otherwise be attempted (and refused) on every start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The goal: with every language planned, the whole suite (build included) runs in 15 minutes at most
# on the two-core CI machine, so that a volunteer's change is checked while they wait.
LANGUAGES_PLANNED = 7  # fr, en, then es, pt, ro, zh and ar
GOAL_MINUTES = 15
CI_CORES = 2


def build_site(destination: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(destination)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once with --strict for the whole run (all xdist workers share it)."""
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else tmp_path_factory.getbasetemp()
    destination, status = shared / "site", shared / "site-build.json"
    asked = time.monotonic()
    with FileLock(str(shared / "site-build.lock")):
        if not status.exists():
            started = time.monotonic()
            result = build_site(destination)
            BUILT_HERE["seconds"] = time.monotonic() - started
            status.write_text(json.dumps({"code": result.returncode, "log": result.stdout + result.stderr}))
        else:
            BUILT_HERE["waited"] = time.monotonic() - asked  # another worker was building: not this test's work
        outcome = json.loads(status.read_text())
    if outcome["code"] != 0:
        pytest.fail("La construction du site (mkdocs build --strict) a échoué :\n" + outcome["log"], pytrace=False)
    return destination


# Pages a test publishes beside the site for the time of the test (see the ``stand_in`` fixture):
# URL path → file, read when asked for. Both loopback servers of a worker answer them.
STAND_INS: dict[str, Path] = {}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, except the paths of ``answers`` (path → content type and body) and of
    STAND_INS (path → a file outside the site)."""

    def __init__(self, *args, answers: dict[str, tuple[str, bytes]], **kwargs):
        self.answers = answers
        super().__init__(*args, **kwargs)

    def do_GET(self):
        if self.path in STAND_INS:
            file = STAND_INS[self.path]
            return self.answer(mimetypes.guess_type(file.name)[0] or "application/octet-stream", file.read_bytes())
        if self.path in self.answers:
            return self.answer(*self.answers[self.path])
        return super().do_GET()

    def answer(self, content_type: str, body: bytes):
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


@pytest.fixture
def stand_in(request, tmp_path):
    """Publishes test pages beside the site without touching it (the build is shared by every test).

    ``stand_in(name, text)`` writes the file in the test's tmp_path and returns its path from the
    site root, under /__tests__/<this test>/: a page there loads the site's real files by absolute
    paths (``/assets/logo.svg``; a script or style sheet: ``helpers.published_asset``). Published until
    the end of the test."""
    folder = "__tests__/" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:12] + "/"
    published = []

    def publish(name: str, text: str) -> str:
        published.append("/" + folder + name)
        STAND_INS[published[-1]] = write_file(tmp_path / "stand-ins", name, text)
        return folder + name

    yield publish
    for path in published:
        STAND_INS.pop(path, None)


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
        # Chromium's processes are not waited for by this one: their processor time, read while they
        # still run, is added to the figures, less what this process gets back when its driver ends.
        browser_seconds, reaped_before = descendants_processor_seconds(), processor_seconds(with_children=True)
        chromium.close()
    UNREAPED["seconds"] += max(0.0, browser_seconds - (processor_seconds(with_children=True) - reaped_before))


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


# Figures and the time budget, gathered by the main pytest process (xdist workers send it their
# reports). Tests give a figure to show with record_property("mesure", text).
TIMINGS = {"pages": [], "build": None, "worker_cpu": [], "per_language": 0.0, "once": 0.0}
FIGURES = []
BUILT_HERE = {}  # the build's time, in the process that built the site


UNREAPED = {"seconds": 0.0}  # processor time of processes this one never waits for (Chromium's)


def processor_seconds(with_children: bool) -> float:
    """Processor time used so far by this process and, if asked, by the children it has waited for
    (the build, linkchecker, Playwright's driver…)."""
    kinds = [resource.RUSAGE_SELF] + ([resource.RUSAGE_CHILDREN] if with_children else [])
    return sum(usage.ru_utime + usage.ru_stime for usage in map(resource.getrusage, kinds))


def descendants_processor_seconds() -> float:
    """Processor time of this process's running descendants and of the children they have waited for,
    from /proc (Linux; 0 elsewhere)."""
    parents, ticks = {}, {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        # After the command name: state, ppid, … utime, stime, cutime, cstime (fields 14 to 17 of proc(5)).
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = sum(int(value) for value in fields[11:15])
    found, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return sum(ticks[pid] for pid in found) / os.sysconf("SC_CLK_TCK")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item, call):
    # The build's time reaches the main process with the report of the test that waited for it.
    if "seconds" in BUILT_HERE:
        item.user_properties.append(("build_seconds", BUILT_HERE.pop("seconds")))
    if "waited" in BUILT_HERE:
        item.user_properties.append(("waited_for_build", BUILT_HERE.pop("waited")))
    if call.when == "setup":
        item.user_properties.append(("per_language", repeated_per_language(item)))


@functools.cache
def page_paths() -> frozenset[str]:
    return frozenset(built_page_paths())


def repeated_per_language(item) -> bool:
    """Whether the test is run once per language: one of its parameters is a language or a page of one."""
    values = item.callspec.params.values() if hasattr(item, "callspec") else []
    return any(isinstance(value, str) and (value in LANGUAGES or value in page_paths()) for value in values)


def pytest_sessionstart(session):
    TIMINGS["started"] = time.monotonic()


def pytest_runtest_logreport(report):
    TIMINGS["build"] = next((value for name, value in report.user_properties if name == "build_seconds"), TIMINGS["build"])
    if report.when == "call" and "::test_page_on_a_phone[" in report.nodeid:
        TIMINGS["pages"].append(report.duration)
    if report.when == "call":
        FIGURES.extend(value for name, value in report.user_properties if name == "mesure")
    # Time of the tests run once per language, and of the others (the build counts per language).
    properties = dict(report.user_properties)
    TIMINGS["per_language" if properties.get("per_language") else "once"] += report.duration
    if report.when == "setup" and "build_seconds" in properties:
        TIMINGS["per_language" if properties.get("per_language") else "once"] -= properties["build_seconds"]
        TIMINGS["per_language"] += properties["build_seconds"]
    if report.when == "setup" and "waited_for_build" in properties:
        TIMINGS["per_language" if properties.get("per_language") else "once"] -= properties["waited_for_build"]


@pytest.hookimpl(optionalhook=True)  # an xdist hook: absent when xdist is off
def pytest_testnodedown(node, error):
    """An xdist worker has finished: its processor time (its browser and build included) comes with it."""
    seconds = getattr(node, "workeroutput", {}).get("processor_seconds")
    if seconds is not None:
        TIMINGS["worker_cpu"].append(seconds)


def is_whole_suite(config) -> bool:
    """The whole suite as « make test » runs it, not a few tests picked by hand."""
    options = config.option
    picked = options.keyword or options.markexpr or getattr(options, "lf", False) or getattr(options, "failedfirst", False)
    return not picked and config.args == config.getini("testpaths")


def pytest_sessionfinish(session):
    if hasattr(session.config, "workerinput"):
        # In a worker: the session's fixtures (browser, servers) are closed, their processes finished.
        session.config.workeroutput["processor_seconds"] = processor_seconds(with_children=True) + UNREAPED["seconds"]
        return
    TIMINGS["total"] = time.monotonic() - TIMINGS["started"]
    # Without xdist the tests ran here; with it, the workers are this process's children, still running.
    TIMINGS["cpu"] = (processor_seconds(with_children=False) + sum(TIMINGS["worker_cpu"]) if TIMINGS["worker_cpu"]
                      else processor_seconds(with_children=True) + UNREAPED["seconds"])
    # Projections to LANGUAGES_PLANNED languages: the part of the suite run once per language (the build
    # and the tests with a language or a page among their parameters, by their share of the tests' time)
    # grows with the number of languages, the rest stays. The wall-clock one depends on what else the
    # machine was doing; the processor one hardly does: the processor time spread over two cores.
    scale = LANGUAGES_PLANNED / len(LANGUAGES)
    measured = TIMINGS["per_language"] + TIMINGS["once"]
    TIMINGS["share"] = TIMINGS["per_language"] / measured if measured > 0 else 1.0
    growth = 1 - TIMINGS["share"] + TIMINGS["share"] * scale
    TIMINGS["wall_projection"] = TIMINGS["total"] * growth / 60
    TIMINGS["cpu_projection"] = TIMINGS["cpu"] / CI_CORES * growth / 60
    # Over the goal only if both say so: a busy shared machine stretches the wall-clock time but not the
    # processor time; a machine with more cores than the CI's lowers the wall-clock time.
    over = min(TIMINGS["wall_projection"], TIMINGS["cpu_projection"]) > GOAL_MINUTES
    if is_whole_suite(session.config) and over and session.exitstatus == pytest.ExitCode.OK:
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
    terminalreporter.section("Budget de temps")
    total, pages, build, cpu = TIMINGS["total"], TIMINGS["pages"], TIMINGS["build"], TIMINGS["cpu"]
    languages = len(LANGUAGES)
    write(f"Suite entière : {total:.0f} s ({languages} langues) ; temps processeur : {cpu:.0f} s, "
          f"soit {cpu / CI_CORES:.0f} s sur {CI_CORES} cœurs")
    if build is not None:
        write(f"Construction du site (mkdocs build --strict) : {build:.1f} s")
    if pages:
        write(f"Pages ouvertes dans le navigateur : {len(pages)}, "
              f"{sum(pages) / len(pages):.2f} s par page en moyenne, {max(pages):.2f} s au plus")
    write(f"Projection à {LANGUAGES_PLANNED} langues : {TIMINGS['wall_projection']:.1f} min d'après la durée mesurée, "
          f"{TIMINGS['cpu_projection']:.1f} min d'après le temps processeur sur {CI_CORES} cœurs (objectif : {GOAL_MINUTES} min ; "
          f"part répétée par langue : {TIMINGS['share']:.0%} du temps des tests, construction comprise)")
    scale = LANGUAGES_PLANNED / len(LANGUAGES)
    write(f"Majorants (tout répété par langue) : {total * scale / 60:.1f} min et {cpu / CI_CORES * scale / 60:.1f} min")
    if not is_whole_suite(config):
        write("(Une partie de la suite seulement : l'objectif n'est vérifié que sur la suite entière.)")
    elif TIMINGS.get("over"):
        write(f"ÉCHEC : à {LANGUAGES_PLANNED} langues, la suite dépasserait {GOAL_MINUTES} min, même d'après le temps "
              "processeur (qui dépend peu de la charge de la machine). Cherchez les tests les plus lents ci-dessous "
              "(« slowest durations ») et ce qui, par langue, pourrait être fait une seule fois.", red=True)
