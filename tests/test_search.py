"""Search (Pagefind, sitelib/search.py and overrides/assets/search.js): one index per language, only the
pages' text indexed, nothing downloaded before the reader searches, queries as readers type them, and a
page that lists everything without JavaScript."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from browsing import SEARCH_BUTTON, SEARCH_DIALOG, SEARCH_INPUT, SEARCH_RESULTS, SEARCH_RESULT_LINK
from helpers import language_of, stored_anything
from site_map import LANGUAGES, built_page_paths, html_file, interface_strings, language_root
from sitelib.errors import ContentError
from sitelib.page_list import menu_entries, page_title, render_page_list
from sitelib.strings import Ui

SEARCH_PAGE = "recherche/"
# Elements repeated on many pages, which would make every page match « 119 » or a term's definition.
REPEATED = re.compile(r'<[a-z]+ class="(?:pav-contact|pav-numbers|pav-term__definition|pav-related|pav-handouts)"[^>]*>')
BODY = re.compile(r"<div[^>]*data-pagefind-body[^>]*>")
LOADING_SEARCH = re.compile(r"<(?:script|link)\b[^>]*pagefind[^>]*>")

# Per language, a query as a young reader types it, and a page it must find among the first results:
# without accents or diacritics (fr, es, pt, ro), inflected (en), Chinese without spaces, Arabic with
# the prefix « لل » (for the) glued to the word.
QUERIES = {
    "fr": ("proxenete", "lexique/proxenete/"),
    "en": ("traffickers", "en/lexique/traite/"),
    "es": ("victimas", "es/lexique/victime/"),
    "pt": ("exploracao", "pt/lexique/exploitation-sexuelle/"),
    "ro": ("prostitutie", "ro/lexique/prostitution/"),
    "zh": ("卖淫是什么", "zh/facile/prostitution/"),
    "ar": ("للمساعدة", "ar/aide/"),
}


def indexed_paths() -> list[str]:
    return [path for path in built_page_paths() if not path.endswith("404.html") and not path.endswith(SEARCH_PAGE)]


def test_each_page_indexes_its_text_only(site):
    """One indexed part per page, holding its title; the repeated help cards and definitions left out; on
    a page shown in French, the French part, its result titled as a French page. (Read as text: parsing
    every page of seven languages would cost more than the rest of the search tests.)"""
    problems = []
    for path in indexed_paths():
        text = html_file(site, path).read_text(encoding="utf-8")
        bodies = BODY.findall(text)
        if len(bodies) != 1 or "<h1" not in text.split("data-pagefind-body", 1)[1]:
            problems.append(f"/{path} : {len(bodies)} partie(s) indexée(s) (data-pagefind-body) avec le titre, attendue : 1")
            continue
        if text.index("data-pagefind-body") < text.index("</header>"):
            problems.append(f"/{path} : l'en-tête est indexé")
        for tag in REPEATED.findall(text):
            if "data-pagefind-ignore" not in tag:
                problems.append(f"/{path} : {tag[:80]}… est indexé (data-pagefind-ignore manque)")
        language = language_of(path)
        if 'lang="fr"' in bodies[0] and language != "fr":
            mark = interface_strings(language)["fallback_search_mark"]
            if f'{mark}"' not in bodies[0]:
                problems.append(f"/{path} : page en français sans « {mark} » dans son titre de résultat")
    assert not problems, "\n".join(problems[:30])


def test_one_index_per_language_with_every_page_of_that_language(site, record_property):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    expected = {language: sum(1 for path in indexed_paths() if language_of(path) == language) for language in LANGUAGES}
    found = {language: entry["languages"].get(language, {}).get("page_count") for language in LANGUAGES}
    assert set(entry["languages"]) == set(LANGUAGES), f"Index par langue : {sorted(entry['languages'])}"
    assert found == expected, f"Pages indexées par langue : {found}, attendues {expected}"
    size = sum(file.stat().st_size for file in (site / "pagefind").rglob("*") if file.is_file())
    record_property("mesure", f"Recherche : {len(entry['languages'])} index, {sum(expected.values())} pages, "
                              f"{size / 1024 / 1024:.1f} Mio publiés (téléchargés seulement par morceaux, à la recherche)")


def test_no_page_loads_search_files(site):
    """Pagefind's engine and index are only imported by search.js when the reader opens search."""
    loading = []
    for path in built_page_paths():
        loading += [f"/{path} : {tag}" for tag in LOADING_SEARCH.findall(html_file(site, path).read_text(encoding="utf-8"))]
    assert not loading, "\n".join(loading[:10])


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_what_readers_type_in_the_page_language_only(visit, language):
    query, expected = QUERIES[language]
    one = visit()
    fetched = []
    one.page.on("request", lambda request: fetched.append(request.url))
    page = one.open(language_root(language))
    history = page.evaluate("() => history.length")
    before = [url for url in fetched if "/pagefind/" in url]
    assert not before, f"La page d'accueil ({language}) télécharge la recherche avant qu'on la demande : {before}"
    links = one.search(query)
    top = [link[len(one.server):] for link in links[:6]]
    assert expected in top, f"Recherche « {query} » ({language}) : {expected} attendue parmi les premiers résultats, trouvés {top}"
    others = [link for link in links if language_of(link[len(one.server):]) != language]
    assert not others, f"Recherche « {query} » ({language}) : résultats dans une autre langue {others}"
    assert any("/pagefind/" in url for url in fetched), "La recherche n'a pas téléchargé son index."
    assert page.evaluate("() => history.length") == history, "La recherche a écrit dans l'historique."
    assert not stored_anything(page), f"La recherche a enregistré quelque chose : {stored_anything(page)}"


def test_search_dialog_by_keyboard_and_screen_reader(visit):
    """Named dialog, focus in the field, results counted in a live region, Escape closes and gives the
    focus back to the magnifier; the quick-exit bar stays usable above it."""
    page = visit().open("ar/")
    texts = interface_strings("ar")
    page.locator(SEARCH_BUTTON).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("dialog => document.querySelector(dialog).open", arg=SEARCH_DIALOG)
    assert page.evaluate("() => document.activeElement.id") == SEARCH_INPUT.lstrip("#")
    name = page.evaluate("dialog => document.getElementById(document.querySelector(dialog).getAttribute('aria-labelledby')).textContent",
                         SEARCH_DIALOG)
    assert name.strip() == texts["search_open"], f"Nom du dialogue : {name!r}"
    assert page.locator(f"label[for='{SEARCH_INPUT.lstrip('#')}']").inner_text().strip() == texts["search_label"]
    page.keyboard.type("الدعارة")
    page.wait_for_function("([list, query]) => document.querySelector(list).dataset.query === query", arg=[SEARCH_RESULTS, "الدعارة"])
    status = page.locator(f"{SEARCH_DIALOG} [role=status]").inner_text()
    count = page.locator(SEARCH_RESULT_LINK).count()
    assert count and status.strip(), f"Résultats sans annonce : {status!r}"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.pav-search__results') !== null"), \
        "Tab depuis le champ ne mène pas au premier résultat."
    page.keyboard.press("Escape")
    assert not page.evaluate("dialog => document.querySelector(dialog).open", SEARCH_DIALOG), "Échap ne ferme pas la recherche."
    assert page.evaluate("() => document.activeElement.classList.contains('pav-search-open')"), "Le focus ne revient pas à la loupe."


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_without_javascript_the_magnifier_leads_to_every_page(visit, site, language):
    page = visit(javascript=False).open(language_root(language) + "aide/")
    page.locator(SEARCH_BUTTON).click()
    page.wait_for_url("**/" + language_root(language) + SEARCH_PAGE)
    listed = {link[len(page.url.split(SEARCH_PAGE)[0]):] for link in
              page.eval_on_selector_all(".pav-all-pages a", "links => links.map(a => a.href)")}
    own_pages = {path[len(language_root(language)):] for path in indexed_paths() if language_of(path) == language}
    menu_pages = {path for path in own_pages if not path.startswith("lexique/") or path == "lexique/"}
    assert menu_pages <= listed, f"Pages absentes de la liste : {sorted(menu_pages - listed)}"
    terms = page.eval_on_selector_all(".pav-lexicon dt a", "links => links.length")
    assert terms == len([path for path in own_pages if path.startswith("lexique/") and path != "lexique/"]), \
        "Le lexique de A à Z n'a pas tous ses mots."
    assert page.locator("html").get_attribute("lang") == language


def test_page_list_follows_the_menu_and_marks_pages_in_french(tmp_path):
    for path, text in {"fr/index.md": "# Accueil", "fr/aide.md": "# Aide", "fr/pros/fiche.md": "# Fiche",
                       "en/index.md": "# Home", "en/aide.md": "# Help"}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f"---\ndescription: x\n---\n\n{text}\n", encoding="utf-8")
    menu = ["index.md", {"Besoin d'aide": ["aide.md", {"Fiches": ["pros/fiche.md"]}]}]
    entries = menu_entries(menu, {"Besoin d'aide": "Get help"},
                           lambda page: page_title(tmp_path, "en", "fr", page))
    html = BeautifulSoup(render_page_list(entries, lambda url: "../" + url, "(in French)", Ui("en", {})), "html.parser")
    assert [heading.get_text() for heading in html.select("h2, h3")] == ["Get help", "Fiches"]
    links = [(a.get_text(), a["href"], a.get("lang")) for a in html.select("a")]
    assert links == [("Home", "../", None), ("Help", "../aide/", None), ("Fiche", "../pros/fiche/", "fr")]
    assert html.select_one("a[lang=fr]")["dir"] == "ltr"
    assert "Fiche</a> (in French)" in str(html)
    with pytest.raises(ContentError, match="mkdocs.yml — nav"):
        page_title(tmp_path, "en", "fr", "absente.md")
