"""Interface strings (buttons, notices, labels): one file per language, docs/<langue>/_data/interface.yml."""

import re
from collections.abc import Iterator, Mapping
from typing import Literal

from babel import Locale

from .data import read_yaml
from .errors import ContentError, raise_all
from .languages import Languages
from .pages import display_path


PLACEHOLDER = re.compile(r"\{(\w*)\}")


def load_strings(languages: Languages) -> dict[str, dict[str, str]]:
    """Each language's docs/<langue>/_data/interface.yml has exactly the keys of the default language's,
    none empty, with the same {placeholders}."""
    reference_file = languages.data_file(languages.default, "interface.yml")
    blocks, errors = {}, []
    for language in languages.ordered():
        path = languages.data_file(language, "interface.yml")
        file = display_path(path)
        if not path.exists():
            errors.append(ContentError(file, "fichier entier", "les textes de l'interface de cette langue manquent.",
                                       f"lancez « python scripts/new_language.py {language} », ou copiez "
                                       f"{display_path(reference_file)} ici et traduisez chaque texte."))
            continue
        block = read_yaml(path) or {}
        if not isinstance(block, dict):
            errors.append(ContentError(file, "fichier entier", "le fichier doit donner un texte par ligne « nom: texte ».",
                                       f"suivez le modèle de {display_path(reference_file)}."))
            continue
        blocks[language] = block
    reference = blocks.get(languages.default)
    if reference is None:
        raise_all(errors)
    keys = set(reference)
    others = [set(block) for language, block in blocks.items() if language != languages.default]
    # A name every other language has and the reference lacks, while the reference has one no other language
    # has: the reference's name was changed (a typo), and that file alone is named.
    lost, new = (set.intersection(*others) - keys, keys - set.union(*others)) if others else (set(), set())
    renamed = bool(lost and new)
    if renamed:
        errors.append(ContentError(display_path(reference_file), f"texte « {', '.join(sorted(new))} »",
                                   f"ce nom n'existe dans aucune autre langue, et « {', '.join(sorted(lost))} », que toutes les "
                                   "autres ont, manque ici : un nom mal écrit ?",
                                   f"rendez-lui son nom « {', '.join(sorted(lost))} » (un texte nouveau s'ajoute aussi dans "
                                   "chaque langue)."))
        keys = keys - new | lost
    for language, block in blocks.items():
        file = display_path(languages.data_file(language, "interface.yml"))
        if renamed and language == languages.default:
            continue
        for key in sorted(keys - set(block)):
            errors.append(ContentError(file, f"texte « {key} »", "ce texte n'est pas traduit.",
                                       f"ajoutez « {key}: … » (voir {display_path(reference_file)})."))
        for key in sorted(set(block) - keys):
            errors.append(ContentError(file, f"texte « {key} »", f"ce texte n'existe pas dans la langue de référence ({languages.default}).",
                                       "vérifiez l'orthographe du nom, ou supprimez la ligne."))
        for key, value in block.items():
            if key not in keys:
                continue
            if not (isinstance(value, str) and value.strip()):
                errors.append(ContentError(file, f"texte « {key} »", "ce texte est vide.", "écrivez le texte entre guillemets."))
                continue
            if key not in reference:
                continue
            expected, found = set(PLACEHOLDER.findall(str(reference[key]))), set(PLACEHOLDER.findall(value))
            if expected != found:
                wrong = ", ".join("{" + name + "}" for name in sorted(found - expected)) or "aucun"
                missing = ", ".join("{" + name + "}" for name in sorted(expected - found)) or "aucun"
                errors.append(ContentError(file, f"texte « {key} »", f"les mots entre accolades ne sont pas ceux de la langue de "
                                           f"référence (en trop : {wrong} ; manquants : {missing}).",
                                           "gardez les mots entre accolades tels quels, sans les traduire : "
                                           + (", ".join("{" + name + "}" for name in sorted(expected)) or "aucun") + "."))
    raise_all(errors)
    return blocks


class Ui(Mapping):
    """The interface strings of one language, with that language's code and writing direction.

    Renderers read ``ui["call"]``, ``ui.language`` and ``ui.direction``; templates read ``ui.call``."""

    def __init__(self, language: str, texts: dict[str, str]):
        self.language, self._texts = language, texts
        self.direction: Literal["ltr", "rtl"] = writing_direction(language)

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def writing_direction(language: str) -> Literal["ltr", "rtl"]:
    """"rtl" for Arabic, Hebrew, Persian…, from Unicode's locale data (Babel)."""
    return "rtl" if Locale.parse(language).character_order == "right-to-left" else "ltr"
