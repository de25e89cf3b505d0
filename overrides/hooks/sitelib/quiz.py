"""The true-or-false quiz (docs/_data/vrai-faux.yml): each answer is a <details> element, readable
without JavaScript; overrides/assets/quiz.js adds "true"/"false" buttons. No score is kept anywhere."""

from html import escape
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from .data import load_records, load_texts
from .errors import raise_all
from .languages import Languages


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
