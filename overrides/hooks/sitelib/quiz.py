"""The true-or-false quiz (docs/_data/vrai-faux.yml): each answer is a <details> element, readable
without JavaScript; overrides/assets/quiz.js adds "true"/"false" buttons. No score is kept anywhere."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from .data import load_records, load_texts
from .errors import raise_all
from .languages import Languages
from .templating import render


class StatementText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    statement: str = Field(min_length=1)
    explanation: str = Field(min_length=1)


class Statement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    answer: bool
    source: HttpUrl
    text: dict[str, StatementText] = {}  # language → texts, from docs/<langue>/_data/vrai-faux.yml


def load_quiz(path: Path, languages: Languages) -> list[Statement]:
    records, errors = load_records(path, Statement, "affirmation")
    texts, found = load_texts(languages, "vrai-faux.yml", StatementText, [record.id for record in records], "affirmation")
    raise_all(errors + found)
    return [record.model_copy(update={"text": {language: texts[language][record.id] for language in texts}}) for record in records]


def render_quiz(statements: list[Statement], ui) -> str:
    """The statements, numbered, each with its answer, explanation and source (templates/quiz.html)."""
    return "\n\n" + render("quiz.html", statements=statements, ui=ui) + "\n\n"
