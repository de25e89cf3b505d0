"""CONTRIBUTING.md (French, by task), its short English version and the pull-request template, checked
against the code so that they cannot drift: every data file, script, make target and start command they
name exists, and each is named (the markers' table: tests/test_markers_and_strings.py)."""

import re

from sitelib.scaffolds import KINDS
from sitelib.schemas import data_files
from site_map import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
ENGLISH = (ROOT / "CONTRIBUTING.en.md").read_text(encoding="utf-8")
TEMPLATE = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
TASKS = ["Corriger une faute", "Mettre à jour un numéro d'aide, et le revérifier", "Ajouter une page", "Ajouter un mot au lexique",
         "Écrire une histoire en BD", "Écrire une fiche d'atelier", "Ajouter une vidéo", "Traduire une page"]


def test_the_guide_goes_task_by_task():
    section = GUIDE.split("## Par tâche", 1)[1].split("\n## ", 1)[0]
    missing = [task for task in TASKS if f"**{task}.**" not in section]
    assert not missing, f"CONTRIBUTING.md, « Par tâche » : manquent {missing}"


def test_every_kind_of_data_file_is_documented():
    names = {re.sub(r"docs/[^/]+/_data/", "docs/<langue>/_data/", path.relative_to(ROOT).as_posix()) for path, _ in data_files(ROOT)}
    names = {"docs/_data/bd/" if "/bd/" in name else name for name in names}
    missing = sorted(name for name in names if f"`{name}" not in GUIDE)
    assert not missing, f"CONTRIBUTING.md ne nomme pas : {missing}"


def test_every_start_command_is_documented_in_both_guides():
    french = set(re.findall(r"scripts/nouveau\.py (\w+)", GUIDE))
    assert set(KINDS) <= french, f"CONTRIBUTING.md : commandes de nouveau.py manquantes {sorted(set(KINDS) - french)}"
    # The English table gives one full command, then the other kinds in a list: « (or `terme`, `histoire`…) ».
    row = next(line for line in ENGLISH.splitlines() if "scripts/nouveau.py" in line)
    english = set(re.findall(r"scripts/nouveau\.py (\w+)", row)) | set(re.findall(r"`(\w+)`", row))
    assert set(KINDS) <= english, f"CONTRIBUTING.en.md : commandes de nouveau.py manquantes {sorted(set(KINDS) - english)}"


def test_every_script_and_make_target_the_guides_name_exists():
    for guide in (GUIDE, ENGLISH):
        scripts = set(re.findall(r"scripts/([\w-]+\.py)", guide))
        assert scripts and all((ROOT / "scripts" / script).is_file() for script in scripts), scripts
        targets = set(re.findall(r"`make ([\w-]+)", guide))
        assert targets and all(re.search(rf"^{re.escape(target)}:", MAKEFILE, re.MULTILINE) for target in targets), targets


def test_the_pull_request_template_has_the_content_checklist():
    boxes = re.findall(r"^- \[ \] \*\*(.+?)\*\*", TEMPLATE, re.MULTILINE)
    for item in ("Source pour chaque fait", "Les deux langues", "Contact revérifié", "`make check` sans erreur"):
        assert item in boxes, (item, boxes)
