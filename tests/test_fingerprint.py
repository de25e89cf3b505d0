"""The site's own CSS and JavaScript (mkdocs.yml extra_css, extra_javascript) are published only under
content-hashed names (sitelib/fingerprint.py), so that a server can let browsers keep them a year; and
nothing of the theme's hooks folder (the PDFs' style sheets) is published."""

import hashlib
import re
from urllib.parse import urljoin, urlsplit

from sitelib.fingerprint import hashed_uri, listed_files, plain_uri, renamed_entry
from sitelib.translations import STATUS_PAGE
from site_map import ROOT, site_config

THEME = ROOT / "overrides"
# The addresses of the style sheets and scripts a page loads.
LOADED = re.compile(r'<(?:link|script)\b[^>]*?\b(?:href|src)="([^"]+\.(?:css|js))"')


def listed_entries() -> list[str]:
    config = site_config()
    return [*config["extra_css"], *(entry if isinstance(entry, str) else entry["path"] for entry in config["extra_javascript"])]


def test_a_hashed_name_carries_8_digits_of_the_sha256_of_the_content():
    content = b"body { color: black; }\n"
    digits = hashlib.sha256(content).hexdigest()[:8]
    assert hashed_uri("assets/site.css", content) == f"assets/site.{digits}.css"
    assert hashed_uri("assets/site.css", content + b"\n") != hashed_uri("assets/site.css", content), "Un contenu changé doit changer le nom."
    assert plain_uri(f"assets/site.{digits}.css") == "assets/site.css"
    assert plain_uri("assets/site.css") is None and plain_uri("assets/stylesheets/main.57a0d79d.min.css") is None


def test_every_language_build_renames_the_same_files_and_entries():
    """mkdocs-static-i18n builds every language with the same configuration: the build of the second language
    finds the files by the hashed names the first gave the entries, and an address elsewhere is kept."""
    files = ["assets/site.css", "assets/quiz.js", "assets/logo.svg", "assets/stylesheets/main.57a0d79d.min.css"]
    entries = ["assets/site.css", "assets/quiz.js", "https://example.org/outil.js"]
    hashed = {uri: hashed_uri(uri, b"contenu de " + uri.encode()) for uri in listed_files(entries, files)}
    assert sorted(hashed) == ["assets/quiz.js", "assets/site.css"]
    first = [renamed_entry(entry, hashed) for entry in entries]
    assert first == [hashed["assets/site.css"], hashed["assets/quiz.js"], "https://example.org/outil.js"]
    assert listed_files(first, files) == ["assets/site.css", "assets/quiz.js"]
    assert [renamed_entry(entry, hashed) for entry in first] == first, "Renommer deux fois ne doit rien changer."
    edited = {**hashed, "assets/site.css": hashed_uri("assets/site.css", b"edited between two languages")}
    assert renamed_entry(first[0], edited) == edited["assets/site.css"]


def test_every_page_loads_the_sites_own_files_under_names_that_fit_their_content(site):
    """Every HTML file of the build (pages of every language, fallback pages, 404 pages, the maintainers'
    page): each of the site's own files it loads is published under its hashed name, whose digits are
    those of the published content; every page made by the theme loads every file of mkdocs.yml's lists."""
    entries, problems, pages = set(listed_entries()), [], 0
    for file in sorted(site.rglob("*.html")):
        page, loaded = file.relative_to(site).as_posix(), set()
        for address in LOADED.findall(file.read_text(encoding="utf-8")):
            path = urlsplit(urljoin("/" + page, address)).path.lstrip("/")
            plain = plain_uri(path) or path
            if urlsplit(address).netloc or not (THEME / plain).is_file():
                continue  # not one of the site's own files (Material's carry their own hash)
            loaded.add(plain)
            if plain == path:
                problems.append(f"/{page} charge {path} sous son nom sans empreinte")
            elif not (site / path).is_file():
                problems.append(f"/{page} charge {path}, absent du site construit")
            elif hashed_uri(plain, (site / path).read_bytes()) != path:
                problems.append(f"/{page} charge {path}, dont l'empreinte ne correspond pas au contenu")
        expected = set(site_config()["extra_css"]) if page == STATUS_PAGE else entries
        if missing := expected - loaded:
            problems.append(f"/{page} ne charge pas {sorted(missing)}")
        pages += 1
    assert pages > 100, f"Seulement {pages} pages HTML dans le site construit."
    assert not problems, f"{len(problems)} problème(s) :\n  - " + "\n  - ".join(problems[:20])


def test_no_unhashed_copy_and_nothing_of_the_hooks_folder_is_published(site):
    unhashed = [entry for entry in listed_entries() if (site / entry).exists()]
    assert not unhashed, f"Copies sans empreinte publiées : {unhashed}"
    hooks = [path.relative_to(site).as_posix() for path in site.rglob("*")
             if path.relative_to(site).parts[0] == "hooks" or path.name in ("print.css", "poster.css")]
    assert not hooks, f"Fichiers du dossier overrides/hooks/ publiés : {hooks}"
