"""Other organisations' interactive stories and tools (docs/_data/bd-externes.yml), listed on the
stories page as links that leave the site."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from .data import load_records, load_texts
from .errors import raise_all
from .languages import Languages


class ExternalText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)


class External(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    url: HttpUrl
    source: HttpUrl
    organisation: str
    text: dict[str, ExternalText] = {}  # language → texts, from docs/<langue>/_data/bd-externes.yml


def load_externals(path: Path, languages: Languages) -> list[External]:
    records, errors = load_records(path, External, "outil")
    texts, found = load_texts(languages, "bd-externes.yml", ExternalText, [record.id for record in records], "outil")
    raise_all(errors + found)
    return [record.model_copy(update={"text": {language: texts[language][record.id] for language in texts}}) for record in records]
