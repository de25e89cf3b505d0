"""The lexicon: validation rules (each with a bad input), automatic links, pages and search."""


import pytest
from bs4 import BeautifulSoup

import theme
from helpers import expect_content_error, language_of
from sitelib.lexicon import Term, link_terms, load_lexicon
from sitelib.strings import Ui
from site_map import LANGUAGES, html_file, language_root, languages_writing, parsed_page, real_site, source_pages

UI = Ui("fr", {"lexicon_show": "Définition de", "colon": " : "})


def term_file(root, language, ident, short="Une définition.", variants="[]", see_also="[]", title=None):
    folder = root / language / "lexique"
    folder.mkdir(parents=True, exist_ok=True)
    body = f"---\nshort: {short}\nvariants: {variants}\nsee_also: {see_also}\n---\n\n# {title or ident.capitalize()}\n\nTexte.\n"
    (folder / f"{ident}.md").write_text(body, encoding="utf-8")


def good_tree(root):
    for language in ("fr", "en"):
        term_file(root, language, "emprise", variants="[emprises]", see_also="[dette]")
        term_file(root, language, "dette", variants="[dettes]")
    return root


def load(root, untranslated=None):
    return load_lexicon(root, ["fr", "en"], "fr", untranslated or {})


def test_good_lexicon_loads_paired_terms(tmp_path):
    lexicon = load(good_tree(tmp_path))
    assert set(lexicon.terms["fr"]) == set(lexicon.terms["en"]) == {"emprise", "dette"}
    assert lexicon.terms["fr"]["emprise"].forms == ["Emprise", "emprises"]


def expect_error(root, *words, untranslated=None):
    return expect_content_error(lambda: load(root, untranslated), *words)


def test_variant_claimed_by_two_terms(tmp_path):
    term_file(good_tree(tmp_path), "fr", "dette", variants="[dettes, emprises]")
    message = expect_error(tmp_path, "« emprises »", "appartient déjà au terme")
    assert "fr/lexique/" in message and "dette" in message and "emprise" in message


def test_see_also_to_an_unknown_term(tmp_path):
    term_file(good_tree(tmp_path), "en", "dette", see_also="[fugue]")
    expect_error(tmp_path, "en/lexique/dette.md", "see_also « fugue »", "n'existe pas")


def test_empty_definition(tmp_path):
    term_file(good_tree(tmp_path), "fr", "dette", short='""')
    expect_error(tmp_path, "fr/lexique/dette.md", "champ « short »", "vide")


def test_term_missing_in_a_language_unless_listed_as_fallback(tmp_path):
    good_tree(tmp_path)
    term_file(tmp_path, "en", "emprise")
    (tmp_path / "en" / "lexique" / "dette.md").unlink()
    expect_error(tmp_path, "en/lexique/dette.md", "existe en fr mais pas en en")
    for patterns in (["lexique/dette.md"], ["lexique/*"], ["*"]):
        terms = load(tmp_path, {"en": patterns}).terms["en"]
        assert set(terms) == {"emprise", "dette"}, patterns
        assert terms["dette"].language == "fr" and not terms["dette"].autolink  # shown in French, never linked from English
    expect_error(tmp_path, "en/lexique/dette.md", untranslated={"en": ["histoires/*"]})


def test_missing_title_and_broken_front_matter(tmp_path):
    good_tree(tmp_path)
    (tmp_path / "fr" / "lexique" / "dette.md").write_text("---\nshort: x\n---\n\nPas de titre.\n", encoding="utf-8")
    (tmp_path / "fr" / "lexique" / "emprise.md").write_text("---\nshort: a: b: c\n---\n\n# Emprise\n", encoding="utf-8")
    message = expect_error(tmp_path, "le titre du mot", "l'en-tête est mal formé")
    assert "fr/lexique/dette.md" in message and "fr/lexique/emprise.md" in message


TERMS = {
    "emprise": Term("emprise", "Emprise", "Un contrôle.", ["emprises"], [], True, "x", "fr"),
    "proxenete": Term("proxenete", "Proxénète", "Quelqu'un qui profite.", ["proxénètes", "mac"], [], True, "x", "fr"),
    "passe": Term("passe", "Passe", "Un acte.", [], [], False, "x", "fr"),
}


def linked(html: str) -> list[str]:
    return [a.get_text() for a in BeautifulSoup(link_terms(html, TERMS, lambda i: f"/lexique/{i}/", UI), "html.parser")
            .select(".pav-term > a")]


def test_first_mention_is_linked_with_a_popover_definition():
    out = link_terms("<p>L'emprise, puis encore l'emprise.</p>", TERMS, lambda i: f"/lexique/{i}/", UI)
    soup = BeautifulSoup(out, "html.parser")
    assert [a.get_text() for a in soup.select(".pav-term > a")] == ["emprise"]
    button = soup.select_one("button.pav-term__toggle")
    popover = soup.find(id=button["popovertarget"])
    assert popover.has_attr("popover") and "Un contrôle." in popover.get_text()
    assert button["aria-label"] == "Définition de Emprise"


@pytest.mark.parametrize("html, expected", [
    ("<h2>L'emprise</h2><p>rien</p>", []),
    ('<p><a href="/x">emprise</a></p>', []),
    ("<p><code>emprise</code></p><pre>emprise</pre>", []),
    ("<p>Les proxénètes.</p>", ["proxénètes"]),
    ("<p>PROXÉNÈTE et Emprise</p>", ["PROXÉNÈTE", "Emprise"]),
    ("<p>emprisé, emprisonné, macaron</p>", []),
    ("<p>il se passe quelque chose</p>", []),
    ("<h3>Emprise</h3><p>Parlons d'emprise.</p>", ["emprise"]),
])
def test_automatic_links_respect_headings_links_code_boundaries_and_opt_outs(html, expected):
    assert linked(html) == expected


def test_every_term_is_published_in_every_language(site, record_property):
    """The build checks that the sources pair up (a term in every language, or shown in French where the
    language says so); this checks what it published: each term's page in each language, marked with that
    language, with its definition. The counts are a figure."""
    terms = sorted(source[len("lexique/"):-len(".md")] for source in source_pages()
                   if source.startswith("lexique/") and source != "lexique/index.md")
    assert terms, "Aucun mot dans docs/fr/lexique/ : ce test ne vérifierait rien."
    problems, counts = [], []
    for language in LANGUAGES:
        own = set(source_pages(language))
        for term in terms:
            path = f"{language_root(language)}lexique/{term}/"
            if not html_file(site, path).exists():
                problems.append(f"/{path} : page absente")
                continue
            page = parsed_page(site, path)
            if page.html.get("lang") != language:
                problems.append(f"/{path} : marquée lang={page.html.get('lang')}")
            if not page.select_one(".pav-definition"):
                problems.append(f"/{path} : pas de définition")
        translated = sum(f"lexique/{term}.md" in own for term in terms)
        counts.append(f"{language} : {translated} traduits" + (f", {len(terms) - translated} en français" if translated < len(terms) else ""))
    record_property("mesure", f"Lexique : {len(terms)} mots ({' ; '.join(counts)})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_to_z_page_anchors_every_term_and_term_pages_are_complete(site, language):
    root = language_root(language)
    index = parsed_page(site, root + "lexique/")
    identifiers = sorted(real_site().terms(language))  # untranslated terms are listed too, in French
    assert sorted(dt["id"] for dt in index.select("dl.pav-lexicon dt")) == identifiers
    assert index.select(".pav-letters a") and not index.select(".pav-term")
    loverboy = parsed_page(site, root + "lexique/loverboy/")
    assert loverboy.select_one(".pav-definition").get_text(strip=True)
    assert not loverboy.select(".pav-term"), "Une page du lexique ne doit pas contenir de liens automatiques."


@pytest.mark.parametrize("language", languages_writing("articles/loverboy.md"))
def test_articles_link_terms_automatically(site, language):
    page = parsed_page(site, language_root(language) + "articles/loverboy/")
    targets = [a["href"] for a in page.select("article .pav-term > a")]
    assert "../../lexique/loverboy/" in targets
    assert not page.select("article h1 .pav-term, article h2 .pav-term")


@pytest.mark.parametrize("language, query, expected", [("fr", "lover boy", "lexique/loverboy/"),
                                                        ("en", "revenge porn", "en/lexique/pornodivulgation/")])
def test_search_finds_a_term_by_a_variant(visit, language, query, expected):
    one = visit()
    one.open(language_root(language))
    links = one.search(query)
    assert any(link.startswith(one.server + expected) for link in links), f"Recherche « {query} » : {links[:5]}"
    in_the_page_language = [link for link in links if language_of(link[len(one.server):]) == language]
    assert in_the_page_language == links, f"Recherche « {query} » en {language} : résultats d'une autre langue {links}"


def test_definition_popover_opens_by_keyboard_without_javascript(visit):
    page = visit(javascript=False).open("articles/loverboy/")
    toggle = page.locator("article .pav-term__toggle").first
    popover = page.locator("#" + toggle.get_attribute("popovertarget"))
    assert not popover.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert popover.is_visible()


def test_lexicon_prints_as_a_handout(visit):
    page = visit().open("lexique/")
    page.emulate_media(media="print")
    assert page.locator("dl.pav-lexicon dd").first.is_visible()
    for hidden in (theme.HEADER, ".pav-bar", ".pav-letters", theme.FOOTER):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} ne doit pas s'imprimer."


def test_terms_in_a_script_without_spaces_are_found_inside_a_sentence():
    from types import SimpleNamespace

    from sitelib.lexicon import form_pattern

    terms = {"proxenete": SimpleNamespace(id="proxenete", autolink=True, forms=["皮条客"]),
             "loverboy": SimpleNamespace(id="loverboy", autolink=True, forms=["loverboy"])}
    pattern, owner = form_pattern(terms)
    assert [owner[m.group(1).casefold()] for m in pattern.finditer("他是一个皮条客，不是loverboys。a loverboy.")] == ["proxenete", "loverboy"]
