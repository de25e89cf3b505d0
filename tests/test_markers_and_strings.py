"""Markers in Markdown, interface strings and local-help data: behaviour and French errors."""

import textwrap

import pytest

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


def test_strings_missing_translation_is_named(tmp_path):
    file = write(tmp_path, "interface.yml", "fr:\n  quit: Quitter\n  help: Aide\nen:\n  quit: Leave\n")
    with pytest.raises(ContentError, match="« help ».*pas traduit"):
        load_strings(file, ["fr", "en"], "fr")


def test_strings_missing_language_and_unknown_key_are_named(tmp_path):
    file = write(tmp_path, "interface.yml", "fr:\n  quit: Quitter\nen:\n  quit: Leave\n  qiut: typo\n")
    with pytest.raises(ContentErrors) as caught:
        load_strings(file, ["fr", "en", "es"], "fr")
    message = str(caught.value)
    assert "« es »" in message and "« qiut »" in message


TERRITORIES = """
organisation: Asso
website: https://asso.test/
source: https://asso.test/lieux
verified: 2026-01-01
regions:
  - name: Occitanie
    departements:
      - code: "31"
        name: Haute-Garonne
        places:
          - what: {fr: À Toulouse., en: In Toulouse.}
"""


def test_territories_valid_and_invalid(tmp_path):
    assert load_territories(write(tmp_path, "t.yml", TERRITORIES), ["fr", "en"]).regions[0].departements[0].code == "31"
    with pytest.raises(ContentError, match="n'est pas un numéro de département"):
        load_territories(write(tmp_path, "t.yml", TERRITORIES.replace('"31"', '"00"')), ["fr", "en"])
    with pytest.raises(ContentError, match="langue\\(s\\) : en"):
        load_territories(write(tmp_path, "t.yml", TERRITORIES.replace(", en: In Toulouse.", "")), ["fr", "en"])


def test_unknown_contact_id_names_the_page_and_the_known_ids():
    from site_map import DOCS, LANGUAGES
    from sitelib.contacts import load_contacts
    from sitelib.render import contact_markers

    contacts = load_contacts(DOCS / "_data" / "contacts.yml", LANGUAGES)
    handlers = contact_markers(contacts, {"_lang": "fr"})
    with pytest.raises(ContentError) as caught:
        expand_markers("Appelle le <!-- @numero 118 -->", handlers, "docs/fr/articles/x.md")
    message = str(caught.value)
    assert "docs/fr/articles/x.md" in message and "ligne 1" in message and "« 118 » n'existe pas" in message
    assert "119" in message


def test_languages_marker_counts_and_names_a_contacts_other_languages_from_the_data(tmp_path):
    from site_map import DOCS, interface_strings
    from sitelib.contacts import load_contacts
    from sitelib.render import contact_markers

    data = tmp_path / "contacts.yml"
    data.write_text((DOCS / "_data" / "contacts.yml").read_text(encoding="utf-8")
                    .replace("spoken_languages: [fr, en, ar, es, he, kab, cmn, cpf,", "spoken_languages: [fr, en, cpf,")
                    .replace(" pl, pt, tr]", "]"), encoding="utf-8")
    ui = {**interface_strings("fr"), "_lang": "fr"}
    contacts = load_contacts(data, ["fr", "en"], frozenset({"cpf"}))
    handlers = contact_markers(contacts, ui)
    text = expand_markers("Dans <!-- @langues 3919 -->.", handlers, "docs/fr/aide.md")
    assert text == "Dans 4 autres langues : anglais, créole, dari, persan."
    english = contact_markers(contacts, {**interface_strings("en"), "_lang": "en"})
    assert expand_markers("<!-- @langues 3919 -->", english, "docs/en/aide.md") == "4 other languages: Creole, Dari, English, Persian"
    with pytest.raises(ContentError) as caught:
        expand_markers("<!-- @langues 119 -->", handlers, "docs/fr/aide.md")
    assert "ne donne pas d'autre langue" in str(caught.value) and "spoken_languages" in str(caught.value)
