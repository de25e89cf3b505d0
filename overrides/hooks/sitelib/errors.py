"""Errors meant for the volunteer who edited a file: in French, naming the file, the place and the fix."""


class ContentError(Exception):
    """A mistake in a content or data file that must stop the build."""

    def __init__(self, file: str, place: str, problem: str, fix: str):
        self.file, self.place, self.problem, self.fix = file, place, problem, fix
        super().__init__(f"{file} — {place} : {problem} À faire : {fix}")


class ContentErrors(Exception):
    """Several content errors found at once, so the volunteer can fix them all in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        lines = "\n".join(f"  • {error}" for error in errors)
        super().__init__(f"{len(errors)} erreur(s) dans le contenu :\n{lines}")


def raise_all(errors: list[ContentError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ContentErrors(errors)


# What PyYAML says (in English), as a volunteer can act on it; the first part that matches.
YAML_PROBLEMS = (
    ("'\\t'", "une tabulation sert d'indentation"),
    ("mapping values are not allowed", "un « : » de trop sur la ligne (un texte qui contient « : » se met entre guillemets)"),
    ("could not find expected ':'", "il manque « : » après un nom de champ"),
    ("expected ',' or ']'", "un crochet « [ » n'est pas refermé"),
    ("expected ',' or '}'", "une accolade « { » n'est pas refermée"),
    ("unexpected end of stream", "un guillemet n'est pas refermé"),
    ("expected <block end>", "l'indentation ne suit pas celle des lignes au-dessus"),
    ("did not find expected key", "l'indentation ne suit pas celle des lignes au-dessus"),
    ("did not find expected '-'", "un élément de liste ne commence pas par « - » au bon retrait"),
    ("found duplicate", "un nom apparaît deux fois"),
    ("found undefined", "un « * » ou un « & » en début de valeur (mettez la valeur entre guillemets)"),
)


def yaml_problem(problem: str) -> str:
    return next((french for english, french in YAML_PROBLEMS if english in problem), "la syntaxe YAML est fausse à cet endroit")
