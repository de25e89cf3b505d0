#!/usr/bin/env python3
"""Liste les contacts d'aide à revérifier (date « verified » trop ancienne).

Usage : python scripts/check_contacts.py [--age JOURS]
Code de sortie 1 si un contact dépasse le seuil d'alerte (24 mois par défaut), pour la CI.
"""

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib.contacts import load_contacts, stale_contacts  # noqa: E402
from sitelib.project import project_languages  # noqa: E402

TO_RECHECK_DAYS = 365
OVERDUE_DAYS = 730


def report(today: datetime.date, recheck_days: int, overdue_days: int) -> tuple[list[str], list[str]]:
    contacts = load_contacts(ROOT / "docs" / "_data" / "contacts.yml", project_languages(ROOT))
    line = "  - {id} : vérifié le {day} ({age} jours), source : {source}"
    def lines(found):
        return [line.format(id=c.id, day=c.verified.isoformat(), age=(today - c.verified).days, source=c.source) for c in found]
    return lines(stale_contacts(contacts, today, recheck_days)), lines(stale_contacts(contacts, today, overdue_days))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--age", type=int, default=TO_RECHECK_DAYS, help="âge en jours au-delà duquel revérifier (365)")
    arguments = parser.parse_args()
    recheck, overdue = report(datetime.date.today(), arguments.age, OVERDUE_DAYS)
    print(f"Contacts à revérifier (plus de {arguments.age} jours) : {len(recheck)}")
    print("\n".join(recheck) or "  aucun")
    if overdue:
        print(f"En retard (plus de {OVERDUE_DAYS} jours) : revérifiez-les avant toute publication.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
