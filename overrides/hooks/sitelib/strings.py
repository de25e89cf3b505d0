"""Interface strings (buttons, notices, labels), one block per language in docs/_data/interface.yml."""

from pathlib import Path

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
