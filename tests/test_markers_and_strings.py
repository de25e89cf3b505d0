"""Markers in Markdown, interface strings and local-help data: behaviour and French errors."""

import textwrap

import pytest

from site_map import write_data
from sitelib.errors import ContentError, ContentErrors
from sitelib.html import secure_external_links
from sitelib.markers import MarkerProblem, expand_markers
from sitelib.strings import load_strings
from sitelib.territories import load_territories


def shout(arguments):
    if arguments == ["fail"]:
        raise MarkerProblem("échec voulu.", "ne pas écrire fail.")
    return "<b>" + " ".join(arguments) + "</b>"


HANDLERS = {"crie": shout}


def test_marker_is_replaced_and_plain_comments_are_kept():
    text = "Avant <!-- @crie a b --> après <!-- simple note -->"
    assert expand_markers(text, HANDLERS, "docs/fr/x.md") == "Avant <b>a b</b> après <!-- simple note -->"


def test_markers_in_code_are_left_as_written():
    text = "```\n<!-- @inconnu -->\n```\nVoir `<!-- @inconnu -->` ici."
    assert expand_markers(text, HANDLERS, "docs/fr/x.md") == text


def test_unknown_marker_names_page_line_and_known_markers():
    with pytest.raises(ContentError) as caught:
        expand_markers("ligne un\n<!-- @contacts 119 -->", HANDLERS, "docs/fr/aide.md")
    message = str(caught.value)
    assert "docs/fr/aide.md" in message and "ligne 2" in message and "@contacts" in message and "@crie" in message


def test_every_error_of_a_page_is_reported_at_once():
    with pytest.raises(ContentErrors) as caught:
        expand_markers("<!-- @crie fail -->\n<!-- @autre -->", HANDLERS, "docs/fr/x.md")
    assert len(caught.value.errors) == 2 and "échec voulu" in str(caught.value)


def test_external_links_get_noopener_noreferrer_and_own_links_do_not():
    html = ('<a href="https://example.org/a">x</a><a class="y" href="https://site.test/p">y</a>'
            '<a href="/aide/">z</a><a href="https://other.test/" rel="nofollow">w</a>')
    out = secure_external_links(html, "site.test")
    assert '<a href="https://example.org/a" rel="noopener noreferrer">' in out
    assert '<a class="y" href="https://site.test/p">' in out and '<a href="/aide/">' in out
    assert 'rel="nofollow noopener noreferrer"' in out


def write(tmp_path, name, text):
    file = tmp_path / name
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    return file


def strings_of(tmp_path, texts: dict[str, str]):
    return load_strings(write_data(tmp_path, "interface.yml", None, texts))


def test_strings_missing_translation_is_named(tmp_path):
    with pytest.raises(ContentError, match="en/_data/interface.yml — texte « help ».*pas traduit"):
        strings_of(tmp_path, {"fr": "quit: Quitter\nhelp: Aide\n", "en": "quit: Leave\n"})


def test_strings_missing_language_and_unknown_key_are_named(tmp_path):
    languages = write_data(tmp_path, "interface.yml", None, {"fr": "quit: Quitter\n", "en": "quit: Leave\nqiut: typo\n"})
    with pytest.raises(ContentErrors) as caught:
        load_strings(type(languages)(languages.docs_dir, ("fr", "en", "es"), "fr"))
    message = str(caught.value)
    assert "es/_data/interface.yml" in message and "new_language.py es" in message and "« qiut »" in message


def test_strings_keep_the_words_in_braces(tmp_path):
    with pytest.raises(ContentError) as caught:
        strings_of(tmp_path, {"fr": 'age: "Dès {age} ans"\n', "en": 'age: "From {âge}"\n'})
    message = str(caught.value)
    assert "en/_data/interface.yml — texte « age »" in message and "{âge}" in message and "{age}" in message, message
    assert strings_of(tmp_path, {"fr": 'age: "Dès {age} ans"\n', "en": 'age: "From {age}"\n'})["en"]["age"] == "From {age}"


TERRITORIES = """
organisation: Asso
website: https://asso.test/
source: https://asso.test/lieux
verified: 2026-01-01
verified_how: copie
regions:
  - name: Occitanie
    departements:
      - code: "31"
        name: Haute-Garonne
"""
PLACES = {"fr": '"31": [À Toulouse., À Muret.]\n', "en": '"31": [In Toulouse., In Muret.]\n'}


def territories_of(tmp_path, facts=TERRITORIES, places=None):
    languages = write_data(tmp_path, "territoires.yml", facts, places or PLACES)
    return load_territories(languages.docs_dir / "_data" / "territoires.yml", languages)


def test_territories_valid_and_invalid(tmp_path):
    departement = territories_of(tmp_path).regions[0].departements[0]
    assert departement.code == "31" and [place.what["en"] for place in departement.places] == ["In Toulouse.", "In Muret."]
    with pytest.raises(ContentError, match="n'est pas un numéro de département"):
        territories_of(tmp_path, TERRITORIES.replace('"31"', '"00"'))
    with pytest.raises(ContentError, match="en/_data/territoires.yml — département « 31 » : 1 lieu"):
        territories_of(tmp_path, places={**PLACES, "en": '"31": [In Toulouse.]\n'})
    with pytest.raises(ContentError, match="en/_data/territoires.yml — département « 31 » : les textes"):
        territories_of(tmp_path, places={**PLACES, "en": "{}\n"})


def test_unknown_contact_id_names_the_page_and_the_known_ids():
    from site_map import real_site
    from sitelib.render import contact_markers

    site = real_site()
    handlers = contact_markers(site.contacts, site.ui("fr"))
    with pytest.raises(ContentError) as caught:
        expand_markers("Appelle le <!-- @numero 118 -->", handlers, "docs/fr/articles/x.md")
    message = str(caught.value)
    assert "docs/fr/articles/x.md" in message and "ligne 1" in message and "« 118 » n'existe pas" in message
    assert "119" in message


def test_languages_marker_counts_and_names_a_contacts_other_languages_from_the_data(tmp_path):
    from site_map import real_site
    from sitelib.render import contact_markers

    site = real_site()
    contacts = {**site.contacts, "3919": site.contacts["3919"].model_copy(update={"spoken_languages": ["fr", "en", "cpf", "fa", "fa_AF"]})}
    handlers = contact_markers(contacts, site.ui("fr"))
    text = expand_markers("Dans <!-- @langues 3919 -->.", handlers, "docs/fr/aide.md")
    assert text == "Dans 4 autres langues : anglais, créole, dari et persan."
    english = contact_markers(contacts, site.ui("en"))
    assert expand_markers("<!-- @langues 3919 -->", english, "docs/en/aide.md") == "4 other languages: Creole, Dari, English, and Persian"
    with pytest.raises(ContentError) as caught:
        expand_markers("<!-- @langues 119 -->", handlers, "docs/fr/aide.md")
    assert "ne donne pas d'autre langue" in str(caught.value) and "spoken_languages" in str(caught.value)


def test_contributing_documents_exactly_the_markers_of_the_registry():
    import re

    from site_map import ROOT, real_site
    from sitelib.page_markdown import marker_handlers
    from sitelib.pages import PageContext

    site = real_site()
    registry = set(marker_handlers(site, PageContext("fr/aide.md", "aide/", "fr", "", site.ui("fr")), {}))
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `<!-- @([\w-]+)", guide, re.MULTILINE))
    assert documented == registry, (f"CONTRIBUTING.md, tableau des marqueurs : manquants {sorted(registry - documented)}, "
                                    f"en trop {sorted(documented - registry)}")


def test_a_typo_in_the_footer_contacts_names_mkdocs_yml_and_the_known_ids():
    from site_map import real_site
    from sitelib.site import check_footer_contacts

    contacts = real_site().contacts
    assert check_footer_contacts(["119", "17"], contacts) == []
    [error] = check_footer_contacts(["119", "118"], contacts)
    assert error.file == "mkdocs.yml" and error.place == "extra.footer_contacts" and "118" in error.problem and "3919" in error.fix
    [error] = check_footer_contacts(None, contacts)
    assert "footer_contacts" in error.fix
