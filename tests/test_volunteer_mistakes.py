"""The mistakes a volunteer makes, one per rule, in every kind of file volunteers edit: each one, made on a
copy of the project, fails ``make check`` and the strict build with a French message that names the file
edited and the place, and the fix (« À faire : »); no message blames another file; no Python traceback;
no MkDocs warning left in English. The JSON Schemas refuse those of the data files they describe.

Mistakes in different files are made together, in rounds, as one volunteer's afternoon would be: a data
file's mistake stops the build before any page is built, so pages' mistakes have rounds of their own, and
a mistake whose file other files depend on (contacts, lexicon, stories) is not made beside theirs.
"""

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from helpers import project_copy
from sitelib.data import DataLoader
from sitelib.pages import FRONT_MATTER
from sitelib.schemas import DATA_SCHEMAS, data_files, document
from site_map import ROOT

END = None  # « old » of a mistake written at the end of the file


@dataclass(frozen=True)
class Mistake:
    rule: str
    file: str  # as the message names it, from the project's root
    old: str | None  # the text replaced (its first occurrence), END to add at the end, "" for a new file
    new: str
    place: str  # the place the message names
    words: str  # words of the message
    schema: bool = False  # the file's JSON Schema refuses it too
    check: bool = True  # make check finds it (anchors need the built page: the build only)
    alone: bool = False  # a file that stops everything else from being read (mkdocs.yml, a page not in UTF-8): made alone


CONTACT_17 = '- id: "17"\n  phone: "17"\n'
NEW_CONTACT = """
- id: "Nouveau Service"
  website: https://example.org/
  free: true
  anonymous: true
  off_bill: true
  always_open: false
  audiences: [tous]
  topics: [sante]
  source: https://example.org/
  verified: 2026-11-29
  verified_how: copie
"""
NEW_PAGE = '---\ndescription: "Une page nouvelle."\n---\n\n# Nouvelle page\n\nUn texte.\n'

MISTAKES = [
    # mkdocs.yml: the menu and the languages
    Mistake("menu vers une page absente", "mkdocs.yml", "      - securite.md\n", "      - securite.md\n      - absente.md\n",
            "nav, « absente.md »", "le menu nomme une page qui n'existe pas"),
    Mistake("mkdocs.yml mal formé", "mkdocs.yml", "  - index.md\n", "  - [index.md\n", "ligne", "le fichier YAML est mal formé",
            alone=True),
    Mistake("chemin du menu absolu", "mkdocs.yml", "      - aide.md\n", "      - /aide.md\n", "nav, « /aide.md »",
            "ne commence pas par « / »"),
    # pages added
    Mistake("page hors du menu", "docs/fr/articles/nouvelle.md", "", NEW_PAGE, "menu", "cette page n'est dans aucun menu"),
    Mistake("page sans sa traduction ni déclaration", "docs/fr/facile/nouvelle.md", "", NEW_PAGE, "langues",
            "n'existe pas en en et n'y est pas déclarée non traduite"),
    Mistake("page traduite sans page de référence", "docs/en/articles/only-english.md", "", NEW_PAGE, "fichier entier",
            "cette page n'existe pas dans docs/fr/"),
    # docs/_data/contacts.yml: the help numbers' facts
    Mistake("date qui n'existe pas", "docs/_data/contacts.yml", "verified: 2026-11-29", "verified: 2026-02-30", "contact « 17 », champ « verified »",
            "la date « 2026-02-30 » n'existe pas", schema=True),
    Mistake("numéro invalide", "docs/_data/contacts.yml", 'phone: "0800235236"', 'phone: "080023523"',
            "contact « fil-sante-jeunes », champ « phone »",
            "n'est pas un numéro valide en France"),
    Mistake("public inconnu", "docs/_data/contacts.yml", "audiences: [tous]", "audiences: [ados]", "contact « 17 », champ « audiences.0 »",
            "la valeur « ados » n'est pas permise. À faire : choisissez parmi : mineurs, jeunes-adultes,", schema=True),
    Mistake("champ mal écrit", "docs/_data/contacts.yml", "  always_open: true\n", "  always_opne: true\n", "contact « 17 »",
            "ce champ", schema=True),
    Mistake("vérification inconnue", "docs/_data/contacts.yml", "verified: 2026-11-29\n  verified_how: copie",
            "verified: 2026-11-29\n  verified_how: relu",
            "contact « 17 », champ « verified_how »", "« relu » n'est pas permise", schema=True),
    Mistake("vérification dans le futur", "docs/_data/contacts.yml", "verified: 2026-11-29", "verified: 2099-01-01",
            "contact « 17 », champ « verified »", "est dans le futur"),
    Mistake("identifiant avec majuscules et espace", "docs/_data/contacts.yml", END, NEW_CONTACT,
            "contact « Nouveau Service », champ « id »", "l'identifiant « Nouveau Service » contient", schema=True),
    Mistake("contact injoignable", "docs/_data/contacts.yml", CONTACT_17, '- id: "17"\n', "contact « 17 »", "aucun moyen d'être joint", schema=True),
    Mistake("tabulation", "docs/_data/contacts.yml", '  phone: "17"\n', '\tphone: "17"\n', "ligne", "une tabulation sert d'indentation"),
    Mistake("langue parlée inconnue", "docs/_data/contacts.yml", "  topics: [danger-immediat]\n",
            "  topics: [danger-immediat]\n  spoken_languages: [fr, xx]\n", "contact « 17 », champ « spoken_languages »",
            "code(s) de langue inconnu(s) : xx"),
    # each language's texts of the contacts
    Mistake("nom de contact vide", "docs/fr/_data/contacts.yml", "name: Police et gendarmerie (17)", 'name: ""',
            "contact « 17 », champ « name »", "ce champ est vide", schema=True),
    Mistake("texte d'un contact qui n'existe pas", "docs/en/_data/contacts.yml", END,
            "'1199':\n  name: A\n  short: A\n  description: A\n  hours: A\n", "contact « 1199 »",
            "cet identifiant n'existe pas dans le fichier des faits"),
    # other data files
    Mistake("département inconnu", "docs/_data/territoires.yml", 'code: "75"', 'code: "750"', "champ « regions.0.departements.0.code »",
            "« 750 » n'est pas un numéro de département", schema=True),
    Mistake("réponse ni vraie ni fausse", "docs/_data/vrai-faux.yml", "answer: false", "answer: peut-être",
            "affirmation « une-seule-fois », champ « answer »", "oui ou non", schema=True),
    Mistake("source qui n'est pas une adresse", "docs/_data/bd-externes.yml", "source: https://cafepedagogique.net/",
            "source: cafepedagogique", "outil « banane », champ « source »", "une adresse web complète", schema=True),
    Mistake("âge d'une vidéo trop grand", "docs/_data/videos.yml", "age: 12", "age: 40", "vidéo « cinq-signes », champ « age »",
            "la valeur « 40 » est trop grande", schema=True),
    Mistake("texte d'interface vide", "docs/en/_data/interface.yml", "help_link: Help", 'help_link: ""', "texte « help_link »",
            "ce texte est vide", schema=True),
    Mistake("texte d'interface mal nommé", "docs/fr/_data/interface.yml", "\nskip_to_content:", "\nskip_to_contnet:",
            "texte « skip_to_contnet »", "ce nom n'existe dans aucune autre langue"),
    # a story's cast (docs/_data/bd/)
    Mistake("peau hors de l'échelle", "docs/_data/bd/le-casting.yml", "peau: 1", "peau: 9", "yanis", "la valeur « 9 » est trop grande",
            schema=True),
    Mistake("tête inconnue", "docs/_data/bd/le-casting.yml", "tete: hijab", "tete: casquette", "ines", "casquette", schema=True),
    # stories
    Mistake("lieu de vignette inconnu", "docs/fr/histoires/le-follower.md", "<!-- @vignette ecran", "<!-- @vignette plage",
            "scène « debut »", "le lieu « plage » n'existe pas"),
    Mistake("personnage hors de la distribution", "docs/en/histoires/le-follower.md", "kenzo:sourire", "kevin:sourire",
            "scène « debut »", "kevin"),
    Mistake("âge d'une histoire trop grand", "docs/fr/histoires/le-bon-plan.md", "\nage: ", "\nage: 40\nx_age: ", "champ « age »",
            "la valeur « 40 » est trop grande", schema=True),
    Mistake("choix vers une scène absente", "docs/fr/histoires/le-casting.md", "](#", "](#scene-perdue-", "scène",
            "qui n'existe pas"),
    Mistake("note avant l'histoire trop longue", "docs/en/histoires/le-bon-plan.md", "\navertissement: ",
            "\navertissement: \"" + "A sentence. " * 30 + "\"\nx_note: ", "champ « avertissement »", "la note avant l'histoire est trop longue",
            schema=True),
    # the lexicon
    Mistake("terme lié inconnu", "docs/fr/lexique/viol.md", "see_also: [", "see_also: [viole, ", "see_also « viole »",
            "ce terme n'existe pas dans le lexique"),
    Mistake("définition courte vide", "docs/en/lexique/viol.md", "\nshort: ", '\nshort: ""\nx_short: ', "champ « short »", "ce champ est vide",
            schema=True),
    # workshop sheets
    Mistake("atelier trop court", "docs/fr/pros/ateliers/consentement.md", "duration: 55", "duration: 5", "champ « duration »",
            "la valeur « 5 » est trop petite", schema=True),
    Mistake("contact inconnu d'un atelier", "docs/fr/pros/ateliers/sugar-dating.md", 'contacts: ["119"', 'contacts: ["1199"',
            "en-tête", "contacts : 1199 inconnu(s)"),
    Mistake("âges d'un atelier à l'envers", "docs/en/pros/ateliers/consentement.md", "age: [12, 15]", "age: [15, 12]", "champ « age »",
            "l'âge attend deux nombres"),
    # a translation's record
    Mistake("empreinte de traduction modifiée à la main", "docs/en/aide.md", "  source: \"", "  source: \"zz", "traduction",
            "n'est pas une empreinte écrite par scripts/translations.py"),
    # pages: headings, description, images, markers, help numbers, links
    Mistake("deux titres", "docs/fr/aide.md", END, "\n# Encore un titre\n", "lignes", "la page a 2 titres"),
    Mistake("niveau d'intertitre sauté", "docs/en/a-propos.md", END, "\n#### Too deep\n", "ligne", "un niveau est sauté"),
    Mistake("description trop longue", "docs/fr/securite.md", "\ndescription:", "\ndescription: \"" + "Trop long. " * 16 + "\"\nx_description:",
            "en-tête, description", "(160 au plus)"),
    Mistake("description absente", "docs/fr/articles/sante.md", "\ndescription:", "\nx_description:", "en-tête, description",
            "la description manque"),
    Mistake("image sans texte alternatif", "docs/fr/articles/emprise.md", END, "\n![](images/schema.png)\n", "ligne",
            "cette image n'a pas de texte alternatif"),
    Mistake("balise img sans alt", "docs/en/articles/emprise.md", END, '\n<img src="images/schema.png">\n', "ligne",
            "cette image n'a pas de texte alternatif"),
    Mistake("marqueur pas fermé", "docs/fr/articles/loverboy.md", END, "\n<!-- @numero 119\n", "ligne", "ce marqueur n'est pas fermé"),
    Mistake("espace après @", "docs/en/articles/loverboy.md", END, "\n<!-- @ numero 119 -->\n", "ligne", "il y a un espace entre « @ »"),
    Mistake("marqueur sans @", "docs/fr/articles/michetonnage.md", END, "\n<!-- numeros 119 -->\n", "ligne", "sans « @ »"),
    Mistake("marqueur inconnu", "docs/fr/articles/sugar-dating.md", END, "\n<!-- @numeor 119 -->\n", "ligne", "le marqueur « @numeor » n'existe pas"),
    Mistake("contact inconnu d'un marqueur", "docs/en/aide.md", END, "\n<!-- @numero 1199 -->\n", "marqueur « @numero »",
            "le contact « 1199 » n'existe pas"),
    Mistake("vignette hors d'une histoire", "docs/fr/articles/argent-facile.md", END, "\n<!-- @vignette cour -->\n", "marqueur « @vignette »",
            "une vignette de BD ne se place que dans une histoire"),
    Mistake("numéro avec un chiffre faux", "docs/fr/articles/parent-inquiet.md", END, "\nAppelle le 0 800 235 237.\n", "ligne",
            "« 0 800 235 237 » n'est celui d'aucun contact"),
    Mistake("numéro tapé à la main", "docs/fr/facile/prostitution.md", END, "\nAppelle le 3919.\n", "ligne", "écrivez <!-- @numero 3919 -->"),
    Mistake("lien vers une page absente", "docs/fr/articles/consentement.md", END, "\n[Une page](page-absente.md)\n", "ligne",
            "le lien « page-absente.md » mène à une page ou un fichier qui n'existe pas"),
    Mistake("lien absolu", "docs/en/articles/consentement.md", END, "\n[Help](/fr/aide.md)\n", "ligne", "commence par « / »"),
    Mistake("lien sans .md", "docs/en/articles/sante.md", END, "\n[Help](../aide)\n", "ligne", "ne mène pas à un fichier",
            check=False),
    Mistake("lien vers un endroit absent", "docs/fr/articles/escort-massages-annonces.md", END, "\n[Plus haut](#nulle-part)\n", "ligne",
            "mène à un endroit de cette page qui n'existe pas", check=False),
    Mistake("en-tête illisible", "docs/fr/articles/inquiet-pour-un-ami.md", "\ndescription:", "\ndescription: [\nx_description:",
            "en-tête", "l'en-tête est mal formé"),
    Mistake("en-tête pas fermé", "docs/fr/articles/internet-et-traite.md", "\n---\n\n#", "\n\n#", "en-tête",
            "l'en-tête n'est pas fermé"),
    Mistake("page pas enregistrée en UTF-8", "docs/fr/articles/les-garcons-aussi.md", "é", "\udce9", "fichier entier",
            "n'est pas enregistré en UTF-8", alone=True),
    # mkdocs.yml's menu, as MkDocs reads it (said before MkDocs could say it in English)
    Mistake("rubrique du menu sans page", "mkdocs.yml", "  - Vidéos:\n", "  - Rubrique vide:\n  - Vidéos:\n",
            "nav, rubrique « Rubrique vide »", "cette rubrique n'a aucune page", alone=True),
    # a record that is not a block of fields
    Mistake("affirmation qui n'est pas un bloc", "docs/_data/vrai-faux.yml", END, "\n- une phrase seule\n", "affirmation n° ",
            "écrivez un bloc de champs"),
]

# What depends on what when the build loads the data: a mistake in a file of the key's kind hides those
# of the kinds it names (their files are not read), so they are not made in the same round.
HIDES = {"contacts": {"videos", "workshops"}, "terms": {"stories", "videos", "workshops"}, "stories": {"workshops"}}
FRONT_MATTER_SCHEMAS = {"histoires": "en-tete-histoire", "ateliers": "en-tete-fiche-atelier", "lexique": "en-tete-mot-du-lexique"}


def kind(file: str) -> str:
    parts = Path(file).parts
    if file.endswith("contacts.yml"):
        return "contacts"
    if "videos.yml" in parts:
        return "videos"
    if "lexique" in parts and parts[-1] != "index.md":
        return "terms"
    if ("histoires" in parts and parts[-1] != "index.md") or "bd" in parts:
        return "stories"
    if "ateliers" in parts and parts[-1] != "index.md":
        return "workshops"
    return "other"


def stage(mistake: Mistake) -> str:
    """When the build finds it: reading mkdocs.yml, loading the data (before any page), or building a page."""
    if mistake.alone:
        return "configuration"
    if mistake.file == "mkdocs.yml":
        return "data"
    if mistake.old == "" or kind(mistake.file) != "other" or "_data" in Path(mistake.file).parts or mistake.rule.startswith("empreinte"):
        return "data"
    return "page"


def language(mistake: Mistake) -> str | None:
    parts = Path(mistake.file).parts
    return parts[1] if stage(mistake) == "page" else None


def rounds(mistakes: list[Mistake]) -> list[list[Mistake]]:
    """Mistakes grouped so that none hides another: one file once, one stage, pages of one language (built
    alone), mkdocs.yml unreadable alone."""
    grouped: list[list[Mistake]] = []
    for mistake in mistakes:
        for group in grouped:
            first = group[0]
            kinds = {kind(other.file) for other in group}
            if (stage(first) == stage(mistake) != "configuration" and language(first) == language(mistake)
                    and mistake.file not in {other.file for other in group}
                    and not HIDES.get(kind(mistake.file), set()) & kinds
                    and not any(kind(mistake.file) in HIDES.get(other, set()) for other in kinds)):
                group.append(mistake)
                break
        else:
            grouped.append([mistake])
    return grouped


ROUNDS = rounds(MISTAKES)
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def test_make_build_and_make_serve_read_mkdocs_yml_in_french_first():
    recipes = re.findall(r"^(serve|build|publish): .*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(recipes) == 3 and all(lines.index("$(READ_CONFIGURATION)") < lines.index("mkdocs ") for _, lines in recipes), recipes
    assert "READ_CONFIGURATION = $(BIN)/python scripts/check.py --configuration" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_table_has_forty_mistakes_one_per_rule_in_every_kind_of_file():
    assert len(MISTAKES) >= 40 and len({mistake.rule for mistake in MISTAKES}) == len(MISTAKES)
    kinds = {kind(mistake.file) for mistake in MISTAKES} | {Path(mistake.file).name for mistake in MISTAKES if "_data" in mistake.file}
    assert {"contacts", "videos", "terms", "stories", "workshops", "mkdocs.yml", "interface.yml", "territoires.yml", "vrai-faux.yml",
            "bd-externes.yml"} <= kinds | {mistake.file for mistake in MISTAKES}


def copy_with(mistakes: list[Mistake], root: Path) -> None:
    project_copy(root)
    for mistake in mistakes:
        path = root / mistake.file
        if mistake.old == "":
            assert not path.exists(), mistake.file
            path.write_text(mistake.new, encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        if mistake.old is END:
            text += mistake.new
        else:
            assert mistake.old in text, (mistake.rule, mistake.old)
            text = text.replace(mistake.old, mistake.new, 1)
        # « \udce9 » stands for a byte of another encoding (é in Latin-1), written as such.
        path.write_bytes(text.encode("utf-8", "surrogateescape"))


NAMED = re.compile(r"(?P<file>(?:docs/|mkdocs\.yml)\S*) — (?P<place>.+?) : ")


def named_lines(output: str) -> list[re.Match]:
    return [found for line in output.splitlines() if (found := NAMED.search(line))]


def assert_each_mistake_named(mistakes: list[Mistake], output: str, command: str) -> None:
    lines = named_lines(output)
    missing = [mistake.rule for mistake in mistakes if not any(
        line["file"] == mistake.file and mistake.place in line["place"] and mistake.words in line.string and "À faire :" in line.string
        for line in lines)]
    assert not missing, f"{command} ne signale pas : {missing}\n{output}"
    edited = {mistake.file for mistake in mistakes}
    blamed = sorted({line["file"] for line in lines} - edited)
    assert not blamed, f"{command} accuse un fichier que personne n'a modifié : {blamed}\n{output}"
    assert "Traceback" not in output, output


def schema_errors(root: Path, mistake: Mistake) -> list[str]:
    path = root / mistake.file
    if path.suffix == ".md":
        schema = next(schema for schema in DATA_SCHEMAS if schema.name == FRONT_MATTER_SCHEMAS[path.parent.name])
        data = yaml.load(FRONT_MATTER.match(path.read_text(encoding="utf-8")).group(1), Loader=DataLoader)
    else:
        schema = dict(data_files(root))[path]
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=DataLoader)
    # Formats (a date that exists) checked as a YAML language server does.
    validator = Draft202012Validator(document(schema), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(data)]


@pytest.mark.parametrize("mistakes", ROUNDS, ids=[f"{index + 1}:{stage(group[0])}:{len(group)}" for index, group in enumerate(ROUNDS)])
def test_each_mistake_fails_make_check_and_the_build_in_french_naming_its_file_and_place(mistakes, tmp_path):
    copy_with(mistakes, tmp_path)
    check = subprocess.run([sys.executable, "scripts/check.py"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 1, check.stdout + check.stderr
    assert_each_mistake_named([mistake for mistake in mistakes if mistake.check], check.stdout + check.stderr, "make check")

    only = {"LANGUE_SEULE": language(mistakes[0])} if language(mistakes[0]) else {}
    # As « make build » does (Makefile): mkdocs.yml read in French first, then the strict build.
    build = subprocess.run([sys.executable, "scripts/check.py", "--configuration"], cwd=tmp_path, capture_output=True, text=True)
    if build.returncode == 0:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                               cwd=tmp_path, capture_output=True, text=True, env={**ENVIRONMENT, **only})
    output = build.stdout + build.stderr
    assert build.returncode != 0, output
    assert_each_mistake_named(mistakes, output, "la construction")
    english = [line for line in output.splitlines() if re.match(r"^(WARNING|ERROR)\s+-", line) and not NAMED.search(line)
               and "erreur(s) dans le contenu" not in line]
    assert not english, f"Messages de MkDocs restés en anglais : {english}"

    for mistake in [mistake for mistake in mistakes if mistake.schema]:
        assert schema_errors(tmp_path, mistake), f"Le schéma JSON de {mistake.file} accepte : {mistake.rule}"

