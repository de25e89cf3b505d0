"""Everything the build reads from the project, loaded and checked once: the ``Site``.

Every data file and every page collection is loaded even when another one has errors, so that one
build reports every mistake at once; a collection that depends on another (stories need the lexicon)
is checked only once what it depends on is valid.
"""

from dataclasses import dataclass
from pathlib import Path

from . import contacts as contacts_data
from . import externals, lexicon, page_list, quiz, stories, strings, territories, videos, workshops
from .errors import ContentError, ContentErrors, raise_all
from .languages import Languages, language_errors
from .pages import unreadable_files
from .strings import Ui
from .translations import translation_status


@dataclass
class Site:
    languages: Languages
    media: Path  # assets/videos/, the site's own video files
    contacts: dict[str, contacts_data.Contact]
    strings: dict[str, dict[str, str]]  # language → interface texts
    territories: territories.Territories
    quiz: list[quiz.Statement]
    lexicon: lexicon.Lexicon
    stories: dict[str, dict[str, stories.Story]]  # language → id → story
    externals: list[externals.External]
    videos: list[videos.Video]
    workshops: dict[str, list[tuple[str, str, workshops.Workshop]]]  # language → (id, title, sheet)
    footer_contacts: list[str]
    menu: list  # mkdocs.yml's nav: pages and sections, in the menu's order
    section_names: dict[str, dict[str, str]]  # language → the menu's section names in that language
    publisher: dict  # mkdocs.yml's extra.publisher: the legal notice's details (publishing.py)
    drawings: dict[str, str]  # the stories' comic panels: file name under media/bd/ → SVG (comics.py)

    def ui(self, language: str) -> Ui:
        return Ui(language, self.strings[language])

    def terms(self, language: str) -> dict[str, lexicon.Term]:
        return self.lexicon.terms[language]


def shown_numbers(contacts: dict[str, contacts_data.Contact]) -> dict[str, str]:
    """Contact id → the number readers see, for texts that name a number as {119}."""
    return {ident: contacts_data.display_number(contact.phone or contact.sms) for ident, contact in contacts.items()
            if contact.phone or contact.sms}


def check_footer_contacts(identifiers, contacts: dict) -> list[ContentError]:
    if not isinstance(identifiers, list) or not identifiers:
        return [ContentError("mkdocs.yml", "extra.footer_contacts", "la liste des numéros du pied de page manque.",
                             'écrivez par exemple footer_contacts: ["119", "17", "114"].')]
    unknown = [str(ident) for ident in identifiers if str(ident) not in contacts]
    if unknown:
        return [ContentError("mkdocs.yml", "extra.footer_contacts", f"contact(s) inconnu(s) : {', '.join(unknown)}.",
                             f"utilisez des identifiants de docs/_data/contacts.yml : {', '.join(sorted(contacts))}.")]
    return []


def load_site(project: Path, languages: Languages, footer_contacts, menu: list | None = None,
              section_names: dict[str, dict[str, str]] | None = None, publisher: dict | None = None,
              outside_menu=None) -> Site:
    """Load and check every data file and page collection; raise every error found, together.
    ``outside_menu``: mkdocs.yml's not_in_nav (a path from docs/ → whether it is left out of the menu);
    with ``menu``, every page is checked to be in it."""
    docs = languages.docs_dir
    if unreadable := unreadable_files(docs):
        raise_all(unreadable)  # nothing else can be read reliably
    errors = language_errors(languages)
    if menu is not None and outside_menu is not None:
        errors += page_list.menu_errors(menu, languages, outside_menu)

    def attempt(load, *arguments):
        try:
            return load(*arguments)
        except ContentErrors as found:
            errors.extend(found.errors)
        except ContentError as found:
            errors.append(found)
        return None

    data = docs / "_data"
    loaded_strings = attempt(strings.load_strings, languages)
    contacts = attempt(contacts_data.load_contacts, data / "contacts.yml", languages)
    local_help = attempt(territories.load_territories, data / "territoires.yml", languages)
    statements = attempt(quiz.load_quiz, data / "vrai-faux.yml", languages)
    terms = attempt(lexicon.load_lexicon, docs, languages.ordered(), languages.default, languages.untranslated)
    tools = attempt(externals.load_externals, data / "bd-externes.yml", languages)
    media = project / "assets" / "videos"
    told, catalogue, sheets, drawings = None, None, None, {}
    if contacts is not None:
        errors.extend(check_footer_contacts(footer_contacts, contacts))
    if terms is not None:
        ids = {language: set(by_id) for language, by_id in terms.terms.items()}
        told = attempt(stories.load_stories, docs, languages.ordered(), languages.default, languages.untranslated, ids, drawings)
        if contacts is not None:
            catalogue = attempt(videos.load_videos, data / "videos.yml", media, languages, ids, shown_numbers(contacts))
        if contacts is not None and told is not None:
            sheets = {}
            for language in languages.ordered():
                known = {"terms": ids[language], "contacts": set(contacts), "stories": set(told[language])}
                sheets[language] = attempt(workshops.load_workshops, docs / language / "pros" / "ateliers", known) or []
    errors.extend(translation_status(languages)[1])  # a hand-edited translation record
    raise_all(errors)
    return Site(languages, media, contacts, loaded_strings, local_help, statements, terms, told, tools, catalogue, sheets,
                [str(ident) for ident in footer_contacts], menu or [], section_names or {}, publisher or {}, drawings)
