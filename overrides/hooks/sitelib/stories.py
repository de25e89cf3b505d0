"""Interactive stories (docs/<langue>/histoires/<id>.md): branching phone conversations.

A story is plain Markdown: ``## id`` scenes, ``Name : text`` messages, ``* [choice](#scene)`` choices,
images as comic panels, ``### …`` debrief sections in endings (scenes whose id starts with ``fin``).
Each scene opens with its drawn panel's line (``<!-- @vignette … -->``, sitelib/comics.py), drawn from the
story's cast (docs/_data/bd/<id>.yml), which the front matter names in its language (``personnages:``).
In a scene set in a place, what the drawn characters (and the reader) say is shown as speech bubbles;
every other message stays a message on the phone.
Before the first scene, every story page opens with a content note: what the story shows, in the
volunteer's words (front matter ``avertissement:``), then what the build adds from the interface
strings: that the reader can stop at any time and leave with the quick exit, and the number to call.
Who writes messages is declared in the front matter (``me:`` the reader, ``senders:`` the others): a
line is a message exactly when it starts with one of those names, in any script.
Without JavaScript the story is a page of scenes linked by their choices; overrides/assets/story.js
shows one scene at a time as a chat.

A story is parsed once, when the site is loaded (``load_stories``); its page is then rendered from
that validated object (``story_markdown``), markers in its texts expanded by the caller's function.
"""

import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from babel.lists import format_list
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from . import comics
from .data import Refused, validate
from .externals import External
from .errors import ContentError, raise_all
from .languages import is_untranslated
from .pages import PageSource, display_path, own_fields, read_page
from .templating import Markup, render

if TYPE_CHECKING:
    from .strings import Ui

SCENE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CHOICE = re.compile(r"^[*-] +\[(?P<text>[^\]]+)\]\(#(?P<target>[^)\s]+)\)\s*$")
IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?: \"(?P<caption>[^\"]*)\")?\)\s*$")
# Messages: « Name : text », « Name: text », « Name (21:47) : text », « 李（21:47）：你好 » (full-width signs).
# Direction marks that an editor may put around a right-to-left name (LRM, RLM, ALM, embeddings, isolates).
BIDI = "[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]*"
STAMP = rf" ?{BIDI}[(（](?P<time>\d{{1,2}}[:h：]\d{{2}})[)）]{BIDI}"
SEPARATOR = r"(?: ?: | ?：\s*)"
NOT_IN_NAME = "()（）:："
# What a message with an undeclared name looks like: any words, a time in brackets, then the separator.
# Without a time, « Il te dit : viens » is narration, so nothing there can be told apart from a message.
TIMED_LINE = re.compile(rf"^{BIDI}(?P<sender>[^\s{NOT_IN_NAME}][^{NOT_IN_NAME}]*?){BIDI}{STAMP}{SEPARATOR}")
MARKER_LEFT = re.compile(r"<!--\s*@")
# The content note: one or two sentences by the volunteer; the number the build adds after them.
NOTE_LENGTH = 260
NOTE_CONTACT = "119"
NOTE_MISSING = ("la note avant l'histoire manque.",
                "écrivez en une ou deux phrases ce que montre l'histoire, par exemple « avertissement: \"Cette histoire "
                "montre un chantage avec des photos.\" » (le site ajoute qu'on peut arrêter à tout moment, et le numéro à appeler).")


def message_pattern(names: Iterable[str]) -> re.Pattern | None:
    """The messages of a story whose writers are ``names`` (the reader and the senders), or None."""
    names = sorted({unicodedata.normalize("NFC", name) for name in names if name}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"^{BIDI}(?P<sender>{'|'.join(map(re.escape, names))}){BIDI}"
                      rf"(?:{STAMP})?{SEPARATOR}(?P<text>.+)$")


class StoryFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    description: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    # What the story shows, before its first scene (a missing note gets its own message: validate_default).
    avertissement: str = Field(default=None, validate_default=True, json_schema_extra={"maxLength": NOTE_LENGTH})
    age: int = Field(ge=10, le=25)
    reading_minutes: int = Field(ge=1, le=60)
    themes: list[str] = Field(min_length=1)
    me: str = Field(min_length=1)
    senders: list[str]  # the other people who write messages (may be empty: [])
    start: str
    personnages: dict[str, str] = Field(default_factory=dict)  # cast id → the character's name in this language

    @field_validator("avertissement", mode="before")
    @classmethod
    def note_written(cls, note):
        if note is None or (isinstance(note, str) and not note.strip()):
            raise Refused(*NOTE_MISSING)
        return note

    @field_validator("avertissement")
    @classmethod
    def short_note(cls, note: str) -> str:
        if len(note) > NOTE_LENGTH:
            raise Refused(f"la note avant l'histoire est trop longue ({len(note)} signes, {NOTE_LENGTH} au plus).",
                          "gardez une ou deux phrases sur ce que montre l'histoire.")
        if MARKER_LEFT.search(note):
            raise Refused("la note avant l'histoire contient un marqueur.",
                          f"retirez-le : le site ajoute lui-même le numéro à appeler (le {NOTE_CONTACT}) après elle.")
        return note

    @field_validator("me")
    @classmethod
    def one_name(cls, name: str) -> str:
        return writer_name(name)

    @field_validator("senders")
    @classmethod
    def names(cls, names: list[str], info: ValidationInfo) -> list[str]:
        names = [writer_name(name) for name in names]
        doubles = sorted({name for name in names if names.count(name) > 1})
        if doubles:
            raise Refused(f"nom(s) écrit(s) deux fois : {', '.join(doubles)}.", "gardez-en un seul.")
        if info.data.get("me") in names:
            raise Refused(f"« {info.data['me']} » est le lecteur (me:), pas un autre personnage.", "retirez-le de senders.")
        return names

    @property
    def writers(self) -> list[str]:
        return [self.me, *self.senders]


def writer_name(name: str) -> str:
    """A name as it starts a message line: in any script, without brackets or colons."""
    name = unicodedata.normalize("NFC", name.strip())
    if not name or any(sign in name for sign in NOT_IN_NAME + "\n"):
        raise Refused(f"« {name} » ne peut pas être un nom.", "écrivez un nom sans parenthèses ni « : ».")
    return name


class Message(NamedTuple):
    kind: str  # "message"
    sender: str
    time: str | None
    text: str  # Markdown
    line: int = 0


class Narration(NamedTuple):
    kind: str  # "text"
    text: str  # Markdown


class Panel(NamedTuple):
    kind: str  # "image"
    alt: str
    src: str  # as written, relative to the story's file: MkDocs resolves and checks it
    caption: str | None


class Choice(NamedTuple):
    text: str
    target: str
    line: int


@dataclass
class Scene:
    id: str
    line: int
    parts: list[Message | Narration | Panel] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    debrief: str = ""  # Markdown, from the first « ### » heading of an ending
    drawing: comics.Drawing | None = None
    drawing_file: str = ""  # the panel's file name under media/bd/, once drawn (illustrate)

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
    fields, errors = validate(StoryFields, own_fields(source.meta), source.file, "en-tête")
    # With a wrong front matter, the names are unknown: the body's other mistakes are still reported.
    title, scenes, found = parse_body(source.body, source.file, source.body_line, fields.writers if fields else None)
    errors += found
    if not title:
        errors.append(ContentError(source.file, "titre", "le titre de l'histoire (# …) manque.", "ajoutez « # Titre » après l'en-tête."))
    story = Story(ident, source.file, title or ident, fields, scenes) if fields else None
    if story:
        errors += check_paths(story)
    return (story if not errors else None), errors


def parse_body(body: str, file: str, first_line: int, writers: list[str] | None = None
               ) -> tuple[str | None, dict[str, Scene], list[ContentError]]:
    """Title and scenes of a story's Markdown body (after the front matter). ``writers``: the names that
    start a message (``me`` and ``senders``); None when the front matter could not be read (no message
    is recognised then, and none is reported as undeclared)."""
    title, scenes, current, errors = None, {}, None, []
    message = message_pattern(writers or [])
    for number, line in enumerate(body.split("\n"), start=first_line):
        stripped = unicodedata.normalize("NFC", line.strip())
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
        elif panel_line := comics.PANEL_LINE.match(stripped):
            place = f"scène « {current.id} », ligne {number}"
            if current.drawing or current.parts or current.choices:
                errors.append(ContentError(file, place, "la vignette doit être la première ligne de la scène, et la seule.",
                                           f"placez une seule ligne « <!-- @vignette … --> » juste après « ## {current.id} »."))
            else:
                current.drawing, found = comics.parse_panel_line(panel_line["arguments"], file, place, number)
                errors += found
        elif choice := CHOICE.match(stripped):
            current.choices.append(Choice(choice["text"], choice["target"], number))
        elif image := IMAGE.match(stripped):
            if not image["alt"].strip():
                errors.append(ContentError(file, f"scène « {current.id} », ligne {number}", "cette image n'a pas de texte alternatif.",
                                           "décrivez l'image entre les crochets : ![ce que montre l'image](…)."))
            current.parts.append(Panel("image", image["alt"], image["src"], image["caption"]))
        elif message and (found := message.match(stripped)):
            current.parts.append(Message("message", found["sender"], found["time"], found["text"], number))
        else:
            if writers is not None and (timed := TIMED_LINE.match(stripped)):
                name = timed["sender"].strip()
                errors.append(ContentError(file, f"scène « {current.id} », ligne {number}",
                                           f"cette ligne ressemble à un message de « {name} », qui n'est pas dans l'en-tête.",
                                           f"ajoutez « {name} » à « senders: » dans l'en-tête (ex. senders: [{', '.join([*writers[1:], name])}]) ; "
                                           "si c'est de la narration, retirez l'heure entre parenthèses."))
            current.parts.append(Narration("text", stripped))
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
                                       "ajoutez au moins une section « ### Les signaux » avec les signes d'alerte, "
                                       "puis « ### Qui peut t'aider ? » avec les contacts."))
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


def illustrate(story: Story, cast: comics.Cast, cast_path: str, drawings: dict[str, str]) -> list[ContentError]:
    """Draw each scene's panel from ``cast`` (its file name in ``scene.drawing_file``, its SVG added to
    ``drawings``), once the story and its cast are checked together: every scene has a panel, every drawn
    character is in the cast, the front matter names the whole cast, every spoken line fits its bubble."""
    errors, file = [], story.file
    named = story.fields.personnages
    for ident in sorted(set(cast) - set(named)):
        errors.append(ContentError(file, "en-tête, personnages", f"le personnage « {ident} » ({cast_path}) n'a pas de nom ici.",
                                   f"ajoutez « {ident}: <son nom dans cette langue> » à « personnages: »."))
    for ident in sorted(set(named) - set(cast)):
        errors.append(ContentError(file, "en-tête, personnages", f"« {ident} » n'est pas un personnage de l'histoire "
                                   f"(également utilisé : {cast_path}).", f"utilisez un identifiant de {cast_path} : {', '.join(cast)}."))
    for scene in story.scenes.values():
        place = f"scène « {scene.id} », ligne {scene.line}"
        if scene.drawing is None:
            errors.append(ContentError(file, place, "cette scène n'a pas de vignette.",
                                       "ajoutez juste après le titre de la scène une ligne comme "
                                       "« <!-- @vignette chambre +telephone --> » (voir CONTRIBUTING.md, « Les vignettes »)."))
            continue
        unknown = [ident for ident, _ in scene.drawing.characters if ident not in cast]
        for ident in unknown:
            errors.append(ContentError(file, f"scène « {scene.id} », ligne {scene.drawing.line}",
                                       f"le personnage « {ident} » n'est pas dans {cast_path}.",
                                       f"utilisez l'un de : {', '.join(cast)} ; ou ajoutez-le à {cast_path}."))
        spoken = spoken_by(story, scene)
        for part in scene.parts:
            if is_said(part) and part.sender in spoken and (problem := comics.bubble_problem(part.text)):
                errors.append(ContentError(file, f"scène « {scene.id} », ligne {part.line}", *problem))
        if not unknown and not errors:
            svg = comics.draw(scene.drawing, cast)
            scene.drawing_file = comics.file_name(svg)
            drawings[scene.drawing_file] = svg
    return errors


def spoken_by(story: Story, scene: Scene) -> set[str]:
    """Who speaks aloud in the scene: in a place (not on the phone's screen), the characters drawn in its
    panel who say something, and then the reader too; everyone else's messages stay on the phone, and
    so does every message written with its time (a text, even from someone in the room)."""
    if scene.drawing is None or scene.drawing.place == comics.SCREEN:
        return set()
    drawn = {story.fields.personnages.get(ident) for ident, _ in scene.drawing.characters}
    speakers = {part.sender for part in scene.parts if is_said(part) and part.sender in drawn}
    return speakers | {story.fields.me} if speakers else set()


def is_said(part) -> bool:
    """A message that can be said aloud: one without a time."""
    return isinstance(part, Message) and part.time is None


def load_stories(docs_dir: Path, languages: list[str], default: str, untranslated: dict[str, list[str]],
                 lexicon_ids: dict[str, set[str]], drawings: dict[str, str] | None = None) -> dict[str, dict[str, Story]]:
    """Every language's stories, checked and illustrated; ``drawings`` receives every panel (name → SVG)."""
    stories, errors, casts = {}, [], {}
    drawings = {} if drawings is None else drawings
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
                if story.id not in casts:
                    casts[story.id], found = comics.load_cast(docs_dir, story.id)
                    errors += found
                if casts[story.id] is not None:
                    errors += illustrate(story, casts[story.id], display_path(comics.cast_file(docs_dir, story.id)), drawings)
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


# ----- Rendering: templates/story.html and templates/story-list.html ---------------------------------

Expand = Callable[[str], str]


class Chat(NamedTuple):
    kind: str  # "chat": messages in a row, one <ol>
    messages: list[Message]
    spoken: bool = False  # said aloud in the panel's place: speech bubbles, not messages on a phone


def scene_blocks(scene: Scene, expand: Expand, spoken: set[str] = frozenset()) -> list[Chat | Narration | Panel]:
    """The scene's parts as the template shows them: messages in a row grouped into one chat (said
    aloud or on the phone, as ``spoken`` says), texts (Markdown) with their markers expanded and marked
    as Markdown to put in as written."""
    blocks: list[Chat | Narration | Panel] = []
    for part in scene.parts:
        if isinstance(part, Message):
            message = part._replace(text=Markup(expand(part.text)))
            aloud = is_said(part) and part.sender in spoken
            if blocks and isinstance(blocks[-1], Chat) and blocks[-1].spoken == aloud:
                blocks[-1].messages.append(message)
            else:
                blocks.append(Chat("chat", [message], aloud))
        elif isinstance(part, Narration):
            blocks.append(part._replace(text=Markup(expand(part.text))))
        else:  # a panel: a Markdown image, so that MkDocs resolves and checks its path
            blocks.append(part._replace(alt=Markup(part.alt), src=Markup(part.src)))
    return blocks


def content_note(story: Story, ui: "Ui", expand: Expand) -> dict:
    """The note before the first scene: the volunteer's sentences, then the interface's (stop at any
    time with the quick exit; the number to call, rendered by the page's own @numero marker)."""
    number = Markup(expand(f"<!-- @numero {NOTE_CONTACT} -->"))
    return {"text": story.fields.avertissement, "stop": ui["story_note_stop"].format(button=ui["quick_exit"]),
            "help": Markup.escape(ui["story_note_help"]).format(number=number)}


def drawing_alt(story: Story, drawing: comics.Drawing, ui: "Ui") -> str:
    """The panel's short text alternative, in the page's language: the place, who is there and how they
    look, the props (« Dans la cour : Inès (inquiétude), un téléphone. »)."""
    names = story.fields.personnages
    content = [f"{names[ident]} ({ui['comic_expression_' + expression.replace('-', '_')]})" for ident, expression in drawing.characters]
    content += [ui["comic_prop_" + prop.replace("-", "_")] for prop in drawing.props]
    place = ui["comic_place_" + drawing.place.replace("-", "_")]
    if not content:
        return ui["comic_alt_empty"].format(place=place)
    return ui["comic_alt"].format(place=place, content=format_list(content, locale=ui.language))


def render_story(story: Story, ui: "Ui", expand: Expand | None = None, drawing_href: Callable[[str], str] | None = None) -> str:
    """The content note, then the story as HTML sections, to put into the page's Markdown (md_in_html
    renders the Markdown of messages, narration, panels and debriefs). ``expand`` replaces the markers
    of a text (a page's ``<!-- @numero 119 -->``). The note always gives a number through a marker, so
    without ``expand`` the story cannot be rendered (the error says so). ``drawing_href`` gives the link
    to a panel's file from the page (no panels without it)."""
    if expand is None:
        expand = no_markers(story)
    scenes, numbers = [], {True: 0, False: 0}
    for scene in story.scenes.values():
        numbers[scene.is_ending] += 1
        heading = f'{ui["story_ending"] if scene.is_ending else ui["story_scene"]} {numbers[scene.is_ending]}'
        debrief = Markup(expand(scene.debrief.strip())) if scene.debrief.strip() else ""
        drawing = None
        if drawing_href and scene.drawing_file:
            drawing = {"src": drawing_href(scene.drawing_file), "alt": drawing_alt(story, scene.drawing, ui),
                       "width": comics.WIDTH, "height": comics.HEIGHT, "lazy": scene.id != story.fields.start}
        scenes.append({"scene": scene, "heading": heading, "blocks": scene_blocks(scene, expand, spoken_by(story, scene)),
                       "debrief": debrief, "drawing": drawing})
    return render("story.html", story=story, note=content_note(story, ui, expand), scenes=scenes, ui=ui)


def no_markers(story: Story) -> Expand:
    def check(text: str) -> str:
        if MARKER_LEFT.search(text):
            raise ValueError(f"{story.file} : render_story/story_markdown sans « expand », alors que l'histoire contient des "
                             f"marqueurs (sa note d'avertissement donne toujours le {NOTE_CONTACT}).")
        return text
    return check


def story_markdown(markdown: str, story: Story, ui: "Ui", expand: Expand | None = None,
                   drawing_href: Callable[[str], str] | None = None) -> str:
    """A story page's Markdown: the page's own beginning (its title, and any text before the first
    scene), then the scenes rendered from the validated ``story``. The scenes are not read again from
    ``markdown``: the story was parsed and checked once, by ``load_stories``. ``markdown`` is the page's
    Markdown, markers expanded or not; ``expand`` expands the markers of each text of the story."""
    first_scene = re.search(r"^## ", markdown, re.MULTILINE)
    intro = markdown[: first_scene.start()] if first_scene else markdown
    return intro.rstrip() + "\n\n" + render_story(story, ui, expand, drawing_href) + "\n"


def render_story_list(stories: dict[str, Story], externals: list[External], href: Callable[[str], str],
                      term_href: Callable[[str], str], terms: dict, ui: "Ui") -> str:
    """The stories page (marker @histoires): the site's own stories as cards, then, under a heading,
    other organisations' tools (links that leave the site)."""
    cards = [{"story": story, "href": href(story.id), "endings": sum(scene.is_ending for scene in story.scenes.values()),
              "themes": [(term_href(theme), terms[theme].title) for theme in story.fields.themes]}
             for story in stories.values()]
    tools = [{"tool": tool, "text": tool.text[ui.language]} for tool in externals]
    return ("\n\n" + render("story-list.html", cards=cards, ui=ui) + "\n\n"
            f"## {ui['story_elsewhere']}\n\n" + render("story-externals.html", tools=tools, ui=ui) + "\n\n")
