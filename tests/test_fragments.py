"""Golden tests of the renderers: each HTML fragment the build makes (contact card, quiz, A–Z page, PDF…),
from small data built here, compared byte for byte with its expected file in tests/golden/<name>.html.

They are the safety net of a change of templates or of engine: a fragment that changes shows up here
as a diff, before any build or browser test runs.

After an intended change, write the expected files again and read the diff before committing:

    PAV_GOLDEN=ecrire .venv/bin/python -m pytest tests/test_fragments.py
    git diff tests/golden/

A mismatch shows a unified diff (one tag per line, to be readable; the comparison itself is byte for byte).
"""

import datetime
import re

import pytest

import helpers

from sitelib import lexicon, pdf, quiz, render, territories, videos, workshops
from sitelib.contacts import Contact
from sitelib.lexicon import Term
from sitelib.quiz import Statement
from sitelib.strings import Ui
from sitelib.territories import Territories
from sitelib.videos import Video
from sitelib.workshops import Workshop

def matches_golden(name: str, html: str) -> None:
    helpers.matches_golden(name, html, "tests/test_fragments.py")


# ----- Interface strings: only the keys the renderers read -----------------------------------------

FR = {
    "call": "Appeler le", "sms_to": "Envoyer un SMS au", "sms_only": "Par SMS uniquement, pas d'appel vocal.",
    "chat": "Écrire par tchat", "website": "Site", "hours": "Horaires :", "free": "Gratuit.",
    "anonymous": "Tu peux rester anonyme.", "off_bill": "N'apparaît pas sur la facture de téléphone.",
    "spoken_languages": "Langues :", "other_languages": "{count} autres langues : {names}", "language_cpf": "créole",
    "source": "Source :", "verified_copie": "page lue le", "verified_en-ligne": "vérifié en ligne le",
    "local_jump": "Aller directement à ton département :", "local_filter": "Choisis ton département",
    "local_filter_all": "Tous les départements",
    "lexicon_variants": "Autres façons de le dire :", "lexicon_see_also": "Voir aussi :", "lexicon_letters": "Lettres du lexique",
    "lexicon_show": "Définition de", "colon": " : ", "related_terms": "Les mots à connaître",
    "quiz_true": "Vrai", "quiz_false": "Faux", "quiz_show": "Voir la réponse", "quiz_right": "Bonne réponse !",
    "quiz_wrong": "Pas tout à fait. Lis l'explication.",
    "story_age": "Dès {age} ans",
    "sheet_age": "Âge", "sheet_age_value": "{low} à {high} ans", "sheet_duration": "Durée", "sheet_minutes": "{minutes} min",
    "sheet_group": "Groupe", "sheet_group_value": "{low} à {high} participants", "sheet_objectives": "Objectifs",
    "sheet_material": "Matériel", "sheet_stories": "Histoires à utiliser :", "sheet_handouts": "Contacts à distribuer",
    "sheet_by_age": "Par âge", "sheet_by_duration": "Par durée", "sheet_by_theme": "Par thème",
    "sheet_from_age": "À partir de {age} ans", "sheet_up_to": "Jusqu'à {minutes} min", "sheet_band": "De {low} à {high} min",
    "sheet_filter_age": "Âge des participants", "sheet_filter_duration": "Durée maximale", "sheet_filter_theme": "Thème",
    "sheet_filter_all": "Tous", "sheet_filter_none": "Aucune fiche ne correspond à ces critères.",
    "poster_download": "Télécharger l'affiche des numéros d'aide (PDF, A4)", "poster_title": "Besoin d'aide ? Appelle.",
    "poster_intro": "Ces numéros sont gratuits. Quelqu'un t'écoute, sans te juger.",
    "poster_checked": "D'après la page de chaque service, lue entre le {first} et le {last}.",
    "poster_checked_one": "D'après la page de chaque service, lue le {date}.",
    "video_connects": "Cette vidéo est sur {platform}. En la lançant, tu te connectes à {platform}.",
    "video_watch_on": "Voir sur {platform}", "video_play": "Lancer la vidéo ({platform})", "video_transcript": "Transcription",
    "video_none": "Aucune vidéo ne correspond à ces critères.",
}
UI = Ui("fr", FR)
UI_EN = Ui("en", {"lexicon_show": "Definition of", "colon": ": ", "lexicon_letters": "Lexicon letters",
                  "related_terms": "Words to know"})
UI_AR = Ui("ar", {"call": "اتصل بالرقم", "sms_to": "أرسل رسالة إلى", "chat": "اكتب في الدردشة", "website": "الموقع",
                  "hours": "الأوقات:", "free": "مجاني.", "anonymous": "يمكنك أن تبقى مجهولاً.",
                  "off_bill": "لا يظهر في فاتورة الهاتف.", "sms_only": "بالرسائل فقط.", "spoken_languages": "اللغات:",
                  "language_cpf": "الكريولية", "source": "المصدر:", "verified_copie": "قُرئت الصفحة في", "verified_en-ligne": "تم التحقق في"})
# Words with characters HTML gives a meaning to, in an attribute and in a text.
TRICKY = 'Tom & "Jerry" <b>'


# ----- Small data ----------------------------------------------------------------------------------

def contact(ident="119", language="fr", **facts) -> Contact:
    texts = {"name": f"Allô {ident}", "short": "Enfance en danger", "description": "Pour les jeunes en danger.",
             "hours": "24 h/24", "what_happens": "Quelqu'un t'écoute."}
    texts.update(facts.pop("texts", {}))
    values = {"id": ident, "phone": ident, "free": True, "anonymous": True, "off_bill": True, "always_open": True,
              "audiences": ["mineurs"], "topics": ["prostitution"], "source": "https://www.example.org/source",
              "verified": datetime.date(2026, 11, 29), "verified_how": "copie", "text": {language: texts}} | facts
    return Contact.model_validate(values, context={"named_languages": {"cpf"}})


FULL = contact("119", sms="0612345678", chat="https://tchat.example.org/", website="https://www.example.org/",
               spoken_languages=["fr", "en", "cpf"])
SMS_ONLY = contact("114", phone=None, sms="114", voice=False, anonymous=False, off_bill=False, texts={"what_happens": None})
WEBSITE_ONLY = contact("pharos", phone=None, website="https://signal.example.org/", texts={"name": "PHAROS"})


def term(ident, title, short, language="fr", **more) -> Term:
    return Term(ident, title, short, more.get("variants", []), more.get("see_also", []), True, f"docs/{language}/lexique/{ident}.md",
                language)


TERMS = {t.id: t for t in (term("zele", "Zèle", "Trop d'ardeur."), term("ecoute", "Écoute", "Entendre vraiment."),
                           term("bon", "Bon", "Le contraire de mauvais."), term("abus", "Abus", "Un excès.", variants=["abuser"]))}
TERMS_EN = {"abuse": term("abuse", "Abuse", "Harm.", "en"), "ecoute": term("ecoute", "Écoute", "Entendre vraiment.", "fr")}


def href(ident: str) -> str:
    return f"../lexique/{ident}/"


SHEETS = [
    ("jeunes/", "Pour les plus jeunes", Workshop.model_construct(
        description="Une séance courte.", age=[10, 13], duration=45, group=[6, 12], themes=["loverboy", "bon-plan"],
        objectives=["Repérer un piège"], material=["Des cartes"], stories=[], related_terms=[], contacts=["119"])),
    ("lycee/", "Au lycée", Workshop.model_construct(
        description="Une séance longue & riche.", age=[15, 18], duration=120, group=[10, 30], themes=["emprise"],
        objectives=["Comprendre l'emprise", "Savoir orienter"], material=["Un tableau", "Des feutres"], stories=[],
        related_terms=[], contacts=["119"])),
]
THEME_TITLES = {"loverboy": "Loverboy", "bon-plan": "Bon plan", "emprise": "Emprise"}

SELF_HOSTED = Video.model_validate({
    "id": "cinq-signes", "duration": 75, "themes": ["emprise", "loverboy"], "age": 12, "self_hosted": "cinq-signes",
    "text": {"fr": {"title": "Cinq signes", "description": "Cinq signes d'une emprise.", "captions": ["Un.", "Deux & trois."]}},
    "vtt": {"fr": "WEBVTT\n", "en": "WEBVTT\n"}})
EXTERNAL = Video.model_validate({
    "id": "ailleurs", "duration": 61, "themes": ["loverboy"], "age": 15,
    "external": {"platform": "VidéoTest", "url": "https://videos.test/watch?v=1&t=2", "embed": "https://embed.videos.test/1",
                 "source": "https://videos.test/"},
    "text": {"fr": {"title": TRICKY, "description": "Une vidéo.", "transcript": "Bonjour < au revoir."}}})


def media(name: str) -> str:
    return f"../../media/videos/{name}"


# ----- Contacts ------------------------------------------------------------------------------------

def test_contact_card_with_every_way_to_reach_and_other_languages():
    matches_golden("contact-card", render.contact_card(FULL, UI))


def test_contact_card_by_sms_only():
    matches_golden("contact-card-sms", render.contact_card(SMS_ONLY, UI))


def test_contact_card_escapes_the_data():
    tricky = contact("3919", website="https://example.org/?a=1&b=2",
                     texts={"name": TRICKY, "description": "1 < 2 & 3 > 2", "what_happens": None})
    matches_golden("contact-card-escaping", render.contact_card(tricky, UI))


def test_contact_card_in_arabic():
    arabic = contact("119", "ar", spoken_languages=["fr", "ar", "cpf"],
                     texts={"name": "الطفولة في خطر", "description": "للأطفال في خطر.", "hours": "24/24", "what_happens": None})
    matches_golden("contact-card-ar", render.contact_card(arabic, UI_AR))


def test_number_buttons_leave_out_a_service_without_number():
    matches_golden("number-buttons", render.number_buttons([FULL, SMS_ONLY, WEBSITE_ONLY], UI))


def test_inline_number_or_the_site_of_a_service_without_number():
    markers = render.contact_markers({c.id: c for c in (FULL, WEBSITE_ONLY)}, UI)
    matches_golden("inline-number", markers["numero"](["119"]) + "\n" + markers["numero"](["pharos"]))


def test_other_languages_text():
    matches_golden("other-languages", render.contact_markers({"119": FULL}, UI)["langues"](["119"]))


# ----- Quiz, local help ----------------------------------------------------------------------------

def test_quiz():
    statements = [Statement.model_validate({"id": "un", "answer": True, "source": "https://www.example.org/etude",
                                            "text": {"fr": {"statement": "Un loverboy se fait passer pour un amoureux.",
                                                            "explanation": "C'est sa méthode."}}}),
                  Statement.model_validate({"id": "deux", "answer": False, "source": "https://example.org/",
                                            "text": {"fr": {"statement": TRICKY, "explanation": "1 < 2."}}})]
    matches_golden("quiz", quiz.render_quiz(statements, UI))


def test_local_help():
    data = Territories.model_validate({
        "organisation": "Amicale & Cie", "website": "https://www.example.org/", "source": "https://example.org/annuaire",
        "verified": "2026-11-02", "verified_how": "en-ligne",
        "regions": [{"name": "Île-de-France", "departements": [
                        {"code": "75", "name": "Paris", "places": [{"what": {"fr": "Accueil de jour"}}, {"what": {"fr": "Écoute"}}]}]},
                    {"name": "Occitanie", "departements": [
                        {"code": "31", "name": "Haute-Garonne", "places": [{"what": {"fr": "Permanence"}}]},
                        {"code": "2A", "name": "Corse-du-Sud", "places": []}]}]})
    matches_golden("local-help", territories.render_local_help(data, UI))


# ----- Workshops -----------------------------------------------------------------------------------

def test_workshop_summary():
    matches_golden("workshop-summary", workshops.summary_box(SHEETS[1][2], UI))


def test_workshop_listing():
    matches_golden("workshop-listing", workshops.render_listing(SHEETS, THEME_TITLES.get, UI))


def test_sheet_extras_with_and_without_stories():
    stories = [("../../histoires/lea/", "Léa & Max"), ("../../histoires/sam/", "Sam")]
    matches_golden("sheet-extras", workshops.sheet_extras(stories, [SMS_ONLY], UI) + "\n" + workshops.sheet_extras([], [], UI))


# ----- Videos --------------------------------------------------------------------------------------

def test_video_player_self_hosted():
    matches_golden("video-player", videos.render_player(SELF_HOSTED, media, UI))


def test_video_player_external():
    matches_golden("video-player-external", videos.render_player(EXTERNAL, media, UI))


def test_video_library():
    matches_golden("video-library", videos.render_library([SELF_HOSTED, EXTERNAL], lambda ident: f"{ident}/", THEME_TITLES.get, UI))


# ----- Lexicon -------------------------------------------------------------------------------------

def test_a_to_z_in_dictionary_order():
    html = lexicon.render_a_to_z(TERMS, href, UI)
    assert re.findall(r'<h2 id="lettre-(\w)"', html) == ["a", "b", "e", "z"]
    matches_golden("a-to-z", html)


def test_a_to_z_marks_a_term_in_another_language():
    matches_golden("a-to-z-other-language", lexicon.render_a_to_z(TERMS_EN, href, UI_EN))


def test_term_popover():
    html = "<p>Un abus &amp; du zèle, encore un abus.</p><h2>Écoute</h2><p>Écoute.</p>"
    matches_golden("term-popover", lexicon.link_terms(html, TERMS, href, UI))


def test_term_popover_of_a_term_in_another_language():
    matches_golden("term-popover-other-language", lexicon.link_terms("<p>Abuse and écoute.</p>", TERMS_EN, href, UI_EN))


def test_related_terms():
    markdown = "# Page\n\nTexte.\n\n## Besoin d'aide\n\nAppelle.\n"
    matches_golden("related-terms", lexicon.add_related_terms(markdown, ["bon", "abus"], TERMS, href, UI, "docs/fr/page.md"))


def test_related_terms_in_another_language():
    markdown = "# Page\n\nText.\n"
    matches_golden("related-terms-other-language",
                   lexicon.add_related_terms(markdown, ["ecoute", "abuse"], TERMS_EN, href, UI_EN, "docs/en/page.md"))


def test_term_page_completion():
    word = term("abus", "Abus", 'Un "excès" & pire.', variants=["abuser", "abusif"], see_also=["bon", "zele"])
    markdown = "# Abus\n\nUn texte.\n\n## Pour aller plus loin\n\nEncore.\n"
    matches_golden("term-page", lexicon.complete_term_page(markdown, word, TERMS, UI))


# ----- PDF -----------------------------------------------------------------------------------------

def test_poster_html():
    matches_golden("poster", pdf.poster_html([FULL, SMS_ONLY, WEBSITE_ONLY], UI, "Pas à vendre", "https://pas-a-vendre.example/", "fr"))


@pytest.mark.parametrize("address, printed", [("https://pas-a-vendre.fr/", True), ("http://127.0.0.1:8000/", False),
                                              ("https://pas-a-vendre.example.org/", False), ("https://site.test/", False), ("https://pas-a-vendre.example/", False)])
def test_poster_prints_only_a_public_address(address, printed):
    assert (address in pdf.poster_html([FULL], UI, "Pas à vendre", address, "fr")) is printed


def test_pdf_document():
    matches_golden("pdf-document", pdf.document(TRICKY, "<h1>Guide</h1><p>Texte.</p>", "fr", "Pas à vendre"))


def test_pdf_document_in_arabic_is_right_to_left():
    html = pdf.document("دليل", "<h1>دليل</h1>", "ar", "ليس للبيع")
    assert '<html lang="ar" dir="rtl">' in html
    matches_golden("pdf-document-ar", html)


def test_poster_button():
    matches_golden("poster-button", pdf.poster_button("../affiche-aide.pdf?v=1&x=2", UI))
