"""Reading volunteers' YAML files and turning schema errors into French messages."""

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError, ValidationInfo

from .errors import ContentError

EXPECTED_FORMATS = {
    "string_type": "un texte",
    "bool_type": "oui ou non (true / false)",
    "bool_parsing": "oui ou non (true / false)",
    "int_type": "un nombre entier",
    "int_parsing": "un nombre entier",
    "date_type": "une date au format AAAA-MM-JJ",
    "date_parsing": "une date au format AAAA-MM-JJ",
    "date_from_datetime_parsing": "une date au format AAAA-MM-JJ",
    "list_type": "une liste (lignes commençant par « - »)",
    "dict_type": "un bloc de champs",
    "model_type": "un bloc de champs",
    "url_parsing": "une adresse web complète (https://…)",
    "url_scheme": "une adresse web complète (https://…)",
}


def read_yaml(path: Path) -> Any:
    """Load a YAML file, reporting a missing file or a syntax error (with its line) for the volunteer."""
    if not path.exists():
        raise ContentError(str(path), "fichier entier", "ce fichier de données est introuvable.",
                           "remettez-le (voir l'historique git) ou recréez-le d'après CONTRIBUTING.md.")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f"ligne {mark.line + 1}" if mark else "fichier entier"
        raise ContentError(
            str(path), place, f"le fichier YAML est mal formé ({getattr(error, 'problem', error)}).",
            "vérifiez l'indentation (des espaces, pas de tabulation), les deux-points et les guillemets.",
        ) from None


def field_path(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "(racine)"


def french_errors(file: str, place: str, error: ValidationError) -> list[ContentError]:
    """One ContentError per pydantic error, worded for a volunteer."""
    found = []
    for detail in error.errors():
        where = f"{place}, champ « {field_path(detail['loc'])} »"
        kind = detail["type"]
        value = detail.get("input")
        if kind == "missing":
            problem, fix = "ce champ obligatoire manque.", "ajoutez-le (voir le modèle en tête du fichier)."
        elif kind == "extra_forbidden":
            problem = "ce champ n'est pas connu."
            fix = "vérifiez son orthographe, ou supprimez-le."
        elif kind in ("literal_error", "enum"):
            problem = f"la valeur « {value} » n'est pas permise."
            fix = f"choisissez parmi : {detail.get('ctx', {}).get('expected', '')}."
        elif kind == "value_error":
            problem = str(detail.get("ctx", {}).get("error", detail["msg"]))
            fix = "corrigez la valeur comme indiqué."
        elif kind in EXPECTED_FORMATS:
            problem = f"la valeur « {value} » n'a pas le bon format."
            fix = f"écrivez {EXPECTED_FORMATS[kind]}."
        elif kind in ("string_too_short", "too_short"):
            problem, fix = "ce champ est vide.", "remplissez-le."
        else:
            problem = f"valeur refusée ({detail['msg']})."
            fix = "corrigez la valeur."
        found.append(ContentError(file, where, problem, fix))
    return found


def validate(model: type[BaseModel], raw: Any, file: str, place: str, context: dict | None = None):
    """Validate ``raw`` against ``model``; return the model or the list of French errors."""
    try:
        return model.model_validate(raw, context=context), []
    except ValidationError as error:
        return None, french_errors(file, place, error)


def every_language(texts: dict, info: ValidationInfo) -> dict:
    """Field validator: a text (non-empty) for every language of the site, given in the context."""
    missing = [language for language in (info.context or {}).get("languages", []) if not texts.get(language)]
    if missing:
        raise ValueError(f"le texte manque pour la ou les langue(s) : {', '.join(missing)}.")
    return texts
