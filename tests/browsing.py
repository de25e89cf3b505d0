"""A phone-sized browser visit of the site, and axe-core's accessibility check, for the browser tests."""

import re
from importlib import resources

from page_weight import SEARCH_BUTTON, SEARCH_INPUT, SEARCH_RESULTS, SEARCH_TIMEOUT_MS


PHONE = {"width": 360, "height": 640}
# axe-core as packaged by axe-playwright-python, served by the test server (so the browser caches it).
AXE_SCRIPT = resources.files("axe_playwright_python") / "axe.min.js"
AXE_PATH = "/__tests__/axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# The site's search (overrides/partials/search.html): the magnifier, its field, the results list (whose
# data-query names the query its results answer) and the wait for them, as the page-weight benchmark
# uses them; here also the dialog and the result links.
SEARCH_DIALOG = "#pav-search"
SEARCH_RESULT_LINK = ".pav-search__results a"


def wait_for_animations(page):
    """Until no animation or CSS transition is running (menus sliding in, colours changing). Asking for
    the animations makes the browser apply pending style changes first, so one just triggered counts."""
    page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')")


def axe_violations(page) -> list[str]:
    """WCAG 2.1 A and AA violations on the page as it is now, one line each (rule, impact, where)."""
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(url=AXE_PATH)
    # Colours measured in the middle of a transition (after a change of colour scheme) would be wrong.
    wait_for_animations(page)
    violations = page.evaluate("options => axe.run(document, options).then(results => results.violations)", AXE_OPTIONS)
    return [f"{v['id']} ({v['impact']}) : {v['help']} — {', '.join(' '.join(n['target']) for n in v['nodes'][:3])}"
            for v in violations]


class Visit:
    """A browser context at phone size; only the loopback server answers (see the browser's proxy).

    Every request for another site is recorded in ``outside``. Pages given in ``stubs`` (URL → HTML)
    answer in place of an outside site, for the quick exit.
    """

    def __init__(self, browser, server: str, javascript: bool = True, stubs: dict | None = None, color_scheme: str = "light"):
        self.server, self.outside, self.stubs = server, [], stubs or {}
        self.context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, service_workers="block",
                                           color_scheme=color_scheme)
        self.context.on("request", self.record)
        for url, body in self.stubs.items():
            self.context.route(re.compile("^" + re.escape(url) + "$"), self.answer_with(body))
        self.page = self.context.new_page()

    @staticmethod
    def answer_with(body: str):
        return lambda route: route.fulfill(status=200, content_type="text/html", body=body)

    def record(self, request):
        url = request.url
        if not (url.startswith(self.server) or url.startswith("data:") or url in self.stubs):
            self.outside.append(url)

    def open(self, path: str):
        self.page.goto(self.server + path, wait_until="load")
        return self.page

    def search(self, query: str) -> list[str]:
        """Search as a reader does (the magnifier, then the query typed); return the result links (empty:
        no result), once the list shows the answer to this whole query."""
        if not self.page.locator(SEARCH_DIALOG).is_visible():
            self.page.locator(SEARCH_BUTTON).click()
        self.page.locator(SEARCH_INPUT).fill(query)
        self.page.wait_for_function("([list, query]) => document.querySelector(list).dataset.query === query",
                                    arg=[SEARCH_RESULTS, query], timeout=SEARCH_TIMEOUT_MS)
        return self.page.eval_on_selector_all(SEARCH_RESULT_LINK, "items => items.map(a => a.href)")

    def close(self):
        self.context.unroute_all(behavior="ignoreErrors")  # routes still in flight must not fail the test
        self.context.close()
