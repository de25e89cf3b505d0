"""A phone-sized browser visit of the site, and axe-core's accessibility check, for the browser tests."""

import re
from importlib import resources

PHONE = {"width": 360, "height": 640}
# axe-core as packaged by axe-playwright-python, served by the test server (so the browser caches it).
AXE_SCRIPT = resources.files("axe_playwright_python") / "axe.min.js"
AXE_PATH = "/__tests__/axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page) -> list[str]:
    """WCAG 2.1 A and AA violations on the page as it is now, one line each (rule, impact, where)."""
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(url=AXE_PATH)
    # Colours measured in the middle of a transition (after a change of colour scheme) would be wrong.
    page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')")
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
