"""The plain pieces the hooks stand on: pages read once, paths as volunteers see them, page kinds,
links without MkDocs, untranslated patterns, and the whole Site loaded with every error together."""

import pytest
from mkdocs.utils import get_relative_url

from site_map import ROOT, real_site, write_data
from sitelib.errors import ContentError, ContentErrors
from sitelib.languages import Languages, fallback_pages, is_untranslated
from sitelib.pages import display_path, kind_of, parse_page, relative_url, url_of
from sitelib.workshops import load_workshops


@pytest.mark.parametrize("target, page", [
    ("lexique/viol/", "aide/"), ("lexique/viol/", ""), ("en/lexique/viol/", "en/"), ("affiche-aide.pdf", "pros/"),
    ("", "aide/"), ("en/", "en/"), ("media/videos/x.mp4", "en/videos/cinq-signes/"), ("histoires/a/", "histoires/"),
    ("aide/", "404.html"), ("en/aide/", "en/404.html"),
])
def test_links_between_pages_are_those_mkdocs_would_write(target, page):
    assert relative_url(target, page) == get_relative_url(target, page)


@pytest.mark.parametrize("source, kind", [
    ("fr/lexique/viol.md", "term"), ("en/lexique/index.md", "lexicon-index"), ("fr/histoires/le-casting.md", "story"),
    ("fr/histoires/index.md", "stories-index"), ("en/pros/ateliers/argent-facile.md", "workshop"),
    ("fr/pros/ateliers/index.md", "workshops-index"), ("fr/pros/index.md", "pros-index"), ("fr/pros/cadre-legal.md", "page"),
    ("fr/aide.md", "page"), ("fr/videos/cinq-signes.md", "video"),
])
def test_the_kind_of_a_page_comes_from_its_folder(source, kind):
    assert kind_of(source) == kind


def test_urls_of_pages():
    assert [url_of(page) for page in ("index.md", "aide.md", "pros/index.md", "lexique/viol.md")] == ["", "aide/", "pros/", "lexique/viol/"]


@pytest.mark.parametrize("page, patterns, expected", [
    ("a-propos.md", ["a-propos.md"], True), ("lexique/viol.md", ["lexique/*"], True), ("lexique/viol.md", ["*"], True),
    ("_data/videos.yml", ["*"], True), ("aide.md", ["lexique/*", "a-propos.md"], False), ("aide.md", [], False),
])
def test_untranslated_accepts_names_and_patterns(page, patterns, expected):
    assert is_untranslated(page, patterns) is expected


def test_fallback_pages_are_what_a_language_has_not_written(tmp_path):
    for page in ("fr/index.md", "fr/aide.md", "fr/lexique/viol.md", "en/index.md", "en/_data/x.md"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("# x\n")
    assert fallback_pages(tmp_path, "en", "fr") == {"aide.md", "lexique/viol.md"}


def test_a_page_is_read_once_with_its_title_and_the_line_its_body_starts_on():
    source, errors = parse_page('---\ndescription: "Une phrase."\nage: 13\n---\n\n# Le titre\n\nTexte.\n', "docs/fr/x.md")
    assert errors == [] and source.meta == {"description": "Une phrase.", "age": 13} and source.title == "Le titre"
    assert source.body_line == 6 and source.body.startswith("# Le titre")  # the line of « # Le titre »
    for text, words in (("# Pas d'en-tête\n", "manque"), ("---\ndescription: a: b\n---\n", "mal formé"), ("---\n- a\n---\n", "liste de champs")):
        source, [error] = parse_page(text, "docs/fr/x.md")
        assert source is None and error.file == "docs/fr/x.md" and words in error.problem


def test_paths_in_messages_are_relative_to_the_project_when_run_from_it(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert display_path(ROOT / "docs" / "fr" / "aide.md") == "docs/fr/aide.md"
    assert display_path(ROOT.parent / "ailleurs.md") == (ROOT.parent / "ailleurs.md").as_posix()


def test_workshop_errors_name_the_file_once_not_docs_docs(tmp_path, monkeypatch):
    folder = tmp_path / "docs" / "fr" / "pros" / "ateliers"
    folder.mkdir(parents=True)
    (folder / "essai.md").write_text("---\ndescription: x\n---\n\n# Essai\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises((ContentError, ContentErrors)) as caught:
        load_workshops(folder.relative_to(tmp_path), {"terms": set(), "contacts": set(), "stories": set()})
    message = str(caught.value)
    assert "docs/fr/pros/ateliers/essai.md — en-tête, champ « age »" in message and "docs/docs" not in message, message


def test_the_real_site_loads_and_every_language_has_every_collection():
    from sitelib.strings import writing_direction

    site = real_site()
    for language in site.languages.built:
        assert site.ui(language).language == language and site.ui(language).direction == writing_direction(language)
        assert set(site.terms(language)) == set(site.terms(site.languages.default))
        assert set(site.stories[language]) == set(site.stories[site.languages.default])
        assert all(language in contact.text for contact in site.contacts.values())


def test_writing_direction_comes_from_the_language():
    from sitelib.strings import Ui

    assert [Ui(code, {}).direction for code in ("fr", "en", "es", "zh", "ar", "he", "fa")] == ["ltr"] * 4 + ["rtl"] * 3


def test_a_language_whose_data_is_untranslated_falls_back_and_a_missing_one_is_named(tmp_path):
    from sitelib.quiz import load_quiz

    facts = "- id: une\n  answer: true\n  source: https://example.org/\n"
    texts = {"fr": "une: {statement: Vrai, explanation: Oui.}\n"}
    languages = write_data(tmp_path, "vrai-faux.yml", facts, texts)
    for patterns, expected in ((["_data/vrai-faux.yml"], "Vrai"), (["*"], "Vrai")):
        fallback = Languages(languages.docs_dir, ("fr", "es"), "fr", {"es": patterns})
        assert load_quiz(languages.docs_dir / "_data" / "vrai-faux.yml", fallback)[0].text["es"].statement == expected
    with pytest.raises(ContentError) as caught:
        load_quiz(languages.docs_dir / "_data" / "vrai-faux.yml", Languages(languages.docs_dir, ("fr", "es"), "fr", {"es": ["aide.md"]}))
    assert "es/_data/vrai-faux.yml" in str(caught.value) and "untranslated" in str(caught.value)
