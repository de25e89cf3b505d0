"""JSON Schemas of the data files volunteers edit, made from the models that check them at build time.

An editor that reads JSON Schemas (VS Code with its YAML extension, any YAML language server) then shows
a wrong field or value while the volunteer types, before the build says the same in French. The schemas
are written by ``scripts/schemas.py`` into scripts/schemas/, with .vscode/settings.json and the
« # yaml-language-server: $schema=… » first line of each data file; a test keeps all three equal to
what this module makes, so they cannot drift from the models.

A schema knows types, required fields and allowed values; what needs the rest of the site (an id known
elsewhere, a phone number's digits, a date that exists) stays the build's check.
"""

import copy
import json
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from . import comics
from .contacts import Contact, ContactText
from .externals import External, ExternalText
from .lexicon import TermFields
from .quiz import Statement, StatementText
from .stories import StoryFields
from .territories import PlaceTexts, Territories
from .videos import Video, VideoText
from .workshops import Workshop

FOLDER = "scripts/schemas"  # from the project's root
DRAFT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class DataSchema:
    name: str  # the schema's file, in FOLDER
    title: str  # in French: editors show it
    files: tuple[str, ...]  # glob patterns, from the project's root, of the YAML files it describes
    make: Callable[[], dict]


def with_web_address_pattern(node):
    """« format: uri » is only a note to most validators: a pattern makes « source: allo119 » wrong at once."""
    if isinstance(node, dict):
        if node.get("format") == "uri":
            node["pattern"] = r"^https?://\S+$"
        for value in node.values():
            with_web_address_pattern(value)
    elif isinstance(node, list):
        for value in node:
            with_web_address_pattern(value)
    return node


def model_schema(model: type[BaseModel], leave_out: tuple[str, ...] = ()) -> dict:
    """The model's schema, without the fields the build fills from other files (``leave_out``)."""
    schema = with_web_address_pattern(copy.deepcopy(model.model_json_schema()))
    for name in leave_out:
        schema.get("properties", {}).pop(name, None)
        if name in schema.get("required", []):
            schema["required"].remove(name)
    return schema


def hoisted(schema: dict) -> tuple[dict, dict]:
    """A model's schema without its ``$defs``, and those definitions (to put at the top of a wrapper)."""
    schema = dict(schema)
    return schema, schema.pop("$defs", {})


def list_of(model: type[BaseModel], leave_out: tuple[str, ...] = ()) -> dict:
    item, definitions = hoisted(model_schema(model, leave_out))
    return {"type": "array", "items": item, **({"$defs": definitions} if definitions else {})}


def blocks_of(schema: dict) -> dict:
    """A file of one block per identifier (docs/<langue>/_data/…): id → ``schema``."""
    item, definitions = hoisted(schema)
    return {"type": "object", "additionalProperties": item, **({"$defs": definitions} if definitions else {})}


def cast_schema() -> dict:
    """A story's cast: the values the drawing accepts, listed (the models check them in code)."""
    member = model_schema(comics.CastMember)
    allowed = {"tete": comics.style_variants("head"), "cheveux": list(comics.HAIR), "vetements": list(comics.CLOTHES),
               "barbe": ["non", *comics.style_variants("facialHair")], "lunettes": ["non", *comics.style_variants("accessories")]}
    for field, values in allowed.items():
        member["properties"][field]["enum"] = values
    return {"type": "object", "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"}, "minProperties": 1,
            "additionalProperties": member}


def interface_schema() -> dict:
    return {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}


# The front matter of each kind of page: no editor validates it inside Markdown, but a tool may.
FRONT_MATTER = {"histoire": StoryFields, "fiche-atelier": Workshop, "mot-du-lexique": TermFields}

DATA_SCHEMAS = (
    DataSchema("contacts", "Contacts d'aide (numéros, sources)", ("docs/_data/contacts.yml",),
               lambda: list_of(Contact, ("text",))),
    DataSchema("contacts-textes", "Textes des contacts, dans une langue", ("docs/*/_data/contacts.yml",),
               lambda: blocks_of(model_schema(ContactText))),
    DataSchema("territoires", "Aide près de chez soi (départements)", ("docs/_data/territoires.yml",),
               lambda: model_schema(Territories)),
    DataSchema("territoires-textes", "Lieux d'aide, dans une langue", ("docs/*/_data/territoires.yml",),
               lambda: blocks_of(PlaceTexts.model_json_schema())),
    DataSchema("vrai-faux", "Vrai ou faux (réponses, sources)", ("docs/_data/vrai-faux.yml",),
               lambda: list_of(Statement, ("text",))),
    DataSchema("vrai-faux-textes", "Vrai ou faux, dans une langue", ("docs/*/_data/vrai-faux.yml",),
               lambda: blocks_of(model_schema(StatementText))),
    DataSchema("videos", "Vidéothèque", ("docs/_data/videos.yml",), lambda: list_of(Video, ("text", "vtt"))),
    DataSchema("videos-textes", "Vidéos, dans une langue", ("docs/*/_data/videos.yml",),
               lambda: blocks_of(model_schema(VideoText))),
    DataSchema("bd-externes", "Outils d'autres organisations", ("docs/_data/bd-externes.yml",),
               lambda: list_of(External, ("text",))),
    DataSchema("bd-externes-textes", "Outils d'autres organisations, dans une langue", ("docs/*/_data/bd-externes.yml",),
               lambda: blocks_of(model_schema(ExternalText))),
    DataSchema("interface", "Textes de l'interface, dans une langue", ("docs/*/_data/interface.yml",), interface_schema),
    DataSchema("personnages", "Personnages dessinés d'une histoire", ("docs/_data/bd/*.yml",), cast_schema),
    *(DataSchema(f"en-tete-{kind}", f"En-tête d'une page : {kind.replace('-', ' ')}", (), lambda model=model: model_schema(model))
      for kind, model in FRONT_MATTER.items()),
)


def document(schema: DataSchema) -> dict:
    """The schema as its file holds it."""
    return {"$schema": DRAFT, "title": schema.title, **schema.make()}


def schema_text(schema: DataSchema) -> str:
    return json.dumps(document(schema), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def editor_settings() -> str:
    """.vscode/settings.json: each schema for its files (VS Code's YAML extension, by Red Hat)."""
    mapping = {f"./{FOLDER}/{schema.name}.json": list(schema.files) for schema in DATA_SCHEMAS if schema.files}
    return json.dumps({"yaml.schemas": mapping, "yaml.validate": True, "files.encoding": "utf8"},
                      ensure_ascii=False, indent=2) + "\n"


SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S+\n")


def with_schema_line(text: str, data_file: Path, root: Path, schema: DataSchema) -> str:
    """The data file's text with its first line naming its schema (relative to the file), for any YAML
    language server; the rest as written."""
    target = posixpath.relpath(f"{FOLDER}/{schema.name}.json", data_file.parent.relative_to(root).as_posix())
    return f"# yaml-language-server: $schema={target}\n" + SCHEMA_LINE.sub("", text, count=1)


def data_files(root: Path) -> Iterator[tuple[Path, DataSchema]]:
    for schema in DATA_SCHEMAS:
        for pattern in schema.files:
            for path in sorted(root.glob(pattern)):
                yield path, schema


def generated(root: Path) -> dict[Path, str]:
    """Every file scripts/schemas.py writes, with its text: the schemas, the editor's settings, and each
    data file with its schema line."""
    files = {root / FOLDER / f"{schema.name}.json": schema_text(schema) for schema in DATA_SCHEMAS}
    files[root / ".vscode" / "settings.json"] = editor_settings()
    for path, schema in data_files(root):
        files[path] = with_schema_line(path.read_text(encoding="utf-8"), path, root, schema)
    return files
