"""The stories' comic panels (sitelib/comics.py): panel lines and cast files refused with French messages
naming the file and the place, drawings that are the same bytes from one build to the next with unique
ids, words kept as HTML text (speech bubbles, captions, messages), every scene of every story with its
panel in every language, panels loaded as the reader reaches them, and a look at them on a phone."""

import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin

import pytest

from helpers import expect_content_error, write_file
from sitelib import comics, markers
from sitelib.page_markdown import marker_handlers
from sitelib.pages import PageContext
from sitelib.stories import is_said, load_stories, spoken_by
from site_map import DOCS, language_root, parsed_page, real_site
from test_stories import CAST, GOOD, WRITTEN_STORIES, parse, real_story

FILE = "fr/histoires/test.md"
CAST_FILE = "_data/bd/test.yml"


# ----- Panel lines and casts refused in French ---------------------------------------------------

BAD_LINES = {
    "lieu inconnu": ("<!-- @vignette plage leo:sourire -->", "le lieu « plage » n'existe pas", "choisissez parmi : chambre, cour"),
    "lieu absent": ("<!-- @vignette -->", "la vignette ne dit pas où se passe la scène", "<!-- @vignette cour"),
    "expression inconnue": ("<!-- @vignette cour leo:hilare -->", "l'expression « hilare » (de « leo ») n'existe pas", "sourire, grand-sourire"),
    "personnage sans expression": ("<!-- @vignette cour leo -->", "« leo » n'est ni un personnage avec son expression", "« leo:sourire »"),
    "objet inconnu": ("<!-- @vignette cour +couteau -->", "l'objet « +couteau » n'existe pas", "+telephone"),
    "trop de personnages": ("<!-- @vignette cour leo:calme leo:calme leo:calme leo:calme -->", "4 personnages (3 au plus)", "gardez ceux qui parlent"),
    "trop d'objets": ("<!-- @vignette cour +sac +cle +cadeau -->", "3 objets (2 au plus)", "le plus important"),
}


@pytest.mark.parametrize("case", BAD_LINES)
def test_a_bad_panel_line_is_a_french_error_naming_the_file_scene_and_line(case):
    line, problem, fix = BAD_LINES[case]
    story, errors = parse(GOOD.replace("<!-- @vignette ecran leo:sourire -->", line))
    message = " | ".join(map(str, errors))
    assert story is None and FILE in message and "scène « debut », ligne 18" in message, message
    assert problem in message and fix in message, message


def test_a_panel_line_after_the_scene_has_begun_is_refused():
    story, errors = parse(GOOD.replace("Il te dit : viens.", "Il te dit : viens.\n<!-- @vignette cour -->"))
    assert story is None and "la vignette doit être la première ligne de la scène" in " ".join(map(str, errors))


def build_stories(tmp_path, story: str = GOOD, cast: str | None = CAST):
    for language in ("fr", "en"):
        write_file(tmp_path, f"{language}/histoires/test.md", story)
    if cast is not None:
        write_file(tmp_path, "_data/bd/test.yml", cast)
    drawings = {}
    return load_stories(tmp_path, ["fr", "en"], "fr", {}, {"fr": {"loverboy"}, "en": {"loverboy"}}, drawings), drawings


# Each mistake, the file the volunteer edited, and words of the message (problem and fix).
BAD_STORIES = {
    "scène sans vignette": (GOOD.replace("<!-- @vignette rue -->\n", ""), CAST, FILE, "scène « fin-piege »",
                            "cette scène n'a pas de vignette", "<!-- @vignette chambre +telephone -->"),
    "personnage hors distribution": (GOOD.replace("leo:triste", "sam:triste"), CAST, FILE, "scène « fin-aide », ligne",
                                     "le personnage « sam » n'est pas dans", "utilisez l'un de : leo"),
    "personnage sans nom": (GOOD.replace("personnages: {leo: Léo}\n", ""), CAST, FILE, "en-tête, personnages",
                            "_data/bd/test.yml) n'a pas de nom ici", "ajoutez « leo: <son nom"),
    "nom d'un personnage inconnu": (GOOD.replace("{leo: Léo}", "{leo: Léo, max: Max}"), CAST, FILE, "en-tête, personnages",
                                    "« max » n'est pas un personnage de l'histoire", "n'est pas un personnage de l'histoire (également utilisé : "),
    "réplique trop longue pour sa bulle": (
        GOOD.replace("<!-- @vignette rue -->\n", "<!-- @vignette rue leo:calme -->\n\nLéo : " + "Une phrase trop longue. " * 7 + "\n"),
        CAST, FILE, "scène « fin-piege », ligne", "trop longue pour une bulle (167 signes, 140 au plus)", "coupez-la en deux répliques"),
    "mot trop long pour sa bulle": (
        GOOD.replace("<!-- @vignette rue -->\n", "<!-- @vignette rue leo:calme -->\n\nLéo : Regarde https://exemple.invalid/une-adresse\n"),
        CAST, FILE, "scène « fin-piege », ligne", "est trop long pour tenir dans une bulle", "mettez ce texte dans la narration"),
    "distribution absente": (GOOD, None, CAST_FILE, "fichier entier",
                             "les personnages dessinés de l'histoire « test » manquent", "tete, peau, cheveux, vetements"),
    "coiffure inconnue": (GOOD, "leo:\n  tete: crete\n  peau: 3\n", CAST_FILE, "personnage « leo », champ « tete »",
                          "« crete » n'est pas une coiffure connue", "hijab"),
    "couleur de peau hors de l'échelle": (GOOD, "leo:\n  tete: hijab\n  peau: 7\n", CAST_FILE, "personnage « leo », champ « peau »",
                                          "la valeur « 7 » est trop grande", "5 au plus"),
    "couleur de vêtements inconnue": (GOOD, "leo:\n  tete: hijab\n  peau: 2\n  vetements: violet\n", CAST_FILE,
                                      "personnage « leo », champ « vetements »", "« violet » n'est pas une couleur de vêtements connue", "corail"),
    "champ inconnu": (GOOD, "leo:\n  tete: hijab\n  peau: 2\n  chapeau: oui\n", CAST_FILE, "personnage « leo », champ « chapeau »",
                      "ce champ n'est pas connu", "orthographe"),
    "identifiant mal écrit": (GOOD, "Léo Martin:\n  tete: hijab\n  peau: 2\n", CAST_FILE, "personnage « Léo Martin »",
                              "cet identifiant n'est pas valable", "minuscules, chiffres et tirets"),
    "fichier mal formé": (GOOD, "leo:\n  tete: hijab\n peau: 2\n", CAST_FILE, "ligne",
                          "le fichier YAML est mal formé", "indentation"),
}


@pytest.mark.parametrize("case", BAD_STORIES)
def test_each_comic_mistake_stops_the_build_with_a_french_message_naming_the_edited_file(tmp_path, case):
    story, cast, file, place, problem, fix = BAD_STORIES[case]
    message = expect_content_error(lambda: build_stories(tmp_path, story, cast), f"{file} — {place}", problem, fix)
    assert "Traceback" not in message


def test_a_panel_line_outside_a_story_is_refused():
    """As the build expands a page's markers: a panel line has a meaning only in a story."""
    page = PageContext("fr/aide.md", "aide/", "fr", "", real_site().ui("fr"))
    handlers = marker_handlers(real_site(), page, {})
    expect_content_error(lambda: markers.expand_markers("Texte\n<!-- @vignette cour -->", handlers, "docs/fr/aide.md"),
                         "docs/fr/aide.md — ligne 2", "ne se place que dans une histoire", "retirez cette ligne")


# ----- Drawings ----------------------------------------------------------------------------------------

def test_the_characters_style_is_cc0_as_its_own_licence_says():
    definition = comics.style_definition()[1]
    assert definition["meta"]["license"]["name"] == "CC0 1.0"
    assert "publicdomain/zero/1.0" in definition["meta"]["license"]["url"]


def ids_of(svg: str) -> list[str]:
    return [element.get("id") for element in ElementTree.fromstring(svg).iter() if element.get("id")]


@pytest.mark.parametrize("place", comics.PLACES)
def test_a_character_drawn_twice_keeps_every_id_unique_and_every_reference_resolves(place):
    cast = {"leo": comics.CastMember(tete="hijab", peau=5)}
    svg = comics.draw(comics.Drawing(place, (("leo", "sourire"), ("leo", "peur")), ("telephone",), 1), cast)
    ids = ids_of(svg)
    assert ids and len(ids) == len(set(ids)), sorted(ids)
    references = set(re.findall(r'(?:url\(#|href="#)([^)"]+)', svg))
    assert references <= set(ids), references - set(ids)


def test_the_same_panel_line_is_the_same_file_and_another_expression_another_file():
    cast = {"leo": comics.CastMember(tete="hijab", peau=5)}
    first = comics.draw(comics.Drawing("cour", (("leo", "sourire"),), (), 1), cast)
    again = comics.draw(comics.Drawing("cour", (("leo", "sourire"),), (), 9), cast)
    other = comics.draw(comics.Drawing("cour", (("leo", "peur"),), (), 1), cast)
    assert comics.file_name(first) == comics.file_name(again) != comics.file_name(other)


def test_no_word_is_drawn_in_a_panel():
    """The words stay HTML: a panel has no <text> (WCAG 1.4.5, images of text)."""
    cast = {"leo": comics.CastMember(tete="hijab", peau=5)}
    for place in comics.PLACES:
        svg = comics.draw(comics.Drawing(place, (("leo", "explique"),), ("cadeau",), 1), cast)
        assert "<text" not in svg and "<foreignObject" not in svg, place


def test_spoken_lines_are_those_of_drawn_characters_in_a_place_and_the_readers_then():
    in_the_yard = GOOD.replace("<!-- @vignette ecran leo:sourire -->", "<!-- @vignette cour leo:sourire -->")
    story, _ = parse(in_the_yard.replace("Léo (21:14) : Salut !", "Léo : Salut !"))
    assert spoken_by(story, story.scenes["debut"]) == {"Léo", "Toi"}
    story, _ = parse(in_the_yard)  # written with its time: a text, even from someone drawn in the yard
    assert spoken_by(story, story.scenes["debut"]) == set()
    story, _ = parse(GOOD.replace("Léo (21:14) : Salut !", "Léo : Salut !"))  # on the phone's screen: messages
    assert spoken_by(story, story.scenes["debut"]) == set()


def test_two_builds_draw_the_same_bytes(site):
    """The built site's panels against a second drawing of every story in another Python process (another
    hash seed, fresh caches): the same files, byte for byte."""
    built = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in (site / comics.MEDIA).glob("*.svg")}
    script = ("import hashlib, json, sys; sys.path[:0] = ['tests', 'overrides/hooks']\n"
              "from site_map import real_site\n"
              "print(json.dumps({name: hashlib.sha256(svg.encode()).hexdigest() for name, svg in real_site().drawings.items()}))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=DOCS.parent, capture_output=True, text=True,
                            env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert result.returncode == 0, result.stderr
    again = json.loads(result.stdout)
    assert again and again == built


# ----- The built stories ---------------------------------------------------------------------------

@pytest.mark.parametrize("language, ident", WRITTEN_STORIES)
def test_every_scene_has_its_drawn_panel_then_its_words_as_html_text(site, language, ident):
    story, path = real_story(language, ident), language_root(language) + f"histoires/{ident}/"
    page = parsed_page(site, path)
    for scene in story.scenes.values():
        section = page.select_one(f"section#{scene.id}")
        image = section.select_one("figure.pav-comic img")
        assert image, f"/{path}#{scene.id} : pas de vignette."
        assert image["alt"].strip() and int(image["width"]) == comics.WIDTH and int(image["height"]) == comics.HEIGHT
        address = urljoin(f"https://site.test/{path}", image["src"])
        assert (site / address[len("https://site.test/"):]).is_file(), image["src"]
        assert (image.get("loading") == "lazy") == (scene.id != story.fields.start), f"/{path}#{scene.id}"
        figure = section.select_one("figure.pav-comic")
        assert section.select_one("h2") in figure.find_all_previous("h2"), "La vignette vient après le titre de la scène."
        spoken = spoken_by(story, scene)
        bubbles = section.select("ol.pav-chat--spoken li.pav-msg .pav-msg__text")
        expected = [part for part in scene.parts if is_said(part) and part.sender in spoken]
        assert len(bubbles) == len(expected), f"/{path}#{scene.id}"
        assert all(bubble.get_text(strip=True) for bubble in bubbles), "Une bulle doit contenir du texte HTML."


def test_each_story_exists_in_five_illustrated_stories_at_least_in_french_and_english():
    for language in ("fr", "en"):
        stories = [path.stem for path in (DOCS / language / "histoires").glob("*.md") if path.stem != "index"]
        assert len(stories) >= 5, f"{language} : {len(stories)} histoires ({', '.join(stories)})."
        for ident in stories:
            assert (DOCS / "_data" / "bd" / f"{ident}.yml").is_file(), ident


def test_the_about_page_credits_the_drawings_and_their_licences(site):
    for language in ("fr", "en"):
        text = parsed_page(site, language_root(language) + "a-propos/").get_text(" ")
        for words in ("Open Peeps", "Pablo Stanley", "CC0", "DiceBear", "Material Design Icons", "Apache"):
            assert words in text, f"{language} : « {words} » manque dans les crédits de la page « à propos »."


EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2764\u2600-\u27BF]")


def test_emoji_typed_in_messages_are_drawn_by_the_colour_emoji_font_and_no_shortcode_is_left(visit):
    """Emoji are typed as characters (a shortcode would become a third-party image): in the browser, each
    message holding one is drawn with Noto Color Emoji (Debian's fonts-noto-color-emoji)."""
    shortcodes = [(language, ident) for language, ident in WRITTEN_STORIES
                  if re.search(r"(?<![\w/]):[a-z0-9_+-]+:(?![\w/])", (DOCS / language / "histoires" / f"{ident}.md").read_text(encoding="utf-8"))]
    assert not shortcodes, f"Code(s) d'emoji (« :fire: ») dans : {shortcodes} ; tapez l'emoji lui-même."
    visitor = visit(javascript=False)
    page = visitor.open(language_root("fr") + "histoires/le-follower/")
    session = visitor.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": ".pav-msg__text"})["nodeIds"]
    checked = 0
    for node in nodes:
        text = session.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
        if not EMOJI.search(text):
            continue
        fonts = {font["familyName"] for font in session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
        assert "Noto Color Emoji" in fonts, f"{text} est dessiné avec {fonts}, sans la police d'emoji en couleur."
        checked += 1
    assert checked >= 5, f"{checked} message(s) avec un emoji seulement : le test ne vérifie presque rien."


def test_every_place_expression_and_prop_has_its_words_for_the_text_alternative():
    """A place, expression or prop added to comics.py without its interface string would stop the build
    at the first panel that uses it: each one is named in the reference language (the others follow it)."""
    strings = real_site().ui("fr")
    keys = ([f"comic_place_{place}" for place in comics.PLACES] + [f"comic_expression_{name}" for name in comics.EXPRESSIONS]
            + [f"comic_prop_{prop}" for prop in comics.PROPS])
    missing = [key for key in (key.replace("-", "_") for key in keys) if key not in strings]
    assert not missing, missing
