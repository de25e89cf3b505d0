"""HTML fragments for help contacts, in the page's language (every number on the site comes from here),
and the grouped lists that end the listings."""

import unicodedata
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list

from .contacts import LANGUAGE_NAME_PREFIX, Contact, dial_uri, display_number
from .markers import MarkerProblem
from .templating import render


def language_names(codes: list[str], ui) -> list[str]:
    """Names of languages in the page's language, in alphabetical order (accents ignored)."""
    names = [ui.get(LANGUAGE_NAME_PREFIX + code) or Locale(ui.language).languages[code] for code in codes]
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


def inline_number(contact: Contact, ui) -> str:
    """A number inside a sentence: « appelle le <a href="tel:119">119</a> » (the service's site if it has no number)."""
    uri, shown = main_action(contact) or (None, None)
    return render("inline-number.html", uri=uri, shown=shown, website=str(contact.website or contact.chat),
                  name=contact.text[ui.language].name)


def number_buttons(contacts: list[Contact], ui) -> str:
    """Large one-tap buttons, for first screens and the footer."""
    numbers = []
    for contact in contacts:
        action = main_action(contact)
        if action is None:
            continue
        uri, shown = action
        numbers.append({"uri": uri, "shown": shown, "verb": ui["sms_to"] if uri.startswith("sms:") else ui["call"],
                        "label": contact.text[ui.language].short})
    return render("number-buttons.html", numbers=numbers)


def host_of(url) -> str:
    """« example.org » for https://www.example.org/page: the site a link leads to, as a reader recognises it."""
    return urlsplit(str(url)).hostname.removeprefix("www.")


def contact_card(contact: Contact, ui) -> str:
    """Everything a reader needs to decide to call: what it is, how, when, cost, anonymity, source."""
    actions = []
    if contact.phone and contact.voice:
        actions.append({"classes": "pav-button", "href": dial_uri(contact.phone), "text": ui["call"],
                        "number": display_number(contact.phone)})
    if contact.sms:
        actions.append({"classes": "pav-button", "href": dial_uri(contact.sms, "sms"), "text": ui["sms_to"],
                        "number": display_number(contact.sms)})
    if contact.chat:
        actions.append({"classes": "pav-button pav-button--secondary", "href": str(contact.chat), "text": ui["chat"]})
    if contact.website and contact.website != contact.chat:
        actions.append({"classes": "pav-button pav-button--secondary", "href": str(contact.website),
                        "text": f'{ui["website"]} {host_of(contact.website)}'})
    facts = [f'{ui["hours"]} {contact.text[ui.language].hours}']
    if contact.sms and not contact.voice:
        facts.append(ui["sms_only"])
    facts += [ui[flag] for flag in ("free", "anonymous", "off_bill") if getattr(contact, flag)]
    if contact.spoken_languages != ["fr"]:
        facts.append(f'{ui["spoken_languages"]} {listed(language_names(contact.spoken_languages, ui), ui)}')
    return render("contact-card.html", ui=ui, ident=contact.id, text=contact.text[ui.language], actions=actions, facts=facts,
                  source=str(contact.source), source_host=host_of(contact.source), verified=contact.verified, verified_how=contact.verified_how,
                  verified_shown=format_date(contact.verified, "long", locale=ui.language))


def other_languages(codes: list[str], ui) -> str:
    """« 3 autres langues : anglais, arabe, espagnol » (plain text, for the @langues marker)."""
    return render("other-languages.html", ui=ui, count=len(codes), names=listed(language_names(codes, ui), ui))


def listed(names: list[str], ui) -> str:
    """« anglais, arabe et créole », « 英语、阿拉伯语和克里奥尔语 »: a list as the page's language writes it."""
    return format_list(names, locale=ui.language) if names else ""


def listing_sections(sections: list[tuple[str, list]]) -> str:
    """The grouped lists that end a listing (workshop sheets, videos), each under its Markdown heading:
    without JavaScript they are the filters. ``sections``: (heading, groups), each group (heading, id or
    None, [(href, title)]); a group with no link is left out (templates/listing-groups.html)."""
    return "".join(f"## {heading}\n\n" + render("listing-groups.html", groups=[group for group in groups if group[2]]) + "\n\n"
                   for heading, groups in sections)


def contact_markers(contacts: dict[str, Contact], ui) -> dict:
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
        return other_languages(others, ui)

    return {
        "contact": lambda arguments: "\n\n" + "\n".join(contact_card(c, ui) for c in ids(arguments)) + "\n\n",
        "numeros": lambda arguments: "\n\n" + number_buttons(ids(arguments), ui) + "\n\n",
        "numero": numero,
        "langues": langues,
    }
