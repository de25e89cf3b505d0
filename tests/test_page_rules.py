"""The rules of every page's Markdown (sitelib/page_rules.py), as a volunteer breaks them: each mistake a
French error naming the file, the line and the fix (the site's own pages: tests/test_check.py)."""

import pytest

from sitelib.page_rules import check_page, help_number_errors

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
    assert check_page(GOOD, {}, FILE, 1, MARKERS, description_elsewhere=True) == []
    assert check_page("<!-- @video cinq-signes -->\n", META, FILE, 1, MARKERS, title_from_marker=True) == []


# The site's help numbers as contacts.help_numbers gives them (number → contact id).
HELP_NUMBERS = {"119": "119", "3919": "3919", "116006": "116006", "800235236": "fil-sante-jeunes", "15": "15"}
HAND_TYPED = {
    "un chiffre faux dans un numéro vert": ("Appelle le 0 800 235 237.", "« 0 800 235 237 » n'est celui d'aucun contact"),
    "un chiffre faux dans un numéro court": ("Appelle le 3918.", "« 3918 » n'est celui d'aucun contact"),
    "un numéro international inconnu": ("Appelle le +33 1 23 45 67 89.", "« +33 1 23 45 67 89 » n'est celui d'aucun contact"),
    "un 116 inconnu": ("Appelle le 116 007.", "« 116 007 » n'est celui d'aucun contact"),
    "un bon numéro sans marqueur": ("Appelle le 0 800 235 236.", "écrivez <!-- @numero fil-sante-jeunes -->"),
    "un numéro court sans marqueur": ("Le 119 répond.", "écrivez <!-- @numero 119 -->"),
}


@pytest.mark.parametrize("case", HAND_TYPED)
def test_a_help_number_typed_by_hand_is_refused_unless_the_page_gives_it_through_a_marker(case):
    line, words = HAND_TYPED[case]
    errors = help_number_errors(f"# Aide\n\n{line}\n", {}, FILE, 1, HELP_NUMBERS)
    message = " | ".join(map(str, errors))
    assert len(errors) == 1 and f"{FILE} — ligne 3 :" in message and words in message, message


def test_numbers_that_are_not_help_numbers_and_numbers_the_page_gives_are_left_alone():
    """Ages, sums, years, counts and decimals are figures; a help number named again after its marker (or a
    sheet's contact cards) is a mention the reader can already call."""
    body = ("# Aide\n\nÀ 15 ans, 3 750 € d'amende, en 2022, en 1919, en 2018, 1 051 victimes, 2,5 %, le 12/03.\n\n"
            "Appelle le <!-- @numero 119 -->. Le 119 répond jour et nuit ; le 3919 aussi.\n\n`0 800 000 000`\n")
    assert help_number_errors(body, {"contacts": ["3919"]}, FILE, 1, HELP_NUMBERS) == []
