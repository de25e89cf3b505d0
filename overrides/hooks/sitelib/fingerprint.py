"""Content-hashed names for the site's own style sheet and scripts (mkdocs.yml's ``extra_css`` and
``extra_javascript``): ``assets/site.css`` is published as ``assets/site.3f2a1b9c.css``, the first 8
hexadecimal digits of the sha256 of its content. A changed file gets a new name, so the server may let
browsers keep these files a year (``Cache-Control: max-age=31536000, immutable``) and no reader is ever
served an old script with a new page.
"""

import hashlib
import re
from pathlib import PurePosixPath

DIGITS = 8
HASHED = re.compile(rf"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{{{DIGITS}}})(?P<suffix>\.[^./]+)$")


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:DIGITS]


def hashed_uri(uri: str, content: bytes) -> str:
    """``assets/site.css`` → ``assets/site.3f2a1b9c.css``."""
    path = PurePosixPath(uri)
    return str(path.with_name(f"{path.stem}.{digest(content)}{path.suffix}"))


def plain_uri(uri: str) -> str | None:
    """``assets/site.3f2a1b9c.css`` → ``assets/site.css``; None for a name that carries no hash."""
    path = PurePosixPath(uri)
    named = HASHED.match(path.name)
    return str(path.with_name(named["stem"] + named["suffix"])) if named else None


def listed_files(entries: list[str], uris: list[str]) -> list[str]:
    """The site's files (``uris``, by their plain names) that the entries of extra_css and extra_javascript
    name, by their plain name or by a hashed one: mkdocs-static-i18n builds every language with the same
    configuration, whose entries the build of the language before renamed. An entry that names no file
    of the site (an address elsewhere) names nothing here."""
    named = set(entries) | {plain_uri(entry) for entry in entries}
    return [uri for uri in uris if uri in named]


def renamed_entry(entry: str, hashed: dict[str, str]) -> str:
    """The entry under the hashed name (``hashed``: plain name → hashed name) of the file it names, even if
    the build of the language before gave it another (the file was edited in between)."""
    return hashed.get(entry) or hashed.get(plain_uri(entry), entry)
