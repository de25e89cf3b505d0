#!/usr/bin/env python3
"""Commence une page, un terme du lexique, une histoire, une fiche d'atelier ou une vidéo, en français :
le fichier à remplir, son entrée dans le menu, et dans chaque autre langue la déclaration « pas encore
traduite » (la page s'y affiche en français, annoncée comme telle). Puis dit quoi remplir ; « make serve »
et « make check » listent ce qui reste à écrire tant que ce n'est pas fait.

Usage :
  python scripts/nouveau.py page articles/mon-article.md "Mon titre" --rubrique Comprendre
  python scripts/nouveau.py terme mot-nouveau "Mot nouveau"
  python scripts/nouveau.py histoire le-faux-casting "Le faux casting"
  python scripts/nouveau.py fiche ecrans-et-argent "Écrans et argent"
  python scripts/nouveau.py video mon-clip "Titre de la vidéo"
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib.errors import ContentError  # noqa: E402
from sitelib.project import project_languages  # noqa: E402
from sitelib.scaffolds import KINDS, plan  # noqa: E402


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Commence un contenu nouveau, en français.")
    parser.add_argument("genre", choices=KINDS, help="ce que vous commencez")
    parser.add_argument("nom", help="le chemin de la page (page) ou l'identifiant (les autres), en minuscules et tirets")
    parser.add_argument("titre", help="le titre, entre guillemets")
    parser.add_argument("--rubrique", help="la rubrique du menu (une page), telle qu'écrite dans « nav » de mkdocs.yml")
    chosen = parser.parse_args(arguments)
    try:
        written = plan(ROOT, project_languages(ROOT), chosen.genre, chosen.nom, chosen.titre, chosen.rubrique)
    except ContentError as error:
        print(f"  • {error}")
        return 1
    for path, text in written.created.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"Créé : {path.relative_to(ROOT).as_posix()}")
    for path, text in written.changed.items():
        path.write_text(text, encoding="utf-8")
        print(f"Modifié : {path.relative_to(ROOT).as_posix()}")
    print("À remplir :")
    for line in written.to_fill:
        print(f"  • {line}")
    print("Puis « make serve » : tant qu'il reste à écrire, l'aperçu le dit, en français.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
