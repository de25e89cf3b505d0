"""Workshop sheets for professionals (docs/<langue>/pros/ateliers/<id>.md): a validated front matter
describes each sheet; the build adds its summary box, its hand-outs and the listing with filters."""

from pathlib import Path
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .data import Refused, validate
from .errors import ContentError, raise_all
from .pages import H1, own_fields, read_page
from .render import contact_card, listing_sections
from .templating import Markup, render


def pair(name: str, low: int, high: int):
    def check(values: list[int]) -> list[int]:
        if len(values) != 2 or not (low <= values[0] <= values[1] <= high):
            raise Refused(f"{name} attend deux nombres [minimum, maximum] entre {low} et {high}.",
                          f"écrivez par exemple [{low}, {high}], le plus petit d'abord.")
        return values
    return check


class Workshop(BaseModel):
    """The front matter of a workshop sheet."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    description: str = Field(min_length=1)
    age: list[int]
    duration: int = Field(ge=15, le=240)
    group: list[int]
    themes: list[str] = Field(min_length=1)
    objectives: list[str] = Field(min_length=1)
    material: list[str] = Field(min_length=1)
    stories: list[str] = []
    related_terms: list[str] = []
    contacts: list[str] = Field(min_length=1)

    _age = field_validator("age")(pair("l'âge", 8, 30))
    _group = field_validator("group")(pair("le groupe", 1, 60))

    @model_validator(mode="after")
    def known_references(self, info: ValidationInfo):
        known = info.context or {}
        problems = []
        for field, kind in (("themes", "terms"), ("related_terms", "terms"), ("stories", "stories"), ("contacts", "contacts")):
            unknown = [value for value in getattr(self, field) if value not in known.get(kind, set())]
            if unknown:
                problems.append(f"{field} : {', '.join(map(str, unknown))} inconnu(s)")
        if problems:
            raise Refused("références inconnues — " + " ; ".join(problems) + ".",
                          "corrigez l'identifiant : celui d'un terme du lexique (nom du fichier dans lexique/), d'une histoire "
                          "(nom du fichier dans histoires/) ou d'un contact (id dans docs/_data/contacts.yml).")
        return self


# Keys any page may carry besides a sheet's own front matter.
PAGE_KEYS = {"title", "lexicon_links"}


def check_workshop(meta: dict, file: str, known: dict) -> Workshop:
    workshop, errors = validate(Workshop, meta, file, "en-tête", known)
    raise_all(errors)
    return workshop


def load_workshops(folder: Path, known: dict) -> list[tuple[str, str, Workshop]]:
    """(id, title, sheet) of every sheet in a language's folder, every front matter checked."""
    sheets, errors = [], []
    for path in sorted(folder.glob("*.md")):
        if path.name == "index.md":
            continue
        source, found = read_page(path)
        if source and not source.title:
            found.append(ContentError(source.file, "titre", "le titre de la fiche (# …) manque.", "ajoutez « # Titre » après l'en-tête."))
        errors += found
        if found:
            continue
        sheet, found = validate(Workshop, {k: v for k, v in own_fields(source.meta).items() if k not in PAGE_KEYS}, source.file, "en-tête", known)
        errors += found
        if sheet:
            sheets.append((path.stem, source.title, sheet))
    raise_all(errors)
    return sheets


def summary_box(workshop: Workshop, ui) -> str:
    """Public, duration, group, objectives and material, at the top of the sheet (and of its PDF)."""
    return "\n\n" + render("workshop-summary.html", workshop=workshop, ui=ui) + "\n\n"


# The duration groups of the listing, (shortest, longest) in minutes: the grouped lists without JavaScript
# and the options of sheets.js's duration filter (passed in the HTML) are the same bands.
DURATION_BANDS = ((0, 60), (61, 90), (91, 240))


def band_label(low: int, high: int, ui) -> str:
    return ui["sheet_up_to"].format(minutes=high) if low == 0 else ui["sheet_band"].format(low=low, high=high)


def render_listing(sheets: list[tuple[str, str, Workshop]], term_title: Callable[[str], str], ui) -> str:
    """Every sheet as a card (filterable with JavaScript), then the same sheets grouped by age,
    duration and theme: the grouped lists are the filters when JavaScript is off, and sheets.js offers
    the same themes and duration bands, with the same words (passed in the HTML)."""

    def links(chosen) -> list[tuple[str, str]]:
        return [(href, title) for href, title, w in sheets if chosen(w)]

    ages = [(ui["sheet_from_age"].format(age=low), None, links(lambda w, low=low: w.age[0] <= low <= w.age[1]))
            for low in sorted({w.age[0] for _, _, w in sheets})]
    durations = [(band_label(low, high, ui), None, links(lambda w, low=low, high=high: low <= w.duration <= high))
                 for low, high in DURATION_BANDS]
    themes = sorted({t for _, _, w in sheets for t in w.themes}, key=lambda t: term_title(t).casefold())
    by_theme = [(term_title(theme), None, links(lambda w, theme=theme: theme in w.themes)) for theme in themes]
    duration_options = [[low, high, label] for (low, high), (label, _, found) in zip(DURATION_BANDS, durations) if found]
    listing = render("workshop-listing.html", sheets=sheets, ui=ui, theme_options=[[t, term_title(t)] for t in themes],
                     duration_options=duration_options,
                     theme_titles=[", ".join(term_title(t) for t in w.themes) for _, _, w in sheets])
    return "\n\n" + listing + "\n\n" + listing_sections(
        [(ui["sheet_by_age"], ages), (ui["sheet_by_duration"], durations), (ui["sheet_by_theme"], by_theme)])


def complete_sheet(markdown: str, sheet: Workshop, story_links: list[tuple[str, str]], contacts: list, ui) -> str:
    """The summary box under the sheet's title; the stories to use and the contacts to hand out before
    its last section. ``story_links``: (href, title) of each story the sheet uses."""
    title = H1.search(markdown)
    markdown = markdown[: title.end()] + summary_box(sheet, ui) + markdown[title.end():]
    last_section = markdown.rfind("\n## ")
    return markdown[:last_section] + "\n\n" + sheet_extras(story_links, contacts, ui) + "\n\n" + markdown[last_section:]


def sheet_extras(stories: list[tuple[str, str]], contacts: list, ui) -> str:
    """The stories a sheet uses (links) and the contacts to hand out (cards)."""
    return render("sheet-extras.html", stories=stories, cards=[Markup(contact_card(contact, ui)) for contact in contacts], ui=ui)
