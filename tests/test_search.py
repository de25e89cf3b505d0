"""One search index per language: how the merged index is split, and what the built site holds."""

import gzip
import json
from urllib.parse import urljoin

from helpers import language_of, material_config
from sitelib.search import localize_base, split_index
from site_map import LANGUAGES, built_page_paths, language_root, parsed_page, site_config

MERGED = {
    "config": {"lang": ["fr", "en"], "separator": "[\\s\\-]+"},
    "docs": [{"location": "", "title": "Accueil", "text": ""},
             {"location": "aide/#urgence", "title": "Urgence", "text": ""},
             {"location": "en/", "title": "Home", "text": ""},
             {"location": "en/aide/", "title": "Help", "text": ""},
             {"location": "es/aide/", "title": "Ayuda", "text": ""}],
}


def test_each_language_keeps_its_own_pages_relative_to_its_folder_and_its_stemmer():
    indexes = split_index(MERGED, {"fr": "", "en": "en/", "es": "es/"})
    assert [doc["location"] for doc in indexes["fr"]["docs"]] == ["", "aide/#urgence"]
    assert [doc["location"] for doc in indexes["en"]["docs"]] == ["", "aide/"]
    assert [doc["location"] for doc in indexes["es"]["docs"]] == ["aide/"]
    assert indexes["fr"]["config"]["lang"] == ["fr"] and indexes["en"]["config"]["lang"] == ["en"]
    # Lunr has no stemmer configured for this language: the site's list is kept.
    assert indexes["es"]["config"]["lang"] == ["fr", "en"]
    assert indexes["en"]["config"]["separator"] == MERGED["config"]["separator"]


def test_pages_of_a_language_point_material_at_their_folder():
    # As Material writes it: Jinja's tojson escapes <, > and & inside the script element.
    page = ('<p>x</p><script id="__config" type="application/json">{"base": "../..", "search": "../../w.js",'
            ' "translations": {"t": "\\u003c/script\\u003e \\u0026 \\u003cb\\u003e"}}</script>')
    localized = localize_base(page, "en/")
    assert localized.count("</script>") == 1, "Le texte JSON ne doit pas pouvoir fermer l'élément script."
    config = material_config(localized)
    assert config["base"] == "../../en/" and config["search"] == "../../w.js"
    assert config["translations"]["t"] == "</script> & <b>"
    assert localize_base(page.replace('"../.."', '"/"'), "en/").count('"base": "/en/"') == 1
    assert localize_base(page, "") == page


def test_every_page_is_found_in_its_own_language_index_only(site, record_property):
    problems, sizes = [], []
    for language in LANGUAGES:
        root = language_root(language)
        file = site / root / "search" / "search_index.json"
        raw = file.read_bytes()
        sizes.append(f"{language} : {len(raw) / 1024:.0f} Kio ({len(gzip.compress(raw)) / 1024:.0f} Kio compressé)")
        indexed = {doc["location"].split("#")[0] for doc in json.loads(raw)["docs"]}
        pages = {path[len(root):] for path in built_page_paths() if language_of(path) == language and not path.endswith("404.html")}
        if pages - indexed:
            problems.append(f"{file.relative_to(site)} : pages absentes {sorted(pages - indexed)}")
        if indexed - pages:
            problems.append(f"{file.relative_to(site)} : entrées d'une autre langue ou inconnues {sorted(indexed - pages)}")
    record_property("mesure", "Index de recherche, téléchargé à chaque page : " + " ; ".join(sizes))
    assert not problems, "\n".join(problems)


def test_every_page_searches_its_own_language_index(site):
    """Material looks for the index under « base »: from every page (404 pages included, whatever address
    they answer at), that folder must be the page's language folder."""
    site_url = site_config()["site_url"]
    wrong = []
    for path in built_page_paths():
        base = material_config(parsed_page(site, path))["base"]
        # A 404 page is shown at the address that was not found, at any depth.
        addresses = [path] + ([language_root(language_of(path)) + "une/adresse/inconnue/"] if path.endswith("404.html") else [])
        for address in addresses:
            folder = urljoin(site_url + address, base.rstrip("/") + "/")
            if folder != site_url + language_root(language_of(path)):
                wrong.append(f"/{path} (à l'adresse /{address}) : base {base!r} mène à {folder}")
    assert not wrong, "Pages qui chercheraient dans l'index d'une autre langue :\n" + "\n".join(wrong)
