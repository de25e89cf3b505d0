"""Every language the site claims: its essential pages written in it (not fallbacks), `<html lang dir>`
right on every page, its contact texts written, its poster in its own script, its fallback notice in
its own words; Arabic mirrored and its numbers kept in order; translations that say what they came from."""

import re
import unicodedata

import pytest

from browsing import PHONE
from helpers import pdf_text
from site_map import (DEFAULT_LANGUAGE, DOCS, LANGUAGES, built_page_paths, interface_strings, language_root, parsed_page,
                      real_site)
from sitelib.data import read_yaml
from sitelib.languages import Languages, pages_of
from sitelib.pages import url_of
from sitelib.project import project_languages
from sitelib.strings import writing_direction
from sitelib.translations import STATUS_PAGE, stamp, translation_status

# What a reader from abroad needs first, written in every language the site offers (issue: languages).
ESSENTIAL_PAGES = [
    "index.md", "aide.md", "securite.md", "articles/c-est-quoi-la-prostitution.md", "articles/ce-que-dit-la-loi.md",
    "articles/sortir-de-la-prostitution.md", "articles/adultes-venus-de-l-etranger.md", "articles/parent-inquiet.md",
    "facile/index.md", "facile/prostitution.md", "facile/victime.md", "facile/aide.md", "facile/quitter-le-site.md",
    "lexique/index.md",
]
ESSENTIAL_DATA = ["interface.yml", "contacts.yml", "territoires.yml", "videos.yml", "terminologie.yml"]
CORE_TERMS = 30
OTHER_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT_LANGUAGE]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_essential_pages_and_data_are_written_in_the_language(site, language, record_property):
    missing = [page for page in ESSENTIAL_PAGES if not (DOCS / language / page).exists()]
    missing += [f"_data/{name}" for name in ESSENTIAL_DATA if not (DOCS / language / "_data" / name).exists()]
    shown_in_french = [page for page in ESSENTIAL_PAGES if page not in missing
                       and parsed_page(site, language_root(language) + url_of(page)).select_one(".pav-fallback")]
    terms = [p for p in (DOCS / language / "lexique").glob("*.md") if p.stem != "index"] if (DOCS / language / "lexique").exists() else []
    record_property("mesure", f"{language} : {len(ESSENTIAL_PAGES) - len(missing)} pages essentielles sur {len(ESSENTIAL_PAGES)}, "
                              f"{len(terms)} mots du lexique, {len(pages_of(DOCS, language))} pages écrites en tout")
    assert not missing and not shown_in_french, f"{language} : manquent {missing} ; affichées en français {shown_in_french}"
    assert len(terms) >= CORE_TERMS, f"{language} : {len(terms)} mots du lexique écrits, {CORE_TERMS} au moins"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_contact_has_its_texts_written_in_the_language(language):
    written = read_yaml(DOCS / language / "_data" / "contacts.yml") or {}
    missing = sorted(set(real_site().contacts) - set(written))
    assert not missing, f"docs/{language}/_data/contacts.yml : textes manquants pour {missing}"


def test_every_page_says_its_language_and_direction(site):
    wrong = []
    for path in built_page_paths():
        language = next((code for code in OTHER_LANGUAGES if path.startswith(language_root(code))), DEFAULT_LANGUAGE)
        tag = parsed_page(site, path).html
        if (tag.get("lang"), tag.get("dir")) != (language, writing_direction(language)):
            wrong.append(f"/{path} : lang={tag.get('lang')} dir={tag.get('dir')}")
    assert not wrong, "Pages dont <html lang dir> ne dit pas leur langue :\n" + "\n".join(wrong[:20])


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_fallback_page_says_so_in_the_readers_language_and_marks_the_french(site, language):
    fallbacks = sorted(pages_of(DOCS, DEFAULT_LANGUAGE) - pages_of(DOCS, language))
    if not fallbacks:
        pytest.skip(f"{language} : toutes les pages sont traduites")
    page = parsed_page(site, language_root(language) + url_of(fallbacks[0]))
    notice = page.select_one(".pav-fallback")
    assert notice and notice.get_text(strip=True) == interface_strings(language)["fallback_notice"]
    assert notice.get_text(strip=True) != interface_strings(DEFAULT_LANGUAGE)["fallback_notice"], \
        f"docs/{language}/_data/interface.yml : fallback_notice est encore en français"
    french = notice.find_next_sibling(attrs={"lang": DEFAULT_LANGUAGE})
    assert french is not None and french.get("dir") == "ltr"


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_are_isolated_left_to_right(site, language):
    page = parsed_page(site, language_root(language) + "aide/")
    inline = page.select("article a.pav-tel")
    buttons = page.select("article .pav-number__digits")
    assert inline and buttons
    assert all(a.get("dir") == "ltr" for a in inline) and all(b.get("dir") == "ltr" for b in buttons)


def test_arabic_layout_is_mirrored_and_numbers_keep_their_order(visit):
    if "ar" not in LANGUAGES:
        pytest.skip("pas d'arabe sur ce site")
    arabic, french = visit().open("ar/aide/"), visit().open("aide/")
    def exit_button_x(page):
        box = page.locator(".pav-bar a.pav-quick-exit").bounding_box()
        return box["x"] + box["width"] / 2
    assert exit_button_x(french) > PHONE["width"] / 2, "En français, « Quitter le site » est à droite."
    assert exit_button_x(arabic) < PHONE["width"] / 2, "En arabe, « Quitter le site » doit passer à gauche."
    menu = arabic.locator("label.md-header__button[for='__drawer']").first.bounding_box()
    assert menu["x"] > PHONE["width"] / 2, "En arabe, le bouton du menu doit passer à droite."
    # A number that holds spaces (0 800 235 236) reads left to right inside the Arabic sentence.
    order = arabic.evaluate("""() => Array.from(document.querySelectorAll('article a.pav-tel')).filter(a => a.textContent.includes(' '))
        .map(a => { const r = document.createRange(), t = a.firstChild;
                    r.setStart(t, 0); r.setEnd(t, 1); const first = r.getBoundingClientRect().left;
                    r.setStart(t, t.length - 1); r.setEnd(t, t.length); return [a.textContent, first < r.getBoundingClientRect().left]; })""")
    assert order and all(left_to_right for _, left_to_right in order), f"Numéros à l'envers : {order}"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_poster_is_printed_in_the_languages_own_script(site, language):
    # pdftotext marks right-to-left runs with bidi controls and may give Arabic letters in presentation forms.
    raw = unicodedata.normalize("NFKC", pdf_text(site / language_root(language) / "affiche-aide.pdf"))
    text = " ".join(re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", raw).split())
    title = " ".join(unicodedata.normalize("NFKC", interface_strings(language)["poster_title"]).split())
    assert title in text, f"Affiche {language} : le titre « {title} » n'est pas dans le texte du PDF (police sans ces caractères ?)"
    assert not re.search(r"[\u25a1\ufffd]", text), f"Affiche {language} : des carrés vides à la place de lettres"


def test_every_translated_page_records_the_french_page_it_was_made_from(record_property):
    statuses, errors = translation_status(project_languages(DOCS.parent))
    assert not errors, "\n".join(map(str, errors))
    unrecorded = [f"docs/{s.language}/{s.page}" for s in statuses if s.state == "sans empreinte"]
    outdated = [f"docs/{s.language}/{s.page}" for s in statuses if s.state == "à revoir"]
    record_property("mesure", "Traductions : " + ", ".join(
        f"{language} {sum(s.state == 'à jour' for s in statuses if s.language == language)} à jour"
        f" / {sum(s.reviewed for s in statuses if s.language == language)} relues" for language in OTHER_LANGUAGES)
        + (f" ; à revoir : {len(outdated)}" if outdated else ""))
    assert not unrecorded, ("Pages traduites sans empreinte de leur page française : lancez "
                            "python scripts/translations.py --marquer <langue> <page>\n" + "\n".join(unrecorded))


def test_a_translation_is_reported_outdated_when_its_french_page_changes(tmp_path):
    for language, text in (("fr", "---\ndescription: Aide\n---\n\n# Aide\n"), ("en", "---\ndescription: Help\n---\n\n# Help\n")):
        (tmp_path / language).mkdir()
        (tmp_path / language / "aide.md").write_text(text, encoding="utf-8")
    languages = Languages(tmp_path, ("fr", "en"), "fr")
    def state():
        return [(s.page, s.state, s.reviewed) for s in translation_status(languages)[0]]
    assert state() == [("aide.md", "sans empreinte", False)]
    assert stamp(tmp_path / "en" / "aide.md", tmp_path / "fr" / "aide.md")
    assert state() == [("aide.md", "à jour", False)]
    assert "# Help" in (tmp_path / "en" / "aide.md").read_text(encoding="utf-8")
    marked = (tmp_path / "en" / "aide.md").read_text(encoding="utf-8").replace("relue: false", "relue: true")
    (tmp_path / "en" / "aide.md").write_text(marked, encoding="utf-8")
    (tmp_path / "fr" / "aide.md").write_text("---\ndescription: Aide\n---\n\n# Besoin d'aide ?\n", encoding="utf-8")
    assert state() == [("aide.md", "à revoir", True)]
    # A record written before another field: re-marking replaces the record and keeps the rest.
    english = tmp_path / "en" / "aide.md"
    english.write_text(english.read_text(encoding="utf-8").replace("---\n\n# Help", "summary: Kept\n---\n\n# Help"), encoding="utf-8")
    stamp(english, tmp_path / "fr" / "aide.md")
    assert state() == [("aide.md", "à jour", True)], "Le marquage garde « relue »."
    assert "summary: Kept" in english.read_text(encoding="utf-8") and english.read_text(encoding="utf-8").count("traduction:") == 1
    (tmp_path / "en" / "aide.md").write_text(marked.replace("relue: true", "relue: peut-être"), encoding="utf-8")
    problems = translation_status(languages)[1]
    assert problems and "relue" in str(problems[0]) and "aide.md" in str(problems[0]), problems


def test_the_maintainers_page_lists_every_language_and_page(site):
    page = parsed_page(site, STATUS_PAGE)
    assert page.html.get("lang") == "fr" and len(page.select("h1")) == 1
    assert [h2.get("id") for h2 in page.select("h2")] == sorted(OTHER_LANGUAGES)
    rows = page.select("tbody tr")
    assert len(rows) == len(OTHER_LANGUAGES) * len(pages_of(DOCS, DEFAULT_LANGUAGE))


def test_an_arabic_story_mirrors_its_chat_bubbles_tails_and_choices(visit):
    """In a story written in Arabic: the reader's bubbles on the left, the others' on the right, each
    bubble's flattened "tail" corner on its sender's side, the choices starting from the right."""
    stories = [path.stem for path in (DOCS / "ar" / "histoires").glob("*.md") if path.stem != "index"] if "ar" in LANGUAGES else []
    if not stories:
        pytest.skip("aucune histoire écrite en arabe")
    page = visit(javascript=False).open(f"ar/histoires/{sorted(stories)[0]}/")
    measures = page.evaluate("""() => {
        const box = e => e.getBoundingClientRect(), chat = document.querySelector('.pav-chat');
        const them = chat.querySelector('.pav-msg--them'), me = document.querySelector('.pav-msg--me');
        const choice = document.querySelector('.pav-choice'), list = choice.closest('ul');
        const radius = (e, corner) => parseFloat(getComputedStyle(e)[corner]);
        return {chat: [box(chat).left, box(chat).right], them: [box(them).left, box(them).right],
                me: [box(me).left, box(me).right], choice: box(choice).right, list: box(list).right,
                themTail: [radius(them, 'borderBottomRightRadius'), radius(them, 'borderBottomLeftRadius')],
                meTail: [radius(me, 'borderBottomLeftRadius'), radius(me, 'borderBottomRightRadius')]};
    }""")
    (left, right), them, me = measures["chat"], measures["them"], measures["me"]
    assert abs(them[1] - right) < 2 and them[0] > left + 1, f"Les bulles des autres doivent partir de la droite : {measures}"
    assert abs(me[0] - left) < 2 and me[1] < right - 1, f"Les bulles du lecteur doivent partir de la gauche : {measures}"
    assert measures["themTail"][0] < measures["themTail"][1] and measures["meTail"][0] < measures["meTail"][1], \
        f"Le coin « queue » de chaque bulle doit être du côté de qui écrit : {measures}"
    assert abs(measures["choice"] - measures["list"]) < 24, f"Les choix doivent commencer à droite : {measures}"
