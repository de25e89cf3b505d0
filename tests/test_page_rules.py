"""The rules of every page's Markdown (sitelib/page_rules.py), as a volunteer breaks them: each mistake a
French error naming the file, the line and the fix (the site's own pages: tests/test_check.py)."""

import pytest

from sitelib.page_rules import check_page

FILE = "docs/fr/aide.md"
MARKERS = {"numero", "numeros", "contact", "video"}
GOOD = """# Besoin d'aide

Appelle le <!-- @numero 119 -->.

## Qui répond ?

### La nuit

![Un téléphone posé sur un lit](images/telephone.svg)

<!-- à relire -->
"""
META = {"description": "Les numéros à appeler."}

# Each mistake: the page's body (its front matter is META unless given), the place, words of the message.
MISTAKES = {
    "deux titres": (GOOD + "\n# Encore un titre\n", None, "lignes 1, 13", "la page a 2 titres"),
    "pas de titre": (GOOD.replace("# Besoin d'aide\n", ""), None, "ligne 1", "la page n'a pas de titre"),
    "niveau sauté": (GOOD.replace("## Qui répond ?", "#### Qui répond ?"), None, "ligne 5", "un niveau est sauté"),
    "marqueur pas fermé": (GOOD.replace("@numero 119 -->.", "@numero 119."), None, "ligne 3", "ce marqueur n'est pas fermé"),
    "espace après @": (GOOD.replace("@numero", "@ numero"), None, "ligne 3", "il y a un espace entre « @ » et « numero »"),
    "@ oublié": (GOOD + "\n<!-- contact 119 -->\n", None, "ligne 13", "sans « @ »"),
    "image sans texte alternatif": (GOOD.replace("![Un téléphone posé sur un lit]", "![]"), None, "ligne 9",
                                    "cette image n'a pas de texte alternatif"),
    "balise img sans alt": (GOOD + '\n<img src="images/a.png">\n', None, "ligne 13", "cette image n'a pas de texte alternatif"),
    "description trop longue": (GOOD, {"description": "Une phrase. " * 16}, "en-tête, description", "la description a 191 signes (160 au plus)"),
    "description absente": (GOOD, {}, "en-tête, description", "la description manque ou est vide"),
    "description vide": (GOOD, {"description": " "}, "en-tête, description", "la description manque ou est vide"),
}


def test_a_good_page_has_no_error():
    assert check_page(GOOD, META, FILE, 1, MARKERS) == []


@pytest.mark.parametrize("case", MISTAKES)
def test_each_page_mistake_is_a_french_error_naming_file_place_and_fix(case):
    body, meta, place, words = MISTAKES[case]
    errors = check_page(body, META if meta is None else meta, FILE, 1, MARKERS)
    message = " | ".join(map(str, errors))
    assert len(errors) == 1 and f"{FILE} — {place} :" in message and words in message and "À faire :" in message, message


def test_lines_are_counted_from_the_top_of_the_file():
    """The body starts after the front matter: the line named is the file's, as the editor shows it."""
    errors = check_page(GOOD.replace("@numero 119 -->.", "@numero 119."), META, FILE, 5, MARKERS)
    assert "ligne 7" in str(errors[0])


def test_code_and_ordinary_comments_are_left_alone():
    body = GOOD + "\n```markdown\n# Un exemple\n<!-- @numero 119\n```\n\nÉcrivez `<!-- contact -->` ou `![](x.png)`.\n"
    assert check_page(body, META, FILE, 1, MARKERS) == []


def test_a_term_page_gets_its_description_from_its_data_and_a_video_page_its_title_from_its_marker():
    assert check_page(GOOD, {}, FILE, 1, MARKERS, description_from_data=True) == []
    assert check_page("<!-- @video cinq-signes -->\n", META, FILE, 1, MARKERS, title_from_marker=True) == []
