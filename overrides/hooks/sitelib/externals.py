"""Other organisations' interactive stories and tools (docs/_data/bd-externes.yml), listed on the
stories page as links that leave the site."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from .data import Identifier, load_records_and_texts
from .errors import raise_all
from .languages import Languages


class ExternalText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)


class External(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Identifier
    url: HttpUrl
    source: HttpUrl
    organisation: str
    text: dict[str, ExternalText] = {}  # language → texts, from docs/<langue>/_data/bd-externes.yml


def load_externals(path: Path, languages: Languages) -> list[External]:
    tools, errors = load_records_and_texts(path, External, ExternalText, languages, "outil")
    raise_all(errors)
    return tools
