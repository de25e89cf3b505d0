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


def help_sections(article) -> list[tuple]:
    """The help page's h2 sections: (heading, the elements up to the next h2)."""
    sections = []
    for element in article.find_all(True, recursive=False):
        if element.name == "h2":
            sections.append((element, []))
        elif sections:
            sections[-1][1].append(element)
    return sections


CONTACT_BLOCKS = {"pav-contact", "pav-numbers", "pav-local"}


def offers_contact(elements) -> bool:
    """A card, the big buttons, the local help list, or a number to tap in a sentence."""
    return any(e.select_one('.pav-contact, .pav-numbers, .pav-local, a[href^="tel:"], a[href^="sms:"]')
               or CONTACT_BLOCKS & set(e.get("class", [])) for e in elements)


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_page_starts_from_the_situation_and_shows_each_card_once(site, language, record_property):
    """First the danger numbers, then a list of situations, each leading to its own section with a way
    to call; each contact's full card once on the page (other sections link to it or give the number)."""
    address = f"/{language_root(language)}aide/"
    # The page's text: inside the article, the part that search indexes (overrides/main.html).
    article = parsed_page(site, language_root(language) + "aide/").select_one("article [data-pagefind-body]")
    sections = help_sections(article)
    assert len(sections) >= 4, f"{address} : trop peu de sections ({len(sections)})."
    (_, danger), (_, situations), *others = sections
    assert any(e.select_one(".pav-numbers") or "pav-numbers" in e.get("class", []) for e in danger), \
        f"{address} : la première section n'a pas les numéros d'urgence."
    links = [a["href"].removeprefix("#") for e in situations for a in e.select('a[href^="#"]')]
    ids = {heading.get("id") for heading, _ in others}
    assert links and set(links) == ids, (f"{address} : la liste des situations doit mener à chaque section, et à elles seules : "
                                         f"sans lien {sorted(ids - set(links))}, liens vers rien {sorted(set(links) - ids)}")
    silent = [heading.get_text(strip=True) for heading, elements in others if not offers_contact(elements)]
    assert not silent, f"{address} : situations sans aucun numéro ni contact : {silent}"
    cards = [card["data-contact"] for card in article.select(".pav-contact[data-contact]")]
    repeated = sorted({ident for ident in cards if cards.count(ident) > 1})
    assert cards and not repeated, f"{address} : fiches de contact répétées sur la page : {repeated}"
    assert all(card.select_one(".pav-verified time[datetime]") for card in article.select(".pav-contact"))
    record_property("mesure", f"Page d'aide ({language}) : {len(others)} situations, {len(cards)} fiches, chacune une fois")


def test_no_contact_is_overdue_for_verification(record_property):
    found = check_contacts.report(datetime.date.today(), check_contacts.TO_RECHECK_DAYS, check_contacts.OVERDUE_DAYS)
    record_property("mesure", "\n".join([f"Jamais vérifiés en direct : {len(found.not_live)} ; sources vagues : {len(found.vague_sources)} ; "
                                         f"à revérifier (plus de {check_contacts.TO_RECHECK_DAYS} jours) : {len(found.to_recheck)}",
                                         *found.to_recheck]))
    assert not found.overdue, "Contacts vérifiés il y a plus de deux ans, à revérifier avant publication :\n" + "\n".join(found.overdue)


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_page_first_screen_has_emergency_numbers_big_enough_to_tap(visit, language, record_property):
    page = visit().open(language_root(language) + "aide/")
    boxes = page.evaluate("""() => Array.from(document.querySelectorAll('article .pav-numbers')[0].querySelectorAll('a'))
        .map(a => { const b = a.getBoundingClientRect(); return {href: a.getAttribute('href'), top: b.top, bottom: b.bottom, w: b.width, h: b.height}; })""")
    hrefs = {box["href"] for box in boxes}
    assert {"tel:17", "tel:112", "sms:114"} <= hrefs, f"Bloc d'urgence incomplet : {hrefs}"
    outside = [box["href"] for box in boxes if box["top"] < 0 or box["bottom"] > PHONE["height"]]
    assert not outside, f"Numéros d'urgence hors du premier écran ({PHONE['width']}×{PHONE['height']}) de la page d'aide : {outside}"
    small = [box for box in boxes if box["w"] < 44 or box["h"] < 44]
    assert not small, f"Cibles trop petites (< 44×44 px) : {small}"
    record_property("mesure", f"Page d'aide ({language}) à {PHONE['width']} px : {page.evaluate('document.documentElement.scrollHeight')} px de haut")


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
