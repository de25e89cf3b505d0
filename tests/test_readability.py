"""Readability of every content page, measured with textstat (each language's own settings).

Prints a table (words per sentence, Flesch reading ease) and fails where a page for young people is
too hard: youth articles above 15 words per sentence on average, easy-read pages above 10. A language
textstat cannot measure (no hyphenation dictionary to count syllables, e.g. Chinese or Arabic) is
reported as « non mesurée » instead.
"""

import copy
import functools

import nltk
import pyphen
import pytest
import textstat

from site_map import LANGUAGES, language_root, parsed_page, source_pages, url_of

LIMITS = {"articles/": 15, "facile/": 10}
# Parts of a page that are not its prose: generated blocks (contacts, definitions…) and code.
NOT_PROSE = ".pav-contact, .pav-numbers, .pav-related, .pav-term__definition, .pav-term__toggle, .pav-local, pre, code, .admonition-title"


def prose(site, path: str) -> str:
    article = copy.copy(parsed_page(site, path).select_one("article"))  # parts are removed below
    for element in article.select(NOT_PROSE):
        element.decompose()
    # A paragraph or list item is a unit of meaning even without a final full stop.
    blocks = [block.get_text(" ", strip=True) for block in article.find_all(["p", "li", "dd", "dt"])]
    return " ".join(block if block.endswith((".", "!", "?", "…", ":")) else block + "." for block in blocks if block)


@functools.cache
def unsupported(language: str) -> str | None:
    """Why textstat cannot measure this language on this machine, or None if it can. textstat counts
    syllables with pyphen's hyphenation dictionaries, so a language without one is not measured."""
    textstat.set_lang(language)
    try:
        pyphen.Pyphen(lang=language)
    except KeyError:
        return f"pyphen n'a pas de dictionnaire de césure pour « {language} »"
    return None


@functools.cache
def flesch_unavailable(language: str) -> str | None:
    """Why there is no Flesch score for this language here, or None. For English, textstat counts
    syllables with NLTK's cmudict, and would download it if missing: no download during the tests."""
    if language.split("_")[0].split("-")[0] != "en":
        return None
    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        return "cmudict (NLTK) n'est pas installé"
    return None


def measure(site, language: str, source: str) -> dict:
    textstat.set_lang(language)
    text = prose(site, language_root(language) + url_of(source))
    flesch = float("nan") if flesch_unavailable(language) else textstat.flesch_reading_ease(text)
    return {"words_per_sentence": textstat.words_per_sentence(text), "flesch": flesch, "words": textstat.lexicon_count(text)}


def limit_for(source: str) -> int | None:
    return next((limit for prefix, limit in LIMITS.items() if source.startswith(prefix) and source != prefix + "index.md"), None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_easy_enough_to_read(site, language, record_property):
    if reason := unsupported(language):
        record_property("mesure", f"Lisibilité ({language}) : non mesurée ({reason}).")
        return
    rows, too_hard = [], []
    for source in source_pages(language):
        figures = measure(site, language, source)
        limit = limit_for(source)
        rows.append(f"{source:48} {figures['words']:6} {figures['words_per_sentence']:8.1f} {figures['flesch']:8.1f} {limit or '':>6}")
        if limit and figures["words_per_sentence"] > limit:
            too_hard.append(f"docs/{language}/{source} : {figures['words_per_sentence']:.1f} mots par phrase (maximum {limit})")
    note = f" (Flesch non mesuré : {flesch_unavailable(language)})" if flesch_unavailable(language) else ""
    record_property("mesure", f"Lisibilité ({language}) — page, mots, mots/phrase, Flesch, limite{note}\n" + "\n".join(rows))
    assert not too_hard, "Pages trop difficiles à lire (raccourcissez les phrases) :\n" + "\n".join(too_hard)
