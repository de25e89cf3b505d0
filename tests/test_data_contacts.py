"""The contacts schema: every rule has a bad input, and each error names file, contact and field in French."""

import datetime
import sys

import pytest

from site_map import DOCS, write_data
from sitelib.contacts import dial_uri, display_number, load_contacts
from sitelib.errors import ContentError, ContentErrors

sys.path.insert(0, str(DOCS.parent / "scripts"))
import check_contacts  # noqa: E402
from check_contacts import Checked  # noqa: E402

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
  verified_how: copie
"""
TEXTS = {"fr": '"119": {name: Allô 119, short: Moins de 18 ans, description: Écoute., hours: 24 h/24}\n',
         "en": '"119": {name: Allo 119, short: Under 18, description: Listening., hours: 24/7}\n'}


def load(tmp_path, facts: str = VALID, texts: dict | None = None, **options):
    languages = write_data(tmp_path, "contacts.yml", facts, texts or TEXTS, **options)
    return load_contacts(languages.docs_dir / "_data" / "contacts.yml", languages)


def refused(tmp_path, *arguments, **options) -> str:
    with pytest.raises((ContentError, ContentErrors)) as caught:
        load(tmp_path, *arguments, **options)
    message = str(caught.value)
    assert "À faire" in message, message
    return message


def test_valid_files_load_facts_once_and_texts_per_language(tmp_path):
    contacts = load(tmp_path)
    assert list(contacts) == ["119"] and contacts["119"].text["en"].short == "Under 18"
    assert contacts["119"].text["fr"].short == "Moins de 18 ans" and contacts["119"].phone == "119"


BAD_FACTS = {
    "numéro invalide": (VALID.replace('phone: "119"', 'phone: "1199"'), "phone", "n'est pas un numéro valide"),
    "pas un numéro": (VALID.replace('phone: "119"', 'phone: "allo"'), "phone", "n'est pas un numéro"),
    "champ manquant": (VALID.replace("  free: true\n", ""), "free", "obligatoire manque"),
    "champ inconnu": (VALID.replace("  free: true\n", "  free: true\n  gratuit: true\n"), "gratuit", "n'est pas connu"),
    "public inconnu": (VALID.replace("[mineurs]", "[ados]"), "audiences.0", "« ados » n'est pas permise"),
    "thème inconnu": (VALID.replace("[prostitution]", "[foot]"), "topics.0", "« foot » n'est pas permise"),
    "date mal écrite": (VALID.replace("2026-01-15", "15/01/2026"), "verified", "AAAA-MM-JJ"),
    "date qui n'existe pas": (VALID.replace("2026-01-15", "2026-02-30"), "verified", "« 2026-02-30 » n'existe pas"),
    "date future": (VALID.replace("2026-01-15", "2999-01-01"), "verified", "dans le futur"),
    "vérification sans sa manière": (VALID.replace("  verified_how: copie\n", ""), "verified_how", "obligatoire manque"),
    "manière de vérifier inconnue": (VALID.replace("verified_how: copie", "verified_how: relu"), "verified_how", "« relu » n'est pas permise"),
    "source pas une adresse": (VALID.replace("https://allo119.gouv.fr/", "allo119"), "source", "https://"),
    "aucun moyen de contact": (VALID.replace('  phone: "119"\n', ""), "(racine)", "aucun moyen d'être joint"),
    "département inconnu": (VALID.replace("  free: true\n", '  free: true\n  scope: ["99"]\n'), "scope", "département"),
    "langue parlée inconnue": (VALID.replace("  free: true\n", "  free: true\n  spoken_languages: [xx]\n"), "spoken_languages", "xx"),
}


@pytest.mark.parametrize("case", BAD_FACTS)
def test_bad_facts_are_refused_with_a_french_message(tmp_path, case):
    facts, field, words = BAD_FACTS[case]
    message = refused(tmp_path, facts)
    assert "docs/_data/contacts.yml" in message and 'contact « 119 »' in message, message
    assert f"champ « {field} »" in message and words in message, message


BAD_TEXTS = {
    "traduction manquante": ({**TEXTS, "en": '"17": {name: x, short: x, description: x, hours: x}\n'},
                             "en/_data/contacts.yml", ["contact « 119 »", "manquent", "contact « 17 »", "n'existe pas"]),
    "description vide": ({**TEXTS, "en": TEXTS["en"].replace("description: Listening.", 'description: ""')},
                         "en/_data/contacts.yml", ["champ « description »", "vide"]),
    "champ inconnu": ({**TEXTS, "fr": TEXTS["fr"].replace("hours:", "heures:")}, "fr/_data/contacts.yml",
                      ["champ « heures »", "n'est pas connu", "champ « hours »", "obligatoire"]),
    "fichier d'une langue absent": ({"fr": TEXTS["fr"], "en": None}, "en/_data/contacts.yml", ["textes de cette langue manquent",
                                                                                           "untranslated"]),
}


@pytest.mark.parametrize("case", BAD_TEXTS)
def test_bad_texts_name_the_languages_file(tmp_path, case):
    texts, file, words = BAD_TEXTS[case]
    if texts["en"] is None:
        languages = write_data(tmp_path, "contacts.yml", VALID, {"fr": texts["fr"]})
        languages = type(languages)(languages.docs_dir, ("fr", "en"), "fr", {})
        with pytest.raises((ContentError, ContentErrors)) as caught:
            load_contacts(languages.docs_dir / "_data" / "contacts.yml", languages)
        message = str(caught.value)
    else:
        message = refused(tmp_path, VALID, texts)
    assert f"docs/{file}" in message, message
    assert all(word in message for word in words), message


def test_a_language_declared_untranslated_shows_the_default_languages_texts(tmp_path):
    for patterns in (["_data/contacts.yml"], ["*"]):
        write_data(tmp_path, "contacts.yml", VALID, {"fr": TEXTS["fr"]})
        from sitelib.languages import Languages
        languages = Languages(tmp_path / "docs", ("fr", "en"), "fr", {"en": patterns})
        contacts = load_contacts(languages.docs_dir / "_data" / "contacts.yml", languages)
        assert contacts["119"].text["en"].short == "Moins de 18 ans", patterns


def test_duplicate_id_is_refused(tmp_path):
    assert "déjà utilisé" in refused(tmp_path, VALID + VALID)


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


def test_check_contacts_lists_copies_vague_sources_and_old_checks_oldest_first():
    items = [Checked("contact « 119 »", "https://allo119.gouv.fr/prostitution", datetime.date(2026, 1, 15), "en-ligne"),
             Checked("contact « 3919 »", "https://solidaritefemmes.org/", datetime.date(2024, 1, 1), "copie"),
             Checked("aide locale", "https://asso.test/lieux", datetime.date(2025, 1, 1), "appel")]
    found = check_contacts.report(datetime.date(2026, 6, 1), 365, 730, items)
    assert [line.split(" :")[0].strip() for line in found.not_live] == ["- contact « 3919 »"]
    assert [line.split(" :")[0].strip() for line in found.vague_sources] == ["- contact « 3919 »"]
    assert [line.split(" :")[0].strip() for line in found.to_recheck] == ["- contact « 3919 »", "- aide locale"]
    assert [line.split(" :")[0].strip() for line in found.overdue] == ["- contact « 3919 »"]


def test_check_contacts_lists_every_contact_of_the_site():
    names = {item.name for item in check_contacts.checked_items()}
    assert {"contact « 119 »", "contact « 15 »", "aide locale (territoires.yml)"} <= names


def test_a_language_unknown_to_babel_is_accepted_once_the_site_names_it(tmp_path):
    creole = VALID.replace("  free: true\n", "  free: true\n  spoken_languages: [fr, cpf]\n")
    message = refused(tmp_path, creole)
    assert "cpf" in message and "language_<code>" in message
    # By default the names come from each language's interface.yml.
    write_data(tmp_path, "interface.yml", None, {"fr": "language_cpf: créole\n", "en": "language_cpf: Creole\n"})
    assert load(tmp_path, creole)["119"].spoken_languages == ["fr", "cpf"]
