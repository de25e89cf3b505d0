"""The video library: catalogue validation, captions, and no request to any platform before a click."""

import hashlib
import json
import shutil

import pytest

from helpers import choose, expect_content_error, published_asset, shown_cards, stand_in_page
from sitelib.data import read_yaml
from sitelib.strings import Ui
from sitelib.videos import Video, load_videos, render_library, render_player
from site_map import DOCS, LANGUAGES, ROOT, interface_strings, language_root, languages_writing, parsed_page, real_site, write_data

MEDIA = ROOT / "assets" / "videos"
TERMS = {"fr": {"loverboy"}, "en": {"loverboy"}}
NUMBERS = {"119": "119"}
SELF = """
- id: essai
  duration: 37
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
    assert "00:00:29.000 --> 00:00:37.000\nCard 7" in video.vtt["en"]
    assert transcript(video, "en").startswith("Card 1 Card 2")


def test_numbers_in_captions_come_from_the_contacts(tmp_path):
    texts = {**TEXTS, "en": TEXTS["en"].replace("Card 7", "Call {119}")}
    assert "Call 119" in load(tmp_path, SELF, texts)[0].vtt["en"]
    refused(tmp_path, SELF, {**TEXTS, "en": TEXTS["en"].replace("Card 7", "Call {118}")}, None,
            "en/_data/videos.yml", "numéro(s) inconnu(s) : 118")


def refused(tmp_path, facts, texts=None, media=None, *words) -> str:
    return expect_content_error(lambda: load(tmp_path, facts, texts, media), *words)


@pytest.mark.parametrize("case, facts, texts, file, words", [
    ("un carton de trop", SELF, {**TEXTS, "en": TEXTS["en"] + "    - Card 9\n"}, "en/_data/videos.yml", "un texte par carton"),
    ("cartons français changés", SELF, {**TEXTS, "fr": TEXTS["fr"].replace("Carton 3", "Autre")}, "fr/_data/videos.yml",
     "relancez scripts/make_video.py"),
    ("durée fausse", SELF.replace("duration: 37", "duration: 90"), None, "docs/_data/videos.yml", "n'est pas celle du fichier"),
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
    refused(tmp_path, facts, texts, None, file, "vidéo « essai »", words)


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
    assert tracks == [["captions", code] for code in LANGUAGES if (DOCS / code / "_data" / "videos.yml").exists()]
    assert page.locator("video").get_attribute("preload") == "none"
    assert page.locator(".pav-transcript").text_content().strip()


def test_external_video_contacts_only_its_platform_and_only_after_the_click(site, visit, stand_in):
    """The real catalogue has no external video yet (none with a sourced address): a page made by the
    same renderer, with the site's script, stands in for one."""
    video = Video.model_validate({"id": "x", "duration": 61, "themes": ["loverboy"], "age": 13,
                                  "external": {"platform": "VidéoTest", "url": "https://videos.test/watch/1",
                                               "embed": "https://embed.videos.test/1", "source": "https://videos.test/"},
                                  "text": {"fr": {"title": "Essai", "description": "Une vidéo.", "transcript": "Bonjour."}}})
    ui = Ui("fr", interface_strings("fr"))
    body = render_player(video, lambda name: "/media/videos/" + name, ui).split("\n\n", 1)[1]
    path = stand_in("externe.html", stand_in_page("fr", body, published_asset(site, "assets/video.js")))
    one = visit(stubs={"https://embed.videos.test/1": "<p>player</p>"})
    page = one.open(path)
    assert not one.outside and page.locator("iframe").count() == 0
    seen = []
    one.page.on("request", lambda request: seen.append(request.url))
    page.get_by_role("button", name=ui["video_play"].format(platform="VidéoTest")).click()
    page.locator("iframe").wait_for()
    outside = {url.split("/")[2] for url in seen if not url.startswith(one.server)}
    assert outside == {"embed.videos.test"}, outside
    assert page.locator("iframe").get_attribute("referrerpolicy") == "no-referrer"


# Two videos that differ in age and in theme, for a library that can show the filters at work.
STAND_IN_VIDEOS = [
    {"id": "des-12-ans", "age": 12, "themes": ["loverboy"], "title": "Douze"},
    {"id": "des-15-ans", "age": 15, "themes": ["emprise"], "title": "Quinze"},
]


@pytest.mark.parametrize("language", languages_writing("videos/index.md"))
def test_library_filters_show_exactly_the_videos_of_the_chosen_age_and_theme(site, visit, stand_in, language):
    """The site's catalogue may hold a single video, which every filter shows: a library made by the
    same renderer from two videos that differ, with the site's real script, stands in for it."""
    ui = Ui(language, interface_strings(language))
    videos = [Video.model_validate({"id": v["id"], "duration": 60, "themes": v["themes"], "age": v["age"], "self_hosted": v["id"],
                                    "text": {language: {"title": v["title"], "description": "Une vidéo.", "captions": ["x"]}}})
              for v in STAND_IN_VIDEOS]
    library = render_library(videos, lambda ident: f"{ident}/", str.capitalize, ui).split("\n\n## ", 1)[0]
    path = stand_in("videos.html", stand_in_page(language, library, published_asset(site, "assets/sheets.js")))
    page = visit().open(path)
    twelve, fifteen = "des-12-ans/", "des-15-ans/"
    none = page.locator(".pav-sheets > [role=status]")
    assert shown_cards(page) == [twelve, fifteen]
    choose(page, age="12")
    assert shown_cards(page) == [twelve], "12 ans : seule la vidéo dès 12 ans doit rester."
    choose(page, age="15")
    assert shown_cards(page) == [twelve, fifteen], "15 ans : les deux vidéos conviennent."
    choose(page, age="", theme="emprise")
    assert shown_cards(page) == [fifteen], "Thème « emprise » : seule la vidéo de ce thème doit rester."
    assert not none.is_visible()
    choose(page, age="12")
    assert shown_cards(page) == [] and none.text_content() == ui["video_none"] and none.is_visible()
    choose(page, age="", theme="")
    assert shown_cards(page) == [twelve, fifteen]


@pytest.fixture(scope="module")
def catalogue(site):
    """The site's videos, as the build read them (after the build, so that broken data shows its error)."""
    return real_site().videos


@pytest.mark.parametrize("language", languages_writing("videos/index.md"))
def test_library_groups_without_javascript_and_offers_the_filters_with_it(visit, catalogue, language):
    """The site's own library page: grouped lists without JavaScript, the age and theme filters with it.
    (That the filters hide the right cards is shown above, with two videos that differ.)"""
    plain = visit(javascript=False).open(language_root(language) + "videos/")
    for video in catalogue:
        assert plain.locator(f".pav-groups a[href='{video.id}/']").count() >= 2, f"{video.id} : absente des listes par thème et par âge."
    assert plain.locator(".pav-filters").count() == 0
    page = visit().open(language_root(language) + "videos/")
    assert page.locator(".pav-filters select").evaluate_all("selects => selects.map(s => s.name)") == ["age", "theme"]
    every = [f"{video.id}/" for video in catalogue]
    assert shown_cards(page) == every
    subject = catalogue[0].themes[0]
    choose(page, theme=subject)
    assert shown_cards(page) == [f"{video.id}/" for video in catalogue if subject in video.themes]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_captions_shown_first_are_in_the_readers_language(site, language):
    """Even where the video's page is shown in French (a language that has not written it), the captions
    that play first are the reader's."""
    tracks = parsed_page(site, language_root(language) + "videos/cinq-signes/").select("video track")
    assert [track["srclang"] for track in tracks if track.has_attr("default")] == [language], \
        f"/{language_root(language)}videos/cinq-signes/ : sous-titres par défaut {[t['srclang'] for t in tracks if t.has_attr('default')]}"
