"""The true-or-false quiz (docs/_data/vrai-faux.yml): each answer is a <details> element, readable
without JavaScript; overrides/assets/quiz.js adds "true"/"false" buttons. No score is kept anywhere."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from .data import Identifier, load_records_and_texts
from .errors import raise_all
from .languages import Languages
from .templating import render


class StatementText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    statement: str = Field(min_length=1)
    explanation: str = Field(min_length=1)


class Statement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Identifier
    answer: bool
    source: HttpUrl
    text: dict[str, StatementText] = {}  # language → texts, from docs/<langue>/_data/vrai-faux.yml


def load_quiz(path: Path, languages: Languages) -> list[Statement]:
    statements, errors = load_records_and_texts(path, Statement, StatementText, languages, "affirmation")
    raise_all(errors)
    return statements


def render_quiz(statements: list[Statement], ui) -> str:
    """The statements, numbered, each with its answer, explanation and source (templates/quiz.html)."""
    return "\n\n" + render("quiz.html", statements=statements, ui=ui) + "\n\n"
