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
