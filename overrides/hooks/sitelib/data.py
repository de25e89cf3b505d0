"""Reading volunteers' YAML files and turning schema errors into French messages."""

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError

from .errors import ContentError, yaml_problem
from .pages import display_path, not_utf8

# How a fact was last checked, as the card says it: « copie » (the source page read in a stored copy,
# a transcription), « en-ligne » (the service's live page read), « appel » (the service called).
# Only the last two are a verification; `make check-contacts` lists the others before launch.
HowChecked = Literal["copie", "en-ligne", "appel"]
# A record's id, used in markers and file names: lower-case letters, digits and hyphens.
IDENTIFIER = r"^[a-z0-9][a-z0-9-]*$"
Identifier = Annotated[str, Field(pattern=IDENTIFIER)]

if TYPE_CHECKING:
    from .languages import Languages

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
    "url_syntax_violation": "une adresse web complète (https://…)",
    "float_type": "un nombre",
    "float_parsing": "un nombre",
    "int_from_float": "un nombre entier",
}


class Refused(ValueError):
    """A schema's own check that refuses a value: what is wrong, and the fix for this rule."""

    def __init__(self, problem: str, fix: str):
        self.problem, self.fix = problem, fix
        super().__init__(problem)


class DataLoader(yaml.SafeLoader):
    """YAML's safe loader, except that dates stay text until the schema reads them: a date that does not
    exist (2026-02-30) then gets a French message instead of stopping the reader."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_yaml(path: Path, loader: type[yaml.SafeLoader] = DataLoader) -> Any:
    """Load a YAML file, reporting a missing file or a syntax error (with its line) for the volunteer."""
    if not path.exists():
        raise ContentError(display_path(path), "fichier entier", "ce fichier de données est introuvable.",
                           "remettez-le (voir l'historique git) ou recréez-le d'après CONTRIBUTING.md.")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except UnicodeDecodeError:
        raise not_utf8(display_path(path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f"ligne {mark.line + 1}" if mark else "fichier entier"
        raise ContentError(
            display_path(path), place, f"le fichier YAML est mal formé : {yaml_problem(str(getattr(error, 'problem', '')))}.",
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
            # pydantic lists them in English (« 'a', 'b' or 'c' »): the values only, in French.
            allowed = re.findall(r"'([^']*)'", str(detail.get("ctx", {}).get("expected", "")))
            fix = f"choisissez parmi : {', '.join(allowed)}."
        elif kind == "value_error" and isinstance(refused := detail.get("ctx", {}).get("error"), Refused):
            problem, fix = refused.problem, refused.fix
        elif kind == "string_pattern_mismatch" and detail.get("ctx", {}).get("pattern") == IDENTIFIER:
            problem = f"l'identifiant « {value} » contient autre chose que des minuscules, des chiffres et des tirets."
            fix = "écrivez-le sans majuscule, sans accent ni espace (ex. fil-sante-jeunes)."
        elif kind.startswith("date") and isinstance(value, str) and ISO_DATE.match(value):
            problem = f"la date « {value} » n'existe pas."
            fix = "vérifiez le jour et le mois (AAAA-MM-JJ)."
        elif kind in EXPECTED_FORMATS and value in (None, ""):
            problem, fix = "ce champ est vide.", f"écrivez {EXPECTED_FORMATS[kind]}."
        elif kind in EXPECTED_FORMATS:
            problem = f"la valeur « {value} » n'a pas le bon format."
            fix = f"écrivez {EXPECTED_FORMATS[kind]}."
        elif kind in ("less_than_equal", "less_than"):
            limit = detail.get("ctx", {}).get("le", detail.get("ctx", {}).get("lt"))
            problem, fix = f"la valeur « {value} » est trop grande.", f"écrivez un nombre de {limit} au plus."
        elif kind in ("greater_than_equal", "greater_than"):
            limit = detail.get("ctx", {}).get("ge", detail.get("ctx", {}).get("gt"))
            problem, fix = f"la valeur « {value} » est trop petite.", f"écrivez un nombre de {limit} au moins."
        elif kind in ("string_too_short", "too_short"):
            problem, fix = "ce champ est vide.", "remplissez-le."
        elif kind in ("string_too_long", "too_long"):
            limit = detail.get("ctx", {}).get("max_length")
            problem, fix = "cette valeur est trop longue.", f"gardez-en {limit} au plus."
        else:  # a check without its own French wording yet: the value, and where the model is
            problem = f"la valeur « {value} » n'est pas acceptée ici."
            fix = "comparez-la au modèle en tête du fichier (ou dans CONTRIBUTING.md)."
        found.append(ContentError(file, where, problem, fix))
    return found


def validate(model: type[BaseModel], raw: Any, file: str, place: str, context: dict | None = None):
    """Validate ``raw`` against ``model``; return the model or the list of French errors."""
    try:
        return model.model_validate(raw, context=context), []
    except ValidationError as error:
        return None, french_errors(file, place, error)


def load_records(path: Path, model: type[BaseModel], noun: str, context: dict | None = None
                 ) -> tuple[list, list[ContentError], set[str] | None]:
    """A data file that is a list of records with a unique ``id``: the valid records, every error, and the
    ids of the records refused (their texts are then not blamed), or None if some record's id cannot be
    read (then no text is called unknown). ``noun`` names one record in messages (« contact »)."""
    raw = read_yaml(path)
    file = display_path(path)
    if raw is None:
        return [], [], set()
    if not isinstance(raw, list):
        return [], [ContentError(file, "fichier entier", f"le fichier doit être une liste (un {noun} par entrée).",
                                 "commencez chaque entrée par « - id: … ».")], None
    records, errors, seen, refused = [], [], set(), set()
    for position, item in enumerate(raw, start=1):
        ident = item.get("id") if isinstance(item, dict) else None
        place = f"{noun} « {ident} »" if ident else f"{noun} n° {position}"
        record, found = validate(model, item, file, place, context)
        errors += found
        if record is None:
            refused = None if refused is None or not ident else refused | {str(ident)}
            continue
        if record.id in seen:
            errors.append(ContentError(file, place, f"cet identifiant est déjà utilisé par un autre {noun}.",
                                       f"donnez à chaque {noun} un id unique."))
            continue
        seen.add(record.id)
        records.append(record)
    return records, errors, refused


def load_records_and_texts(path: Path, model: type[BaseModel], text_model: type[BaseModel], languages: "Languages", noun: str,
                           context: dict | None = None) -> tuple[list, list[ContentError]]:
    """The valid records of a data file, each with its texts in every language (« text »), and every error.
    A record refused in the facts file is named there only: its texts, in each language's file, are not
    called unknown."""
    records, errors, refused = load_records(path, model, noun, context)
    texts, found = load_texts(languages, path.name, text_model, [record.id for record in records], noun, refused)
    return [record.model_copy(update={"text": {language: by_id[record.id] for language, by_id in texts.items() if record.id in by_id}})
            for record in records], errors + found


def load_texts(languages: "Languages", name: str, model: type[BaseModel], ids: list[str], noun: str,
               refused: set[str] | None = frozenset()) -> tuple[dict[str, dict[str, Any]], list[ContentError]]:
    """The texts a translator writes for each record of a data file, one file per language:
    docs/<langue>/_data/<name>, a block per record id. Returns language → id → validated text.

    ``refused``: ids of the facts file whose record was refused (its error names that file; their texts are
    checked, but neither called missing nor unknown); None: the facts file's ids cannot all be read, so no
    text's id is called unknown.
    A language whose file is declared untranslated (« _data/<name> », or a pattern such as « * ») shows
    the default language's texts."""
    texts, errors = {}, []
    reference = languages.data_file(languages.default, name)
    for language in languages.ordered():
        path = languages.data_file(language, name)
        file = display_path(path)
        if not path.exists() and language != languages.default and languages.is_untranslated(language, f"_data/{name}"):
            texts[language] = texts.get(languages.default, {})
            continue
        if not path.exists():
            errors.append(ContentError(file, "fichier entier", f"les textes de cette langue manquent ({noun}s).",
                                       f"copiez {display_path(reference)} ici et traduisez chaque texte, ou ajoutez "
                                       f"« _data/{name} » à « untranslated » de {language} dans mkdocs.yml."))
            continue
        raw = read_yaml(path) or {}
        if not isinstance(raw, dict):
            errors.append(ContentError(file, "fichier entier", "le fichier doit donner un bloc par identifiant.",
                                       "écrivez « identifiant: » puis ses textes en retrait, comme dans le fichier de référence."))
            continue
        raw = {str(key): value for key, value in raw.items()}
        texts[language] = {}
        for ident in [*ids, *sorted(set(raw) - set(ids) if refused is None else refused & set(raw))]:
            if ident not in raw:
                errors.append(ContentError(file, f"{noun} « {ident} »", "les textes de cet élément manquent.",
                                           f"ajoutez « \"{ident}\": » et ses textes (voir {display_path(reference)})."))
                continue
            text, found = validate(model, raw[ident], file, f"{noun} « {ident} »")
            errors += found
            if text is not None:
                texts[language][ident] = text
        for ident in sorted(set() if refused is None else set(raw) - set(ids) - refused):
            errors.append(ContentError(file, f"{noun} « {ident} »", "cet identifiant n'existe pas dans le fichier des faits "
                                       f"(docs/_data/{name}).", "corrigez-le, ou ajoutez l'élément dans docs/_data/ d'abord."))
    return texts, errors
