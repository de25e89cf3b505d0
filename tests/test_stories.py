"""Interactive stories: validation rules (one bad story per rule), the no-JavaScript page, and every
ending of every story played in the browser, by click and by keyboard."""

from collections import deque

import pytest

from browsing import axe_violations
from sitelib.errors import ContentError
from sitelib.pages import parse_page, read_page
from sitelib.stories import load_stories, parse_story
from site_map import DOCS, LANGUAGES, language_root, source_pages

FRONT = """---
description: "Une histoire."
summary: "Un résumé."
age: 13
reading_minutes: 5
themes: [loverboy]
me: Toi
start: debut
---

# Test
"""

GOOD = FRONT + """
## debut

Léo (21:14) : Salut !
Toi : Salut.
Il te dit : viens.

* [Répondre](#suite)
* [Bloquer](#fin-aide)

## suite

![Un téléphone posé sur un lit](panel.png "La nuit")

* [Continuer](#fin-piege)

## fin-aide

### Ce qu'il fallait voir

- Un inconnu trop gentil.

## fin-piege

### Ce qu'il fallait voir

- Le piège.
"""


def parse(text):
    source, errors = parse_page(text, "docs/fr/histoires/test.md")
    return parse_story(source, "test") if source else (None, errors)


def test_valid_story_is_parsed_into_scenes_messages_and_choices():
    story, errors = parse(GOOD)
    assert not errors
    debut = story.scenes["debut"]
    assert debut.parts[0] == ("message", "Léo", "21:14", "Salut !")
    assert debut.parts[2] == ("text", "Il te dit : viens."), "Une phrase de narration avec « : » n'est pas un message."
    assert [target for _, target, _ in debut.choices] == ["suite", "fin-aide"]
    assert story.scenes["fin-aide"].is_ending and "Un inconnu" in story.scenes["fin-aide"].debrief


BAD = {
    "choix vers une scène inexistante": (GOOD.replace("(#fin-piege)", "(#fin-perdue)"), "mène à « fin-perdue », qui n'existe pas"),
    "scène inatteignable": (GOOD + "\n## orpheline\n\n* [Aller](#fin-aide)\n", "aucun chemin ne mène à cette scène"),
    "chemin sans fin": (GOOD.replace("* [Continuer](#fin-piege)", "* [Boucler](#debut)").replace(
        "* [Bloquer](#fin-aide)", "* [Bloquer](#suite)") + "", "on n'arrive jamais à une fin"),
    "fin sans débriefing": (GOOD.replace("### Ce qu'il fallait voir\n\n- Le piège.\n", "Fin.\n"), "cette fin n'a pas de débriefing"),
    "image sans texte alternatif": (GOOD.replace("![Un téléphone posé sur un lit]", "![]"), "pas de texte alternatif"),
    "départ inconnu": (GOOD.replace("start: debut", "start: depart"), "la scène de départ « depart » n'existe pas"),
    "âge manquant": (GOOD.replace("age: 13\n", ""), "champ « age »"),
}


@pytest.mark.parametrize("case", BAD)
def test_each_story_rule_has_a_french_error_naming_file_and_scene(case):
    text, words = BAD[case]
    story, errors = parse(text)
    message = " | ".join(map(str, errors))
    assert story is None and words in message and "docs/fr/histoires/test.md" in message, message


def test_story_missing_in_a_language_is_named(tmp_path):
    for language in ("fr", "en"):
        (tmp_path / language / "histoires").mkdir(parents=True)
    (tmp_path / "fr" / "histoires" / "test.md").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ContentError, match="l'histoire « test » existe en fr mais pas en en"):
        load_stories(tmp_path, ["fr", "en"], "fr", {}, {"fr": {"loverboy"}, "en": {"loverboy"}})


STORIES = [source[len("histoires/"):-3] for source in source_pages() if source.startswith("histoires/") and not source.endswith("index.md")]


def real_story(language, ident):
    source, errors = read_page(DOCS / language / "histoires" / f"{ident}.md")
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


def test_the_site_has_three_stories_of_10_to_20_scenes_with_3_endings_each():
    assert len(STORIES) >= 3, f"Il faut au moins trois histoires, il y en a {len(STORIES)}."
    for ident in STORIES:
        story = real_story("fr", ident)
        endings = [scene for scene in story.scenes.values() if scene.is_ending]
        assert 10 <= len(story.scenes) <= 20 and len(endings) >= 3, f"{ident} : {len(story.scenes)} scènes, {len(endings)} fins."


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("ident", STORIES)
def test_without_javascript_every_scene_is_on_the_page_and_choices_are_links(visit, language, ident):
    story = real_story(language, ident)
    page = visit(javascript=False).open(language_root(language) + f"histoires/{ident}/")
    for scene in story.scenes:
        assert page.locator(f"section#{scene}").is_visible(), f"Scène {scene} invisible sans JavaScript."
    targets = [link.get_attribute("href")[1:] for link in page.locator("a.pav-choice").all()]
    assert targets and all(target in story.scenes for target in targets)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("ident", STORIES)
def test_story_with_every_scene_shown_is_accessible(visit, language, ident):
    """axe cannot run in a page without JavaScript: the story script alone is blocked instead, which
    leaves the story exactly as readers without JavaScript get it (every scene shown). Light, then dark."""
    one = visit()
    one.context.route("**/assets/story.js", lambda route: route.abort())
    page = one.open(language_root(language) + f"histoires/{ident}/")
    assert page.locator(".pav-scene:visible").count() == len(real_story(language, ident).scenes)
    violations = axe_violations(page)
    page.emulate_media(color_scheme="dark")
    violations += [f"en mode sombre : {violation}" for violation in axe_violations(page)]
    assert not violations, f"Histoire {page.url} :\n  - " + "\n  - ".join(violations)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("ident", STORIES)
def test_every_ending_can_be_played_with_javascript_by_click_and_keyboard(visit, language, ident):
    story = real_story(language, ident)
    page = visit().open(language_root(language) + f"histoires/{ident}/")
    start_url, history = page.url, page.evaluate("() => history.length")
    for number, (ending, steps) in enumerate(paths_to_endings(story).items()):
        assert page.locator(f"section#{story.fields.start}").is_visible()
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
