"""The professionals' area: sheet schema, PDFs (text, pages, size, time), poster, listing filters."""

import re
import subprocess
import time
from html import unescape

import pytest

import theme
from helpers import choose, expect_content_error, pdf_text, published_asset, shown_cards, stand_in_page
from sitelib import pdf
from sitelib.contacts import display_number
from sitelib.pages import read_page
from sitelib.strings import Ui
from sitelib.workshops import Workshop, check_workshop, render_listing
from site_map import (DOCS, LANGUAGES, html_file, languages_writing, interface_strings, language_root, parsed_page, real_site, site_config,
                      source_pages, url_of)

# The file names only: the data itself is read by fixtures, after the build (whose French error is clearer).
SHEETS = [s for s in source_pages() if s.startswith("pros/ateliers/") and not s.endswith("index.md")]
MAX_PAGES, MAX_BYTES = 8, 1_500_000


@pytest.fixture(scope="module")
def site_url(site) -> str:
    return site_config()["site_url"]


@pytest.fixture(scope="module")
def guides(site) -> list[str]:
    """The professionals' pages that ask for a PDF (« pdf: true » in their front matter), workshop sheets aside."""
    found = []
    for source in source_pages():
        if source.startswith("pros/") and source not in SHEETS:
            page, _ = read_page(DOCS / "fr" / source)
            if page and page.meta.get("pdf") is True:
                found.append(source)
    return found

KNOWN = {"terms": {"emprise", "loverboy"}, "contacts": {"119", "3018"}, "stories": {"le-follower"}}
GOOD = {"description": "Un atelier.", "age": [14, 18], "duration": 90, "group": [6, 20], "themes": ["emprise"],
        "objectives": ["Repérer l'emprise."], "material": ["Des copies."], "stories": ["le-follower"],
        "related_terms": ["loverboy"], "contacts": ["119"]}


def test_good_sheet_front_matter_validates():
    assert check_workshop(GOOD, "docs/fr/pros/ateliers/x.md", KNOWN).duration == 90


@pytest.mark.parametrize("change, words", [
    ({"age": [18, 14]}, "champ « age »"),
    ({"age": [14]}, "deux nombres"),
    ({"duration": 500}, "champ « duration »"),
    ({"group": [0, 20]}, "champ « group »"),
    ({"themes": ["inconnu"]}, "themes : inconnu"),
    ({"contacts": ["118"]}, "contacts : 118"),
    ({"stories": ["autre"]}, "stories : autre"),
    ({"objectives": []}, "champ « objectives »"),
    ({"publics": "jeunes"}, "champ « publics »"),
])
def test_each_sheet_rule_fails_with_a_french_message_naming_file_and_field(change, words):
    expect_content_error(lambda: check_workshop({**GOOD, **change}, "docs/fr/pros/ateliers/x.md", KNOWN),
                         "docs/fr/pros/ateliers/x.md", words)


def test_missing_field_is_named():
    message = expect_content_error(lambda: check_workshop({k: v for k, v in GOOD.items() if k != "duration"},
                                                          "docs/fr/pros/ateliers/x.md", KNOWN), "champ « duration »")
    assert re.search("champ « duration ».*obligatoire", message), message


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_links(path) -> list[str]:
    """Addresses of the PDF's links, read with poppler's pdftohtml."""
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(path)], capture_output=True, text=True, check=True).stdout
    return sorted({unescape(href) for href in re.findall(r'href="([^"]*)"', xml)})


def wrong_links(path, site, site_url) -> list[str]:
    """Links that lead neither to a page of the published site nor to another site over https."""
    wrong = []
    for link in pdf_links(path):
        if link.startswith(f"{path.stem}.html#"):  # poppler's name for a link to a place in the same PDF
            continue
        if link.startswith(site_url):
            built = html_file(site, link[len(site_url):].split("#")[0])
            if not built.exists():
                wrong.append(link)
        elif not link.startswith(("https://", "tel:", "sms:", "mailto:")):
            wrong.append(link)
    return wrong


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sheet_and_guide_has_its_pdf_with_title_and_help_numbers(site, site_url, guides, language, record_property):
    assert SHEETS and guides, "Aucune fiche d'atelier ou aucun guide à imprimer : ce test ne vérifierait rien."
    rows, problems = [f"{len(SHEETS)} fiches d'atelier et {len(guides)} guides, chacun en PDF"], []
    for source in SHEETS + guides:
        path = language_root(language) + url_of(source)
        page_dir = html_file(site, path).parent
        stem = source.rsplit("/", 1)[-1][:-3]
        page = parsed_page(site, path)
        link = page.select_one(".pav-pdf-link a[href]")
        file = (page_dir / link["href"]).resolve() if link else page_dir / f"{stem}.pdf"
        if not link or not file.exists():
            problems.append(f"PDF manquant ou lien absent : /{path} → {link['href'] if link else 'aucun lien'}")
            continue
        if not (DOCS / language / source).exists():  # a fallback page links to the default language's PDF, checked there
            rows.append(f"{language}/{stem:28} → le PDF en français")
            continue
        text = squash(pdf_text(file))
        title = squash(page.select_one("article h1").get_text())
        if title not in text:
            problems.append(f"{file.name} : le titre « {title} » n'est pas dans le PDF")
        numbers = {squash(a.select_one(".pav-number__digits").get_text()) for a in page.select("article a.pav-number")}
        numbers |= {squash(a.get_text().split()[-1]) for a in page.select("article .pav-contact a[href^='tel:']")}
        missing = [n for n in numbers if n not in text]
        if not numbers or missing:
            problems.append(f"{file.name} : numéros d'aide absents du PDF : {missing or 'aucun numéro sur la page'}")
        if wrong := wrong_links(file, site, site_url):
            problems.append(f"{file.name} : liens qui ne mènent pas au site publié ({site_url}) : {wrong[:5]}")
        pages, size = pdf_pages(file), file.stat().st_size
        rows.append(f"{language}/{stem:28} {pages:3} pages {size / 1024:7.0f} Kio")
        if not (1 <= pages <= MAX_PAGES and size <= MAX_BYTES):
            problems.append(f"{file.name} : {pages} pages, {size} octets (limites : {MAX_PAGES} pages, {MAX_BYTES} octets)")
    record_property("mesure", f"PDF ({language}) :\n" + "\n".join(rows))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_poster_fits_one_page_with_every_help_number(site, language):
    poster = site / language_root(language) / "affiche-aide.pdf"
    text = squash(pdf_text(poster))
    assert pdf_pages(poster) == 1
    for contact in real_site().contacts.values():
        number = contact.phone if contact.phone and contact.voice else contact.sms
        if number:
            assert display_number(number) in text, f"Affiche {language} : {display_number(number)} manque."
    index = parsed_page(site, language_root(language) + "pros/")
    assert index.select_one('a[href$="affiche-aide.pdf"]'), "La page des professionnels ne propose pas l'affiche."


def test_a_sheet_pdf_is_made_without_cache_and_its_time_reported(tmp_path, site, site_url, record_property):
    """One sheet's PDF, generated without cache: the time is a figure (it depends on the machine), not a limit."""
    page = parsed_page(site, url_of(SHEETS[0]))
    content = str(page.select_one("article"))
    started = time.perf_counter()
    pdf.write_pdf(pdf.document("Test", content, "fr", "Site"), tmp_path / "x.pdf", tmp_path / "cache", site_url + url_of(SHEETS[0]),
                  site_url, site)
    elapsed = time.perf_counter() - started
    record_property("mesure", f"Génération d'un PDF de fiche sans cache : {elapsed:.2f} s")
    assert pdf_pages(tmp_path / "x.pdf") >= 1


def test_pdf_reads_the_sites_own_files_from_the_build_and_nothing_from_the_network(site, site_url):
    fetcher = pdf.site_fetcher(site_url, site)
    logo = fetcher.fetch(site_url + "assets/logo.svg")
    assert logo.url == (site / "assets" / "logo.svg").as_uri()
    with pytest.raises(ValueError):
        fetcher.fetch("https://tracker.example.com/pixel.png")


@pytest.mark.parametrize("language", languages_writing("pros/ateliers/index.md"))
def test_listing_shows_every_sheet_and_groups_work_without_javascript(visit, language):
    page = visit(javascript=False).open(language_root(language) + "pros/ateliers/")
    cards = page.locator(".pav-sheets .pav-card")
    assert cards.count() == len(SHEETS)
    assert page.locator(".pav-groups a").count() >= 3 * len(SHEETS), "Chaque fiche doit apparaître par âge, durée et thème."
    assert page.locator(".pav-filters").count() == 0


# Two sheets that differ in age, duration and theme, for a listing that can show the filters at work.
STAND_IN_SHEETS = {
    "jeunes/": {**GOOD, "age": [10, 13], "duration": 45, "themes": ["loverboy"]},
    "lycee/": {**GOOD, "age": [15, 18], "duration": 120, "themes": ["emprise"]},
}


@pytest.mark.parametrize("language", languages_writing("pros/ateliers/index.md"))
def test_listing_filters_show_exactly_the_sheets_of_the_chosen_age_duration_and_theme(site, visit, stand_in, language):
    """The listing made by the build's renderer from two sheets that differ, with the site's real script."""
    sheets = [(href, href.strip("/").capitalize(), Workshop.model_validate(meta, context=KNOWN)) for href, meta in STAND_IN_SHEETS.items()]
    listing = render_listing(sheets, str.capitalize, Ui(language, interface_strings(language))).split("\n\n## ", 1)[0]
    page = visit().open(stand_in("ateliers.html", stand_in_page(language, listing, published_asset(site, "assets/sheets.js"))))
    young, older = STAND_IN_SHEETS
    none = page.locator(".pav-sheets > [role=status]")
    assert shown_cards(page) == [young, older]
    choose(page, age="12")
    assert shown_cards(page) == [young], "12 ans : seule la fiche 10-13 ans doit rester."
    choose(page, age="16")
    assert shown_cards(page) == [older], "16 ans : seule la fiche 15-18 ans doit rester."
    choose(page, age="", duration="60")
    assert shown_cards(page) == [young], "60 min au plus : seule la fiche de 45 min doit rester."
    choose(page, duration="", theme="emprise")
    assert shown_cards(page) == [older], "Thème « emprise » : seule la fiche de ce thème doit rester."
    assert not none.is_visible()
    choose(page, age="12")
    assert shown_cards(page) == [] and none.is_visible() and none.text_content() == interface_strings(language)["sheet_filter_none"]
    choose(page, age="", theme="")
    assert shown_cards(page) == [young, older]


@pytest.mark.parametrize("language", languages_writing("pros/ateliers/index.md"))
def test_listing_filters_the_sites_sheets_as_their_front_matter_says(visit, language):
    sheets = real_site().workshops[language]
    page = visit().open(language_root(language) + "pros/ateliers/")
    shown = lambda: [href.rstrip("/").rsplit("/", 1)[-1] for href in shown_cards(page)]  # noqa: E731
    assert sorted(shown()) == sorted(ident for ident, _, _ in sheets)
    age = min(sheet.age[1] for _, _, sheet in sheets)  # an age some sheets are for, perhaps not all
    choose(page, age=str(age))
    assert sorted(shown()) == sorted(ident for ident, _, sheet in sheets if sheet.age[0] <= age <= sheet.age[1]), f"{age} ans"
    choose(page, age="", duration="60")
    assert sorted(shown()) == sorted(ident for ident, _, sheet in sheets if sheet.duration <= 60), "60 min au plus"


def test_every_page_prints_without_site_chrome(visit):
    page = visit().open("pros/cadre-legal/")
    page.emulate_media(media="print")
    for hidden in (theme.HEADER, ".pav-bar", theme.PRIMARY_SIDEBAR, ".pav-footer-help", ".pav-pdf-link"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} s'imprime."
    assert page.locator("article h1").is_visible()
