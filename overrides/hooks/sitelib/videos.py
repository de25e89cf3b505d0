"""The video library (docs/_data/videos.yml): self-hosted videos with WebVTT captions, and external
videos behind a click-to-load placeholder, so that nothing contacts a platform before the reader asks."""

import hashlib
import json
import math
import re
import shutil
from html import escape
from pathlib import Path
from typing import Callable

from babel import Locale
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from .data import load_records, load_texts, read_yaml, validate
from .errors import ContentError, raise_all
from .languages import Languages
from .markers import MarkerProblem
from .pages import display_path

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
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
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
            raise ValueError("une vidéo a soit « self_hosted » (fichier du site), soit « external » (plateforme), pas les deux ni aucun.")
        return self


def transcript(video: Video, language: str, media: Path | None = None) -> str:
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
    records, errors = load_records(path, Video, "vidéo")
    texts, found = load_texts(languages, "videos.yml", VideoText, [record.id for record in records], "vidéo")
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
        for name in (f"{video.self_hosted}.mp4", f"{video.self_hosted}.poster.png"):
            written.append(shutil.copyfile(media / name, target / name))
        for language, captions in video.vtt.items():
            written.append(target / f"{video.self_hosted}.{language}.vtt")
            written[-1].write_text(captions, encoding="utf-8")
    return written
