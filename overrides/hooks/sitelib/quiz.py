"""The true-or-false quiz (docs/_data/vrai-faux.yml): each answer is a <details> element, readable
without JavaScript; overrides/assets/quiz.js adds "true"/"false" buttons. No score is kept anywhere."""

from html import escape
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from .data import every_language, read_yaml, validate
from .errors import ContentError, raise_all


class StatementText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    statement: str = Field(min_length=1)
    explanation: str = Field(min_length=1)


class Statement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    answer: bool
    source: HttpUrl
    text: dict[str, StatementText]

    _languages = field_validator("text")(every_language)


def load_quiz(path: Path, languages: list[str]) -> list[Statement]:
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise ContentError(str(path), "fichier entier", "le fichier doit être une liste d'affirmations.",
                           "commencez chaque affirmation par « - id: … ».")
    statements, errors, seen = [], [], set()
    for position, item in enumerate(raw, start=1):
        ident = item.get("id") if isinstance(item, dict) else None
        place = f"affirmation « {ident} »" if ident else f"affirmation n° {position}"
        statement, found = validate(Statement, item, str(path), place, {"languages": languages})
        errors += found
        if statement and statement.id in seen:
            errors.append(ContentError(str(path), place, "cet identifiant est déjà utilisé.", "donnez un id unique."))
        if statement:
            seen.add(statement.id)
            statements.append(statement)
    raise_all(errors)
    return statements


def render_quiz(statements: list[Statement], ui: dict[str, str]) -> str:
    language = ui["_lang"]
    items = []
    for number, statement in enumerate(statements, start=1):
        text = statement.text[language]
        answer = ui["quiz_true"] if statement.answer else ui["quiz_false"]
        items.append(
            f'<li class="pav-quiz__item" data-answer="{str(statement.answer).lower()}">'
            f'<p class="pav-quiz__statement"><strong>{number}.</strong> {escape(text.statement)}</p>'
            f'<details class="pav-quiz__answer"><summary>{escape(ui["quiz_show"])}</summary>'
            f'<p><strong>{escape(answer)}</strong> {escape(text.explanation)}</p>'
            f'<p class="pav-contact__meta">{escape(ui["source"])} <a href="{escape(str(statement.source))}" '
            f'rel="noopener noreferrer">{escape(str(statement.source.host))}</a></p></details></li>'
        )
    return (f'\n\n<ol class="pav-quiz" data-pav-quiz data-true="{escape(ui["quiz_true"])}" data-false="{escape(ui["quiz_false"])}" '
            f'data-right="{escape(ui["quiz_right"])}" data-wrong="{escape(ui["quiz_wrong"])}">{"".join(items)}</ol>\n\n')
