"""The contacts schema: every rule has a bad input, and each error names file, contact and field in French."""

import datetime
import textwrap

import pytest

from sitelib.contacts import dial_uri, display_number, load_contacts, stale_contacts
from sitelib.errors import ContentError, ContentErrors

VALID = """
- id: "119"
  phone: "119"
  free: true
  anonymous: true
  off_bill: true
  always_open: true
  audiences: [mineurs]
  topics: [prostitution]
  source: https://allo119.gouv.fr/
  verified: 2026-01-15
  text:
    fr: {name: Allô 119, short: Moins de 18 ans, description: Écoute., hours: 24 h/24}
    en: {name: Allo 119, short: Under 18, description: Listening., hours: 24/7}
"""


def load(tmp_path, text: str):
    file = tmp_path / "contacts.yml"
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_contacts(file, ["fr", "en"])


def test_valid_file_loads(tmp_path):
    contacts = load(tmp_path, VALID)
    assert list(contacts) == ["119"] and contacts["119"].text["en"].short == "Under 18"


BAD_INPUTS = {
    "numéro invalide": (VALID.replace('phone: "119"', 'phone: "1199"'), "phone", "n'est pas un numéro valide"),
    "pas un numéro": (VALID.replace('phone: "119"', 'phone: "allo"'), "phone", "n'est pas un numéro"),
    "champ manquant": (VALID.replace("  free: true\n", ""), "free", "obligatoire manque"),
    "champ inconnu": (VALID.replace("  free: true\n", "  free: true\n  gratuit: true\n"), "gratuit", "n'est pas connu"),
    "public inconnu": (VALID.replace("[mineurs]", "[ados]"), "audiences.0", "« ados » n'est pas permise"),
    "thème inconnu": (VALID.replace("[prostitution]", "[foot]"), "topics.0", "« foot » n'est pas permise"),
    "traduction manquante": (VALID.replace("    en: {name: Allo 119, short: Under 18, description: Listening., hours: 24/7}\n", ""),
                             "text", "langue(s) : en"),
    "description vide": (VALID.replace("description: Listening.", 'description: ""'), "text.en.description", "vide"),
    "date mal écrite": (VALID.replace("2026-01-15", "15/01/2026"), "verified", "AAAA-MM-JJ"),
    "date future": (VALID.replace("2026-01-15", "2999-01-01"), "verified", "dans le futur"),
    "source pas une adresse": (VALID.replace("https://allo119.gouv.fr/", "allo119"), "source", "https://"),
    "aucun moyen de contact": (VALID.replace('  phone: "119"\n', ""), "(racine)", "au moins un moyen"),
    "département inconnu": (VALID.replace("  free: true\n", '  free: true\n  scope: ["99"]\n'), "scope", "département"),
    "langue parlée inconnue": (VALID.replace("  free: true\n", "  free: true\n  spoken_languages: [xx]\n"), "spoken_languages", "xx"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_refused_with_a_french_message(tmp_path, case):
    text, field, words = BAD_INPUTS[case]
    with pytest.raises((ContentError, ContentErrors)) as caught:
        load(tmp_path, text)
    message = str(caught.value)
    assert "contacts.yml" in message and 'contact « 119 »' in message, message
    assert f"champ « {field} »" in message and words in message, message
    assert "À faire" in message, message


def test_duplicate_id_is_refused(tmp_path):
    with pytest.raises(ContentError, match="déjà utilisé"):
        load(tmp_path, VALID + VALID)


def test_yaml_syntax_error_names_the_line(tmp_path):
    with pytest.raises(ContentError, match="ligne 3"):
        load(tmp_path, "- id: x\n  phone: '17'\n    free: [\n")


@pytest.mark.parametrize("raw, shown, uri", [
    ("17", "17", "tel:17"), ("119", "119", "tel:119"), ("3919", "3919", "tel:3919"),
    ("116006", "116 006", "tel:116006"), ("0800235236", "0 800 235 236", "tel:+33800235236"),
    ("+33 1 80 52 33 76", "01 80 52 33 76", "tel:+33180523376"),
])
def test_numbers_are_shown_the_french_way_and_dial_correctly(raw, shown, uri):
    assert display_number(raw) == shown
    assert dial_uri(raw) == uri


def test_stale_contacts_are_listed_oldest_first(tmp_path):
    contacts = load(tmp_path, VALID + VALID.replace('"119"', '"3919"').replace("2026-01-15", "2024-01-01"))
    today = datetime.date(2026, 6, 1)
    assert [c.id for c in stale_contacts(contacts, today, 365)] == ["3919"]
    assert [c.id for c in stale_contacts(contacts, today, 100)] == ["3919", "119"]


def test_a_language_unknown_to_babel_is_accepted_once_the_site_names_it(tmp_path):
    creole = VALID.replace("  free: true\n", "  free: true\n  spoken_languages: [fr, cpf]\n")
    with pytest.raises(ContentError) as caught:
        load(tmp_path, creole)
    assert "cpf" in str(caught.value) and "language_<code>" in str(caught.value)
    # By default the names come from interface.yml, beside contacts.yml.
    (tmp_path / "interface.yml").write_text("fr:\n  language_cpf: créole\nen:\n  language_cpf: Creole\n", encoding="utf-8")
    assert load(tmp_path, creole)["119"].spoken_languages == ["fr", "cpf"]
