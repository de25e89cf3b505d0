"""Site search with Pagefind, run on the built site once every language is built.

Pagefind (its extended build, from PyPI: the binary comes in the wheel) writes one index per
``<html lang>`` under /pagefind/: a page is found in its own language only, and a page shown in the
default language keeps its reader's language, so it is found in that language's search. Only the
element marked ``data-pagefind-body`` (the page's text, see overrides/main.html) is indexed, less
what is marked ``data-pagefind-ignore`` (help cards, lexicon popovers: repeated on many pages).

Nothing is downloaded until a reader opens search (overrides/assets/search.js).
"""

import json
import subprocess
import sys
from pathlib import Path

from .errors import ContentError

BUNDLE = "pagefind"  # folder of the search files, at the site root
# Pagefind's ready-made interfaces: the site has its own (search.js), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def index_site(site_dir: Path) -> str:
    """Index every built page; returns Pagefind's summary ("Indexed 7 languages…")."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise ContentError("(construction)", "index de recherche", "Pagefind n'a pas pu indexer le site :\n"
                           + (done.stderr or done.stdout).strip(), "relancez « make test » pour réinstaller Pagefind.")
    for name in UNUSED:
        (site_dir / BUNDLE / name).unlink(missing_ok=True)
    # Pagefind lists the languages in the order its threads finish: sorted, the same site gives the same file.
    entry = site_dir / BUNDLE / "pagefind-entry.json"
    languages = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**languages, "languages": dict(sorted(languages["languages"].items()))},
                                ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return " ; ".join(line.strip() for line in done.stdout.splitlines() if line.strip().startswith("Indexed"))
