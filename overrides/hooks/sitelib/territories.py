"""Local help by région and département (docs/_data/territoires.yml), rendered as a grouped list
that works without JavaScript; overrides/assets/local-help.js adds a département filter."""

import datetime
from pathlib import Path

from babel.dates import format_date
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, RootModel, field_validator

from .data import HowChecked, Refused, load_texts, read_yaml, validate
from .errors import ContentError, raise_all
from .languages import Languages
from .pages import display_path
from .templating import render


def is_departement_code(code: str) -> bool:
    if code in ("2A", "2B"):
        return True
    return code.isdigit() and (1 <= int(code) <= 95 and code != "20" and len(code) == 2 or 971 <= int(code) <= 976)


class Place(BaseModel):
    what: dict[str, str]  # language → what the place offers


class PlaceTexts(RootModel[list[str]]):
    """A département's places in one language (docs/<langue>/_data/territoires.yml), one line each."""

    root: list[str] = Field(min_length=1)


# is_departement_code as a pattern, for editors (the JSON Schema); the build's message comes from the validator.
DEPARTEMENT_PATTERN = r"^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$"


class Departement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(json_schema_extra={"pattern": DEPARTEMENT_PATTERN})
    name: str = Field(min_length=1)
    places: list[Place] = []  # from each language's texts

    @field_validator("code")
    @classmethod
    def real_code(cls, code: str) -> str:
        if not is_departement_code(code):
            raise Refused(f"« {code} » n'est pas un numéro de département.", "écrivez son numéro, comme 75, 2A ou 974, entre guillemets.")
        return code


class Region(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    departements: list[Departement] = Field(min_length=1)


class Territories(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organisation: str
    website: HttpUrl
    source: HttpUrl
    verified: datetime.date
    verified_how: HowChecked
    regions: list[Region] = Field(min_length=1)


def load_territories(path: Path, languages: Languages) -> Territories:
    territories, errors = validate(Territories, read_yaml(path), display_path(path), "aide locale")
    raise_all(errors)
    departements = [d for region in territories.regions for d in region.departements]
    texts, errors = load_texts(languages, "territoires.yml", PlaceTexts, [d.code for d in departements], "département")
    reference = texts.get(languages.default, {})
    for language, places in texts.items():
        for code, lines in places.items():
            if code in reference and len(lines.root) != len(reference[code].root):
                errors.append(ContentError(display_path(languages.data_file(language, "territoires.yml")), f"département « {code} »",
                                           f"{len(lines.root)} lieu(x) au lieu de {len(reference[code].root)} en {languages.default}.",
                                           "gardez un lieu par ligne, dans le même ordre que la langue de référence."))
    raise_all(errors)
    for d in departements:
        d.places = [Place(what={language: texts[language][d.code].root[index] for language in texts})
                    for index in range(len(reference[d.code].root))]
    return territories


def render_local_help(territories: Territories, ui) -> str:
    """Régions as headings, départements as anchored items; a jump list replaces a filter without JS
    (templates/local-help.html)."""
    by_code = sorted((d for region in territories.regions for d in region.departements), key=lambda d: d.code)
    return "\n\n" + render("local-help.html", territories=territories, by_code=by_code, ui=ui,
                             verified_shown=format_date(territories.verified, "long", locale=ui.language)) + "\n\n"
