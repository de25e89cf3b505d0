"""The video library: catalogue validation, captions, and no request to any platform before a click."""

import hashlib
import json
import shutil
import textwrap

import pytest

from sitelib.data import read_yaml
from sitelib.errors import ContentError, ContentErrors
from sitelib.videos import Video, load_videos, render_player
from site_map import LANGUAGES, ROOT, language_root, real_site, write_data

MEDIA = ROOT / "assets" / "videos"
TERMS = {"fr": {"loverboy"}, "en": {"loverboy"}}
NUMBERS = {"119": "119"}
SELF = """
- id: essai
  duration: 35
  themes: [loverboy]
  age: 12
  self_hosted: essai
"""
EXTERNAL = SELF.replace("  self_hosted: essai\n", "  external: {platform: X, url: 'https://x.test/v', embed: 'https://x.test/e', "
                                                   "source: 'https://x.test/s'}\n")
CARDS = 7  # assets/videos/cinq-signes.yml, copied as the test video's script


def captions(prefix: str, count: int = CARDS) -> str:
    return "".join(f"    - {prefix} {number}\n" for number in range(1, count + 1))


TEXTS = {"fr": "essai:\n  title: Essai\n  description: Une vidéo.\n  captions:\n" + captions("Carton"),
         "en": "essai:\n  title: Test\n  description: A video.\n  captions:\n" + captions("Card")}


def media_copy(tmp_path, fr_captions: list[str] | None = None):
    """The site's own video under the name « essai », made (per its fingerprint) from French captions."""
    from sitelib.videos import Script, source_fingerprint

    folder = tmp_path / "media"
    folder.mkdir(exist_ok=True)
    for suffix in ("mp4", "yml", "json"):
        shutil.copyfile(MEDIA / f"cinq-signes.{suffix}", folder / f"essai.{suffix}")
    facts = json.loads((folder / "essai.json").read_text())
    facts["source_sha256"] = source_fingerprint(Script.model_validate(read_yaml(folder / "essai.yml")), fr_captions or [f"Carton {n}" for n in range(1, CARDS + 1)])
    (folder / "essai.json").write_text(json.dumps(facts))
    return folder


def load(tmp_path, facts, texts=None, media=None):
    languages = write_data(tmp_path, "videos.yml", facts, texts or TEXTS)
    return load_videos(languages.docs_dir / "_data" / "videos.yml", media or media_copy(tmp_path), languages, TERMS, NUMBERS)


def test_self_hosted_video_gets_captions_in_every_language_from_its_texts(tmp_path):
    from sitelib.videos import transcript

    video = load(tmp_path, SELF)[0]
    assert video.captions == ["fr", "en"]
    assert video.vtt["en"].startswith("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nCard 1\n")
    assert "00:00:29.000 --> 00:00:35.000\nCard 7" in video.vtt["en"]
    assert transcript(video, "en").startswith("Card 1 Card 2")


def test_numbers_in_captions_come_from_the_contacts(tmp_path):
    texts = {**TEXTS, "en": TEXTS["en"].replace("Card 7", "Call {119}")}
    assert "Call 119" in load(tmp_path, SELF, texts)[0].vtt["en"]
    message = refused(tmp_path, SELF, {**TEXTS, "en": TEXTS["en"].replace("Card 7", "Call {118}")})
    assert "en/_data/videos.yml" in message and "numéro(s) inconnu(s) : 118" in message


def refused(tmp_path, facts, texts=None, media=None) -> str:
    with pytest.raises((ContentError, ContentErrors)) as caught:
        load(tmp_path, facts, texts, media)
    return str(caught.value)


@pytest.mark.parametrize("case, facts, texts, file, words", [
    ("un carton de trop", SELF, {**TEXTS, "en": TEXTS["en"] + "    - Card 9\n"}, "en/_data/videos.yml", "un texte par carton"),
    ("cartons français changés", SELF, {**TEXTS, "fr": TEXTS["fr"].replace("Carton 3", "Autre")}, "fr/_data/videos.yml",
     "relancez scripts/make_video.py"),
    ("durée fausse", SELF.replace("duration: 35", "duration: 90"), None, "docs/_data/videos.yml", "n'est pas celle du fichier"),
    ("fichier vidéo absent", SELF.replace("self_hosted: essai", "self_hosted: absente"), None, "docs/_data/videos.yml", "absente.mp4"),
    ("deux sources", SELF.replace("  self_hosted: essai\n", "  self_hosted: essai\n  external: {platform: X, url: 'https://x.test/v', "
                                  "embed: 'https://x.test/e', source: 'https://x.test/s'}\n"), None, "docs/_data/videos.yml",
     "soit « self_hosted »"),
    ("thème inconnu", SELF.replace("[loverboy]", "[inconnu]"), None, "docs/_data/videos.yml", "thème(s) absent(s) du lexique"),
    ("texte manquant", SELF, {**TEXTS, "en": "{}\n"}, "en/_data/videos.yml", "les textes de cet élément manquent"),
    ("transcription externe manquante", EXTERNAL, {language: text.split("  captions:")[0] for language, text in TEXTS.items()},
     "fr/_data/videos.yml", "la transcription manque en fr"),
])
def test_bad_catalogue_entries_fail_naming_file_video_and_field(tmp_path, case, facts, texts, file, words):
    message = refused(tmp_path, facts, texts)
    assert file in message and "vidéo « essai »" in message and words in message, message


def test_committed_video_matches_its_source_and_is_small(record_property):
    from sitelib.videos import Script, source_fingerprint

    facts = json.loads((MEDIA / "cinq-signes.json").read_text())
    script = Script.model_validate(read_yaml(MEDIA / "cinq-signes.yml"))
    cards = read_yaml(ROOT / "docs" / script.drawn_in / "_data" / "videos.yml")["cinq-signes"]["captions"]
    assert source_fingerprint(script, cards) == facts["source_sha256"], (
        "le script ou les cartons en français ont changé : relancez python scripts/make_video.py assets/videos/cinq-signes.yml")
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
