"""The professionals' area: sheet schema, PDFs (text, pages, size, time), poster, listing filters."""

import re
import subprocess
import time
from html import unescape

import pytest
import yaml

from sitelib import pdf
from sitelib.contacts import display_number
from sitelib.errors import ContentError, ContentErrors
from sitelib.workshops import check_workshop
from site_map import DOCS, LANGUAGES, html_file, language_root, parsed_page, real_site, site_config, source_pages, url_of

CONTACTS = real_site().contacts
SHEETS = [s for s in source_pages() if s.startswith("pros/ateliers/") and not s.endswith("index.md")]
GUIDES = [s for s in source_pages() if s.startswith("pros/") and "pdf: true" in (DOCS / "fr" / s).read_text(encoding="utf-8")]
MAX_PAGES, MAX_BYTES = 8, 1_500_000
SITE_URL = site_config()["site_url"]

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
    with pytest.raises((ContentError, ContentErrors)) as caught:
        check_workshop({**GOOD, **change}, "docs/fr/pros/ateliers/x.md", KNOWN)
    message = str(caught.value)
    assert "docs/fr/pros/ateliers/x.md" in message and words in message, message


def test_missing_field_is_named():
    with pytest.raises((ContentError, ContentErrors), match="champ « duration ».*obligatoire"):
        check_workshop({k: v for k, v in GOOD.items() if k != "duration"}, "docs/fr/pros/ateliers/x.md", KNOWN)


def test_there_are_seven_sheets_and_four_guides():
    assert len(SHEETS) >= 7 and len(GUIDES) >= 4, (SHEETS, GUIDES)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_links(path) -> list[str]:
    """Addresses of the PDF's links, read with poppler's pdftohtml."""
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(path)], capture_output=True, text=True, check=True).stdout
    return sorted({unescape(href) for href in re.findall(r'href="([^"]*)"', xml)})


def wrong_links(path, site) -> list[str]:
    """Links that lead neither to a page of the published site nor to another site over https."""
    wrong = []
    for link in pdf_links(path):
        if link.startswith(SITE_URL):
            built = html_file(site, link[len(SITE_URL):].split("#")[0])
            if not built.exists():
                wrong.append(link)
        elif not link.startswith(("https://", "tel:", "sms:", "mailto:")):
            wrong.append(link)
    return wrong


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sheet_and_guide_has_its_pdf_with_title_and_help_numbers(site, language, record_property):
    rows, problems = [], []
    for source in SHEETS + GUIDES:
        path = language_root(language) + url_of(source)
        page_dir = html_file(site, path).parent
        stem = source.rsplit("/", 1)[-1][:-3]
        file = page_dir / f"{stem}.pdf"
        if not file.exists():
            problems.append(f"PDF manquant : /{language_root(language)}{url_of(source)}{stem}.pdf")
            continue
        page = parsed_page(site, path)
        text = squash(pdf_text(file))
        title = squash(page.select_one("article h1").get_text())
        if title not in text:
            problems.append(f"{file.name} : le titre « {title} » n'est pas dans le PDF")
        numbers = {squash(a.select_one(".pav-number__digits").get_text()) for a in page.select("article a.pav-number")}
        numbers |= {squash(a.get_text().split()[-1]) for a in page.select("article .pav-contact a[href^='tel:']")}
        missing = [n for n in numbers if n not in text]
        if not numbers or missing:
            problems.append(f"{file.name} : numéros d'aide absents du PDF : {missing or 'aucun numéro sur la page'}")
        if wrong := wrong_links(file, site):
            problems.append(f"{file.name} : liens qui ne mènent pas au site publié ({SITE_URL}) : {wrong[:5]}")
        pages, size = pdf_pages(file), file.stat().st_size
        rows.append(f"{language}/{stem:28} {pages:3} pages {size / 1024:7.0f} Kio")
        if not (1 <= pages <= MAX_PAGES and size <= MAX_BYTES):
            problems.append(f"{file.name} : {pages} pages, {size} octets (limites : {MAX_PAGES} pages, {MAX_BYTES} octets)")
    record_property("mesure", "PDF :\n" + "\n".join(rows))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_poster_fits_one_page_with_every_help_number(site, language):
    poster = site / language_root(language) / "affiche-aide.pdf"
    text = squash(pdf_text(poster))
    assert pdf_pages(poster) == 1
    for contact in CONTACTS.values():
        number = contact.phone if contact.phone and contact.voice else contact.sms
        if number:
            assert display_number(number) in text, f"Affiche {language} : {display_number(number)} manque."
    index = parsed_page(site, language_root(language) + "pros/")
    assert index.select_one('a[href$="affiche-aide.pdf"]'), "La page des professionnels ne propose pas l'affiche."


def test_pdf_generation_time_per_sheet(tmp_path, site, record_property):
    """Benchmark: one sheet's PDF, generated without cache (printed; bounded loosely)."""
    page = parsed_page(site, url_of(SHEETS[0]))
    content = str(page.select_one("article"))
    started = time.perf_counter()
    pdf.write_pdf(pdf.document("Test", content, "fr", "Site"), tmp_path / "x.pdf", tmp_path / "cache", SITE_URL + url_of(SHEETS[0]),
                  SITE_URL, site)
    elapsed = time.perf_counter() - started
    record_property("mesure", f"Génération d'un PDF de fiche sans cache : {elapsed:.2f} s")
    assert elapsed < 30


def test_pdf_reads_the_sites_own_files_from_the_build_and_nothing_from_the_network(site):
    fetcher = pdf.site_fetcher(SITE_URL, site)
    logo = fetcher.fetch(SITE_URL + "assets/logo.svg")
    assert logo.url == (site / "assets" / "logo.svg").as_uri()
    with pytest.raises(ValueError):
        fetcher.fetch("https://tracker.example.com/pixel.png")


@pytest.mark.parametrize("language", LANGUAGES)
def test_listing_shows_every_sheet_and_groups_work_without_javascript(visit, language):
    page = visit(javascript=False).open(language_root(language) + "pros/ateliers/")
    cards = page.locator(".pav-sheets .pav-card")
    assert cards.count() == len(SHEETS)
    assert page.locator(".pav-groups a").count() >= 3 * len(SHEETS), "Chaque fiche doit apparaître par âge, durée et thème."
    assert page.locator(".pav-filters").count() == 0


def test_listing_filters_with_javascript(visit):
    page = visit().open("pros/ateliers/")
    visible = lambda: page.locator(".pav-sheets .pav-card:visible").count()  # noqa: E731
    assert visible() == len(SHEETS)
    page.locator(".pav-filters select[name=age]").select_option("12")
    twelve = [s for s in SHEETS if yaml.safe_load((DOCS / "fr" / s).read_text(encoding="utf-8").split("---")[1])["age"][0] <= 12]
    assert visible() == len(twelve) and visible() < len(SHEETS)
    page.locator(".pav-filters select[name=age]").select_option("")
    page.locator(".pav-filters select[name=duration]").select_option("60")
    assert 0 < visible() < len(SHEETS)


def test_every_page_prints_without_site_chrome(visit):
    page = visit().open("pros/cadre-legal/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".pav-bar", ".md-sidebar--primary", ".pav-footer-help", ".pav-pdf-link"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} s'imprime."
    assert page.locator("article h1").is_visible()
