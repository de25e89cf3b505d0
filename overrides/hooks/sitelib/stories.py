"""Interactive stories (docs/<langue>/histoires/<id>.md): branching phone conversations.

A story is plain Markdown: ``## id`` scenes, ``Name : text`` messages, ``* [choice](#scene)`` choices,
images as comic panels, ``### …`` debrief sections in endings (scenes whose id starts with ``fin``).
Without JavaScript the story is a page of scenes linked by their choices; overrides/assets/story.js
shows one scene at a time as a chat.
"""

import re
from collections import deque
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .data import validate
from .externals import External
from .errors import ContentError, raise_all
from .languages import is_untranslated
from .pages import PageSource, display_path, read_page

SCENE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CHOICE = re.compile(r"^[*-] +\[(?P<text>[^\]]+)\]\(#(?P<target>[^)\s]+)\)\s*$")
# A sender is one to three capitalised words: « Léo : Salut » is a message, « Il te dit : viens » is not.
MESSAGE = re.compile(r"^(?P<sender>[A-ZÀ-ÖØ-Þ][\w'’-]*(?: [A-ZÀ-ÖØ-Þ][\w'’-]*){0,2})(?: \((?P<time>\d{1,2}[:h]\d{2})\))? ?: (?P<text>.+)$")
IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?: \"(?P<caption>[^\"]*)\")?\)\s*$")


class StoryFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    description: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    age: int = Field(ge=10, le=25)
    reading_minutes: int = Field(ge=1, le=60)
    themes: list[str] = Field(min_length=1)
    me: str = Field(min_length=1)
    start: str


@dataclass
class Scene:
    id: str
    line: int
    parts: list[tuple] = field(default_factory=list)  # ("message", sender, time, text) | ("text", md) | ("image", alt, src, caption)
    choices: list[tuple[str, str, int]] = field(default_factory=list)  # (text, target, line)
    debrief: str = ""

    @property
    def is_ending(self) -> bool:
        return self.id.startswith("fin")


@dataclass
class Story:
    id: str
    file: str
    title: str
    fields: StoryFields
    scenes: dict[str, Scene]


def parse_story(source: PageSource, ident: str) -> tuple[Story | None, list[ContentError]]:
    fields, errors = validate(StoryFields, source.meta, source.file, "en-tête")
    title, scenes, found = parse_body(source.body, source.file, source.body_line)
    errors += found
    if not title:
        errors.append(ContentError(source.file, "titre", "le titre de l'histoire (# …) manque.", "ajoutez « # Titre » après l'en-tête."))
    story = Story(ident, source.file, title or ident, fields, scenes) if fields else None
    if story:
        errors += check_paths(story)
    return (story if not errors else None), errors


def parse_body(body: str, file: str, first_line: int) -> tuple[str | None, dict[str, Scene], list[ContentError]]:
    """Title and scenes of a story's Markdown body (after the front matter)."""
    title, scenes, current, errors = None, {}, None, []
    for number, line in enumerate(body.split("\n"), start=first_line):
        stripped = line.strip()
        if line.startswith("# "):
            title = line[2:].strip()
        elif line.startswith("## "):
            scene_id = line[3:].strip()
            if not SCENE_ID.match(scene_id):
                errors.append(ContentError(file, f"ligne {number}", f"« {scene_id} » n'est pas un identifiant de scène.",
                                           "écrivez-le en minuscules, chiffres et tirets (ex. ## rendez-vous)."))
            if scene_id in scenes:
                errors.append(ContentError(file, f"ligne {number}", f"la scène « {scene_id} » existe déjà.", "donnez-lui un autre identifiant."))
            current = scenes[scene_id] = Scene(scene_id, number)
        elif current is not None and (current.debrief or line.startswith("### ")):
            current.debrief += line + "\n"
        elif current is None or not stripped:
            continue
        elif choice := CHOICE.match(stripped):
            current.choices.append((choice["text"], choice["target"], number))
        elif image := IMAGE.match(stripped):
            if not image["alt"].strip():
                errors.append(ContentError(file, f"scène « {current.id} », ligne {number}", "cette image n'a pas de texte alternatif.",
                                           "décrivez l'image entre les crochets : ![ce que montre l'image](…)."))
            current.parts.append(("image", image["alt"], image["src"], image["caption"]))
        elif message := MESSAGE.match(stripped):
            current.parts.append(("message", message["sender"], message["time"], message["text"]))
        else:
            current.parts.append(("text", stripped))
    return title, scenes, errors


def check_paths(story: Story) -> list[ContentError]:
    """Every choice leads somewhere, every scene can be reached, every path can reach an ending."""
    errors, scenes, file = [], story.scenes, story.file
    start = story.fields.start
    if start not in scenes:
        return [ContentError(file, "en-tête, start", f"la scène de départ « {start} » n'existe pas.",
                             f"indiquez l'identifiant d'une scène : {', '.join(scenes) or '(aucune scène)'}.")]
    for scene in scenes.values():
        for text, target, line in scene.choices:
            if target not in scenes:
                errors.append(ContentError(file, f"scène « {scene.id} », ligne {line}", f"le choix « {text} » mène à « {target} », qui n'existe pas.",
                                           f"corrigez l'identifiant ; scènes existantes : {', '.join(scenes)}."))
        if scene.is_ending and not scene.debrief.strip():
            errors.append(ContentError(file, f"scène « {scene.id} », ligne {scene.line}", "cette fin n'a pas de débriefing.",
                                       "ajoutez au moins une section « ### Ce qu'il fallait voir » avec les signes d'alerte et les contacts."))
        if scene.is_ending and scene.choices:
            errors.append(ContentError(file, f"scène « {scene.id} », ligne {scene.line}", "une fin ne propose pas de choix.",
                                       "retirez les choix, ou donnez à la scène un identifiant qui ne commence pas par « fin »."))
    if errors:
        return errors
    reached, queue = {start}, deque([start])
    while queue:
        for _, target, _ in scenes[queue.popleft()].choices:
            if target not in reached:
                reached.add(target)
                queue.append(target)
    for scene in scenes.values():
        if scene.id not in reached:
            errors.append(ContentError(file, f"scène « {scene.id} », ligne {scene.line}", "aucun chemin ne mène à cette scène.",
                                       "ajoutez un choix qui y mène, ou supprimez-la."))
    can_end = {scene.id for scene in scenes.values() if scene.is_ending}
    changed = True
    while changed:
        changed = False
        for scene in scenes.values():
            if scene.id not in can_end and any(target in can_end for _, target, _ in scene.choices):
                can_end.add(scene.id)
                changed = True
    for scene in scenes.values():
        if scene.id in reached and scene.id not in can_end:
            errors.append(ContentError(file, f"scène « {scene.id} », ligne {scene.line}", "depuis cette scène, on n'arrive jamais à une fin.",
                                       "ajoutez un choix vers une scène qui mène à une fin (identifiant commençant par « fin »)."))
    return errors


def load_stories(docs_dir: Path, languages: list[str], default: str, untranslated: dict[str, list[str]],
                 lexicon_ids: dict[str, set[str]]) -> dict[str, dict[str, Story]]:
    stories, errors = {}, []
    for language in languages:
        stories[language] = {}
        for path in sorted((docs_dir / language / "histoires").glob("*.md")):
            if path.name == "index.md":
                continue
            source, found = read_page(path)
            story, more = parse_story(source, path.stem) if source else (None, [])
            errors += found + more
            if story:
                file = story.file
                stories[language][story.id] = story
                unknown = [theme for theme in story.fields.themes if theme not in lexicon_ids[language]]
                if unknown:
                    errors.append(ContentError(file, "en-tête, themes", f"thème(s) absent(s) du lexique : {', '.join(unknown)}.",
                                               "utilisez des identifiants du lexique (noms des fichiers de lexique/)."))
    for language in languages:
        if language == default:
            continue
        for missing in sorted(set(stories[default]) - set(stories[language])):
            if is_untranslated(f"histoires/{missing}.md", untranslated.get(language, [])):
                stories[language][missing] = stories[default][missing]  # shown in the default language, like its page
                continue
            errors.append(ContentError(display_path(docs_dir / language / "histoires" / f"{missing}.md"), "fichier entier",
                                       f"l'histoire « {missing} » existe en {default} mais pas en {language}.",
                                       "traduisez-la avec les mêmes identifiants de scènes, ou ajoutez "
                                       f"histoires/{missing}.md à « untranslated » de {language} dans mkdocs.yml."))
        for ident, story in stories[language].items():
            reference = stories[default].get(ident)
            if reference and set(reference.scenes) != set(story.scenes):
                errors.append(ContentError(story.file, "scènes", "les scènes ne sont pas les mêmes que dans la version de référence "
                                           f"({', '.join(sorted(set(reference.scenes) ^ set(story.scenes)))}).",
                                           "gardez les mêmes identifiants de scènes dans chaque langue."))
    raise_all(errors)
    return stories


def render_story(story: Story, ui: dict[str, str]) -> str:
    """The story as HTML sections (Markdown kept inside message texts and debriefs)."""
    me = story.fields.me
    out = [f'<div class="pav-story" data-pav-story data-start="{story.fields.start}" '
           f'data-restart="{escape(ui["story_restart"])}" markdown="1">\n']
    scene_number = ending_number = 0
    for scene in story.scenes.values():
        if scene.is_ending:
            ending_number += 1
            heading = f'{ui["story_ending"]} {ending_number}'
        else:
            scene_number += 1
            heading = f'{ui["story_scene"]} {scene_number}'
        classes = "pav-scene pav-scene--ending" if scene.is_ending else "pav-scene"
        out.append(f'\n<section class="{classes}" id="{scene.id}" tabindex="-1" aria-labelledby="{scene.id}-titre" markdown="1">\n')
        out.append(f'<h2 class="pav-scene__title" id="{scene.id}-titre">{escape(heading)}</h2>\n')
        chat = []
        for part in scene.parts:
            if part[0] == "message":
                _, sender, time, text = part
                side = "me" if sender == me else "them"
                stamp = f' <span class="pav-msg__time">{escape(time)}</span>' if time else ""
                chat.append(f'<li class="pav-msg pav-msg--{side}"><span class="pav-msg__sender">{escape(sender)}</span>{stamp}'
                            f'<span class="pav-msg__text" markdown="span">{text}</span></li>')
                continue
            if chat:
                out.append(f'<ol class="pav-chat">{"".join(chat)}</ol>\n')
                chat = []
            if part[0] == "text":
                out.append(f'\n<p class="pav-narration" markdown="span">{part[1]}</p>\n')
            else:
                _, alt, src, caption = part
                figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
                out.append(f'<figure class="pav-panel"><img src="{escape(src)}" alt="{escape(alt)}">{figcaption}</figure>\n')
        if chat:
            out.append(f'<ol class="pav-chat">{"".join(chat)}</ol>\n')
        if scene.choices:
            links = "".join(f'<li><a class="pav-choice" href="#{target}">{escape(text)}</a></li>' for text, target, _ in scene.choices)
            out.append(f'<ul class="pav-choices" aria-label="{escape(ui["story_choices"])}">{links}</ul>\n')
        if scene.debrief:
            out.append("\n" + scene.debrief + "\n")
        out.append("\n</section>\n")
    out.append("\n</div>\n")
    return "".join(out)


def story_markdown(markdown: str, story: Story, ui: dict[str, str]) -> str:
    """Replace the scenes of the page by their rendering, keeping the front matter-free title part."""
    first_scene = re.search(r"^## ", markdown, re.MULTILINE)
    intro = markdown[: first_scene.start()] if first_scene else markdown
    return intro.rstrip() + "\n\n" + render_story(story, ui)


def render_story_list(stories: dict[str, Story], externals: list[External], href, term_href, terms, ui: dict[str, str]) -> str:
    """The comics page: the site's own stories, then other organisations' tools (marked as leaving the site)."""
    language = ui["_lang"]
    cards = []
    for story in stories.values():
        themes = ", ".join(f'<a href="{term_href(theme)}">{escape(terms[theme].title)}</a>' for theme in story.fields.themes)
        endings = sum(scene.is_ending for scene in story.scenes.values())
        cards.append(
            f'<li class="pav-card"><div class="pav-card__cover" aria-hidden="true"><span>{escape(story.title)}</span></div>'
            f'<p class="pav-card__title"><a href="{href(story.id)}"><strong>{escape(story.title)}</strong></a></p>'
            f'<p>{escape(story.fields.summary)}</p>'
            f'<p class="pav-card__meta">{escape(ui["story_age"].format(age=story.fields.age))} · '
            f'{escape(ui["story_minutes"].format(minutes=story.fields.reading_minutes))} · '
            f'{escape(ui["story_endings"].format(count=endings))}</p>'
            f'<p class="pav-card__meta">{escape(ui["story_themes"])} {themes}</p></li>')
    others = "".join(
        f'<li class="pav-card"><p class="pav-card__title"><a href="{escape(str(item.url))}" rel="noopener noreferrer">'
        f'<strong>{escape(item.text[language].title)}</strong></a> <span class="pav-external">({escape(ui["external_link"])})</span></p>'
        f'<p>{escape(item.text[language].description)} — {escape(item.organisation)}</p>'
        f'<p class="pav-contact__meta">{escape(ui["source"])} <a href="{escape(str(item.source))}" rel="noopener noreferrer">'
        f'{escape(str(item.source.host))}</a></p></li>' for item in externals)
    return (f'\n\n<ul class="pav-cards">{"".join(cards)}</ul>\n\n'
            f'## {ui["story_elsewhere"]}\n\n<ul class="pav-cards">{others}</ul>\n\n')
