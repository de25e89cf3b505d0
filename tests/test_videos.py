"""The video library: catalogue validation, captions, and no request to any platform before a click."""

import hashlib
import json
import shutil
import textwrap

import pytest

from sitelib.errors import ContentError, ContentErrors
from sitelib.videos import Video, load_videos, render_player
from site_map import LANGUAGES, ROOT, language_root

MEDIA = ROOT / "assets" / "videos"
TERMS = {"fr": {"loverboy"}, "en": {"loverboy"}}
SELF = """
- id: essai
  duration: 35
  themes: [loverboy]
  age: 12
  captions: [fr, en]
  self_hosted: essai
  text:
    fr: {title: Essai, description: Une vidéo.}
    en: {title: Test, description: A video.}
"""


def media_copy(tmp_path, vtt_fr=None):
    folder = tmp_path / "media"
    folder.mkdir()
    for suffix in ("mp4", "json", "fr.vtt", "en.vtt"):
        shutil.copyfile(MEDIA / f"cinq-signes.{suffix}", folder / f"essai.{suffix}")
    if vtt_fr is not None:
        (folder / "essai.fr.vtt").write_text(vtt_fr, encoding="utf-8")
    return folder


def load(tmp_path, text, media):
    file = tmp_path / "videos.yml"
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_videos(file, media, ["fr", "en"], TERMS)


def test_self_hosted_video_loads_and_its_transcript_comes_from_captions(tmp_path):
    from sitelib.videos import transcript

    media = media_copy(tmp_path)
    video = load(tmp_path, SELF, media)[0]
    assert "Five signs of a loverboy" in transcript(video, "en", media)


@pytest.mark.parametrize("case, text, vtt, words", [
    ("WebVTT invalide", SELF, "pas un fichier vtt", "n'est pas un fichier WebVTT valide"),
    ("sous-titre après la fin", SELF, "WEBVTT\n\n00:00:00.000 --> 00:01:30.000\nTrop long\n", "après la fin de la vidéo"),
    ("durée fausse", SELF.replace("duration: 35", "duration: 90"), None, "n'est pas celle du fichier"),
    ("fichier vidéo absent", SELF.replace("self_hosted: essai", "self_hosted: absente"), None, "absente.mp4"),
    ("deux sources", SELF.replace("  self_hosted: essai\n", "  self_hosted: essai\n  external: {platform: X, url: 'https://x.test/v', embed: 'https://x.test/e', source: 'https://x.test/s'}\n"),
     None, "soit « self_hosted »"),
    ("thème inconnu", SELF.replace("[loverboy]", "[inconnu]"), None, "thème(s) absent(s) du lexique"),
    ("texte manquant", SELF.replace("    en: {title: Test, description: A video.}\n", ""), None, "langue(s) : en"),
    ("transcription externe manquante", SELF.replace("  self_hosted: essai\n", "  external: {platform: X, url: 'https://x.test/v', embed: 'https://x.test/e', source: 'https://x.test/s'}\n"),
     None, "la transcription manque en fr"),
])
def test_bad_catalogue_entries_fail_naming_file_video_and_field(tmp_path, case, text, vtt, words):
    with pytest.raises((ContentError, ContentErrors)) as caught:
        load(tmp_path, text, media_copy(tmp_path, vtt))
    message = str(caught.value)
    assert "videos.yml" in message and "vidéo « essai »" in message and "champ « " in message and words in message, message


def test_committed_video_matches_its_source_and_is_small(record_property):
    facts = json.loads((MEDIA / "cinq-signes.json").read_text())

    assert hashlib.sha256((MEDIA / "cinq-signes.yml").read_bytes()).hexdigest() == facts["source_sha256"], (
        "assets/videos/cinq-signes.yml a changé : relancez python scripts/make_video.py assets/videos/cinq-signes.yml")
    assert hashlib.sha256((MEDIA / "cinq-signes.mp4").read_bytes()).hexdigest() == facts["video_sha256"]
    record_property("mesure", f"cinq-signes.mp4 : {facts['duration']} s, {facts['bytes'] / 1024:.0f} Kio")
    assert facts["bytes"] < 2_000_000, "Trop lourde pour un téléphone en données mobiles."


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_hosted_player_loads_nothing_before_play_and_has_captions(visit, language):
    one = visit()
    requested = []
    one.page.on("request", lambda request: requested.append(request.url))
    page = one.open(language_root(language) + "videos/cinq-signes/")
    assert not one.outside
    # Only the captions of the default track may load (from this site); the video itself waits for play.
    assert not [url for url in requested if url.endswith(".mp4")], "La vidéo se charge avant lecture."
    tracks = page.evaluate("() => Array.from(document.querySelector('video').querySelectorAll('track')).map(t => [t.kind, t.srclang])")
    assert tracks == [["captions", "fr"], ["captions", "en"]]
    assert page.locator("video").get_attribute("preload") == "none"
    assert page.locator(".pav-transcript").text_content().strip()


def test_external_video_contacts_only_its_platform_and_only_after_the_click(tmp_path, visit, site):
    """The real catalogue has no external video yet (none with a sourced address): a page made by the
    same renderer, with the site's script, stands in for one."""
    video = Video.model_validate({"id": "x", "duration": 61, "themes": ["loverboy"], "age": 13,
                                  "external": {"platform": "VidéoTest", "url": "https://videos.test/watch/1",
                                               "embed": "https://embed.videos.test/1", "source": "https://videos.test/"},
                                  "text": {"fr": {"title": "Essai", "description": "Une vidéo.", "transcript": "Bonjour."}}})
    ui = {"_lang": "fr", "video_connects": "Sur {platform}.", "video_watch_on": "Voir sur {platform}",
          "video_play": "Lancer ({platform})", "video_transcript": "Transcription", "story_age": "Dès {age} ans"}
    body = render_player(video, lambda name: name, ui, tmp_path).split("\n\n", 1)[1]
    (site / "essai-externe.html").write_text(f"<!doctype html><html lang=fr><meta charset=utf-8><title>x</title><body>{body}"
                                             f"<script src='assets/video.js'></script></body></html>", encoding="utf-8")
    one = visit(stubs={"https://embed.videos.test/1": "<p>player</p>"})
    page = one.open("essai-externe.html")
    assert not one.outside and page.locator("iframe").count() == 0
    seen = []
    one.page.on("request", lambda request: seen.append(request.url))
    page.get_by_role("button", name="Lancer (VidéoTest)").click()
    page.locator("iframe").wait_for()
    outside = {url.split("/")[2] for url in seen if not url.startswith(one.server)}
    assert outside == {"embed.videos.test"}, outside
    assert page.locator("iframe").get_attribute("referrerpolicy") == "no-referrer"


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_groups_without_javascript_and_filters_with_it(visit, language):
    plain = visit(javascript=False).open(language_root(language) + "videos/")
    assert plain.locator(".pav-groups a[href='cinq-signes/']").count() >= 2
    page = visit().open(language_root(language) + "videos/")
    page.locator(".pav-filters select[name=theme]").select_option("loverboy")
    assert page.locator(".pav-sheets .pav-card:visible").count() == 1
    page.locator(".pav-filters select[name=age]").select_option("12")
    assert page.locator(".pav-sheets .pav-card:visible").count() == 1
