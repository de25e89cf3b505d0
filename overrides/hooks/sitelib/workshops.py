"""Workshop sheets for professionals (docs/<langue>/pros/ateliers/<id>.md): a validated front matter
describes each sheet; the build adds its summary box, its hand-outs and the listing with filters."""

from html import escape
from pathlib import Path
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .data import validate
from .errors import ContentError, raise_all
from .pages import H1, read_page


def pair(name: str, low: int, high: int):
    def check(values: list[int]) -> list[int]:
        if len(values) != 2 or not (low <= values[0] <= values[1] <= high):
            raise ValueError(f"{name} attend deux nombres [minimum, maximum] entre {low} et {high}, le premier plus petit.")
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
            raise ValueError("références inconnues — " + " ; ".join(problems) + " (voir les identifiants dans CONTRIBUTING.md).")
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
        sheet, found = validate(Workshop, {k: v for k, v in source.meta.items() if k not in PAGE_KEYS}, source.file, "en-tête", known)
        errors += found
        if sheet:
            sheets.append((path.stem, source.title, sheet))
    raise_all(errors)
    return sheets


def summary_box(workshop: Workshop, ui: dict[str, str]) -> str:
    """Public, duration, group, objectives and material, at the top of the sheet (and of its PDF)."""
    objectives = "".join(f"<li>{escape(item)}</li>" for item in workshop.objectives)
    material = "".join(f"<li>{escape(item)}</li>" for item in workshop.material)
    return (
        f'\n\n<div class="pav-sheet-summary"><dl>'
        f'<dt>{escape(ui["sheet_age"])}</dt><dd>{escape(ui["sheet_age_value"].format(low=workshop.age[0], high=workshop.age[1]))}</dd>'
        f'<dt>{escape(ui["sheet_duration"])}</dt><dd>{escape(ui["sheet_minutes"].format(minutes=workshop.duration))}</dd>'
        f'<dt>{escape(ui["sheet_group"])}</dt><dd>{escape(ui["sheet_group_value"].format(low=workshop.group[0], high=workshop.group[1]))}</dd>'
        f'</dl><p><strong>{escape(ui["sheet_objectives"])}</strong></p><ul>{objectives}</ul>'
        f'<p><strong>{escape(ui["sheet_material"])}</strong></p><ul>{material}</ul></div>\n\n'
    )


DURATION_BANDS = ((0, 60), (61, 90), (91, 240))


def band_label(low: int, high: int, ui: dict[str, str]) -> str:
    return ui["sheet_up_to"].format(minutes=high) if low == 0 else ui["sheet_band"].format(low=low, high=high)


def render_listing(sheets: list[tuple[str, str, Workshop]], term_title: Callable[[str], str], ui: dict[str, str]) -> str:
    """Every sheet as a card (filterable with JavaScript), then the same sheets grouped by age,
    duration and theme: the grouped lists are the filters when JavaScript is off."""
    cards = "".join(
        f'<li class="pav-card" data-age-min="{w.age[0]}" data-age-max="{w.age[1]}" data-duration="{w.duration}" '
        f'data-themes="{" ".join(w.themes)}"><p class="pav-card__title"><a href="{href}"><strong>{escape(title)}</strong></a></p>'
        f'<p>{escape(w.description)}</p><p class="pav-card__meta">'
        f'{escape(ui["sheet_age_value"].format(low=w.age[0], high=w.age[1]))} · {escape(ui["sheet_minutes"].format(minutes=w.duration))} · '
        f'{escape(", ".join(term_title(t) for t in w.themes))}</p></li>' for href, title, w in sheets)

    def grouped(groups: dict[str, list]) -> str:
        return "".join(f'<h3>{escape(name)}</h3><ul>{"".join(f"<li><a href={chr(34)}{h}{chr(34)}>{escape(t)}</a></li>" for h, t, _ in items)}</ul>'
                       for name, items in groups.items() if items)

    ages = {}
    for low in sorted({w.age[0] for _, _, w in sheets}):
        ages[ui["sheet_from_age"].format(age=low)] = [s for s in sheets if s[2].age[0] <= low <= s[2].age[1]]
    durations = {band_label(low, high, ui): [s for s in sheets if low <= s[2].duration <= high] for low, high in DURATION_BANDS}
    themes = {}
    for theme in sorted({t for _, _, w in sheets for t in w.themes}, key=lambda t: term_title(t).casefold()):
        themes[term_title(theme)] = [s for s in sheets if theme in s[2].themes]
    return (
        f'\n\n<div class="pav-sheets" data-pav-sheets data-label-age="{escape(ui["sheet_filter_age"])}" '
        f'data-label-duration="{escape(ui["sheet_filter_duration"])}" data-label-theme="{escape(ui["sheet_filter_theme"])}" '
        f'data-all="{escape(ui["sheet_filter_all"])}" data-none="{escape(ui["sheet_filter_none"])}">'
        f'<ul class="pav-cards">{cards}</ul></div>\n\n'
        f'## {ui["sheet_by_age"]}\n\n<div class="pav-groups">{grouped(ages)}</div>\n\n'
        f'## {ui["sheet_by_duration"]}\n\n<div class="pav-groups">{grouped(durations)}</div>\n\n'
        f'## {ui["sheet_by_theme"]}\n\n<div class="pav-groups">{grouped(themes)}</div>\n\n'
    )


def complete_sheet(markdown: str, sheet: Workshop, story_links: list[tuple[str, str]], contacts: list, ui) -> str:
    """The summary box under the sheet's title; the stories to use and the contacts to hand out before
    its last section. ``story_links``: (href, title) of each story the sheet uses."""
    title = H1.search(markdown)
    markdown = markdown[: title.end()] + summary_box(sheet, ui) + markdown[title.end():]
    last_section = markdown.rfind("\n## ")
    return markdown[:last_section] + "\n\n" + sheet_extras(story_links, contacts, ui) + "\n\n" + markdown[last_section:]


def sheet_extras(stories: list[tuple[str, str]], contacts: list, ui) -> str:
    """The stories a sheet uses (links) and the contacts to hand out (cards)."""
    from .render import contact_card

    links = ", ".join(f'<a href="{escape(href)}">{escape(title)}</a>' for href, title in stories)
    block = f'<p><strong>{escape(ui["sheet_stories"])}</strong> {links}</p>' if links else ""
    cards = "".join(contact_card(contact, ui) for contact in contacts)
    return block + f'<div class="pav-handouts" data-search-exclude><p><strong>{escape(ui["sheet_handouts"])}</strong></p>{cards}</div>'
