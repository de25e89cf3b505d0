"""What ``scripts/nouveau.py`` writes to start a page, a lexicon term, a story, a workshop sheet or a video:
the French file with every field to fill left empty or marked ``<!-- @a-ecrire … -->`` (so that the build
and « make serve » list, in French, what remains to write, and nothing half-written is published), its
menu entry in mkdocs.yml, and in each language that has not written it the « untranslated » declaration.

mkdocs.yml is edited as text, line by line, so that its comments and layout stay as the volunteer knows them.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError
from .languages import Languages, is_untranslated

IDENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = ("page", "terme", "histoire", "fiche", "video")
MENU_SECTIONS = {"histoire": "Histoires", "fiche": "Fiches d'atelier", "video": "Vidéos"}


@dataclass
class Plan:
    """The files to create (path → text), the files to change (path → new text), and what to fill in."""
    created: dict[Path, str] = field(default_factory=dict)
    changed: dict[Path, str] = field(default_factory=dict)
    to_fill: list[str] = field(default_factory=list)


def problem(place: str, text: str, fix: str) -> ContentError:
    return ContentError("scripts/nouveau.py", place, text, fix)


def menu_sections(config_text: str) -> list[str]:
    """The section names of mkdocs.yml's nav, in French, as written."""
    nav = config_text.split("\nnav:\n", 1)[1] if "\nnav:\n" in config_text else ""
    sections = []
    for line in nav.split("\n"):
        if line and not line.startswith((" ", "#")):
            break
        if found := re.match(r"^\s*- (?P<name>[^:]+):\s*$", line):
            sections.append(found["name"])
    return sections


def add_to_menu(config_text: str, section: str, page: str) -> str:
    """mkdocs.yml with ``page`` as the last entry of the nav section named ``section``."""
    lines = config_text.split("\n")
    start = lines.index("nav:") if "nav:" in lines else None
    header = next((number for number in range(start + 1, len(lines)) if re.fullmatch(rf"\s*- {re.escape(section)}:\s*", lines[number])),
                  None) if start is not None else None
    if header is None:
        raise problem("rubrique", f"le menu n'a pas de rubrique « {section} ».",
                      f"choisissez l'une de : {', '.join(menu_sections(config_text))}.")
    indent = len(lines[header]) - len(lines[header].lstrip())
    last = header
    for number in range(header + 1, len(lines)):
        line = lines[number]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        if line.strip():
            last = number
    lines.insert(last + 1, " " * (indent + 4) + f"- {page}")
    return "\n".join(lines)


def declare_untranslated(config_text: str, language: str, page: str) -> str:
    """mkdocs.yml with ``page`` in the « untranslated » list of ``language`` (unchanged if a pattern already covers it)."""
    lines = config_text.split("\n")
    start = next(number for number, line in enumerate(lines) if re.fullmatch(rf"\s*- locale: {re.escape(language)}\s*", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = next((number for number in range(start + 1, len(lines))
                if lines[number].strip() and not lines[number].lstrip().startswith("#")
                and len(lines[number]) - len(lines[number].lstrip()) <= indent), len(lines))
    block = range(start, end)
    listed = next((number for number in block if lines[number].strip().startswith("untranslated:")), None)
    if listed is not None:
        key, value = lines[listed].split(":", 1)
        patterns = yaml.safe_load(value) or []
        if is_untranslated(page, patterns):
            return config_text
        lines[listed] = f"{key}: {json.dumps([*patterns, page], ensure_ascii=False)}"
        return "\n".join(lines)
    extra = next((number for number in block if lines[number].strip() == "extra:"), None)
    entry = f"untranslated: {json.dumps([page], ensure_ascii=False)}"
    if extra is not None:
        lines.insert(extra + 1, " " * (len(lines[extra]) - len(lines[extra].lstrip()) + 2) + entry)
    else:
        last = max(number for number in block if lines[number].strip())
        lines[last + 1:last + 1] = [" " * (indent + 2) + "extra:", " " * (indent + 4) + entry]
    return "\n".join(lines)


def page_text(title: str, description_hint: str, body: str, front: str = "") -> str:
    return f'---\ndescription: ""  # {description_hint}\n{front}---\n\n# {title}\n\n{body}'


def term_text(title: str) -> str:
    return ('---\nshort: ""  # la définition en une ou deux phrases, pour un ou une jeune de 12 ans\n'
            "variants: []  # les autres formes du mot (pluriel, féminin, orthographes)\nsee_also: []  # d'autres termes du lexique\n"
            f"---\n\n# {title}\n\n<!-- @a-ecrire l'explication : ce que c'est, pourquoi c'est un piège, ce que dit la loi -->\n")


def story_text(title: str, ident: str) -> str:
    scene = "<!-- @a-ecrire ce qui se passe (narration), puis les messages : « Nom (21:47) : texte » -->"
    return (f"---\ndescription: \"\"  # une phrase pour les moteurs de recherche (160 signes au plus)\n"
            "summary: \"\"  # le résumé de la liste des histoires\n"
            "avertissement: \"\"  # ce que montre l'histoire, en une ou deux phrases\n"
            "age:  # l'âge du personnage principal\nreading_minutes:  # durée de lecture, en minutes\n"
            "themes: []  # des termes du lexique (noms de fichiers de lexique/)\nme: Toi\nsenders: []  # les autres personnes qui écrivent\n"
            f"personnages: {{}}  # identifiant du dessin (docs/_data/bd/{ident}.yml) → nom dans cette langue, ex. {{perso: Sam}}\n"
            "start: debut\n---\n\n"
            f"# {title}\n\n## debut\n\n<!-- @vignette chambre perso:calme -->\n\n{scene}\n\n"
            "* [Un premier choix](#fin-aide)\n* [Un autre choix](#fin-piege)\n\n"
            f"## fin-aide\n\n<!-- @vignette cour perso:sourire -->\n\n{scene}\n\n### Ce qui s'est passé\n\n"
            "<!-- @a-ecrire le débriefing : ce qu'il faut retenir, chaque fait d'après sa source -->\n\n"
            f"## fin-piege\n\n<!-- @vignette rue perso:inquiet -->\n\n{scene}\n\n### Ce qui s'est passé\n\n"
            "<!-- @a-ecrire le débriefing : les signaux, et qui peut aider (marqueurs @numero, @contact) -->\n")


CAST_TEXT = ("# Personnages dessinés de l'histoire (voir CONTRIBUTING.md, « Les vignettes ») : un bloc par personnage,\n"
             "# sous l'identifiant que les lignes <!-- @vignette … --> emploient.\n"
             "perso:\n  tete: short1\n  peau: 3\n  cheveux: noir\n  vetements: bleu\n")


def sheet_text(title: str) -> str:
    front = ("age: []  # [âge minimum, âge maximum], ex. [12, 15]\nduration:  # en minutes\ngroup: []  # [minimum, maximum] de participants\n"
             "themes: []  # des termes du lexique\nobjectives: []\nmaterial: []\nrelated_terms: []\n"
             "contacts: []  # identifiants de docs/_data/contacts.yml, ex. [\"119\"]\n")
    body = ("<!-- @a-ecrire à quoi sert l'atelier, pour qui -->\n\n## Déroulé\n\n<!-- @a-ecrire les étapes, avec leur durée -->\n\n"
            "## Débriefing\n\n<!-- @a-ecrire -->\n\n## Précautions\n\n<!-- @a-ecrire -->\n\n"
            "## Les contacts à transmettre\n\n<!-- @a-ecrire -->\n")
    return page_text(title, "ce que l'atelier apporte, en une phrase (160 signes au plus)", body, front)


def video_page_text(ident: str) -> str:
    return (f'---\ndescription: ""  # une phrase sur la vidéo (160 signes au plus)\nrelated_terms: []\n---\n\n'
            f"<!-- @video {ident} -->\n\n## Qui peut t'aider ?\n\n<!-- @a-ecrire les contacts, avec le marqueur @contact et leurs identifiants -->\n")


VIDEO_FACTS = ("\n- id: {ident}\n  duration:  # en secondes\n  themes: []  # des termes du lexique\n  age:  # âge à partir duquel la montrer\n"
               "  external:\n    platform: \"\"  # ex. YouTube\n    url: \"\"  # l'adresse de la vidéo\n"
               "    embed: \"\"  # l'adresse du lecteur intégré\n    source: \"\"  # la page d'où viennent ces informations\n")
VIDEO_TEXTS = "\n{ident}:\n  title: {title}\n  description: \"\"\n  transcript: \"\"  # les paroles de la vidéo, dans cette langue\n"


def plan(root: Path, languages: Languages, kind: str, ident: str, title: str, section: str | None = None) -> Plan:
    """What to write for a new ``kind`` (page, terme, histoire, fiche, video) named ``ident`` (a page's path
    from the language folder, such as « articles/mon-article.md », or an identifier)."""
    docs, default = languages.docs_dir, languages.default
    if kind == "page":
        if not re.fullmatch(r"([a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.md", ident):
            raise problem("chemin", f"« {ident} » n'est pas un chemin de page.",
                          "écrivez-le depuis le dossier de la langue, en minuscules, avec .md (ex. articles/mon-article.md).")
        page = ident
    else:
        if not IDENT.fullmatch(ident):
            raise problem("identifiant", f"« {ident} » n'est pas un identifiant.",
                          "écrivez-le en minuscules, chiffres et tirets, sans accent (ex. le-faux-casting).")
        page = {"terme": f"lexique/{ident}.md", "histoire": f"histoires/{ident}.md", "fiche": f"pros/ateliers/{ident}.md",
                "video": f"videos/{ident}.md"}[kind]
    target = docs / default / page
    if target.exists():
        raise problem("chemin", f"docs/{default}/{page} existe déjà.", "choisissez un autre nom, ou modifiez ce fichier-là.")
    result = Plan()
    config_path = root / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    if kind != "terme":
        section = section or MENU_SECTIONS.get(kind)
        if section is None:
            raise problem("rubrique", "une page nouvelle va dans une rubrique du menu.",
                          f"ajoutez --rubrique avec l'une de : {', '.join(menu_sections(config))}.")
        config = add_to_menu(config, section, page)
    for language in languages.ordered()[1:]:
        config = declare_untranslated(config, language, page)
    result.changed[config_path] = config

    if kind == "page":
        result.created[target] = page_text(title, "ce que la page apporte, en une phrase (160 signes au plus)",
                                           "<!-- @a-ecrire le texte de la page -->\n")
    elif kind == "terme":
        result.created[target] = term_text(title)
    elif kind == "histoire":
        result.created[target] = story_text(title, ident)
        result.created[docs / "_data" / "bd" / f"{ident}.yml"] = CAST_TEXT
    elif kind == "fiche":
        result.created[target] = sheet_text(title)
    else:
        result.created[target] = video_page_text(ident)
        facts = docs / "_data" / "videos.yml"
        result.changed[facts] = facts.read_text(encoding="utf-8").rstrip("\n") + "\n" + VIDEO_FACTS.format(ident=ident)
        for language in languages.ordered():
            texts = languages.data_file(language, "videos.yml")
            if texts.exists():
                written_title = json.dumps(title if language == default else "", ensure_ascii=False)
                result.changed[texts] = (texts.read_text(encoding="utf-8").rstrip("\n") + "\n"
                                         + VIDEO_TEXTS.format(ident=ident, title=written_title))
                result.to_fill.append(f"{texts.relative_to(root).as_posix()} : le titre, la description et la transcription "
                                      f"de « {ident} » dans cette langue.")
        result.to_fill.append(f"docs/_data/videos.yml : la durée, les thèmes, l'âge et la plateforme de « {ident} », d'après sa source.")
    for path in reversed(result.created):
        result.to_fill.insert(0, f"{path.relative_to(root).as_posix()} : " + (
            "l'allure de chaque personnage (tete, peau, cheveux, vetements : valeurs dans CONTRIBUTING.md)." if path.suffix == ".yml"
            else "chaque champ vide de l'en-tête et chaque <!-- @a-ecrire … -->."))
    if kind != "terme":
        result.to_fill.append(f"mkdocs.yml : « {page} » est ajoutée en fin de rubrique « {section} » ; déplacez la ligne pour "
                              "changer sa place dans le menu.")
    return result
