#!/usr/bin/env python3
"""Vérifie tout le contenu en quelques secondes, sans navigateur et sans construire le site : make check.

Usage : python scripts/check.py [--configuration]
  --configuration : seulement mkdocs.yml, lisible (avant « make serve » et « make build », qui sans cela
                    n'en diraient l'erreur qu'en anglais).
Les mêmes règles que la construction (et que « make serve ») : chaque fichier de données, chaque
histoire et ses vignettes, chaque page de chaque langue (titre, intertitres, description, images,
marqueurs), les pages du menu, les liens vers d'autres pages. Chaque erreur en français, avec le
fichier, l'endroit et ce qu'il faut changer. Code de sortie 1 s'il y a une erreur.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from sitelib import page_markdown, page_rules  # noqa: E402
from sitelib.errors import ContentError, ContentErrors  # noqa: E402
from sitelib.pages import PageContext, read_page  # noqa: E402
from sitelib.project import configuration_errors, project_languages, project_site  # noqa: E402


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


def check() -> list[ContentError]:
    if errors := configuration_errors(ROOT):
        return errors  # mkdocs.yml unreadable: nothing else can be read
    site, languages = None, project_languages(ROOT)

    def load():
        nonlocal site
        site = project_site(ROOT)
    errors += found(load)
    docs = languages.docs_dir
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
            # With a data file wrong (site None), the pages' own rules still, without what needs the data.
            errors += page_markdown.page_errors(source.body, meta, site, context, source.file, source.body_line)
            if site:
                errors += found(lambda: page_markdown.complete_page(source.body, meta, site, context, source.file))
            errors += page_rules.link_errors(source.body, source.body_line, path, docs, language, languages.default, source.file)
    return errors


def main() -> int:
    started = time.perf_counter()
    # A file named twice (an unreadable page, read by the data and by the pages' rules) is said once.
    errors = list({str(error): error for error in (configuration_errors(ROOT) if "--configuration" in sys.argv[1:] else check())}.values())
    seconds = time.perf_counter() - started
    for error in errors:
        print(f"  • {error}")
    if errors:
        print(f"{len(errors)} erreur(s) dans le contenu ({seconds:.1f} s).")
        return 1
    if "--configuration" not in sys.argv[1:]:
        print(f"Contenu vérifié : aucune erreur ({seconds:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
