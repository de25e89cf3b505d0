"""Interactive stories: validation rules (one bad story per rule), chat senders in any script, panel
images resolved and checked by MkDocs, the built pages and their content note, the no-JavaScript
page, and every ending of every story played in the browser, by click and by keyboard."""

import os
import subprocess
import sys
from collections import deque
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from browsing import axe_violations
from helpers import expect_content_error, write_file
from sitelib.errors import ContentError
from sitelib.pages import parse_page, read_page
from sitelib.stories import Message, Narration, load_stories, parse_story, story_markdown
from sitelib.strings import Ui
from site_map import DEFAULT_LANGUAGE, DOCS, LANGUAGES, interface_strings, language_root, languages_writing, parsed_page, source_pages

FRONT = """---
description: "Une histoire."
summary: "Un résumé."
avertissement: "Cette histoire parle d'un inconnu trop gentil."
age: 13
reading_minutes: 5
themes: [loverboy]
me: Toi
senders: [Léo]
start: debut
personnages: {leo: Léo}
---

# Test
"""

NOTE_LINE = "avertissement: \"Cette histoire parle d'un inconnu trop gentil.\"\n"
GOOD = FRONT + """
## debut

<!-- @vignette ecran leo:sourire -->

Léo (21:14) : Salut !
Toi : Salut.
Il te dit : viens.

* [Répondre](#suite)
* [Bloquer](#fin-aide)

## suite

<!-- @vignette chambre +telephone -->

![Un téléphone posé sur un lit](panel.png "La nuit")

* [Continuer](#fin-piege)

## fin-aide

<!-- @vignette cour leo:triste -->

### Les signaux

- Un inconnu trop gentil.

## fin-piege

<!-- @vignette rue -->

### Ce qui s'est passé

- Le piège.
"""


CAST = "leo:\n  tete: shaved2\n  peau: 3\n"


def parse(text):
    source, errors = parse_page(text, "docs/fr/histoires/test.md")
    return parse_story(source, "test") if source else (None, errors)


def test_valid_story_is_parsed_into_scenes_messages_and_choices():
    story, errors = parse(GOOD)
    assert not errors
    debut = story.scenes["debut"]
    assert debut.parts[0] == ("message", "Léo", "21:14", "Salut !", 20)
    assert debut.drawing.place == "ecran" and debut.drawing.characters == (("leo", "sourire"),)
    assert debut.parts[2] == ("text", "Il te dit : viens."), "Une phrase de narration avec « : » n'est pas un message."
    assert [target for _, target, _ in debut.choices] == ["suite", "fin-aide"]
    assert story.scenes["fin-aide"].is_ending and "Un inconnu" in story.scenes["fin-aide"].debrief


BAD = {
    "choix vers une scène inexistante": (GOOD.replace("(#fin-piege)", "(#fin-perdue)"), "mène à « fin-perdue », qui n'existe pas"),
    "scène inatteignable": (GOOD + "\n## orpheline\n\n* [Aller](#fin-aide)\n", "aucun chemin ne mène à cette scène"),
    "chemin sans fin": (GOOD.replace("* [Continuer](#fin-piege)", "* [Boucler](#debut)").replace(
        "* [Bloquer](#fin-aide)", "* [Bloquer](#suite)") + "", "on n'arrive jamais à une fin"),
    "fin sans débriefing": (GOOD.replace("### Ce qui s'est passé\n\n- Le piège.\n", "Fin.\n"), "cette fin n'a pas de débriefing"),
    "image sans texte alternatif": (GOOD.replace("![Un téléphone posé sur un lit]", "![]"), "pas de texte alternatif"),
    "départ inconnu": (GOOD.replace("start: debut", "start: depart"), "la scène de départ « depart » n'existe pas"),
    "âge manquant": (GOOD.replace("age: 13\n", ""), "champ « age »"),
    "note d'avertissement manquante": (GOOD.replace(NOTE_LINE, ""), "champ « avertissement » : la note avant l'histoire manque"),
    "note d'avertissement vide": (GOOD.replace(NOTE_LINE, 'avertissement: " "\n'), "la note avant l'histoire manque"),
    "note d'avertissement trop longue": (GOOD.replace(NOTE_LINE, f'avertissement: "{"Une phrase. " * 30}"\n'),
                                         "la note avant l'histoire est trop longue"),
    "numéro dans la note d'avertissement": (GOOD.replace(NOTE_LINE, 'avertissement: "Appelle le <!-- @numero 119 -->."\n'),
                                            "le site ajoute lui-même le numéro à appeler"),
    "personnes qui écrivent non déclarées": (GOOD.replace("senders: [Léo]\n", ""), "champ « senders »"),
    "lecteur déclaré parmi les autres": (GOOD.replace("senders: [Léo]", "senders: [Léo, Toi]"), "retirez-le de senders"),
    "nom déclaré deux fois": (GOOD.replace("senders: [Léo]", "senders: [Léo, Léo]"), "nom(s) écrit(s) deux fois : Léo"),
    "nom impossible": (GOOD.replace("senders: [Léo]", "senders: [Léo, \"Mme (la prof)\"]"), "sans parenthèses ni « : »"),
    "message d'un nom non déclaré": (GOOD.replace("Toi : Salut.", "Maé (21:15) : Salut."),
                                     "ressemble à un message de « Maé », qui n'est pas dans l'en-tête"),
}


@pytest.mark.parametrize("case", BAD)
def test_each_story_rule_has_a_french_error_naming_file_and_scene(case):
    text, words = BAD[case]
    story, errors = parse(text)
    message = " | ".join(map(str, errors))
    assert story is None and words in message and "docs/fr/histoires/test.md" in message, message


def story_in(me: str, senders: str, lines: str) -> str:
    """A valid story whose first scene holds ``lines``, written by ``me`` and ``senders`` (YAML list)."""
    return (GOOD.replace("me: Toi", f"me: {me}").replace("senders: [Léo]", f"senders: {senders}")
            .replace("Léo (21:14) : Salut !\nToi : Salut.\nIl te dit : viens.\n", lines))


SCRIPTS = {  # lines of a first scene → what each line is
    "arabe": ("أنا", "[ليو]", "ليو : مرحبا\nليو (21:47): كيف حالك؟\n\u200fأنا : بخير\n", [
        Message("message", "ليو", None, "مرحبا"), Message("message", "ليو", "21:47", "كيف حالك؟"),
        Message("message", "أنا", None, "بخير")]),
    "cyrillique": ("Я", "[Лео, Мама Лены]", "Лео : Привет\nМама Лены (08:05) : Ты где?\nЯ: дома\n", [
        Message("message", "Лео", None, "Привет"), Message("message", "Мама Лены", "08:05", "Ты где?"),
        Message("message", "Я", None, "дома")]),
    "chinois": ("我", "[李]", "李 : 你好\n李（21:47）：在吗\n李：在吗？\n李 (21:48)：快回答\n我：在\n", [
        Message("message", "李", None, "你好"), Message("message", "李", "21:47", "在吗"), Message("message", "李", None, "在吗？"),
        Message("message", "李", "21:48", "快回答"), Message("message", "我", None, "在")]),
    "latin": ("Toi", "[Léo, L'écoutante]", "Léo : Salut\nL'écoutante (21h05) : Je t'écoute.\nToi: ok\n", [
        Message("message", "Léo", None, "Salut"), Message("message", "L'écoutante", "21h05", "Je t'écoute."),
        Message("message", "Toi", None, "ok")]),
}


@pytest.mark.parametrize("script", SCRIPTS)
def test_declared_senders_write_messages_in_any_script(script):
    me, senders, lines, expected = SCRIPTS[script]
    story, errors = parse(story_in(me, senders, lines))
    assert not errors, errors
    assert [part._replace(line=0) for part in story.scenes["debut"].parts] == expected


NARRATION = [
    "Il te dit : viens.",  # « : » in a sentence
    "Léo dit : viens.",  # a declared name, but not followed by « : »
    "Le soir, Léo : un message de plus.",  # a declared name, not at the start
    "Léa : salut",  # looks like a message, but Léa writes nothing in this story (no time: narration)
    "Лена : привет",
    "« Toi : tu viens ? » C'était son premier message.",
]


@pytest.mark.parametrize("line", NARRATION)
def test_narration_with_a_colon_stays_narration(line):
    story, errors = parse(story_in("Toi", "[Léo]", line + "\n"))
    assert not errors and story.scenes["debut"].parts == [Narration("text", line)], errors


@pytest.mark.parametrize("line, name", [("Саша (21:47) : Привет", "Саша"), ("سارا (21:47) : مرحبا", "سارا"),
                                        ("王 (21:47)：你好", "王"), ("Maé (21h15): salut", "Maé")])
def test_a_timed_message_from_an_undeclared_name_is_a_french_error_naming_file_line_and_name(line, name):
    text = story_in("Toi", "[Léo]", "Léo : Salut !\n" + line + "\n")
    number = text.split("\n").index(line) + 1
    story, errors = parse(text)
    assert story is None and len(errors) == 1, errors
    message = str(errors[0])
    for words in ("docs/fr/histoires/test.md", f"ligne {number}", f"« {name} »", "n'est pas dans l'en-tête",
                  f"ajoutez « {name} » à « senders: »", f"senders: [Léo, {name}]"):
        assert words in message, message


def test_a_story_without_a_content_note_stops_the_build_with_a_french_error_naming_the_file(tmp_path):
    """As the build loads the stories (site.py): the whole story is refused, the message names the file,
    the field and what to write."""
    for language in ("fr", "en"):
        write_file(tmp_path, f"{language}/histoires/test.md", GOOD.replace(NOTE_LINE, ""))
    expect_content_error(lambda: load_stories(tmp_path, ["fr", "en"], "fr", {}, {"fr": {"loverboy"}, "en": {"loverboy"}}),
                         "fr/histoires/test.md", "en/histoires/test.md", "champ « avertissement »",
                         "la note avant l'histoire manque", "en une ou deux phrases ce que montre l'histoire")


def test_story_missing_in_a_language_is_named(tmp_path):
    for language in ("fr", "en"):
        (tmp_path / language / "histoires").mkdir(parents=True)
    (tmp_path / "fr" / "histoires" / "test.md").write_text(GOOD, encoding="utf-8")
    write_file(tmp_path, "_data/bd/test.yml", CAST)
    with pytest.raises(ContentError, match="l'histoire « test » existe en fr mais pas en en"):
        load_stories(tmp_path, ["fr", "en"], "fr", {}, {"fr": {"loverboy"}, "en": {"loverboy"}})


STORIES = [source[len("histoires/"):-3] for source in source_pages() if source.startswith("histoires/") and not source.endswith("index.md")]
# Each story in each language that has written it (a story shown in French elsewhere is the same page).
WRITTEN_STORIES = [(language, ident) for ident in STORIES for language in languages_writing(f"histoires/{ident}.md")]


def real_story(language, ident):
    """The story as the language shows it: its own file, or the default language's where it is not written."""
    path = DOCS / language / "histoires" / f"{ident}.md"
    source, errors = read_page(path if path.exists() else DOCS / DEFAULT_LANGUAGE / "histoires" / f"{ident}.md")
    story, errors = parse_story(source, ident)
    assert story, errors
    return story


def paths_to_endings(story):
    """For each ending, the shortest list of choices (scene, target) from the start."""
    previous, queue = {story.fields.start: None}, deque([story.fields.start])
    while queue:
        scene = queue.popleft()
        for _, target, _ in story.scenes[scene].choices:
            if target not in previous:
                previous[target] = scene
                queue.append(target)
    paths = {}
    for ending in (s for s in story.scenes.values() if s.is_ending):
        steps, current = [], ending.id
        while previous[current] is not None:
            steps.append((previous[current], current))
            current = previous[current]
        paths[ending.id] = list(reversed(steps))
    return paths


def test_story_sizes_are_reported(record_property):
    """An editorial goal (at least three stories of 10 to 20 scenes with 3 endings or more), reported, not required."""
    rows, on_target = [], 0
    for ident in STORIES:
        story = real_story("fr", ident)
        endings = sum(scene.is_ending for scene in story.scenes.values())
        messages = sum(isinstance(part, Message) for scene in story.scenes.values() for part in scene.parts)
        fits = 10 <= len(story.scenes) <= 20 and endings >= 3
        on_target += fits
        rows.append(f"  {ident} : {len(story.scenes)} scènes, {endings} fins, {messages} messages{'' if fits else ' (hors objectif)'}")
    record_property("mesure", f"Histoires : {len(STORIES)}, dont {on_target} de 10 à 20 scènes avec au moins 3 fins "
                              "(objectif éditorial : 3)\n" + "\n".join(rows))


@pytest.mark.parametrize("language, ident", WRITTEN_STORIES)
def test_built_story_shows_every_message_as_written_and_each_panel_resolves(site, language, ident):
    """The page is rendered from the validated story: each message in a chat bubble with its sender, in
    order; markers expanded; no md_in_html attribute left over (its Markdown was rendered); each panel
    image's address leads to a built file."""
    story, path = real_story(language, ident), language_root(language) + f"histoires/{ident}/"
    page = parsed_page(site, path)
    for scene in story.scenes.values():
        section = page.select_one(f"section#{scene.id}")
        senders = [bubble.select_one(".pav-msg__sender").get_text() for bubble in section.select("li.pav-msg")]
        assert senders == [part.sender for part in scene.parts if isinstance(part, Message)], f"/{path}#{scene.id}"
        assert len(section.select(".pav-narration")) == sum(isinstance(part, Narration) for part in scene.parts), f"/{path}#{scene.id}"
    story_html = str(page.select_one("[data-pav-story]"))
    assert "markdown=" not in story_html and "@numero" not in story_html and "@contact" not in story_html, f"/{path}"
    for image in page.select("figure.pav-panel img"):
        address = urljoin(f"https://site.test/{path}", image["src"])
        assert address.startswith("https://site.test/") and (site / address[len("https://site.test/"):]).is_file(), image["src"]


def shown_text(element) -> str:
    """The text a reader sees in ``element`` (a copy: the parsed page is shared), without the lexicon's
    popover definitions and buttons, paragraph by paragraph, spaces joined."""
    element = BeautifulSoup(str(element), "html.parser")
    for popover in element.select(".pav-term__definition, .pav-term__toggle"):
        popover.decompose()
    return " ".join(" ".join(paragraph.get_text().split()) for paragraph in element.find_all("p"))


@pytest.mark.parametrize("language, ident", WRITTEN_STORIES)
def test_built_story_opens_with_its_content_note(site, language, ident):
    """Before the first scene, in the article: a labelled aside with the volunteer's note, the sentence
    that says the reader can stop at any time (with the quick exit), and a link to call 119."""
    story, path, strings = real_story(language, ident), language_root(language) + f"histoires/{ident}/", interface_strings(language)
    article = parsed_page(site, path).select_one("article")
    note, first_scene = article.select_one("aside.pav-story-note"), article.select_one("section.pav-scene")
    assert note and first_scene, f"/{path} : pas de note d'avertissement ou pas de scène."
    assert first_scene in note.find_all_next("section"), f"/{path} : la note doit venir avant la première scène."
    assert not note.find_parent("section"), f"/{path} : la note ne doit pas être dans une scène (story.js la cacherait)."
    label = article.select_one(f"#{note['aria-labelledby']}")
    assert label and label in note.descendants and label.get_text(strip=True) == strings["story_note"], f"/{path}"
    text = shown_text(note)
    stop = strings["story_note_stop"].format(button=strings["quick_exit"])
    assert story.fields.avertissement in text and stop in text, f"/{path} : {text}"
    assert note.select_one("a[href='tel:119']"), f"/{path} : la note ne donne pas le lien pour appeler le 119."


def test_the_stories_page_shows_each_content_note(site):
    for language in LANGUAGES:
        page = parsed_page(site, language_root(language) + "histoires/")
        notes = [shown_text(note) for note in page.select(".pav-card .pav-card__note")]
        for ident in STORIES:
            note = real_story(language, ident).fields.avertissement
            assert any(note in shown for shown in notes), f"{language} : la note de {ident} manque sur la page des histoires."


# ----- Panel images: a Markdown image, resolved and checked by MkDocs ------------------------------

STORY_UI = Ui("fr", {"story_restart": "Recommencer", "story_scene": "Scène", "story_ending": "Fin", "story_choices": "Que fais-tu ?",
                    "story_note": "Avant de lire", "story_note_stop": "Tu peux arrêter. « {button} ».", "quick_exit": "Quitter",
                    "story_note_help": "Appelle le {number}."})
MINIMAL_SITE = """site_name: Test
site_url: https://site.test/
use_directory_urls: true
markdown_extensions: [md_in_html, attr_list]
validation:
  links:
    not_found: warn
"""
PANEL = "![Un téléphone posé sur un lit](images/telephone.svg \"La nuit\")"


def build_story_page(folder, panel: str) -> subprocess.CompletedProcess:
    """A one-page MkDocs site (no theme of ours, no hooks) whose page is docs/fr/histoires/test.md as the
    hooks make it: the test story, its first scene starting with ``panel``, rendered by story_markdown."""
    text = GOOD.replace("![Un téléphone posé sur un lit](panel.png \"La nuit\")", panel)
    source, _ = parse_page(text, "docs/fr/histoires/test.md")
    story, errors = parse_story(source, "test")
    assert story, errors
    write_file(folder, "mkdocs.yml", MINIMAL_SITE)
    write_file(folder, "docs/fr/histoires/test.md", story_markdown(source.body, story, STORY_UI, lambda markdown: markdown))
    write_file(folder, "docs/fr/histoires/images/telephone.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 8"/>')
    # Without -q: a quiet MkDocs does not count warnings, and --strict lets a missing image through.
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(folder / "site")], cwd=folder,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)


def test_a_panel_image_next_to_the_story_is_published_and_its_address_leads_to_it(tmp_path):
    result = build_story_page(tmp_path, PANEL)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site/fr/histoires/test/index.html").read_text(encoding="utf-8"), "html.parser")
    image = page.select_one("section#suite figure.pav-panel img")
    assert image and image["alt"] == "Un téléphone posé sur un lit"
    assert page.select_one("section#suite figure.pav-panel figcaption").get_text() == "La nuit"
    address = urljoin("https://site.test/fr/histoires/test/", image["src"])
    assert address == "https://site.test/fr/histoires/images/telephone.svg", image["src"]
    assert (tmp_path / "site/fr/histoires/images/telephone.svg").exists()


def test_a_panel_image_that_does_not_exist_stops_the_strict_build(tmp_path):
    result = build_story_page(tmp_path, "![Un téléphone](../img/absent.svg)")
    assert result.returncode != 0 and "fr/histoires/test.md" in result.stderr and "../img/absent.svg" in result.stderr, result.stderr


@pytest.mark.parametrize("language, ident", WRITTEN_STORIES)
def test_without_javascript_every_scene_is_on_the_page_and_choices_are_links(visit, language, ident):
    story = real_story(language, ident)
    page = visit(javascript=False).open(language_root(language) + f"histoires/{ident}/")
    assert page.locator("aside.pav-story-note").is_visible(), "La note d'avertissement est invisible sans JavaScript."
    for scene in story.scenes:
        assert page.locator(f"section#{scene}").is_visible(), f"Scène {scene} invisible sans JavaScript."
    targets = [link.get_attribute("href")[1:] for link in page.locator("a.pav-choice").all()]
    assert targets and all(target in story.scenes for target in targets)


@pytest.mark.parametrize("language, ident", WRITTEN_STORIES)
def test_story_with_every_scene_shown_is_accessible(visit, language, ident):
    """axe cannot run in a page without JavaScript: the story script alone is blocked instead, which
    leaves the story exactly as readers without JavaScript get it (every scene shown). Light, then dark."""
    one = visit()
    one.context.route("**/assets/story.*.js", lambda route: route.abort())
    page = one.open(language_root(language) + f"histoires/{ident}/")
    assert page.locator(".pav-scene:visible").count() == len(real_story(language, ident).scenes)
    violations = axe_violations(page)
    page.emulate_media(color_scheme="dark")
    violations += [f"en mode sombre : {violation}" for violation in axe_violations(page)]
    assert not violations, f"Histoire {page.url} :\n  - " + "\n  - ".join(violations)


@pytest.mark.parametrize("language, ident", WRITTEN_STORIES)
def test_every_ending_can_be_played_with_javascript_by_click_and_keyboard(visit, language, ident):
    story = real_story(language, ident)
    page = visit().open(language_root(language) + f"histoires/{ident}/")
    start_url, history = page.url, page.evaluate("() => history.length")
    for number, (ending, steps) in enumerate(paths_to_endings(story).items()):
        assert page.locator(f"section#{story.fields.start}").is_visible()
        assert page.locator("aside.pav-story-note").is_visible(), "La note d'avertissement doit rester visible au début."
        for scene, target in steps:
            assert page.locator(".pav-scene:not([hidden])").count() == 1
            choice = page.locator(f"section#{scene} a.pav-choice[href='#{target}']").first
            if number % 2:
                choice.focus()
                page.keyboard.press("Enter")
            else:
                choice.click()
            assert page.locator(f"section#{target}").is_visible()
            focused = page.evaluate("() => document.activeElement.id")
            assert focused == target, f"Le focus devrait aller sur la scène {target}, il est sur {focused}."
        assert page.locator(f"section#{ending} h3").count() >= 1, f"La fin {ending} n'a pas de débriefing."
        page.locator(f"section#{ending} .pav-story__restart").click()
    assert page.url == start_url and page.evaluate("() => history.length") == history, "Les choix ont modifié l'historique."
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
