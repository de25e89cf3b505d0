"""``make check`` (scripts/check.py): every content rule in seconds, in French. On the project it finds
nothing and says how long it took (the mistakes it finds: tests/test_volunteer_mistakes.py)."""

import resource
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

