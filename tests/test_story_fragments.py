"""Golden tests of the story fragments (stories.render_story, stories.render_story_list), the same way
as tests/test_fragments.py: each fragment, from a small story written here, compared byte for byte with
tests/golden/story-<name>.html. Then the fragment read by Python-Markdown as MkDocs reads it
(md_in_html): the Markdown of messages, narration and debriefs is rendered.

After an intended change, write the expected files again and read the diff before committing:

    PAV_GOLDEN=ecrire .venv/bin/python -m pytest tests/test_story_fragments.py
    git diff tests/golden/
"""

from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup

import helpers

from sitelib.externals import External
from sitelib.pages import parse_page
from sitelib.stories import parse_story, render_story, render_story_list, story_markdown
from sitelib.strings import Ui

def matches_golden(name: str, html: str) -> None:
    helpers.matches_golden(name, html, "tests/test_story_fragments.py")


UI = Ui("fr", {"story_scene": "Scène", "story_ending": "Fin", "story_choices": "Que fais-tu ?",
               "story_restart": "Recommencer l'histoire", "story_age": "Dès {age} ans", "story_minutes": "{minutes} min de lecture",
               "story_endings": "{count} fins possibles", "story_themes": "Thèmes :", "story_elsewhere": "Ailleurs sur Internet",
               "external_link": "site externe", "source": "Source :", "quick_exit": "Quitter le site", "story_note": "Avant de lire",
               "story_note_list": "Avant de lire :", "story_note_stop": "Tu peux arrêter à tout moment. Le bouton « {button} » & le reste.",
               "story_note_help": "Moins de 18 ans ? Appelle le {number} : <gratuit>."})
UI_AR = Ui("ar", {"story_scene": "المشهد", "story_ending": "النهاية", "story_choices": "ماذا تفعل؟",
                  "story_restart": "أعد القصة من البداية", "quick_exit": "مغادرة الموقع", "story_note": "قبل القراءة",
                  "story_note_stop": "يمكنك التوقف في أي وقت. الزر «{button}» يخرجك من الموقع.", "story_note_help": "اتصل بالرقم {number}."})
# Characters HTML gives a meaning to, in a text and in an attribute.
TRICKY = 'Tom & "Jerry" <b>'

STORY = """---
description: "Une histoire."
summary: "Léo & Max : un résumé avec des <signes>."
avertissement: "Cette histoire parle d'un « inconnu » & de ses <cadeaux>."
age: 13
reading_minutes: 5
themes: [loverboy, emprise]
me: Toi
senders: [Léo, L'écoutante]
start: debut
---

# Le test

## debut

Mardi soir. Léo t'écrit : c'est *la première fois*.

Léo (21:14) : Salut **toi** !
Toi : Salut.
Léo : Appelle le <!-- @numero 119 --> si tu veux.

![Un téléphone posé sur un lit](images/telephone.svg "La nuit")

* [Je réponds](#fin-aide)
* [Je bloque « Léo » & je pars](#fin-aide)

## fin-aide

L'écoutante : Je t'écoute.

### Les signaux

- Un inconnu **trop** gentil.

<!-- @contact 119 -->
"""

ARABIC = """---
description: "قصة."
summary: "ملخص."
avertissement: "قصة عن شخص لطيف جدا."
age: 13
reading_minutes: 4
themes: [loverboy]
me: أنا
senders: [ليلى]
start: debut
---

# الاختبار

## debut

مساء الثلاثاء. ليلى تكتب لك: هل أنت هنا؟

ليلى (21:47) : مرحبا **صديقتي**
أنا : أهلا

* [أجيب](#fin-aide)

## fin-aide

### العلامات

- شخص لطيف جدا.
"""


def story_from(text: str, ident: str = "test", file: str = "docs/fr/histoires/test.md"):
    source, errors = parse_page(text, file)
    story, errors = parse_story(source, ident)
    assert story, errors
    return story, source


def expand(text: str) -> str:
    """The page's markers, as the hooks expand them (a stand-in for the real renderers)."""
    return (text.replace("<!-- @numero 119 -->", '<a class="pav-number" href="tel:119">119</a>')
                .replace("<!-- @contact 119 -->", '\n\n<div class="pav-contact" data-contact="119"><p>Allô 119</p></div>\n\n'))


def test_story_with_messages_narration_panel_choices_and_an_ending():
    story, _ = story_from(STORY)
    matches_golden("story-fr", render_story(story, UI, expand))


def test_story_in_arabic():
    story, _ = story_from(ARABIC, file="docs/ar/histoires/test.md")
    assert [part.sender for part in story.scenes["debut"].parts if part.kind == "message"] == ["ليلى", "أنا"]
    matches_golden("story-ar", render_story(story, UI_AR, expand))


def test_story_list_with_the_sites_stories_and_other_organisations_tools():
    story, _ = story_from(STORY)
    second, _ = story_from(STORY.replace("# Le test", f"# {TRICKY}").replace("age: 13", "age: 15"), "autre")
    terms = {"loverboy": SimpleNamespace(title="Loverboy"), "emprise": SimpleNamespace(title="L'emprise & ses signes")}
    tool = External.model_validate({"id": "outil", "url": "https://outil.example.org/?a=1&b=2", "source": "https://source.example.org/page",
                                    "organisation": "Asso & Cie", "text": {"fr": {"title": TRICKY, "description": "Un jeu « sérieux »."}}})
    html = render_story_list({"test": story, "autre": second}, [tool], lambda ident: f"{ident}/",
                             lambda ident: f"../lexique/{ident}/", terms, UI)
    matches_golden("story-list", html)


def test_a_story_with_markers_needs_the_function_that_expands_them():
    story, _ = story_from(STORY)
    with pytest.raises(ValueError, match="expand"):
        render_story(story, UI)


# ----- The fragment in the page's Markdown, read as MkDocs reads it --------------------------------

def rendered_page(text: str, ui: Ui) -> BeautifulSoup:
    story, source = story_from(text)
    page = story_markdown(expand(source.body), story, ui, expand)
    return BeautifulSoup(markdown.markdown(page, extensions=["md_in_html", "attr_list", "toc"]), "html.parser")


def test_markdown_of_messages_narration_and_debriefs_is_rendered():
    page = rendered_page(STORY, UI)
    assert page.h1.get_text() == "Le test"
    first = page.select_one("section#debut li.pav-msg--them .pav-msg__text")
    assert first.strong and first.strong.get_text() == "toi", first
    assert page.select_one("section#debut .pav-narration em").get_text() == "la première fois"
    assert page.select_one("section#debut .pav-msg__text a.pav-number")["href"] == "tel:119"
    assert [li["class"][1] for li in page.select("section#debut li.pav-msg")] == ["pav-msg--them", "pav-msg--me", "pav-msg--them"]
    panel = page.select_one("section#debut figure.pav-panel")
    assert panel.img["src"] == "images/telephone.svg" and panel.img["alt"] == "Un téléphone posé sur un lit"
    assert panel.figcaption.get_text() == "La nuit"
    ending = page.select_one("section#fin-aide")
    assert ending.h3.get_text() == "Les signaux" and ending.select_one("ul li strong").get_text() == "trop"
    assert ending.select_one(".pav-contact[data-contact='119']")
    assert [a.get_text() for a in page.select("section#debut a.pav-choice")] == ["Je réponds", "Je bloque « Léo » & je pars"]
    assert "markdown=" not in str(page), "md_in_html a laissé un attribut markdown= : son Markdown n'a pas été lu."


def test_the_content_note_comes_before_the_first_scene_with_the_stop_sentence_and_the_number():
    page = rendered_page(STORY, UI)
    note = page.select_one("aside.pav-story-note")
    assert note and note.find_next("section")["id"] == "debut" and not note.find_parent("section")
    assert page.select_one(f"#{note['aria-labelledby']}").get_text() == "Avant de lire"
    paragraphs = [" ".join(p.get_text(" ").split()) for p in note.select("p")]
    assert paragraphs[1] == "Cette histoire parle d'un « inconnu » & de ses <cadeaux>."
    assert "Tu peux arrêter à tout moment. Le bouton « Quitter le site » & le reste." in paragraphs[2]
    assert note.select_one("a.pav-number[href='tel:119']") and "<gratuit>" in paragraphs[2]
