"""No page or contact text promises anonymity, or that a call stays off the phone bill, for a service
whose data does not say so (`anonymous`, `off_bill` in docs/_data/contacts.yml, each backed by its
source). A reader whose phone is watched acts on those words: the 116 006 was once said to stay off
the bill, with no source and against its own data.

A claim is tied to the contacts named in its sentence, or else to the last contact named before it in
the paragraph (« Appelle le 119. L'appel n'apparaît pas sur la facture. »).
"""

import re

import pytest

from helpers import pdf_text

from site_map import DOCS, LANGUAGES, real_site, source_pages

# The words that make each claim, per language; a language not listed here is not checked (say so below).
CLAIM_WORDS = {
    "fr": {"off_bill": r"factur", "anonymous": r"anonym"},
    "en": {"off_bill": r"\bbills?\b", "anonymous": r"anonym"},
    "es": {"off_bill": r"factura", "anonymous": r"an[oó]nim"},
    "pt": {"off_bill": r"fatura", "anonymous": r"an[oôó]nim"},
    "ro": {"off_bill": r"factur", "anonymous": r"anonim"},
    "zh": {"off_bill": r"账单|話費|话费", "anonymous": r"匿名"},
    "ar": {"off_bill": r"فاتور", "anonymous": r"مجهول|هويتك|اسمك"},
}
MARKER = re.compile(r"<!--\s*@(?:numeros?|contact|langues)\s+(?P<ids>[^>]*?)\s*-->")
# Chinese full stops end a sentence without a space after them.
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？])")


def unbacked_claims(text: str, words: dict[str, str], contacts: dict) -> list[str]:
    """Each sentence of ``text`` that makes a claim some contact it names does not back, as « flag : sentence »."""
    found = []
    for paragraph in re.split(r"\n\s*\n", text):
        named_before: list[str] = []
        for sentence in SENTENCE_END.split(" ".join(paragraph.split())):
            named = [ident for marker in MARKER.finditer(sentence) for ident in marker["ids"].split()]
            about = named or named_before[-1:]
            for flag, pattern in words.items():
                if re.search(pattern, MARKER.sub("", sentence), re.IGNORECASE):
                    wrong = [ident for ident in about if ident in contacts and not getattr(contacts[ident], flag)]
                    if wrong:
                        found.append(f"{flag} ({', '.join(wrong)}) : {sentence}")
            named_before += named
    return found


def test_claim_checker_catches_a_claim_the_data_does_not_back():
    contacts = real_site().contacts
    words = CLAIM_WORDS["fr"]
    assert unbacked_claims("Le <!-- @numero 119 --> n'apparaît pas sur la facture.", words, contacts) == []
    assert unbacked_claims("Appelle le <!-- @numero 116006 -->. L'appel n'apparaît pas sur la facture.", words, contacts)
    assert unbacked_claims("Le <!-- @numero 3919 --> et le <!-- @numero 116006 --> n'apparaissent pas sur la facture.",
                           words, contacts)
    assert unbacked_claims("Au <!-- @numero 119 -->, tu peux rester anonyme.", words, contacts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_claim_anonymity_or_off_bill_only_where_the_data_says_so(language):
    if language not in CLAIM_WORDS:
        pytest.skip(f"pas de mots de promesse connus pour « {language} » : ajoutez-les à CLAIM_WORDS")
    contacts = real_site().contacts
    problems = []
    for page in source_pages(language):
        path = DOCS / language / page
        problems += [f"docs/{language}/{page} — {claim}" for claim in unbacked_claims(path.read_text(encoding="utf-8"),
                                                                                       CLAIM_WORDS[language], contacts)]
    for ident, contact in contacts.items():
        text = contact.text[language]
        for field in ("description", "hours", "what_happens"):
            for flag, pattern in CLAIM_WORDS[language].items():
                if re.search(pattern, getattr(text, field) or "", re.IGNORECASE) and not getattr(contact, flag):
                    problems.append(f"docs/{language}/_data/contacts.yml, contact « {ident} », {field} — {flag} non prévu par les données")
    assert not problems, ("Promesses (anonymat, facture) que les données du contact ne portent pas : corrigez la phrase, "
                          "ou la donnée et sa source dans docs/_data/contacts.yml :\n" + "\n".join(problems))


# Words that mean a fact was not checked, or an address that leads nowhere: never in what readers get.
UNFINISHED = re.compile(r"à vérifier|to be checked|example\.(?:org|com|net)|\.invalid\b", re.IGNORECASE)


def test_nothing_published_says_to_be_checked_or_points_to_an_example_address(site):
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".xml", ".txt", ".vtt", ".json"):
            text = path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            text = pdf_text(path)
        else:
            continue
        found += [f"{path.relative_to(site)} : « {match[0]} »" for match in UNFINISHED.finditer(text)]
    assert not found, "Publié mais pas fini (une donnée à vérifier, une adresse d'exemple) :\n" + "\n".join(found[:40])
