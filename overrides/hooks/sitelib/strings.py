"""Interface strings (buttons, notices, labels), one block per language in docs/_data/interface.yml."""

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Literal

from babel import Locale

from .data import read_yaml
from .errors import ContentError, raise_all


def load_strings(path: Path, languages: list[str], reference: str) -> dict[str, dict[str, str]]:
    """Every built language must define exactly the keys of the reference language, none empty."""
    raw = read_yaml(path) or {}
    errors = []
    if reference not in raw:
        raise ContentError(str(path), "fichier entier", f"le bloc de la langue de référence « {reference} » manque.",
                           f"ajoutez « {reference}: » suivi des textes.")
    keys = set(raw[reference])
    for language in languages:
        block = raw.get(language)
        if not isinstance(block, dict):
            errors.append(ContentError(str(path), f"langue « {language} »", "les textes de cette langue manquent.",
                                       f"copiez le bloc « {reference}: » sous « {language}: » et traduisez-le."))
            continue
        for key in sorted(keys - set(block)):
            errors.append(ContentError(str(path), f"langue « {language} », texte « {key} »", "ce texte n'est pas traduit.",
                                       f"ajoutez « {key}: … » dans le bloc « {language}: »."))
        for key in sorted(set(block) - keys):
            errors.append(ContentError(str(path), f"langue « {language} », texte « {key} »",
                                       f"ce texte n'existe pas dans la langue de référence « {reference} ».",
                                       "vérifiez l'orthographe du nom, ou supprimez la ligne."))
        for key, value in block.items():
            if key in keys and not (isinstance(value, str) and value.strip()):
                errors.append(ContentError(str(path), f"langue « {language} », texte « {key} »", "ce texte est vide.",
                                           "écrivez le texte entre guillemets."))
    raise_all(errors)
    return {language: raw[language] for language in languages}


class Ui(Mapping):
    """The interface strings of one language, with that language's code and writing direction.

    Renderers read ``ui["call"]``, ``ui.language`` and ``ui.direction``; templates read ``ui.call``."""

    def __init__(self, language: str, texts: dict[str, str]):
        self.language, self._texts = language, texts
        self.direction: Literal["ltr", "rtl"] = writing_direction(language)

    def __getitem__(self, key: str) -> str:
        if key == "_lang":  # transitional: renderers still being moved to ui.language
            return self.language
        return self._texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def writing_direction(language: str) -> Literal["ltr", "rtl"]:
    """"rtl" for Arabic, Hebrew, Persian…, from Unicode's locale data (Babel)."""
    return "rtl" if Locale.parse(language).character_order == "right-to-left" else "ltr"
