"""The video library (docs/_data/videos.yml): self-hosted videos with WebVTT captions, and external
videos behind a click-to-load placeholder, so that nothing contacts a platform before the reader asks."""

import json
import math
from html import escape
from pathlib import Path
from typing import Callable

import webvtt
from babel import Locale
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from .data import every_language, read_yaml, validate
from .errors import ContentError, raise_all


class VideoText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    transcript: str | None = None


class External(BaseModel):
    model_config = ConfigDict(extra="forbid")
    platform: str = Field(min_length=1)
    url: HttpUrl
    embed: HttpUrl
    source: HttpUrl


class Video(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    duration: int = Field(ge=1, description="secondes")
    themes: list[str] = Field(min_length=1)
    age: int = Field(ge=8, le=25)
    spoken_languages: list[str] = []
    captions: list[str] = []
    self_hosted: str | None = None
    external: External | None = None
    text: dict[str, VideoText]

    _languages = field_validator("text")(every_language)

    @model_validator(mode="after")
    def one_source(self):
        if (self.self_hosted is None) == (self.external is None):
            raise ValueError("une vidéo a soit « self_hosted » (fichier du site), soit « external » (plateforme), pas les deux ni aucun.")
        return self


def caption_file(media: Path, video: Video, language: str) -> Path:
    return media / f"{video.self_hosted}.{language}.vtt"


def transcript(video: Video, language: str, media: Path) -> str:
    """The words of the video: from the data for external videos, from the captions for the site's own."""
    if video.text[language].transcript:
        return video.text[language].transcript
    return " ".join(caption.text.replace("\n", " ") for caption in webvtt.read(str(caption_file(media, video, language))))


def load_videos(path: Path, media: Path, languages: list[str], terms: dict[str, set[str]]) -> list[Video]:
    raw, videos, errors = read_yaml(path) or [], [], []
    for position, item in enumerate(raw, start=1):
        ident = item.get("id") if isinstance(item, dict) else None
        place = f"vidéo « {ident} »" if ident else f"vidéo n° {position}"
        video, found = validate(Video, item, str(path), place, {"languages": languages})
        errors += found
        if not video:
            continue

        def problem(field: str, text: str, fix: str):
            errors.append(ContentError(str(path), f"{place}, champ « {field} »", text, fix))

        unknown = [theme for theme in video.themes if any(theme not in terms[language] for language in languages)]
        if unknown:
            problem("themes", f"thème(s) absent(s) du lexique : {', '.join(unknown)}.", "utilisez des identifiants du lexique.")
        if video.self_hosted:
            facts_file = media / f"{video.self_hosted}.json"
            if not (media / f"{video.self_hosted}.mp4").exists() or not facts_file.exists():
                problem("self_hosted", f"la vidéo {video.self_hosted}.mp4 (ou sa fiche .json) est introuvable dans assets/videos/.",
                        "lancez scripts/make_video.py sur sa source.")
                continue
            real = json.loads(facts_file.read_text(encoding="utf-8"))["duration"]
            if abs(real - video.duration) > 1:
                problem("duration", f"la durée indiquée ({video.duration} s) n'est pas celle du fichier ({real} s).", f"écrivez {math.ceil(real)}.")
            for language in set(video.captions) | set(languages):
                file = caption_file(media, video, language)
                if not file.exists():
                    problem("captions", f"les sous-titres {file.name} manquent (ils servent aussi de transcription).",
                            "générez-les avec scripts/make_video.py.")
                    continue
                try:
                    cues = webvtt.read(str(file))
                except Exception as error:  # webvtt raises several kinds of parse errors
                    problem("captions", f"{file.name} n'est pas un fichier WebVTT valide ({error}).", "corrigez le fichier ou régénérez-le.")
                    continue
                late = [cue.end for cue in cues if cue.end_in_seconds > real + 0.05]
                if not cues or late:
                    problem("captions", f"{file.name} : {'aucun sous-titre' if not cues else 'sous-titres après la fin de la vidéo : ' + ', '.join(late)}.",
                            "corrigez les horaires des sous-titres.")
        else:
            for language in languages:
                if language in video.text and not video.text[language].transcript:
                    problem("text", f"la transcription manque en {language}.", "ajoutez « transcript: » au texte de cette langue.")
        videos.append(video)
    raise_all(errors)
    return videos


def minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02}"


def render_player(video: Video, media_href: Callable[[str], str], ui: dict[str, str], media: Path) -> str:
    language = ui["_lang"]
    text = video.text[language]
    if video.self_hosted:
        tracks = "".join(
            f'<track kind="captions" srclang="{code}" label="{escape(Locale(code).get_display_name(code).capitalize())}" '
            f'src="{media_href(f"{video.self_hosted}.{code}.vtt")}"{" default" if code == language else ""}>'
            for code in video.captions)
        player = (f'<video class="pav-video" controls preload="none" width="640" height="360" '
                  f'poster="{media_href(f"{video.self_hosted}.poster.png")}">'
                  f'<source src="{media_href(f"{video.self_hosted}.mp4")}" type="video/mp4">{tracks}</video>')
    else:
        external = video.external
        notice = ui["video_connects"].format(platform=external.platform)
        player = (f'<div class="pav-embed" data-pav-embed data-embed="{escape(str(external.embed))}" '
                  f'data-title="{escape(text.title)}" data-play="{escape(ui["video_play"].format(platform=external.platform))}">'
                  f'<img class="pav-embed__poster" src="{media_href("placeholder.svg")}" alt="" width="640" height="360">'
                  f'<p class="pav-embed__title"><strong>{escape(text.title)}</strong> ({minutes(video.duration)})</p>'
                  f'<p>{escape(notice)}</p><p><a href="{escape(str(external.url))}" rel="noopener noreferrer">'
                  f'{escape(ui["video_watch_on"].format(platform=external.platform))}</a></p></div>')
    words = escape(transcript(video, language, media))
    return (f'# {text.title}\n\n<p class="pav-card__meta">{minutes(video.duration)} · {escape(ui["story_age"].format(age=video.age))}</p>\n\n'
            f'<p>{escape(text.description)}</p>\n\n{player}\n\n## {ui["video_transcript"]}\n\n<p class="pav-transcript">{words}</p>\n\n')


def render_library(videos: list[Video], page_href: Callable[[str], str], term_title: Callable[[str], str], ui: dict[str, str]) -> str:
    """Cards filterable with JavaScript, then the same videos grouped by theme and by age (no JavaScript)."""
    language = ui["_lang"]
    cards = "".join(
        f'<li class="pav-card" data-age-min="{v.age}" data-age-max="25" data-themes="{" ".join(v.themes)}">'
        f'<p class="pav-card__title"><a href="{page_href(v.id)}"><strong>{escape(v.text[language].title)}</strong></a></p>'
        f'<p>{escape(v.text[language].description)}</p><p class="pav-card__meta">{minutes(v.duration)} · '
        f'{escape(ui["story_age"].format(age=v.age))} · {escape(", ".join(term_title(t) for t in v.themes))}</p></li>' for v in videos)
    by_theme = ""
    for theme in sorted({t for v in videos for t in v.themes}, key=lambda t: term_title(t).casefold()):
        links = "".join(f'<li><a href="{page_href(v.id)}">{escape(v.text[language].title)}</a></li>' for v in videos if theme in v.themes)
        by_theme += f'<h3 id="theme-{theme}">{escape(term_title(theme))}</h3><ul>{links}</ul>'
    by_age = ""
    for age in sorted({v.age for v in videos}):
        links = "".join(f'<li><a href="{page_href(v.id)}">{escape(v.text[language].title)}</a></li>' for v in videos if v.age == age)
        by_age += f'<h3 id="age-{age}">{escape(ui["story_age"].format(age=age))}</h3><ul>{links}</ul>'
    return (f'\n\n<div class="pav-sheets" data-pav-sheets data-no-duration data-label-age="{escape(ui["sheet_filter_age"])}" '
            f'data-label-duration="" data-label-theme="{escape(ui["sheet_filter_theme"])}" data-all="{escape(ui["sheet_filter_all"])}" '
            f'data-none="{escape(ui["video_none"])}"><ul class="pav-cards">{cards}</ul></div>\n\n'
            f'## {ui["sheet_by_theme"]}\n\n<div class="pav-groups">{by_theme}</div>\n\n'
            f'## {ui["sheet_by_age"]}\n\n<div class="pav-groups">{by_age}</div>\n\n')
