"""Every built page of every language, opened in Chromium at 360×640 on the loopback server."""

import functools
import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_map import built_page_paths

AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

STORAGE_AND_COOKIES = """() => ({
  cookies: document.cookie,
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
})"""

QUICK_EXIT_PLACE = """() => {
  const button = document.querySelector('.pav-quick-exit');
  if (!button) return null;
  const box = button.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  return {top: box.top, bottom: box.bottom, left: box.left, right: box.right,
          covered: !(top === button || button.contains(top))};
}"""


def axe_violations(page) -> list[str]:
    results = AXE.run(page, options=AXE_OPTIONS)
    return [f"{v['id']} ({v['impact']}) : {v['help']} — {', '.join(' '.join(n['target']) for n in v['nodes'][:3])}"
            for v in results.response["violations"]]


def tab_stops(page, count: int) -> list[str]:
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("() => document.activeElement.className || document.activeElement.tagName"))
    return stops


@functools.lru_cache(maxsize=1)
def empty_search_index(site) -> dict:
    """Every page load makes Material build the whole site's search index in a worker: on ~300 pages
    that dominates this test's time. Search itself is tested in test_lexicon and the full visit below."""
    return {"config": json.loads((site / "search" / "search_index.json").read_text())["config"], "docs": []}


@pytest.mark.parametrize("path", built_page_paths())
def test_page_on_a_phone(visit, site, path):
    """Private, usable and accessible: no third party, nothing stored, quick exit at hand, axe clean."""
    one = visit()
    one.context.route("**/search/search_index.json", lambda route: route.fulfill(json=empty_search_index(site)))
    page = one.open(path)
    problems = []

    if one.outside:
        problems.append(f"requêtes vers d'autres sites : {one.outside}")
    stored = page.evaluate(STORAGE_AND_COOKIES)
    if stored["cookies"] or one.context.cookies():
        problems.append(f"cookie déposé : {stored['cookies'] or one.context.cookies()}")
    if stored["local"] or stored["session"]:
        problems.append(f"stockage du navigateur utilisé : {stored}")

    place = page.evaluate(QUICK_EXIT_PLACE)
    if place is None:
        problems.append("le bouton « Quitter le site » est absent")
    else:
        if place["top"] < 0 or place["bottom"] > 640 or place["left"] < 0 or place["right"] > 360:
            problems.append(f"le bouton « Quitter le site » n'est pas entièrement visible sans défiler : {place}")
        if place["covered"]:
            problems.append("le bouton « Quitter le site » est recouvert par un autre élément")
        if not any("pav-quick-exit-link" in stop for stop in tab_stops(page, 3)):
            problems.append("« Quitter le site » n'est pas atteint en trois appuis sur Tab")

    problems += [f"accessibilité (axe) : {violation}" for violation in axe_violations(page)]
    assert not problems, f"Page /{path} :\n  - " + "\n  - ".join(problems)


def test_a_full_visit_leaves_no_trace(visit, server):
    """Search, the menu, the language switcher, a definition popover and local-help filter: still nothing stored."""
    one = visit()
    page = one.open("")
    one.search("loverboy")
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state("load")
    page.locator(".md-header label[for='__drawer']").first.click()
    assert page.locator("#__drawer").is_checked()
    page.locator(".pav-bar__help").click()
    page.wait_for_url("**/aide/")
    page.locator("[data-pav-local] select").select_option("13")
    page.locator(".md-select button").first.click()
    page.locator(".md-select__link[hreflang='en']").click()
    page.wait_for_url("**/en/**")
    page.goto(server + "en/articles/loverboy/")
    page.locator("article .pav-term__toggle").first.click()
    stored = page.evaluate(STORAGE_AND_COOKIES)
    assert not one.outside, f"Requêtes vers d'autres sites pendant la visite : {one.outside}"
    assert not one.context.cookies() and not stored["cookies"], "Un cookie a été déposé pendant la visite."
    assert not stored["local"] and not stored["session"], f"Stockage utilisé pendant la visite : {stored}"
    workers = page.evaluate("async () => navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0")
    assert workers == 0, "Un service worker a été enregistré."


DARK_SAMPLES = ["", "aide/", "histoires/le-follower/", "articles/loverboy/", "lexique/", "vrai-ou-faux/",
                "pros/ateliers/emprise-loverboy/", "videos/cinq-signes/", "en/histoires/le-bon-plan/", "404.html"]


@pytest.mark.parametrize("path", DARK_SAMPLES)
def test_dark_mode_is_accessible_too(visit, path):
    """Dark mode follows the phone's setting: one page of each kind is checked with axe in dark."""
    one = visit(color_scheme="dark")
    one.context.route("**/assets/story.js", lambda route: route.abort())  # every chat scene shown
    page = one.open(path)
    assert page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)", "Le mode sombre n'est pas appliqué."
    violations = axe_violations(page)
    assert not violations, f"Page /{path} en mode sombre :\n  - " + "\n  - ".join(violations)
