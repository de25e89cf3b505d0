#!/usr/bin/env python3
"""Liste ce qu'il faut vérifier sur les contacts d'aide et l'aide locale avant la mise en ligne.

Usage : python scripts/check_contacts.py [--age JOURS]

Trois listes :
- les informations seulement recopiées d'une copie enregistrée de leur source (verified_how: copie),
  jamais vérifiées en direct : à vérifier en ligne ou en appelant, puis noter « en-ligne » ou « appel » ;
- les sources trop vagues pour qu'un lecteur y retrouve l'information (la page d'accueil d'un site) ;
- les vérifications plus vieilles que --age jours (365 par défaut).
Code de sortie 1 si une vérification a plus de deux ans (la CI le signale) ; les autres listes
informent sans bloquer.
"""

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib.contacts import load_contacts  # noqa: E402
from sitelib.project import project_languages  # noqa: E402
from sitelib.territories import load_territories  # noqa: E402

TO_RECHECK_DAYS = 365
OVERDUE_DAYS = 730


@dataclass(frozen=True)
class Checked:
    """One thing the site shows with a source and a verification: a contact, or the local help list."""
    name: str
    source: str
    verified: datetime.date
    verified_how: str


@dataclass(frozen=True)
class Report:
    not_live: list[str]  # only transcribed from a stored copy
    vague_sources: list[str]  # a site's home page, where a reader cannot find the fact
    to_recheck: list[str]
    overdue: list[str]


def checked_items(root: Path = ROOT) -> list[Checked]:
    languages = project_languages(root)
    contacts = load_contacts(root / "docs" / "_data" / "contacts.yml", languages)
    territories = load_territories(root / "docs" / "_data" / "territoires.yml", languages)
    return ([Checked(f"contact « {c.id} »", str(c.source), c.verified, c.verified_how) for c in contacts.values()]
            + [Checked("aide locale (territoires.yml)", str(territories.source), territories.verified, territories.verified_how)])


def is_home_page(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def report(today: datetime.date, recheck_days: int, overdue_days: int, items: list[Checked] | None = None) -> Report:
    items = checked_items() if items is None else items
    def line(item: Checked) -> str:
        return (f"  - {item.name} : {item.verified_how} du {item.verified.isoformat()} "
                f"({(today - item.verified).days} jours), source : {item.source}")
    def older(days: int) -> list[str]:
        return [line(i) for i in sorted(items, key=lambda i: i.verified) if (today - i.verified).days > days]
    return Report(not_live=[line(i) for i in items if i.verified_how == "copie"],
                  vague_sources=[line(i) for i in items if is_home_page(i.source)],
                  to_recheck=older(recheck_days), overdue=older(overdue_days))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--age", type=int, default=TO_RECHECK_DAYS, help="âge en jours au-delà duquel revérifier (365)")
    arguments = parser.parse_args()
    found = report(datetime.date.today(), arguments.age, OVERDUE_DAYS)
    sections = [
        ("Jamais vérifiés en direct (recopiés d'une copie enregistrée de la source) : vérifiez sur le site du service "
         "ou en appelant, puis écrivez verified_how: en-ligne (ou appel) et la date dans docs/_data/contacts.yml", found.not_live),
        ("Sources trop vagues (page d'accueil d'un site) : remplacez-les par la page qui dit l'information", found.vague_sources),
        (f"Vérifiés il y a plus de {arguments.age} jours", found.to_recheck),
    ]
    for title, lines in sections:
        print(f"{title} : {len(lines)}")
        print("\n".join(lines) or "  aucun")
    if found.overdue:
        print(f"En retard (plus de {OVERDUE_DAYS} jours) : revérifiez-les avant toute publication.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
