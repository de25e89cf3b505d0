"""Another engine: ProperDocs, the maintained fork of MkDocs, builds this site unchanged. Its strict
build must give the same files as the session's MkDocs build, and the same pages but for the
generator <meta>, so that the move away from MkDocs 1.x (unmaintained) is one word in the Makefile."""

import difflib
import gzip
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import brotli
import pytest

from site_map import ROOT

GENERATOR = re.compile(r'<meta name="generator"[^>]*>')


def build_with_properdocs(destination: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--clean", "-d", str(destination)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def files_of(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def comparable(file: Path) -> bytes | str:
    """What must be equal between two builds: the page without its generator <meta> (also inside its
    compressed copies, page.html.gz and .br), any other file (the sitemap has no dates, the search index
    is written in a fixed order, gzip copies carry no date) byte for byte."""
    if file.suffix == ".html":
        return GENERATOR.sub("", file.read_text(encoding="utf-8"))
    if file.name.endswith((".html.gz", ".html.br")):
        content = file.read_bytes()
        return GENERATOR.sub("", (gzip.decompress(content) if file.suffix == ".gz" else brotli.decompress(content)).decode("utf-8"))
    return file.read_bytes()


def first_difference(expected: Path, built: Path) -> str | None:
    """The first file that differs between the two builds, with a short diff if it is text; None if none."""
    for name in sorted(files_of(expected)):
        before, after = comparable(expected / name), comparable(built / name)
        if before == after:
            continue
        if isinstance(before, bytes):
            return f"{name} : contenus différents ({len(before)} octets avec MkDocs, {len(after)} avec ProperDocs)"
        diff = difflib.unified_diff(before.splitlines(), after.splitlines(), "mkdocs/" + name, "properdocs/" + name,
                                    n=1, lineterm="")
        return f"{name} :\n" + "\n".join(line[:200] for line in list(diff)[:30])
    return None


def test_properdocs_builds_the_same_site(site, tmp_path, record_property):
    started = time.monotonic()
    result = build_with_properdocs(tmp_path / "properdocs")
    seconds = time.monotonic() - started
    record_property("mesure", f"Construction avec ProperDocs (properdocs build --strict) : {seconds:.1f} s")
    assert result.returncode == 0, "properdocs build --strict a échoué :\n" + result.stdout + result.stderr
    built = tmp_path / "properdocs"

    expected_files, built_files = files_of(site), files_of(built)
    assert expected_files == built_files, (
        "ProperDocs ne produit pas les mêmes fichiers que MkDocs.\n"
        f"Seulement avec MkDocs : {sorted(expected_files - built_files)[:20]}\n"
        f"Seulement avec ProperDocs : {sorted(built_files - expected_files)[:20]}")
    assert any(name.endswith(".html") for name in built_files), "Aucune page HTML construite."

    difference = first_difference(site, built)
    if difference:
        pytest.fail(f"ProperDocs ne construit pas le même site que MkDocs ; première différence :\n{difference}", pytrace=False)
