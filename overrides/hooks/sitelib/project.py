"""The project as scripts and tests see it without MkDocs: mkdocs.yml's languages and the loaded Site."""

import os
from pathlib import Path

import yaml
from pathspec.gitignore import GitIgnoreSpec

from .data import read_yaml
from .errors import ContentError
from .languages import Languages
from .page_list import menu_pages
from .site import Site, load_site


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for what scripts need: !ENV values as MkDocs resolves them,
    !!python names left unset."""


def environment_value(loader: yaml.SafeLoader, node: yaml.Node):
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``: the first variable set, else the default (or None)."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


ConfigLoader.add_constructor("!ENV", environment_value)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict:
    """mkdocs.yml, or a French error naming its line if a volunteer's edit broke it."""
    return read_yaml(root / "mkdocs.yml", ConfigLoader)


def declared_languages(config: dict) -> list[dict]:
    """The entries of the i18n plugin's ``languages`` in mkdocs.yml, built or not."""
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return plugin["languages"]


def project_languages(root: Path) -> Languages:
    entries = declared_languages(read_config(root))
    return Languages(docs_dir=root / "docs", built=tuple(entry["locale"] for entry in entries if entry.get("build", True)),
                     default=next(entry["locale"] for entry in entries if entry.get("default")),
                     untranslated={entry["locale"]: list((entry.get("extra") or {}).get("untranslated", [])) for entry in entries})


def configuration_errors(root: Path) -> list[ContentError]:
    """What MkDocs would refuse in mkdocs.yml before any hook runs (and say in English): its YAML, its
    languages, the shape of its menu."""
    try:
        project_languages(root)
        menu_pages(read_config(root).get("nav") or [])
    except ContentError as error:
        return [error]
    return []


def project_site(root: Path) -> Site:
    """Every data file and page collection of the project, loaded and checked as the build does."""
    config = read_config(root)
    extra, outside_menu = config["extra"], GitIgnoreSpec.from_lines((config.get("not_in_nav") or "").splitlines())
    return load_site(root, project_languages(root), extra["footer_contacts"], config["nav"], publisher=extra.get("publisher"),
                     outside_menu=outside_menu.match_file)
