"""Every built page of every language, opened in Chromium at 360×640 on the loopback server."""

import pytest

from browsing import Visit, axe_violations
from site_map import built_page_paths

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


def tab_stops(page, count: int) -> list[str]:
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("() => document.activeElement.className || document.activeElement.tagName"))
    return stops


@pytest.fixture(scope="module")
def reader(browser, server_without_search):
    """One phone for every page, as a reader browsing the site (its cache warm from page to page):
    a new browser context per page would double this test's time. Each test starts from a clean slate.
    No route here: Playwright turns the browser's cache off in a context with routes."""
    one = Visit(browser, server_without_search)
    yield one
    one.close()


@pytest.fixture
def phone(reader):
    reader.outside.clear()
    yield reader
    # What one page stored must not be blamed on the next one (its own test has already failed).
    reader.context.clear_cookies()
    reader.page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")


@pytest.mark.parametrize("path", built_page_paths())
def test_page_on_a_phone(phone, path):
    """Private, usable and accessible: no third party, nothing stored, quick exit at hand, axe clean."""
    one = phone
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


def test_a_full_visit_leaves_no_trace(visit):
    """Search, the menu, the language switcher, a definition popover and local-help filter: still nothing stored."""
    one = visit(search=True)
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
    one.open("en/articles/loverboy/")
    page.locator("article .pav-term__toggle").first.click()
    stored = page.evaluate(STORAGE_AND_COOKIES)
    assert not one.outside, f"Requêtes vers d'autres sites pendant la visite : {one.outside}"
    assert not one.context.cookies() and not stored["cookies"], "Un cookie a été déposé pendant la visite."
    assert not stored["local"] and not stored["session"], f"Stockage utilisé pendant la visite : {stored}"
    workers = page.evaluate("async () => navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0")
    assert workers == 0, "Un service worker a été enregistré."


# Stories are checked in dark mode with every scene shown, in test_stories.
DARK_SAMPLES = ["", "aide/", "articles/loverboy/", "lexique/", "vrai-ou-faux/", "pros/ateliers/emprise-loverboy/",
                "videos/cinq-signes/", "en/securite/", "404.html"]


@pytest.fixture
def phone_in_dark_mode(phone):
    phone.page.emulate_media(color_scheme="dark")
    yield phone
    phone.page.emulate_media(color_scheme="light")


@pytest.mark.parametrize("path", DARK_SAMPLES)
def test_dark_mode_is_accessible_too(phone_in_dark_mode, path):
    """Dark mode follows the phone's setting: one page of each kind is checked with axe in dark."""
    page = phone_in_dark_mode.open(path)
    assert page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)", "Le mode sombre n'est pas appliqué."
    violations = axe_violations(page)
    assert not violations, f"Page /{path} en mode sombre :\n  - " + "\n  - ".join(violations)
