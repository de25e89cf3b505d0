"""HTML fragments for help contacts, in the page's language. Every number on the site comes from here."""

import unicodedata
from html import escape
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import format_date

from .contacts import LANGUAGE_NAME_PREFIX, Contact, dial_uri, display_number
from .markers import MarkerProblem

EXTERNAL = 'rel="noopener noreferrer"'


def language_names(codes: list[str], ui: dict[str, str]) -> list[str]:
    """Names of languages in the page's language, in alphabetical order (accents ignored)."""
    names = [ui.get(LANGUAGE_NAME_PREFIX + code) or Locale(ui["_lang"]).languages[code] for code in codes]
    return sorted(names, key=lambda name: unicodedata.normalize("NFD", name.casefold()))


def find(contacts: dict[str, Contact], ident: str) -> Contact:
    if ident not in contacts:
        raise MarkerProblem(f"le contact « {ident} » n'existe pas dans docs/_data/contacts.yml.",
                            f"utilisez un id existant : {', '.join(sorted(contacts))}.")
    return contacts[ident]


def main_action(contact: Contact) -> tuple[str, str] | None:
    """The one-tap action of a contact: (URI, visible number), phone first, SMS for text-only services."""
    if contact.phone and contact.voice:
        return dial_uri(contact.phone, "tel"), display_number(contact.phone)
    if contact.sms:
        return dial_uri(contact.sms, "sms"), display_number(contact.sms)
    return None


def inline_number(contact: Contact, ui: dict[str, str]) -> str:
    """A number inside a sentence: « appelle le <a href="tel:119">119</a> »."""
    action = main_action(contact)
    if action is None:
        return f'<a href="{escape(str(contact.website or contact.chat))}" {EXTERNAL}>{escape(contact.text[ui["_lang"]].name)}</a>'
    uri, shown = action
    return f'<a class="pav-tel" href="{uri}">{shown}</a>'


def number_buttons(contacts: list[Contact], ui: dict[str, str]) -> str:
    """Large one-tap buttons, for first screens and the footer."""
    language = ui["_lang"]
    items = []
    for contact in contacts:
        action = main_action(contact)
        if action is None:
            continue
        uri, shown = action
        verb = ui["sms_to"] if uri.startswith("sms:") else ui["call"]
        items.append(
            f'<li><a class="pav-number" href="{uri}"><span class="pav-sr-only">{escape(verb)} </span>'
            f'<span class="pav-number__digits">{shown}</span> '
            f'<span class="pav-number__label">{escape(contact.text[language].short)}</span></a></li>'
        )
    return f'<ul class="pav-numbers" data-search-exclude>{"".join(items)}</ul>'


def contact_card(contact: Contact, ui: dict[str, str]) -> str:
    """Everything a reader needs to decide to call: what it is, how, when, cost, anonymity, source."""
    language = ui["_lang"]
    text = contact.text[language]
    actions = []
    if contact.phone and contact.voice:
        actions.append(f'<a class="pav-button" href="{dial_uri(contact.phone)}">{escape(ui["call"])} {display_number(contact.phone)}</a>')
    if contact.sms:
        actions.append(f'<a class="pav-button" href="{dial_uri(contact.sms, "sms")}">{escape(ui["sms_to"])} {display_number(contact.sms)}</a>')
    if contact.chat:
        actions.append(f'<a class="pav-button pav-button--secondary" href="{escape(str(contact.chat))}" {EXTERNAL}>{escape(ui["chat"])}</a>')
    if contact.website and contact.website != contact.chat:
        host = urlsplit(str(contact.website)).hostname.removeprefix("www.")
        actions.append(f'<a class="pav-button pav-button--secondary" href="{escape(str(contact.website))}" {EXTERNAL}>{escape(ui["website"])} {host}</a>')
    facts = [f'{escape(ui["hours"])} {escape(text.hours)}']
    if contact.sms and not contact.voice:
        facts.append(escape(ui["sms_only"]))
    for flag in ("free", "anonymous", "off_bill"):
        if getattr(contact, flag):
            facts.append(escape(ui[flag]))
    if contact.spoken_languages != ["fr"]:
        facts.append(f'{escape(ui["spoken_languages"])} {escape(", ".join(language_names(contact.spoken_languages, ui)))}')
    what_happens = f'<p>{escape(text.what_happens)}</p>' if text.what_happens else ""
    source_host = urlsplit(str(contact.source)).hostname.removeprefix("www.")
    verified = format_date(contact.verified, "long", locale=language)
    return (
        f'<div class="pav-contact" data-contact="{contact.id}" data-search-exclude>'
        f'<p class="pav-contact__name"><strong>{escape(text.name)}</strong></p>'
        f'<p>{escape(text.description)}</p>{what_happens}'
        f'<p class="pav-contact__actions">{" ".join(actions)}</p>'
        f'<ul class="pav-contact__facts">{"".join(f"<li>{fact}</li>" for fact in facts)}</ul>'
        f'<p class="pav-contact__meta">{escape(ui["source"])} <a href="{escape(str(contact.source))}" {EXTERNAL}>{source_host}</a>'
        f' · <span class="pav-verified">{escape(ui["verified_on"])} <time datetime="{contact.verified.isoformat()}">{verified}</time></span></p>'
        f'</div>'
    )


def contact_markers(contacts: dict[str, Contact], ui: dict[str, str]) -> dict:
    """The markers a volunteer can type to place contacts in a page."""

    def ids(arguments: list[str]) -> list[Contact]:
        if not arguments:
            raise MarkerProblem("ce marqueur attend au moins un id de contact.", "écrivez par exemple <!-- @contact 119 -->.")
        return [find(contacts, ident) for ident in arguments]

    def numero(arguments: list[str]) -> str:
        if len(arguments) != 1:
            raise MarkerProblem("ce marqueur attend un seul id de contact.", "écrivez par exemple <!-- @numero 119 -->.")
        return inline_number(find(contacts, arguments[0]), ui)

    def langues(arguments: list[str]) -> str:
        if len(arguments) != 1:
            raise MarkerProblem("ce marqueur attend un seul id de contact.", "écrivez par exemple <!-- @langues 3919 -->.")
        others = [code for code in find(contacts, arguments[0]).spoken_languages if code != "fr"]
        if not others:
            raise MarkerProblem(f"le contact « {arguments[0]} » ne donne pas d'autre langue que le français.",
                                "ajoutez ses langues dans « spoken_languages » de docs/_data/contacts.yml, ou retirez le marqueur.")
        return escape(ui["other_languages"].format(count=len(others), names=", ".join(language_names(others, ui))))

    return {
        "contact": lambda arguments: "\n\n" + "\n".join(contact_card(c, ui) for c in ids(arguments)) + "\n\n",
        "numeros": lambda arguments: "\n\n" + number_buttons(ids(arguments), ui) + "\n\n",
        "numero": numero,
        "langues": langues,
    }
