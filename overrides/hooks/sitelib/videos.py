"""The video library (docs/_data/videos.yml): self-hosted videos with WebVTT captions, and external
videos behind a click-to-load placeholder, so that nothing contacts a platform before the reader asks."""

import hashlib
import json
import math
import re
import shutil
from pathlib import Path
from typing import Callable

from babel import Locale
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from .data import Identifier, Refused, load_records, load_texts, read_yaml, validate
from .errors import ContentError, raise_all
from .languages import Languages
from .markers import MarkerProblem
from .pages import display_path
from .render import listing_sections
from .templating import render, render_blocks

PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class VideoText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    transcript: str | None = None  # the words of an external video
    captions: list[str] | None = None  # the site's own video: one text per card of assets/videos/<id>.yml


class Card(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seconds: float = Field(gt=0)


class Script(BaseModel):
    """The timing of a self-made video (assets/videos/<id>.yml): each card's time on screen."""

    model_config = ConfigDict(extra="forbid")
    id: str
    drawn_in: str = Field(min_length=2, description="la langue du texte dessiné sur les cartons")
    cards: list[Card] = Field(min_length=1)


class External(BaseModel):
    model_config = ConfigDict(extra="forbid")
    platform: str = Field(min_length=1)
    url: HttpUrl
    embed: HttpUrl
    source: HttpUrl


class Video(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Identifier
    duration: int = Field(ge=1, description="secondes")
    themes: list[str] = Field(min_length=1)
    age: int = Field(ge=8, le=25)
    self_hosted: str | None = None
    external: External | None = None
    text: dict[str, VideoText] = {}  # language → texts, from docs/<langue>/_data/videos.yml
    vtt: dict[str, str] = {}  # language → WebVTT captions of the site's own video, made by the build

    @property
    def captions(self) -> list[str]:
        """Languages the video has captions in."""
        return list(self.vtt)

    @model_validator(mode="after")
    def one_source(self):
        if (self.self_hosted is None) == (self.external is None):
            raise Refused("une vidéo a soit « self_hosted » (fichier du site), soit « external » (plateforme), pas les deux ni aucun.",
                          "gardez un seul des deux blocs : « self_hosted » pour une vidéo du site, « external » pour une plateforme.")
        return self


def transcript(video: Video, language: str) -> str:
    """The words of the video: from the data for external videos, from the captions for the site's own."""
    text = video.text[language]
    return text.transcript or " ".join(text.captions or [])


def timestamp(seconds: float) -> str:
    return f"{int(seconds // 3600):02}:{int(seconds % 3600 // 60):02}:{seconds % 60:06.3f}"


def with_numbers(text: str, numbers: dict[str, str]) -> str:
    """« {119} » in a caption becomes the number as docs/_data/contacts.yml writes it."""
    for ident, shown in numbers.items():
        text = text.replace("{" + ident + "}", shown)
    return text


def webvtt_captions(script: Script, captions: list[str]) -> str:
    """WebVTT captions: each card's text for as long as the card is on screen."""
    cues, start = ["WEBVTT", ""], 0.0
    for card, text in zip(script.cards, captions):
        cues += [f"{timestamp(start)} --> {timestamp(start + card.seconds)}", text, ""]
        start += card.seconds
    return "\n".join(cues)


def source_fingerprint(script: Script, cards_text: list[str]) -> str:
    """What the video file is made from (each card's time and drawn words; not the comments):
    make_video.py records it beside the video, and the build checks that the video is still up to date."""
    payload = json.dumps({"seconds": [card.seconds for card in script.cards], "cards": cards_text}, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def load_videos(path: Path, media: Path, languages: Languages, terms: dict[str, set[str]],
                numbers: dict[str, str]) -> list[Video]:
    """The catalogue, the texts of every language, and for the site's own videos the captions of every
    language (checked against the video's timing and real length). ``numbers``: contact id → number shown."""
    records, errors, refused = load_records(path, Video, "vidéo")
    texts, found = load_texts(languages, "videos.yml", VideoText, [record.id for record in records], "vidéo", refused)
    errors += found
    videos = []
    for video in records:
        place = f"vidéo « {video.id} »"

        def problem(field: str, text: str, fix: str, file: Path = path):
            errors.append(ContentError(display_path(file), f"{place}, champ « {field} »", text, fix))

        unknown = [theme for theme in video.themes if any(theme not in terms[language] for language in languages.ordered())]
        if unknown:
            problem("themes", f"thème(s) absent(s) du lexique : {', '.join(unknown)}.", "utilisez des identifiants du lexique.")
        vtt = {}
        if video.self_hosted:
            script_file, facts_file = media / f"{video.self_hosted}.yml", media / f"{video.self_hosted}.json"
            if not all(file.exists() for file in (media / f"{video.self_hosted}.mp4", facts_file, script_file)):
                problem("self_hosted", f"la vidéo {video.self_hosted}.mp4 (ou sa fiche .json, ou son script .yml) est "
                        "introuvable dans assets/videos/.", "lancez scripts/make_video.py sur son script.")
                continue
            script, found = validate(Script, read_yaml(script_file), display_path(script_file), "script")
            errors += found
            if script is None:
                continue
            facts = json.loads(facts_file.read_text(encoding="utf-8"))
            if abs(facts["duration"] - video.duration) > 1:
                problem("duration", f"la durée indiquée ({video.duration} s) n'est pas celle du fichier ({facts['duration']} s).",
                        f"écrivez {math.ceil(facts['duration'])}.")
            if abs(sum(card.seconds for card in script.cards) - facts["duration"]) > 0.05:
                problem("self_hosted", "le script ne dure pas autant que la vidéo.", "relancez scripts/make_video.py sur son script.",
                        script_file)
            drawn = texts.get(script.drawn_in, {}).get(video.id)
            if drawn and drawn.captions and source_fingerprint(script, drawn.captions) != facts.get("source_sha256"):
                problem("captions", f"le texte des cartons en {script.drawn_in} ou le script ont changé depuis la fabrication de la vidéo.",
                        f"relancez scripts/make_video.py {display_path(script_file)} (les cartons montrent le texte en {script.drawn_in}).",
                        languages.data_file(script.drawn_in, "videos.yml"))
            for language, by_id in texts.items():
                text = by_id.get(video.id)
                if text is None:
                    continue
                file = languages.data_file(language, "videos.yml")
                if not text.captions or len(text.captions) != len(script.cards):
                    problem("captions", f"il faut un texte par carton de la vidéo ({len(script.cards)}), "
                            f"il y en a {len(text.captions or [])}.", f"écrivez un texte par carton de {display_path(script_file)}, "
                            "dans l'ordre, sous « captions: ».", file)
                    continue
                unknown_numbers = sorted({name for caption in text.captions for name in PLACEHOLDER.findall(caption)} - set(numbers))
                if unknown_numbers:
                    problem("captions", f"numéro(s) inconnu(s) : {', '.join(unknown_numbers)}.",
                            "écrivez entre accolades l'identifiant d'un contact de docs/_data/contacts.yml, par exemple {119}.", file)
                    continue
                by_id[video.id] = text.model_copy(update={"captions": [with_numbers(caption, numbers) for caption in text.captions]})
                vtt[language] = webvtt_captions(script, by_id[video.id].captions)
        else:
            for language, by_id in texts.items():
                if video.id in by_id and not by_id[video.id].transcript:
                    problem("transcript", f"la transcription manque en {language}.", "ajoutez « transcript: » au texte de cette langue.",
                            languages.data_file(language, "videos.yml"))
        videos.append(video.model_copy(update={"text": {language: by_id[video.id] for language, by_id in texts.items()
                                                        if video.id in by_id}, "vtt": vtt}))
    raise_all(errors)
    return videos


def minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02}"


def render_player(video: Video, media_href: Callable[[str], str], ui, reader: str | None = None) -> str:
    """A video's page: title, length and age, the player (nothing loads before the reader presses play),
    and the words of the video (templates/video-player.html). The captions shown first are in the reader's
    language (``reader``: on a page shown in French to an Arabic reader, the Arabic captions), else the page's."""
    text = video.text[ui.language]
    tracks = [{"code": code, "label": Locale(code).get_display_name(code).capitalize()} for code in video.captions]
    shown_first = reader if reader in video.captions else ui.language
    parts = render_blocks("video-player.html", video=video, text=text, ui=ui, media_href=media_href, tracks=tracks, shown_first=shown_first,
                          duration=minutes(video.duration), words=transcript(video, ui.language))
    return (f'# {text.title}\n\n{parts["meta"]}\n\n{parts["description"]}\n\n{parts["player"]}\n\n'
            f'## {ui["video_transcript"]}\n\n{parts["transcript"]}\n\n')


def age_bound(model: type[BaseModel], field: str, bound: str) -> int:
    """A limit a model sets on a field (``bound``: "ge" or "le"), e.g. the oldest age a video is for."""
    return next(getattr(rule, bound) for rule in model.model_fields[field].metadata if getattr(rule, bound, None) is not None)


def render_library(videos: list[Video], page_href: Callable[[str], str], term_title: Callable[[str], str], ui) -> str:
    """Cards filterable with JavaScript, then the same videos grouped by theme and by age (no JavaScript).
    A video is for its age and older, up to the oldest age the catalogue allows (``Video.age``)."""
    themes = sorted({t for v in videos for t in v.themes}, key=lambda t: term_title(t).casefold())
    by_theme = [(term_title(theme), f"theme-{theme}", [(page_href(v.id), v.text[ui.language].title) for v in videos if theme in v.themes])
                for theme in themes]
    by_age = [(ui["story_age"].format(age=age), f"age-{age}", [(page_href(v.id), v.text[ui.language].title) for v in videos if v.age == age])
              for age in sorted({v.age for v in videos})]
    cards = render("video-library.html", videos=videos, page_href=page_href, ui=ui, minutes=minutes, age_max=age_bound(Video, "age", "le"),
                   theme_options=[[t, term_title(t)] for t in themes], theme_titles=[", ".join(term_title(t) for t in v.themes) for v in videos])
    return "\n\n" + cards + "\n\n" + listing_sections([(ui["sheet_by_theme"], by_theme), (ui["sheet_by_age"], by_age)])


MEDIA = "media/videos/"  # where the site's own videos are published, from the site root


def find_video(videos: list[Video], arguments: list[str]) -> Video:
    """The video a ``<!-- @video id -->`` marker names."""
    found = [video for video in videos if arguments == [video.id]]
    if not found:
        raise MarkerProblem(f"la vidéo « {' '.join(arguments)} » n'existe pas dans docs/_data/videos.yml.",
                            f"utilisez un id existant : {', '.join(video.id for video in videos)}.")
    return found[0]


def publish_media(videos: list[Video], media: Path, site_dir: Path) -> list[Path]:
    """Copy the site's own video files under /media/videos/ and write each language's captions there."""
    target = site_dir / MEDIA
    target.mkdir(parents=True, exist_ok=True)
    written = [shutil.copyfile(media / "placeholder.svg", target / "placeholder.svg")]
    for video in videos:
        if not video.self_hosted:
            continue
        for name in (f"{video.self_hosted}.mp4", f"{video.self_hosted}.poster.webp"):
            written.append(shutil.copyfile(media / name, target / name))
        for language, captions in video.vtt.items():
            written.append(target / f"{video.self_hosted}.{language}.vtt")
            written[-1].write_text(captions, encoding="utf-8")
    return written
