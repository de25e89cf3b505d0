"""Markers that volunteers type in Markdown, such as ``<!-- @contact 119 3018 -->``.

Plain HTML comments (without ``@``) are left alone; an unknown marker stops the build, naming the
page and the line. Markers inside code blocks or inline code are shown as they are (documentation).
"""

import re
from typing import Callable

from .errors import ContentError, raise_all

MARKER = re.compile(r"<!--\s*@([\w-]+)([^>]*?)\s*-->")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


class MarkerProblem(Exception):
    """Raised by a marker handler; expand_markers adds the page and the line."""

    def __init__(self, problem: str, fix: str):
        self.problem, self.fix = problem, fix
        super().__init__(problem)


Handler = Callable[[list[str]], str]


def expand_markers(markdown: str, handlers: dict[str, Handler], page_file: str) -> str:
    """Replace each marker by what its handler returns; collect every error of the page."""
    lines, errors, in_fence = markdown.split("\n"), [], False
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or "<!--" not in line:
            continue
        code_spans = [span.span() for span in INLINE_CODE.finditer(line)]

        def replace(match: re.Match) -> str:
            if any(start <= match.start() < end for start, end in code_spans):
                return match.group(0)
            name, arguments = match.group(1), match.group(2).split()
            handler = handlers.get(name)
            if handler is None:
                known = ", ".join(f"@{known_name}" for known_name in sorted(handlers))
                errors.append(ContentError(page_file, f"ligne {number}", f"le marqueur « @{name} » n'existe pas.",
                                           f"corrigez son nom ; marqueurs possibles : {known}."))
                return match.group(0)
            try:
                return handler(arguments)
            except MarkerProblem as problem:
                errors.append(ContentError(page_file, f"ligne {number}, marqueur « @{name} »", problem.problem, problem.fix))
                return match.group(0)

        lines[number - 1] = MARKER.sub(replace, line)
    raise_all(errors)
    return "\n".join(lines)
