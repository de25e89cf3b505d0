"""Internal links of the built site, crawled by linkchecker over the loopback server."""

import shutil
import subprocess
import sys
from pathlib import Path


def linkchecker() -> str:
    found = shutil.which("linkchecker") or str(Path(sys.executable).with_name("linkchecker"))
    assert Path(found).exists(), "linkchecker est introuvable : lancez « make test », qui l'installe."
    return found


def test_no_broken_internal_link(server, tmp_path):
    # Only the site's own URLs are checked (linkchecker's default): no request leaves the machine.
    # Our server answers with the "LinkChecker" header, so the crawl may exceed 10 requests a second
    # (the default limit made it last 90 s instead of about 15).
    settings = tmp_path / "linkcheckerrc"
    settings.write_text("[checking]\nmaxrequestspersecond=1000\n", encoding="utf-8")
    result = subprocess.run([linkchecker(), "--config", str(settings), "--no-status", "--no-warnings", "--threads", "10", server],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, "Liens internes cassés (corrigez le lien dans la page indiquée par « Parent URL ») :\n" + result.stdout[-6000:]
