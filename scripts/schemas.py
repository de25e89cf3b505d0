#!/usr/bin/env python3
"""Schémas JSON des fichiers de données, pour que l'éditeur signale une erreur pendant la frappe.

Usage : python scripts/schemas.py
Écrit scripts/schemas/*.json (faits d'après les modèles qui vérifient les données à la construction),
.vscode/settings.json (VS Code et son extension YAML), et la première ligne
« # yaml-language-server: $schema=… » de chaque fichier de données. À relancer après un changement de
modèle ou un nouveau fichier de données : un test vérifie que rien n'a dérivé.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib.schemas import generated  # noqa: E402


def main() -> int:
    changed = []
    for path, text in generated(ROOT).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path.relative_to(ROOT).as_posix())
    print(f"{len(changed)} fichier(s) écrit(s)." + "".join(f"\n  - {name}" for name in changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
