"""Every built page of every language, opened in Chromium at phone size (browsing.PHONE) on the loopback server."""

import pytest

import theme
from browsing import PHONE, SEARCH_RESULT_LINK, Visit, axe_violations
from helpers import element_place, stored_anything, tab_stops
from site_map import visited_page_paths


@pytest.fixture(scope="module")
def reader(browser, server):
    """One phone for every page, as a reader browsing the site (its cache warm from page to page):
    a new browser context per page would double this test's time. Each test starts from a clean slate.
    No route here: Playwright turns the browser's cache off in a context with routes."""
    one = Visit(browser, server)
    yield one
    one.close()


@pytest.fixture
def phone(reader):
    reader.outside.clear()
    yield reader
    # What one page stored must not be blamed on the next one (its own test has already failed).
    reader.context.clear_cookies()
    reader.page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")


@pytest.mark.parametrize("path", visited_page_paths())
def test_page_on_a_phone(phone, path):
    """Private, usable and accessible: no third party, nothing stored, quick exit at hand, axe clean."""
    one = phone
    page = one.open(path)
    problems = []

    if one.outside:
        problems.append(f"requêtes vers d'autres sites : {one.outside}")
    if stored := stored_anything(page):
        problems.append(f"cookie ou stockage du navigateur utilisé : {stored}")

    place = element_place(page, ".pav-quick-exit")
    if place is None:
        problems.append("le bouton « Quitter le site » est absent")
    else:
        if place["top"] < 0 or place["bottom"] > PHONE["height"] or place["left"] < 0 or place["right"] > PHONE["width"]:
            problems.append(f"le bouton « Quitter le site » n'est pas entièrement visible sans défiler : {place}")
        if place["covered"]:
            problems.append("le bouton « Quitter le site » est recouvert par un autre élément")
        if not any("pav-quick-exit-link" in stop for stop in tab_stops(page, 3)):
            problems.append("« Quitter le site » n'est pas atteint en trois appuis sur Tab")

    problems += [f"accessibilité (axe) : {violation}" for violation in axe_violations(page)]
    assert not problems, f"Page /{path} :\n  - " + "\n  - ".join(problems)


def test_a_full_visit_leaves_no_trace(visit):
    """Search, the menu, the language switcher, a definition popover and local-help filter: still nothing stored."""
    one = visit()
    page = one.open("")
    assert one.search("loverboy"), "La recherche « loverboy » ne donne aucun résultat."
    page.locator(SEARCH_RESULT_LINK).first.click()
    page.wait_for_load_state("load")
    page.locator(theme.MENU_BUTTON).first.click()
    assert page.locator(theme.MENU_TOGGLE).is_checked()
    page.locator(".pav-bar__help").click()
    page.wait_for_url("**/aide/")
    page.locator("[data-pav-local] select").select_option(index=1)
    page.locator(theme.LANGUAGE_BUTTON).first.click()
    page.locator(f"{theme.LANGUAGE_LINK}[hreflang='en']").click()
    page.wait_for_url("**/en/**")
    one.open("en/articles/loverboy/")
    page.locator("article .pav-term__toggle").first.click()
    assert not one.outside, f"Requêtes vers d'autres sites pendant la visite : {one.outside}"
    assert not stored_anything(page), f"Cookie ou stockage utilisé pendant la visite : {stored_anything(page)}"
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
