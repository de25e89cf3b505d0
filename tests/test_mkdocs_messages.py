"""MkDocs' own warnings, written as MkDocs 1.6 writes them, in the site's French form (sitelib/mkdocs_messages.py).
The build of tests/test_volunteer_mistakes.py checks the same with MkDocs' real messages (links, anchors)."""

import pytest

from sitelib.mkdocs_messages import in_french
from site_map import DOCS

MESSAGES = {
    "lien sans .md": ("Doc file 'fr/aide.md' contains an unrecognized relative link 'securite', it was left as is. "
                      "Did you mean 'securite.md'?", "docs/fr/aide.md", "le lien « securite » ne mène pas à un fichier", "« securite.md »"),
    "note jamais appelée": ("Doc file 'fr/aide.md' contains a link '#fnref:2', but there is no such anchor on this page. "
                            "This seems to be a footnote that is never referenced.", "docs/fr/aide.md — note « [^2] »",
                            "n'est appelée nulle part", "ajoutez « [^2] »"),
    "menu vers une page absente": ("A reference to 'absente.md' is included in the 'nav' configuration, which is not found in the "
                                   "documentation files.", "mkdocs.yml — nav, « absente.md »", "n'existe pas dans docs/fr/", "créez docs/fr/absente.md"),
    "chemin du menu absolu": ("An absolute path to '/aide.md' is included in the 'nav' configuration, which presumably points to an "
                              "external resource.", "mkdocs.yml — nav, « /aide.md »", "ne commence pas par « / »", "« aide.md »"),
    "page hors du menu": ('The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
                          "  - fr/articles/nouvelle.md", "docs/fr/articles/nouvelle.md — menu", "n'est dans aucun menu",
                          "« - articles/nouvelle.md »"),
}


@pytest.mark.parametrize("case", MESSAGES)
def test_each_mkdocs_warning_is_said_in_french_with_its_file_place_and_fix(case):
    english, where, problem, fix = MESSAGES[case]
    said = " | ".join(map(str, in_french(english, DOCS, "fr")))
    assert said.startswith(where) and problem in said and "À faire : " in said and fix in said.split("À faire :")[1], said


def test_a_message_it_does_not_know_is_left_as_mkdocs_wrote_it():
    assert in_french("Building documentation to directory: site", DOCS, "fr") is None
