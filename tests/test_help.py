"""Help contacts on the built site: one source, valid numbers, help in one tap everywhere."""

import datetime
import sys
from urllib.parse import urljoin

import pytest

from browsing import PHONE
from sitelib.contacts import dial_uri
from site_map import DOCS, LANGUAGES, built_page_paths, language_root, parsed_page, real_site

sys.path.insert(0, str(DOCS.parent / "scripts"))
import check_contacts  # noqa: E402


@pytest.fixture(scope="module")
def known_uris(site) -> set[str]:
    """Every tel: and sms: address the contacts give (read after the build, whose error is clearer)."""
    contacts = real_site().contacts.values()
    return {dial_uri(c.phone) for c in contacts if c.phone and c.voice} | {dial_uri(c.sms, "sms") for c in contacts if c.sms}


def test_every_phone_link_on_the_site_is_a_known_contact(site, known_uris):
    wrong = []
    for path in built_page_paths():
        for link in parsed_page(site, path).select('a[href^="tel:"], a[href^="sms:"]'):
            if link["href"] not in known_uris:
                wrong.append(f"/{path} : {link['href']}")
    assert not wrong, ("Numéros qui ne viennent pas de docs/_data/contacts.yml (utilisez un marqueur "
                       "<!-- @numero id --> au lieu d'écrire le numéro) : " + ", ".join(wrong))


@pytest.mark.parametrize("path", built_page_paths())
def test_every_page_offers_help_in_one_tap(site, path):
    page = parsed_page(site, path)
    assert page.select(".pav-footer-help a.pav-number"), f"/{path} : pas de numéro d'aide en pied de page."
    assert page.select_one(".pav-bar__help"), f"/{path} : pas de lien « Aide » dans la barre du haut."
    safety = page.select_one(".pav-safety a")
    target = urljoin(f"http://site/{path}", safety["href"]) if safety else ""
    assert target.endswith("securite/"), f"/{path} : pas d'avis de sécurité menant à « Effacer tes traces »."


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_help_situation_shows_contacts_with_their_verification_date(site, language):
    page = parsed_page(site, language_root(language) + "aide/")
    article = page.select_one("article")
    sections, current = {}, None
    for element in article.find_all(["h2", "div", "ul"]):
        if element.name == "h2":
            current = element.get_text(strip=True)
            sections[current] = 0
        elif current and ("pav-contact" in element.get("class", []) or "pav-numbers" in element.get("class", [])
                          or "pav-local" in element.get("class", [])):
            sections[current] += 1
    empty = [title for title, count in sections.items() if count == 0]
    assert sections and not empty, f"/{language_root(language)}aide/ : situations sans contact : {empty}"
    cards = article.select(".pav-contact")
    assert cards and all(card.select_one(".pav-verified time[datetime]") for card in cards)


def test_no_contact_is_overdue_for_verification(record_property):
    recheck, overdue = check_contacts.report(datetime.date.today(), check_contacts.TO_RECHECK_DAYS, check_contacts.OVERDUE_DAYS)
    record_property("mesure", "\n".join([f"Contacts à revérifier (plus de {check_contacts.TO_RECHECK_DAYS} jours) : {len(recheck)}", *recheck]))
    assert not overdue, "Contacts vérifiés il y a plus de deux ans, à revérifier avant publication :\n" + "\n".join(overdue)


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_page_first_screen_has_emergency_numbers_big_enough_to_tap(visit, language):
    page = visit().open(language_root(language) + "aide/")
    boxes = page.evaluate("""() => Array.from(document.querySelectorAll('article .pav-numbers')[0].querySelectorAll('a'))
        .map(a => { const b = a.getBoundingClientRect(); return {href: a.getAttribute('href'), top: b.top, bottom: b.bottom, w: b.width, h: b.height}; })""")
    hrefs = {box["href"] for box in boxes}
    assert {"tel:17", "tel:112", "sms:114"} <= hrefs, f"Bloc d'urgence incomplet : {hrefs}"
    in_view = [box for box in boxes if box["top"] >= 0 and box["bottom"] <= PHONE["height"]]
    assert in_view, f"Aucun numéro d'urgence dans le premier écran ({PHONE['width']}×{PHONE['height']}) de la page d'aide."
    assert any(box["w"] >= 44 and box["h"] >= 44 for box in in_view), f"Cibles trop petites (< 44×44 px) : {in_view}"


@pytest.fixture(scope="module")
def two_departements(site):
    """Two départements of the local-help data, in two régions when there are several: (code, région) each."""
    regions = real_site().territories.regions
    places = [(d.code, index) for index, region in enumerate(regions) for d in region.departements]
    assert len(places) >= 2, "Le filtre de l'aide locale ne peut être vérifié qu'avec deux départements au moins."
    first = places[0]
    return first, next((place for place in places if place[1] != first[1]), places[1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_local_help_filter_works_without_and_with_javascript(visit, two_departements, language):
    (chosen, chosen_region), (other, other_region) = two_departements
    without = visit(javascript=False).open(language_root(language) + "aide/")
    assert without.locator("[data-pav-local] select").count() == 0
    for code in (chosen, other):
        assert without.locator(f'a[href="#dep-{code}"]').count() == 1 and without.locator(f"#dep-{code}").is_visible()
    page = visit().open(language_root(language) + "aide/")
    headings = page.locator("[data-pav-local] h3")
    page.locator("[data-pav-local] select").select_option(chosen)
    assert page.locator(f"#dep-{chosen}").is_visible(), f"Département {chosen} choisi : il doit rester affiché."
    assert not page.locator(f"#dep-{other}").is_visible(), f"Département {chosen} choisi : le {other} doit être masqué."
    assert headings.nth(chosen_region).is_visible()
    if other_region != chosen_region:
        assert not headings.nth(other_region).is_visible(), "Une région sans département affiché doit masquer son titre."
    page.locator("[data-pav-local] select").select_option("")
    assert page.locator(f"#dep-{chosen}").is_visible() and page.locator(f"#dep-{other}").is_visible()
