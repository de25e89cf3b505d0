"""The JSON Schemas of the data files (sitelib/schemas.py): written as the models make them (no drift),
wired for editors, accepting every current data file and refusing the mistakes a volunteer makes."""

import copy

import pytest
import yaml
from jsonschema import Draft202012Validator

from sitelib.data import DataLoader
from sitelib.schemas import DATA_SCHEMAS, FOLDER, data_files, document, generated
from site_map import ROOT

SCHEMAS = {schema.name: schema for schema in DATA_SCHEMAS}


def test_the_schemas_the_editor_settings_and_the_schema_lines_are_as_the_models_make_them():
    stale = [path.relative_to(ROOT).as_posix() for path, text in generated(ROOT).items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert not stale, f"À régénérer avec « python scripts/schemas.py » : {', '.join(stale)}."


# The translators' terminology lists have no model in the build (tests/test_terminology.py reads them).
WITHOUT_MODEL = "terminologie.yml"


def test_every_data_file_volunteers_edit_has_a_schema():
    described = {path for path, _ in data_files(ROOT)}
    data = {path for path in (ROOT / "docs").rglob("*.yml") if "_data" in path.parts and path.name != WITHOUT_MODEL}
    assert data - described == set(), sorted(path.relative_to(ROOT).as_posix() for path in data - described)


def load(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=DataLoader)


@pytest.mark.parametrize("path, schema", [(path, schema) for path, schema in data_files(ROOT)],
                         ids=lambda value: value.relative_to(ROOT).as_posix() if hasattr(value, "relative_to") else value.name)
def test_every_current_data_file_matches_its_schema(path, schema):
    errors = [f"{'.'.join(map(str, error.path))} : {error.message}"
              for error in Draft202012Validator(document(schema)).iter_errors(load(path))]
    assert not errors, "\n".join(errors)


def first(data):
    """The first record of a list file, or the first block of a file of blocks."""
    return data[0] if isinstance(data, list) else data[next(iter(data))]


# Each schema, a change a volunteer could make to its first record, and why it must be refused.
MISTAKES = [
    ("contacts", "docs/_data/contacts.yml", lambda record: record.update(free="oui"), "« free » en texte"),
    ("contacts", "docs/_data/contacts.yml", lambda record: record.update(audiences=["ados"]), "public inconnu"),
    ("contacts", "docs/_data/contacts.yml", lambda record: record.update(verified_how="téléphone"), "manière de vérifier inconnue"),
    ("contacts", "docs/_data/contacts.yml", lambda record: record.pop("source"), "source manquante"),
    ("contacts", "docs/_data/contacts.yml", lambda record: record.update(horaires="24/24"), "champ inconnu"),
    ("contacts-textes", "docs/fr/_data/contacts.yml", lambda record: record.pop("name"), "nom manquant"),
    ("contacts-textes", "docs/fr/_data/contacts.yml", lambda record: record.update(name=""), "nom vide"),
    ("vrai-faux", "docs/_data/vrai-faux.yml", lambda record: record.update(answer="peut-être"), "réponse ni vrai ni faux"),
    ("vrai-faux-textes", "docs/fr/_data/vrai-faux.yml", lambda record: record.update(explication="…"), "champ mal écrit"),
    ("videos", "docs/_data/videos.yml", lambda record: record.update(age=40), "âge hors limites"),
    ("videos", "docs/_data/videos.yml", lambda record: record.update(duration="37 s"), "durée en texte"),
    ("videos-textes", "docs/fr/_data/videos.yml", lambda record: record.pop("title"), "titre manquant"),
    ("bd-externes", "docs/_data/bd-externes.yml", lambda record: record.update(id="Mon Outil"), "identifiant avec espace"),
    ("territoires", "docs/_data/territoires.yml", lambda record: record.update(regions=[]), "aucune région"),
    ("interface", "docs/fr/_data/interface.yml", lambda record: None, "texte vide"),
    ("personnages", "docs/_data/bd/le-follower.yml", lambda record: record.update(tete="crete"), "coiffure inconnue"),
    ("personnages", "docs/_data/bd/le-follower.yml", lambda record: record.update(peau=7), "peau hors de l'échelle"),
    ("personnages", "docs/_data/bd/le-follower.yml", lambda record: record.update(vetements="violet"), "couleur inconnue"),
    ("personnages", "docs/_data/bd/le-follower.yml", lambda record: record.update(chapeau=True), "champ inconnu"),
]


@pytest.mark.parametrize("name, file, change, why", MISTAKES, ids=[f"{name}: {why}" for name, _, _, why in MISTAKES])
def test_the_schema_refuses_what_the_build_refuses(name, file, change, why):
    data = copy.deepcopy(load(ROOT / file))
    if name == "interface":
        data[next(iter(data))] = ""
    elif name == "territoires":
        change(data)
    else:
        change(first(data))
    assert list(Draft202012Validator(document(SCHEMAS[name])).iter_errors(data)), f"{file} : {why} n'est pas refusé par le schéma."


def test_the_editor_settings_point_at_existing_schemas():
    import json
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema, patterns in settings["yaml.schemas"].items():
        assert (ROOT / schema).is_file() and schema.startswith(f"./{FOLDER}/"), schema
        assert all(list(ROOT.glob(pattern)) for pattern in patterns), patterns
