#!/usr/bin/env python3
"""Vérifie tout le contenu en quelques secondes, sans navigateur et sans construire le site : make check.

Usage : python scripts/check.py
Les mêmes règles que la construction (et que « make serve ») : chaque fichier de données, chaque
histoire et ses vignettes, chaque page de chaque langue (titre, intertitres, description, images,
marqueurs), les pages du menu, les liens vers d'autres pages. Chaque erreur en français, avec le
fichier, l'endroit et ce qu'il faut changer. Code de sortie 1 s'il y a une erreur.
"""

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib import page_list, page_markdown  # noqa: E402
from sitelib.errors import ContentError, ContentErrors  # noqa: E402
from sitelib.pages import PageContext, read_page  # noqa: E402
from sitelib.project import project_languages, project_site, read_config  # noqa: E402

LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)")


def found(action) -> list[ContentError]:
    """The content errors ``action`` raises (none: [])."""
    try:
        action()
    except ContentErrors as errors:
        return errors.errors
    except ContentError as error:
        return [error]
    return []


def page_url(root: str, page: str) -> str:
    """The page's address from the site's root, as MkDocs makes it ("en/" + "lexique/viol.md" → "en/lexique/viol/")."""
    path = page.removesuffix(".md")
    path = path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"
    return root + path


def link_errors(body: str, first_line: int, path: Path, docs: Path, language: str, default: str, file: str) -> list[ContentError]:
    """Links to pages that exist neither in the page's language nor in the default language (its fallback)."""
    errors = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        for link in LINK.finditer(line):
            target = (path.parent / link["target"]).resolve()
            relative = target.relative_to((docs / language).resolve()) if target.is_relative_to((docs / language).resolve()) else None
            if relative is None or not ((docs / language / relative).exists() or (docs / default / relative).exists()):
                errors.append(ContentError(file, f"ligne {number}", f"le lien « {link['target']} » mène à une page qui n'existe pas.",
                                           "corrigez le chemin, depuis le dossier de cette page (ex. ../articles/loverboy.md)."))
    return errors


def check() -> list[ContentError]:
    errors = []
    site = None

    def load():
        nonlocal site
        site = project_site(ROOT)
    errors += found(load)
    languages = project_languages(ROOT)
    docs = languages.docs_dir
    config = read_config(ROOT)
    errors += found(lambda: page_list.menu_entries(config["nav"], {}, lambda page: page_list.page_title(
        docs, languages.default, languages.default, page)))
    for language in languages.ordered():
        for path in sorted((docs / language).rglob("*.md")):
            source, problems = read_page(path)
            errors += problems
            if source is None:
                continue
            page = path.relative_to(docs / language).as_posix()
            context = PageContext(f"{language}/{page}", page_url(languages.root(language), page), language,
                                  languages.root(language), site.ui(language) if site else None)
            meta = dict(source.meta)
            # With a data file wrong, the pages' own rules still, without what needs the data (markers' names, help numbers).
            names = set(page_markdown.marker_handlers(site, context, meta)) if site else set()
            errors += page_markdown.page_errors(source.body, meta, context.kind, source.file, source.body_line, site, names)
            if site:
                errors += found(lambda: page_markdown.complete_page(source.body, meta, site, context, source.file))
            errors += link_errors(source.body, source.body_line, path, docs, language, languages.default, source.file)
    return errors


def main() -> int:
    started = time.perf_counter()
    errors = check()
    seconds = time.perf_counter() - started
    for error in errors:
        print(f"  • {error}")
    if errors:
        print(f"{len(errors)} erreur(s) dans le contenu ({seconds:.1f} s).")
        return 1
    print(f"Contenu vérifié : aucune erreur ({seconds:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
