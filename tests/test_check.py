"""``make check`` (scripts/check.py): every content rule in seconds, in French. On the project it finds
nothing and says how long it took; on a copy where a volunteer made one mistake in each of many files,
it names every file and place, exits 1, and shows no Python traceback."""

import resource
import shutil
import subprocess
import sys
import time

from site_map import ROOT

CHECK_GOAL_SECONDS = 30


def run_check(root):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "scripts/check.py"], cwd=root, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, time.perf_counter() - started, cpu


def test_make_check_finds_nothing_in_the_project_and_takes_seconds(record_property):
    result, seconds, cpu = run_check(ROOT)
    record_property("mesure", f"make check : {seconds:.1f} s, dont {cpu:.1f} s de processeur (objectif : {CHECK_GOAL_SECONDS} s "
                              "sur 2 cœurs)")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "aucune erreur" in result.stdout
    # On processor time, which a busy machine does not stretch.
    assert cpu <= CHECK_GOAL_SECONDS, f"make check a pris {cpu:.1f} s de processeur (objectif : {CHECK_GOAL_SECONDS} s)."


def edit(root, name, old, new):
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# One mistake per file: the file, what is replaced, by what, and words of the message (file — place : problem).
MISTAKES = [
    ("docs/fr/aide.md", "<!-- @numeros", "<!-- @numeros 119\n\n<!-- @numeros", "ce marqueur n'est pas fermé"),
    ("docs/en/articles/loverboy.md", "<!-- @", "<!-- @ ", "il y a un espace entre « @ »"),
    ("docs/fr/securite.md", "\ndescription:", "\ndescription: \"" + "Trop long. " * 16 + "\"\nx_description:", "la description a 175 signes"),
    ("docs/fr/histoires/le-follower.md", "<!-- @vignette ecran", "<!-- @vignette plage", "le lieu « plage » n'existe pas"),
    ("docs/_data/bd/le-casting.yml", "peau: ", "peau: 9 #", "la valeur « 9 » est trop grande"),
    ("docs/_data/contacts.yml", "verified: 20", "verified: 2026-02-30\n  x: 20", "la date « 2026-02-30 » n'existe pas"),
    ("mkdocs.yml", "      - aide.md\n", "      - aide.md\n      - absente.md\n", "le menu nomme la page « absente.md »"),
    ("docs/fr/articles/sante.md", "\n## ", "\n[une page](page-absente.md)\n\n## ", "le lien « page-absente.md » mène à une page qui n'existe pas"),
    ("docs/fr/articles/emprise.md", "\n## ", "\n![](images/absente.png)\n\n## ", "cette image n'a pas de texte alternatif"),
    ("docs/en/a-propos.md", "\n## ", "\n#### A heading too deep\n\n## ", "un niveau est sauté"),
]


def test_each_mistake_is_named_with_its_file_in_one_run_without_a_traceback(tmp_path):
    for part in ("docs", "overrides", "assets"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "check.py", tmp_path / "scripts")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    for name, old, new, _ in MISTAKES:
        edit(tmp_path, name, old, new)
    result, _, _ = run_check(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    missing = [(name, words) for name, _, _, words in MISTAKES
               if not any(line.startswith(f"  • {name} — ") and words in line for line in output.splitlines())]
    assert not missing, f"Non signalé(s) : {missing}\n{output}"
