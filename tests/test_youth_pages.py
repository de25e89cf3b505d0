"""Youth content: translations keep their help contacts, articles end with help, the quiz works
with and without JavaScript, easy-read pages are linked from the full pages."""

import pytest

from helpers import expect_content_error, stored_anything
from sitelib.quiz import load_quiz
from site_map import DEFAULT_LANGUAGE, LANGUAGES, interface_strings, language_root, languages_writing, parsed_page, source_pages, url_of, write_data

ARTICLES = [s for s in source_pages() if s.startswith("articles/")]


def soup(site, language, source):
    return parsed_page(site, language_root(language) + url_of(source))


def help_contacts(page) -> set[str]:
    article = page.select_one("article")
    return ({a["href"] for a in article.select('a[href^="tel:"], a[href^="sms:"]')}
            | {card["data-contact"] for card in article.select("[data-contact]")})


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != DEFAULT_LANGUAGE])
def test_translations_keep_every_help_contact(site, language):
    lost = []
    for source in source_pages(language):
        reference, translated = help_contacts(soup(site, DEFAULT_LANGUAGE, source)), help_contacts(soup(site, language, source))
        if reference != translated:
            lost.append(f"docs/{language}/{source} : {sorted(reference - translated)} manquent, {sorted(translated - reference)} en plus")
    assert not lost, "Traductions dont les contacts d'aide diffèrent du français :\n" + "\n".join(lost)


@pytest.mark.parametrize("language", LANGUAGES)
def test_articles_have_a_summary_and_end_with_help(site, language, record_property):
    assert ARTICLES, "Aucun article dans docs/fr/articles/ : ce test ne vérifierait rien."
    record_property("mesure", f"Articles pour les jeunes ({language}) : {len(ARTICLES)}")
    problems = []
    for source in ARTICLES:
        article = soup(site, language, source).select_one("article")
        if not article.select_one(".admonition.abstract"):
            problems.append(f"{source} : pas de résumé « En 30 secondes »")
        last = article.find_all("h2")[-1]
        following = last.find_all_next(class_=["pav-contact", "pav-numbers"])
        if not following:
            problems.append(f"{source} : la dernière section n'a pas de contact d'aide")
    assert not problems, problems


def test_easy_read_versions_are_linked_from_home_and_full_pages(site):
    for language in LANGUAGES:
        for source in ("index.md", "aide.md", "securite.md", "articles/c-est-quoi-la-prostitution.md", "articles/ce-que-dit-la-loi.md"):
            assert soup(site, language, source).select_one("a.pav-easy-read"), f"{language}/{source} : pas de lien vers la version facile à lire."


@pytest.mark.parametrize("language", languages_writing("vrai-ou-faux.md"))
def test_quiz_answers_open_without_javascript(visit, language, record_property):
    page = visit(javascript=False).open(language_root(language) + "vrai-ou-faux/")
    items = page.locator(".pav-quiz__item")
    record_property("mesure", f"Vrai ou faux ({language}) : {items.count()} affirmations")
    assert items.count() > 0
    first = items.first.locator(".pav-quiz__answer")
    assert not first.locator("p").first.is_visible()
    first.locator("summary").click()
    assert first.locator("p").first.is_visible()
    assert page.locator(".pav-quiz__buttons").count() == 0


@pytest.mark.parametrize("language", languages_writing("vrai-ou-faux.md"))
def test_quiz_buttons_say_right_or_wrong_and_store_nothing(visit, language):
    """On a true statement and on a false one: the wrong button, then the right one."""
    strings = interface_strings(language)
    page = visit().open(language_root(language) + "vrai-ou-faux/")
    for answer in ("true", "false"):
        item = page.locator(f".pav-quiz__item[data-answer={answer}]").first
        right, wrong = (strings["quiz_true"], strings["quiz_false"])[:: 1 if answer == "true" else -1]
        feedback = item.locator(".pav-quiz__feedback")
        item.get_by_role("button", name=wrong, exact=True).click()
        assert feedback.text_content() == strings["quiz_wrong"], f"Affirmation {answer} : réponse « {wrong} »"
        assert item.locator(".pav-quiz__answer").get_attribute("open") is not None, "L'explication doit s'ouvrir."
        item.get_by_role("button", name=right, exact=True).click()
        assert feedback.text_content() == strings["quiz_right"], f"Affirmation {answer} : réponse « {right} »"
    assert not stored_anything(page), stored_anything(page)


QUIZ = """
- id: une-fois
  answer: true
  source: https://allo119.gouv.fr/
"""
QUIZ_TEXTS = {"fr": 'une-fois: {statement: "Une fois suffit.", explanation: "Oui."}\n',
              "en": 'une-fois: {statement: "Once is enough.", explanation: "Yes."}\n'}


@pytest.mark.parametrize("bad, texts, words", [
    (QUIZ.replace("answer: true", "answer: peut-être"), QUIZ_TEXTS, "champ « answer »"),
    (QUIZ, {**QUIZ_TEXTS, "en": "{}\n"}, "en/_data/vrai-faux.yml — affirmation « une-fois » : les textes"),
    (QUIZ.replace("https://allo119.gouv.fr/", "allo119"), QUIZ_TEXTS, "champ « source »"),
    (QUIZ + QUIZ, QUIZ_TEXTS, "déjà utilisé"),
])
def test_quiz_data_errors_are_named(tmp_path, bad, texts, words):
    languages = write_data(tmp_path, "vrai-faux.yml", bad, texts)
    expect_content_error(lambda: load_quiz(languages.docs_dir / "_data" / "vrai-faux.yml", languages), words, "une-fois")
