"""One search index per language: how the merged index is split, and what the built site holds."""

import gzip
import json

from sitelib.search import localize_base, split_index
from site_map import LANGUAGES, built_page_paths, language_root

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
    config = json.loads(localized.split('application/json">', 1)[1].split("</script>", 1)[0])
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
        others = [language_root(other) for other in LANGUAGES if other != language and language_root(other)]
        pages = {path[len(root):] for path in built_page_paths() if path.startswith(root)
                 and not path.startswith(tuple(others)) and not path.endswith("404.html")}
        if pages - indexed:
            problems.append(f"{file.relative_to(site)} : pages absentes {sorted(pages - indexed)}")
        if indexed - pages:
            problems.append(f"{file.relative_to(site)} : entrées d'une autre langue ou inconnues {sorted(indexed - pages)}")
    record_property("mesure", "Index de recherche, téléchargé à chaque page : " + " ; ".join(sizes))
    assert not problems, "\n".join(problems)


def test_pages_of_each_language_search_their_language_index(site):
    for language in LANGUAGES:
        page = (site / language_root(language) / "aide" / "index.html").read_text(encoding="utf-8")
        config = json.loads(page.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0])
        expected = "../../" + language_root(language) if language_root(language) else ".."
        assert config["base"] == expected, f"/{language_root(language)}aide/ : base de la recherche {config['base']}"
