"""Help contacts: one data file, one schema, numbers validated with ``phonenumbers``.

Language-independent facts (numbers, links, flags) are typed once; the text a reader reads
(name, description, hours, what happens when you call) exists once per language.
"""

import datetime
import re
from pathlib import Path
from typing import Literal

import phonenumbers
from babel import Locale
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from .data import HowChecked, Identifier, Refused, load_records_and_texts, read_yaml
from .errors import raise_all
from .languages import Languages
from .territories import is_departement_code

Audience = Literal["mineurs", "jeunes-adultes", "adultes", "femmes", "proches", "professionnels", "tous"]
Topic = Literal[
    "danger-immediat", "prostitution", "exploitation", "violences-sexuelles", "violences-en-ligne",
    "harcelement", "sante", "signalement", "droits-des-victimes", "fugue",
]


def parse_french_number(raw: str) -> phonenumbers.PhoneNumber:
    """Parse a number as dialled in France; raise Refused (in French) if it is not valid.

    Short numbers (17, 119, 3919, 116 006…) are checked as French short numbers, others as full numbers.
    """
    try:
        number = phonenumbers.parse(raw, "FR")
    except phonenumbers.NumberParseException:
        raise Refused(f"« {raw} » n'est pas un numéro de téléphone.", "écrivez le numéro en chiffres, entre guillemets (ex. \"119\", "
                      "\"0800081111\").") from None
    if phonenumbers.is_valid_short_number(number) or phonenumbers.is_valid_number(number):
        return number
    raise Refused(f"« {raw} » n'est pas un numéro valide en France (ni numéro court, ni numéro complet) : un chiffre manque ou est faux ?",
                  "recopiez le numéro depuis la source du contact (« source »), chiffre par chiffre.")


def number_key(raw: str) -> str:
    """The same key for every way of writing one number: « 0 800 08 11 11 », « 0800081111 », « +33 800 08 11 11 »."""
    try:
        return str(phonenumbers.parse(raw, "FR").national_number)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", raw)


def help_numbers(contacts: dict[str, "Contact"]) -> dict[str, str]:
    """Every number of the contacts (to call or to text), by number_key → contact id."""
    return {number_key(number): contact.id for contact in contacts.values() for number in (contact.phone, contact.sms) if number}


def is_short(number: phonenumbers.PhoneNumber) -> bool:
    return not phonenumbers.is_valid_number(number)


def display_number(raw: str) -> str:
    """The number as French readers usually see it written: « 119 », « 116 006 », « 0 800 235 236 »."""
    number = parse_french_number(raw)
    national = str(number.national_number)
    if not is_short(number) and national.startswith("8"):
        # Freephone and special-rate numbers are written 0 8XX XXX XXX in France.
        return f"0 {national[:3]} {national[3:6]} {national[6:]}"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def dial_uri(raw: str, scheme: Literal["tel", "sms"] = "tel") -> str:
    """A ``tel:`` or ``sms:`` URI that dials correctly: short numbers as they are, others in E.164."""
    number = parse_french_number(raw)
    if is_short(number):
        return f"{scheme}:{number.national_number}"
    return f"{scheme}:{phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)}"


# interface.yml names, per interface language, the languages Babel does not know: language_<code>.
LANGUAGE_NAME_PREFIX = "language_"


class ContactText(BaseModel):
    """What a reader reads about a contact, in one language."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(min_length=1)
    short: str = Field(min_length=1, description="Ce que c'est, en quelques mots (bouton, pied de page).")
    description: str = Field(min_length=1)
    hours: str = Field(min_length=1)
    what_happens: str | None = None


class Contact(BaseModel):
    # The schema says « reachable » too (the build says it in French: the validator below).
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              json_schema_extra={"anyOf": [{"required": [way]} for way in ("phone", "sms", "website", "chat")]})
    id: Identifier
    phone: str | None = None
    sms: str | None = None
    voice: bool = True
    website: HttpUrl | None = None
    chat: HttpUrl | None = None
    free: bool
    anonymous: bool
    off_bill: bool
    always_open: bool
    emergency: bool = False
    audiences: list[Audience] = Field(min_length=1)
    topics: list[Topic] = Field(min_length=1)
    scope: Literal["national"] | list[str] = "national"
    spoken_languages: list[str] = ["fr"]  # language codes; see LANGUAGE_NAME_PREFIX
    source: HttpUrl
    verified: datetime.date
    verified_how: HowChecked
    text: dict[str, ContactText] = {}  # language → texts, from docs/<langue>/_data/contacts.yml

    @field_validator("phone", "sms")
    @classmethod
    def valid_number(cls, value: str | None) -> str | None:
        if value is not None:
            parse_french_number(value)
        return value

    @field_validator("spoken_languages")
    @classmethod
    def known_languages(cls, codes: list[str], info: ValidationInfo) -> list[str]:
        # Babel names most languages; interface.yml names the others (language_<code>).
        named_by_site = (info.context or {}).get("named_languages", set())
        unknown = [code for code in codes if Locale("fr").languages.get(code) is None and code not in named_by_site]
        if unknown:
            raise Refused(f"code(s) de langue inconnu(s) : {', '.join(unknown)}.",
                          "écrivez le code de la langue (ex. fr, en, ar) ; pour une langue sans code connu, ajoutez "
                          "« language_<code>: nom » dans docs/_data/interface.yml.")
        return codes

    @field_validator("scope")
    @classmethod
    def departements(cls, scope):
        if isinstance(scope, list):
            wrong = [code for code in scope if not is_departement_code(code)]
            if wrong:
                raise Refused(f"numéro(s) de département invalide(s) : {', '.join(wrong)}.",
                              "écrivez chaque département par son numéro, entre guillemets : [\"75\", \"2A\", \"974\"].")
        return scope

    @field_validator("verified")
    @classmethod
    def not_in_future(cls, day: datetime.date) -> datetime.date:
        if day > datetime.date.today():
            raise Refused(f"la date de vérification {day.isoformat()} est dans le futur.",
                          "écrivez le jour où la source a vraiment été relue (AAAA-MM-JJ).")
        return day

    @model_validator(mode="after")
    def reachable(self):
        if not (self.phone or self.sms or self.website or self.chat):
            raise Refused("ce contact n'a aucun moyen d'être joint.", "ajoutez au moins l'un de : phone, sms, website, chat.")
        return self


def site_named_languages(languages: Languages) -> frozenset[str]:
    """Language codes the site names itself: the ``language_<code>`` texts of each interface.yml."""
    named = set()
    for language in languages.ordered():
        path = languages.data_file(language, "interface.yml")
        block = read_yaml(path) if path.exists() else {}
        named |= {key.removeprefix(LANGUAGE_NAME_PREFIX) for key in (block if isinstance(block, dict) else {})
                  if key.startswith(LANGUAGE_NAME_PREFIX)}
    return frozenset(named)


def load_contacts(path: Path, languages: Languages, named_languages: frozenset[str] | None = None) -> dict[str, Contact]:
    """Read and validate every contact (facts in ``path``, texts in each language's contacts.yml); raise
    all errors at once, in French. ``named_languages``: language codes the site names itself beyond
    those Babel knows; by default those of the interface files."""
    if named_languages is None:
        named_languages = site_named_languages(languages)
    records, errors = load_records_and_texts(path, Contact, ContactText, languages, "contact", {"named_languages": named_languages})
    raise_all(errors)
    return {record.id: record for record in records}

