"""A phone-sized browser visit of the site, and axe-core's accessibility check, for the browser tests."""

import re
from importlib import resources

import theme

PHONE = {"width": 360, "height": 640}
# axe-core as packaged by axe-playwright-python, served by the test server (so the browser caches it).
AXE_SCRIPT = resources.files("axe_playwright_python") / "axe.min.js"
AXE_PATH = "/__tests__/axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# Generous: a busy two-core machine may take long to build the search index. These are waits on a
# state of the page, never sleeps: they end as soon as the state is reached.
INDEX_TIMEOUT_MS = 120_000

# True once Material's search shows the outcome of a query (not « initialising », not the placeholder):
# compared with the texts of the page's own language, from Material's settings (theme.CONFIG).
_SEARCH_DONE = """([config, meta, list]) => {
  const texts = JSON.parse(document.querySelector(config).textContent).translations;
  const status = document.querySelector(meta);
  if (!status) return false;
  const text = status.textContent.trim();
  const escape = words => words.trim().replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
  // Material writes the count in place of « # » (rounded: 1.2k for 1 200).
  const several = new RegExp('^' + escape(texts['search.result.other']).replace('#', '[0-9.,]+k?') + '$');
  const found = text === texts['search.result.one'].trim() || several.test(text);
  return text === texts['search.result.none'].trim() || (found && document.querySelector(list).children.length > 0);
}"""


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
        """Search with Material's dialog as a reader does; return the result links (empty: no result).

        The query reaches the search worker in one piece (typed at once, then a real key press, which is
        what Material listens to), so the results shown are those of the whole query, not of its first
        letters. Material sends it once its index is built; the wait ends on the outcome Material then
        writes in the page's own language (theme.SEARCH_META), whatever the language."""
        self.page.locator(theme.SEARCH_BUTTON).click()
        field = self.page.locator(theme.SEARCH_INPUT)
        field.fill(query)
        field.press("End")
        self.page.wait_for_function(_SEARCH_DONE, arg=[theme.CONFIG, theme.SEARCH_META, theme.SEARCH_LIST],
                                    timeout=INDEX_TIMEOUT_MS)
        return self.page.eval_on_selector_all(theme.SEARCH_RESULT_LINK, "items => items.map(a => a.href)")

    def close(self):
        self.context.unroute_all(behavior="ignoreErrors")  # routes still in flight must not fail the test
        self.context.close()
