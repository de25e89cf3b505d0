"""Other organisations' interactive stories and tools (docs/_data/bd-externes.yml), listed on the
stories page as links that leave the site."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from .data import every_language, read_yaml, validate
from .errors import raise_all


class ExternalText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)


class External(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    url: HttpUrl
    source: HttpUrl
    organisation: str
    text: dict[str, ExternalText]

    _languages = field_validator("text")(every_language)


def load_externals(path: Path, languages: list[str]) -> list[External]:
    found, errors = [], []
    for position, item in enumerate(read_yaml(path) or [], start=1):
        external, problems = validate(External, item, str(path), f"entrée n° {position}", {"languages": languages})
        errors += problems
        if external:
            found.append(external)
    raise_all(errors)
    return found
