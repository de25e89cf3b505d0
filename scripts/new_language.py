#!/usr/bin/env python3
"""Prépare une nouvelle langue du site, puis dit ce qu'il reste à traduire.

Usage : python scripts/new_language.py es        (prépare l'espagnol s'il ne l'est pas, puis fait le point)

Une langue, c'est une entrée dans mkdocs.yml et un dossier docs/<langue>/. Ce script :
  1. ajoute l'entrée de la langue dans mkdocs.yml, avec « untranslated: ["*"] » : toute page pas encore
     écrite s'affiche en français, avec un avis dans la langue du lecteur ;
  2. crée docs/<langue>/_data/interface.yml, copie des textes de l'interface en français, à traduire ;
  3. affiche la liste de ce qui reste : textes de l'interface encore en français, fichiers de données
     et pages pas encore traduits, et la liste de terminologie de la langue (docs/<langue>/_data/terminologie.yml :
     un terme français, une seule traduction), à écrire sur le modèle d'une langue qui en a une.
Relancez-le quand vous voulez pour refaire le point.
"""

import sys
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from sitelib.languages import fallback_pages  # noqa: E402
from sitelib.project import ConfigLoader, declared_languages, project_languages  # noqa: E402

CONFIG = ROOT / "mkdocs.yml"
DOCS = ROOT / "docs"
DEFAULT = project_languages(ROOT).default
TO_TRANSLATE = "# À TRADUIRE : copie des textes en français. Traduisez chaque texte ; gardez les noms avant « : »\n" \
               "# et les mots entre accolades, comme {number}, tels quels.\n"


def language_entry(code: str, text: str) -> str:
    """The mkdocs.yml entry of a new language: its name in its own language, French names to translate."""
    config = yaml.load(text, Loader=ConfigLoader)
    sections = [key for item in config["nav"] if isinstance(item, dict) for key in item]
    sections += [key for item in config["nav"] if isinstance(item, dict) for value in item.values()
                 for sub in value if isinstance(sub, dict) for key in sub]
    name = Locale.parse(code).get_display_name(code)
    lines = [f"        - locale: {code}", f"          name: {name[:1].upper() + name[1:]}", "          build: true",
             "          # À traduire : le nom du site, sa description, le pied de page, les titres du menu.",
             f"          site_name: {config['site_name']}", "          site_description: >-",
             f"            {' '.join(config['site_description'].split())}", f"          copyright: {config['copyright']}",
             "          extra:", "            # Les pages pas encore écrites dans cette langue s'affichent en français.",
             '            untranslated: ["*"]', "          nav_translations:"]
    lines += [f"            {section}: {section}" for section in dict.fromkeys(sections)]
    return "\n".join(lines) + "\n"


def add_to_config(code: str) -> None:
    text = CONFIG.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = lines.index("      languages:")
    end = next(n for n in range(start + 1, len(lines)) if lines[n].strip() and not lines[n].startswith("        "))
    lines[end:end] = language_entry(code, text).rstrip("\n").split("\n")
    CONFIG.write_text("\n".join(lines), encoding="utf-8")


def untranslated_strings(code: str) -> list[str]:
    reference = yaml.safe_load((DOCS / DEFAULT / "_data" / "interface.yml").read_text(encoding="utf-8"))
    texts = yaml.safe_load((DOCS / code / "_data" / "interface.yml").read_text(encoding="utf-8")) or {}
    return [key for key, value in reference.items() if texts.get(key) == value and not key.startswith("language_")]


def report(code: str) -> list[str]:
    lines = [f"Langue « {code} » — ce qu'il reste à faire :"]
    same = untranslated_strings(code)
    lines.append(f"- textes de l'interface encore en français : {len(same)} (docs/{code}/_data/interface.yml)"
                 + (f" : {', '.join(same[:8])}{'…' if len(same) > 8 else ''}" if same else ""))
    missing_data = sorted(path.name for path in (DOCS / DEFAULT / "_data").glob("*.yml")
                          if not (DOCS / code / "_data" / path.name).exists())
    lines.append(f"- fichiers de données à traduire (copiez docs/{DEFAULT}/_data/<fichier>) : "
                 + (", ".join(missing_data) if missing_data else "aucun"))
    # The terminology list is not a copy of a French file: each language writes its own, on a model's shape.
    if not (DOCS / code / "_data" / "terminologie.yml").exists():
        models = sorted(path.relative_to(ROOT).as_posix() for path in DOCS.glob("*/_data/terminologie.yml"))
        lines.append(f"- liste de terminologie à écrire : docs/{code}/_data/terminologie.yml (un terme français, une seule "
                     "traduction, les variantes à éviter ; vérifiée par tests/test_terminology.py)"
                     + (f", sur le modèle de {models[0]}" if models else ""))
    pages = sorted(fallback_pages(DOCS, code, DEFAULT))
    lines.append(f"- pages pas encore traduites (affichées en français) : {len(pages)}")
    lines += [f"    docs/{code}/{page}" for page in pages]
    lines.append("Quand tout est traduit, retirez « untranslated » de la langue dans mkdocs.yml : la construction "
                 "dira alors ce qui manque encore.")
    return lines


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print(__doc__)
        return 2
    code = arguments[0]
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        print(f"« {code} » n'est pas un code de langue connu (exemples : es, pt, ro, zh, ar).")
        return 2
    config = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=ConfigLoader)
    if code not in [entry["locale"] for entry in declared_languages(config)]:
        add_to_config(code)
        print(f"mkdocs.yml : langue « {code} » ajoutée (toutes ses pages s'affichent en français pour commencer).")
    interface = DOCS / code / "_data" / "interface.yml"
    if not interface.exists():
        interface.parent.mkdir(parents=True, exist_ok=True)
        reference = (DOCS / DEFAULT / "_data" / "interface.yml").read_text(encoding="utf-8")
        body = "\n".join(line for line in reference.split("\n") if not line.startswith("#"))
        interface.write_text(TO_TRANSLATE + body, encoding="utf-8")
        print(f"{interface.relative_to(ROOT)} : textes de l'interface à traduire.")
    print("\n".join(report(code)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
