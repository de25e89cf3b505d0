"""HTML fragments from Jinja templates in ``sitelib/templates/``, escaped by default.

Every renderer of sitelib builds its HTML with ``render("name.html", **context)``: values are
escaped (``autoescape``), a missing variable is an error (``StrictUndefined``), and a string that is
already HTML (a rendered number link…) is passed as ``Markup``.

Fragments are inserted into Markdown before Python-Markdown runs, where a blank line ends a raw
HTML block. So templates are laid out one tag per line for reading, and the line breaks of a
``.html`` template's source are removed when it is loaded:

* a line break with the spaces around it disappears when it touches a tag (``>`` before it or
  ``<`` after it) or a Jinja tag (``{{ }}``, ``{% %}``, ``{# #}``);
* between two words it becomes one space.

A fragment therefore comes out on one line, as the hand-written HTML it replaces did. Only the
template's own text is changed, never the values put into it. Other templates (``print.css``) are
read as written.
"""

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup

__all__ = ["ENVIRONMENT", "Markup", "TEMPLATES", "render", "render_blocks"]

TEMPLATES = Path(__file__).parent / "templates"
JINJA_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.DOTALL)
LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def join_lines(text: str) -> str:
    """The text between two Jinja tags, on one line (rules in the module docstring)."""

    def join(match: re.Match) -> str:
        before, after = text[: match.start()], text[match.end():]
        if not before or not after or before.endswith(">") or after.startswith("<"):
            return ""
        return " "

    return LINE_BREAK.sub(join, text)


class OneLine(Extension):
    """Loads every ``.html`` template with its line breaks removed (see the module docstring)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if not (name or "").endswith(".html"):
            return source
        return "".join(part if JINJA_TAG.fullmatch(part) else join_lines(part) for part in JINJA_TAG.split(source))


ENVIRONMENT = Environment(
    autoescape=True,
    undefined=StrictUndefined,
    loader=FileSystemLoader(TEMPLATES),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
    extensions=[OneLine],
)
# ``|tojson`` (data read by the scripts, in a single-quoted attribute): letters as they are, not \u00e9.
ENVIRONMENT.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}


def render(template_name: str, **context) -> str:
    """The HTML of ``templates/<template_name>`` filled with ``context`` (values escaped)."""
    return ENVIRONMENT.get_template(template_name).render(**context)


def render_blocks(template_name: str, **context) -> dict[str, str]:
    """Each ``{% block %}`` of a template, rendered on its own: for a renderer that writes several HTML
    blocks separated by Markdown (headings, blank lines), such as a video page. A block sees the
    context, not what the template imports outside it (import macros inside the block)."""
    template = ENVIRONMENT.get_template(template_name)
    return {name: "".join(block(template.new_context(context))) for name, block in template.blocks.items()}
