"""The quick exit, in its two branches (after GOV.UK Frontend's tests): JavaScript unavailable and available.

The neutral destination is answered by a stub: no test contacts a real external site.
"""

import pytest

import theme
from browsing import SEARCH_BUTTON, SEARCH_DIALOG, wait_for_animations
from helpers import is_covered, tab_stops
from site_map import LANGUAGES, interface_strings, language_root, quick_exit_url

DESTINATION_PAGE = "<!doctype html><title>Neutral page</title><p>Neutral page</p>"


def exit_visit(visit, language: str, javascript: bool):
    return visit(javascript=javascript, stubs={quick_exit_url(language): DESTINATION_PAGE})


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_button_is_a_plain_link(visit, language):
    one = exit_visit(visit, language, javascript=False)
    page = one.open(language_root(language) + "aide/")
    button = page.locator(".pav-quick-exit")
    assert button.get_attribute("href") == quick_exit_url(language)
    assert {"noreferrer", "noopener"} <= set(button.get_attribute("rel").split())
    button.click()
    page.wait_for_url(quick_exit_url(language))
    assert page.title() == "Neutral page"


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_javascript_the_page_disappears_and_back_does_not_return(visit, language):
    one = exit_visit(visit, language, javascript=True)
    page = one.open(language_root(language))
    page.locator(f"{theme.CONTENT} a[href$='aide/']").first.click()
    page.wait_for_url("**/aide/")
    before_exit = page.url
    # The click handler hides the page synchronously: capture the state before navigation starts.
    state = page.evaluate("""container => {
        document.querySelector('.pav-quick-exit').click();
        const overlay = document.querySelector('.pav-overlay');
        return {hidden: getComputedStyle(document.querySelector(container)).display === 'none',
                overlay: overlay && overlay.getAttribute('role'), text: overlay && overlay.textContent};
    }""", theme.CONTAINER)
    assert state == {"hidden": True, "overlay": "alert", "text": interface_strings(language)["quick_exit_loading"]}
    page.wait_for_url(quick_exit_url(language))
    page.go_back()
    assert page.url != before_exit, "Retour arrière : le navigateur revient sur la page quittée."
    assert page.url == one.server + language_root(language)


def test_page_restored_from_back_forward_cache_is_usable_again(visit):
    one = exit_visit(visit, "fr", javascript=True)
    page = one.open("aide/")
    page.evaluate("""() => {
        document.documentElement.classList.add('pav-exiting');
        document.body.appendChild(Object.assign(document.createElement('div'), {className: 'pav-overlay'}));
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
    }""")
    assert page.locator(".pav-overlay").count() == 0
    assert page.locator(".pav-quick-exit").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_shift_three_times_leaves_with_announcements_in_the_page_language(visit, language):
    strings = interface_strings(language)
    one = exit_visit(visit, language, javascript=True)
    page = one.open(language_root(language) + "aide/")
    announcer = page.locator("[data-pav-announcer]")
    assert announcer.get_attribute("aria-live") == "polite"
    page.keyboard.press("Shift")
    assert announcer.text_content() == strings["quick_exit_press_2"]
    page.keyboard.press("Shift")
    assert announcer.text_content() == strings["quick_exit_press_1"]
    page.keyboard.press("Shift")
    page.wait_for_url(quick_exit_url(language))


def test_shift_with_a_letter_or_another_key_does_not_count(visit):
    one = exit_visit(visit, "fr", javascript=True)
    page = one.open("aide/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.keyboard.press("Control")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url.endswith("/aide/"), "Maj+lettre ou une autre touche aurait dû remettre le compte à zéro."
    assert page.locator(".pav-bar").get_attribute("data-presses") == "2"


@pytest.mark.parametrize("language", LANGUAGES)
def test_count_expires_after_five_seconds(visit, language):
    one = exit_visit(visit, language, javascript=True)
    page = one.open(language_root(language) + "aide/")
    page.clock.install()
    page.reload()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(5100)
    assert page.locator("[data-pav-announcer]").text_content() == interface_strings(language)["quick_exit_expired"]
    page.keyboard.press("Shift")
    assert page.url.endswith("/aide/"), "Après 5 secondes, le compte aurait dû repartir de zéro."


def test_quick_exit_is_hidden_when_printing(visit):
    page = visit().open("aide/")
    page.emulate_media(media="print")
    assert not page.locator(".pav-quick-exit").is_visible()
    assert not page.locator(".pav-bar").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_secondary_skip_link_is_first_after_skip_to_content(visit, language):
    page = visit().open(language_root(language) + "aide/")
    stops = tab_stops(page, 2)
    assert theme.SKIP_LINK.lstrip(".") in stops[0] and "pav-skip" in stops[1], f"Ordre de tabulation : {stops}"
    assert page.locator(".pav-skip").is_visible(), "Le lien d'évitement doit apparaître quand il a le focus."


@pytest.mark.parametrize("opened, is_open", [(theme.MENU_BUTTON, f"document.querySelector(\"{theme.MENU_TOGGLE}\").checked"),
                                             (SEARCH_BUTTON, f"document.querySelector(\"{SEARCH_DIALOG}\").open")])
def test_quick_exit_stays_on_top_of_the_menu_and_the_search(visit, opened, is_open):
    page = visit().open("aide/")
    page.locator(opened).click()
    # Open, and done sliding in: Material's panels move with CSS transitions.
    page.wait_for_function(f"() => {is_open}")
    wait_for_animations(page)
    assert not is_covered(page, ".pav-quick-exit"), f"« Quitter le site » est recouvert quand on ouvre {opened}."
