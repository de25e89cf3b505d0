#!/usr/bin/env python3
"""État des traductions : pour chaque langue, les pages à jour, à revoir (la page française a changé depuis
la traduction), sans empreinte, non traduites, et combien ont été relues par une personne qui parle la langue.

Usage :
  python scripts/translations.py                         l'état de toutes les langues
  python scripts/translations.py --marquer es aide.md    après avoir traduit (ou mis à jour) docs/es/aide.md
                                                         d'après la page française actuelle
  python scripts/translations.py --marquer es            toutes les pages écrites en « es »
Une page relue : mettez « relue: true » sous « traduction: » dans son en-tête (le marquage le garde).
Code de sortie 1 si un en-tête « traduction » est mal formé.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib.languages import pages_of  # noqa: E402
from sitelib.project import project_languages  # noqa: E402
from sitelib.translations import stamp, status_lines, translation_status  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marquer", nargs="+", metavar=("LANGUE", "PAGE"),
                        help="noter que ces pages (toutes, sans PAGE) sont traduites de la page française actuelle")
    arguments = parser.parse_args()
    languages = project_languages(ROOT)
    docs = languages.docs_dir
    if arguments.marquer:
        language, *pages = arguments.marquer
        if language not in languages.built or language == languages.default:
            print(f"« {language} » n'est pas une langue de traduction du site ({', '.join(languages.built)}).")
            return 1
        written = pages_of(docs, language) & pages_of(docs, languages.default)
        unknown = sorted(set(pages) - written)
        if unknown:
            print(f"Pas de page de ce nom dans docs/{language}/ et docs/{languages.default}/ : {', '.join(unknown)}")
            return 1
        changed = [page for page in sorted(pages or written) if stamp(docs / language / page, docs / languages.default / page)]
        print(f"{len(changed)} page(s) marquée(s) en « {language} »." + "".join(f"\n  - {page}" for page in changed))
        return 0
    statuses, errors = translation_status(languages)
    print("\n".join(status_lines(statuses)))
    for error in errors:
        print(error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
