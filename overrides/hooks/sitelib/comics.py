"""Comic panels of the interactive stories: one drawing per scene, made by the build.

A scene's first line says what its panel shows, in words that do not depend on the language, so a
translation copies it unchanged::

    <!-- @vignette cour ines:inquiet kenzo:sourire +telephone -->

a place (PLACES), up to three characters of the story's cast with their expression (EXPRESSIONS), up
to two props (PROPS). The cast is one file per story, docs/_data/bd/<story>.yml: how each character
looks. The reader is never drawn: a panel shows what the reader sees. Each story file names the cast
in its own language (front matter ``personnages:``), for the drawing's text alternative.

Characters are drawn by DiceBear (the Open Peeps style, whose licence is CC0: checked when the style is
read), places by the functions below, props from Material Design Icons (Apache 2.0, in Material's
package). A panel is one SVG file named after its bytes (media/bd/<hash>.svg), so the same panel in two
languages or two scenes is one file, cached once; the same bytes come out of every build. The words
are never in the drawing: they stay HTML text in the page (templates/story.html).
"""

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .data import Refused, read_yaml, validate
from .errors import ContentError
from .pages import display_path

CAST_FOLDER = Path("_data") / "bd"  # in docs/
MEDIA = Path("media") / "bd"  # in the published site
WIDTH, HEIGHT = 400, 240
MAX_CHARACTERS, MAX_PROPS = 3, 2
# A spoken line is a speech bubble about 300 px wide at 360 px: kept to what a comic bubble holds.
BUBBLE_LENGTH, WORD_LENGTH = 140, 24
PANEL_LINE = re.compile(r"^<!--\s*@vignette\b(?P<arguments>.*?)-->\s*$")
MARKER = re.compile(r"<!--.*?-->")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")

STYLE = "open-peeps"
STYLE_LICENCE = "CC0 1.0"
# The volunteers' words (French, like the rest of the data files) → the style's own names.
EXPRESSIONS = {
    "sourire": "smile", "grand-sourire": "smileBig", "rire": "smileLOL", "calme": "calm", "serieux": "serious",
    "explique": "explaining", "inquiet": "concerned", "peur": "concernedFear", "choc": "fear", "surpris": "awe",
    "mefiant": "suspicious", "fatigue": "tired", "triste": "solemn", "colere": "veryAngry", "malin": "cheeky",
    "neutre": "blank",
}
SKIN = {1: "ffdbb4", 2: "edb98a", 3: "d08b5b", 4: "ae5d29", 5: "694d3d"}
HAIR = {"noir": "2c1b18", "brun": "4a312c", "chatain": "724133", "blond": "d6b370", "roux": "a55728",
        "gris": "9e9e9e", "blanc": "e8e1e1"}
CLOTHES = {"bleu": "8fa7df", "vert": "78e185", "jaune": "ffcf77", "rose": "e279c7", "corail": "e78276",
           "turquoise": "9ddadb", "citron": "fdea6b"}
# Props: Material Design Icons shipped with Material for MkDocs (its .icons/material folder).
PROPS = {"telephone": "cellphone", "cadeau": "gift", "billets": "cash-multiple", "baskets": "shoe-sneaker",
         "appareil-photo": "camera", "ordinateur": "laptop", "sac": "bag-personal", "boisson": "cup", "cle": "key",
         "manette": "controller"}
INK = "#1f1a17"
CREDITS = ("Personnages : Open Peeps (Pablo Stanley), CC0 1.0, dessinés par DiceBear. "
           "Objets : Material Design Icons (Pictogrammers), licence Apache 2.0.")


@cache
def style_definition() -> tuple:
    """The style, read once; refused unless its own licence is CC0 (npm metadata says MIT where the art is not)."""
    from dicebear import Style  # imported here: only a story build needs it
    definition = json.loads((resources.files("dicebear_styles") / f"{STYLE}.json").read_text(encoding="utf-8"))
    licence = definition["meta"]["license"]["name"]
    if licence != STYLE_LICENCE:
        raise RuntimeError(f"le style DiceBear « {STYLE} » n'est plus sous licence {STYLE_LICENCE} ({licence}).")
    return Style(definition), definition


def style_variants(component: str) -> list[str]:
    return list(style_definition()[1]["components"][component]["variants"])


class CastMember(BaseModel):
    """How one character looks, in docs/_data/bd/<story>.yml."""
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    tete: str
    peau: int = Field(ge=1, le=5)
    cheveux: str = "noir"
    vetements: str = "bleu"
    barbe: str = "non"
    lunettes: str = "non"

    @field_validator("tete")
    @classmethod
    def known_head(cls, head: str) -> str:
        return one_of(head, style_variants("head"), "coiffure")

    @field_validator("cheveux")
    @classmethod
    def known_hair(cls, colour: str) -> str:
        return one_of(colour, list(HAIR), "couleur de cheveux")

    @field_validator("vetements")
    @classmethod
    def known_clothes(cls, colour: str) -> str:
        return one_of(colour, list(CLOTHES), "couleur de vêtements")

    @field_validator("barbe")
    @classmethod
    def known_beard(cls, beard: str) -> str:
        return one_of(beard, ["non", *style_variants("facialHair")], "barbe")

    @field_validator("lunettes")
    @classmethod
    def known_glasses(cls, glasses: str) -> str:
        return one_of(glasses, ["non", *style_variants("accessories")], "paire de lunettes")


def one_of(value: str, allowed: list[str], noun: str) -> str:
    if value not in allowed:
        raise Refused(f"« {value} » n'est pas une {noun} connue.", f"écrivez l'une de : {', '.join(allowed)}.")
    return value


Cast = dict[str, CastMember]


def cast_file(docs_dir: Path, story: str) -> Path:
    return docs_dir / CAST_FOLDER / f"{story}.yml"


def load_cast(docs_dir: Path, story: str) -> tuple[Cast | None, list[ContentError]]:
    """The story's cast, or None and the errors (a missing file included: every story is illustrated)."""
    path = cast_file(docs_dir, story)
    file = display_path(path)
    if not path.exists():
        return None, [ContentError(file, "fichier entier", f"les personnages dessinés de l'histoire « {story} » manquent.",
                                   "créez ce fichier sur le modèle de docs/_data/bd/le-follower.yml "
                                   "(un bloc par personnage : tete, peau, cheveux, vetements).")]
    try:
        raw = read_yaml(path)
    except ContentError as error:
        return None, [error]
    if not isinstance(raw, dict) or not raw:
        return None, [ContentError(file, "fichier entier", "le fichier doit donner un bloc par personnage.",
                                   "écrivez « identifiant: » puis, en dessous et en retrait, tete, peau, cheveux, vetements.")]
    cast, errors = {}, []
    for ident, fields in raw.items():
        if not (isinstance(ident, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", ident)):
            errors.append(ContentError(file, f"personnage « {ident} »", "cet identifiant n'est pas valable.",
                                       "écrivez-le en minuscules, chiffres et tirets (ex. mme-ba)."))
            continue
        member, found = validate(CastMember, fields, file, f"personnage « {ident} »")
        errors += found
        if member:
            cast[ident] = member
    return (cast if not errors else None), errors


@dataclass(frozen=True)
class Drawing:
    """What a scene's panel shows (its panel line, read)."""
    place: str
    characters: tuple[tuple[str, str], ...]  # (cast id, expression)
    props: tuple[str, ...]
    line: int


def parse_panel_line(arguments: str, file: str, place: str, line: int) -> tuple[Drawing | None, list[ContentError]]:
    """``arguments``: what follows « @vignette » in a scene's panel line."""
    words, errors = arguments.split(), []
    example = "<!-- @vignette cour ines:inquiet kenzo:sourire +telephone -->"
    if not words:
        return None, [ContentError(file, place, "la vignette ne dit pas où se passe la scène.",
                                   f"écrivez le lieu puis les personnages, par exemple {example} (lieux : {', '.join(PLACES)}).")]
    setting, characters, props = words[0], [], []
    if setting not in PLACES:
        errors.append(ContentError(file, place, f"le lieu « {setting} » n'existe pas.", f"choisissez parmi : {', '.join(PLACES)}."))
    for word in words[1:]:
        if word.startswith("+"):
            if word[1:] not in PROPS:
                errors.append(ContentError(file, place, f"l'objet « {word} » n'existe pas.",
                                           f"choisissez parmi : {', '.join('+' + prop for prop in PROPS)}."))
            props.append(word[1:])
        elif ":" in word:
            ident, expression = word.split(":", 1)
            if expression not in EXPRESSIONS:
                errors.append(ContentError(file, place, f"l'expression « {expression} » (de « {ident} ») n'existe pas.",
                                           f"choisissez parmi : {', '.join(EXPRESSIONS)}."))
            characters.append((ident, expression))
        else:
            errors.append(ContentError(file, place, f"« {word} » n'est ni un personnage avec son expression, ni un objet.",
                                       f"écrivez « {word}:sourire » pour un personnage, « +{word} » pour un objet ({example})."))
    if len(characters) > MAX_CHARACTERS:
        errors.append(ContentError(file, place, f"la vignette dessine {len(characters)} personnages ({MAX_CHARACTERS} au plus).",
                                   "gardez ceux qui parlent dans la scène."))
    if len(props) > MAX_PROPS:
        errors.append(ContentError(file, place, f"la vignette dessine {len(props)} objets ({MAX_PROPS} au plus).",
                                   "gardez le plus important."))
    return (Drawing(setting, tuple(characters), tuple(props), line) if not errors else None), errors


def bubble_problem(text: str) -> tuple[str, str] | None:
    """Why a spoken line does not fit its speech bubble at 360 px, and the fix (None when it fits). ``text`` is the
    line as written; a marker counts as the few signs it shows (« 119 »), an HTML tag (<bdi>) as nothing."""
    visible = TAG.sub("", MARKER.sub("000", text))
    if len(visible) > BUBBLE_LENGTH:
        return (f"cette réplique dite dans la vignette est trop longue pour une bulle ({len(visible)} signes, {BUBBLE_LENGTH} "
                "au plus).", "coupez-la en deux répliques (deux lignes « Nom : … »).")
    longest = max(visible.split(), key=len, default="")
    if len(longest) > WORD_LENGTH:
        return (f"le mot « {longest} » est trop long pour tenir dans une bulle sur un téléphone ({WORD_LENGTH} signes au plus).",
                "coupez-le, ou mettez ce texte dans la narration.")
    return None


# ----- Drawing ------------------------------------------------------------------------------------------

def rect(x, y, w, h, fill, extra=""):
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}"{extra}/>'


def stroke(width=3):
    return f' stroke="{INK}" stroke-width="{width}" stroke-linejoin="round"'


def windows(x0, y0, columns, rows, size, gap, fill):
    return "".join(rect(x0 + c * (size + gap), y0 + r * (size + gap), size, size, fill, stroke(2))
                   for r in range(rows) for c in range(columns))


def bedroom():
    return (rect(0, 0, 400, 180, "#f3e3cf") + rect(0, 180, 400, 60, "#c9a27e", stroke())
            + rect(270, 30, 90, 70, "#2d3a66", stroke()) + '<circle cx="335" cy="55" r="10" fill="#f7f1c8"/>'
            + f'<path d="M315 30v70M270 65h90"{stroke(2)}/>' + rect(30, 35, 50, 65, "#e78276", stroke(2))
            + rect(10, 150, 150, 50, "#8fa7df", stroke()) + rect(10, 130, 40, 25, "#ffffff", stroke(2)))


def school_yard():
    return (rect(0, 0, 400, 240, "#cfe8f7") + rect(0, 40, 260, 150, "#e9d8b4", stroke()) + windows(20, 60, 5, 2, 32, 14, "#9ddadb")
            + rect(0, 190, 400, 50, "#d9d4c7", stroke()) + f'<path d="M300 190v-70"{stroke(5)}/>'
            + f'<circle cx="300" cy="95" r="45" fill="#78c28a"{stroke()}/>'
            + "".join(f'<path d="M{x} 190v-40"{stroke(2)}/>' for x in range(260, 400, 16)) + f'<path d="M260 160h140"{stroke(2)}/>')


def skatepark():
    return (rect(0, 0, 400, 240, "#cfe8f7") + rect(0, 190, 400, 50, "#bdbdbd", stroke())
            + f'<path d="M240 190q90 0 110-90h50v90z" fill="#d6d6d6"{stroke()}/>'
            + rect(20, 120, 120, 70, "#e9e4dc", stroke()) + rect(30, 130, 40, 25, "#e279c7") + rect(75, 140, 55, 30, "#9ddadb")
            + rect(40, 160, 30, 20, "#fdea6b"))


def street():
    return (rect(0, 0, 400, 240, "#d7ecf7") + rect(0, 30, 120, 170, "#e9d8b4", stroke()) + windows(14, 45, 3, 3, 24, 12, "#9ddadb")
            + rect(120, 60, 150, 140, "#f0c9a8", stroke()) + windows(135, 75, 4, 2, 24, 12, "#9ddadb")
            + f'<path d="M130 150h130v18H130z" fill="#e78276"{stroke(2)}/>' + rect(150, 168, 90, 32, "#fff7e6", stroke(2))
            + rect(270, 20, 130, 180, "#cbb8d9", stroke()) + windows(285, 35, 3, 4, 24, 12, "#9ddadb")
            + rect(0, 200, 400, 40, "#c9c3b8", stroke()))


def bus_stop():
    return (rect(0, 0, 400, 240, "#d7ecf7") + rect(0, 195, 400, 45, "#c9c3b8", stroke())
            + rect(90, 60, 230, 12, "#4a6fa5", stroke()) + f'<path d="M100 72v123M310 72v123"{stroke(4)}/>'
            + rect(100, 72, 210, 110, "#e8f4fb", stroke(2) + ' fill-opacity="0.6"') + rect(150, 160, 110, 10, "#8d6e63", stroke(2))
            + f'<path d="M360 195V60"{stroke(4)}/>' + f'<circle cx="360" cy="55" r="18" fill="#fdea6b"{stroke()}/>')


def cafe():
    return (rect(0, 0, 400, 240, "#f4dcc2") + rect(0, 170, 400, 70, "#a1887f", stroke()) + rect(0, 120, 170, 50, "#8d6e63", stroke())
            + f'<path d="M60 0v30M300 0v30"{stroke(2)}/>' + f'<path d="M45 30h30l-5 15h-20zM285 30h30l-5 15h-20z" fill="#fdea6b"{stroke(2)}/>'
            + rect(220, 60, 120, 70, "#fff7e6", stroke()) + f'<ellipse cx="300" cy="185" rx="70" ry="12" fill="#fff"{stroke()}/>')


def infirmary():
    return (rect(0, 0, 400, 190, "#dff1e6") + rect(0, 190, 400, 50, "#b9c8c0", stroke()) + rect(20, 40, 90, 120, "#ffffff", stroke())
            + f'<path d="M55 70h20v15h15v20H75v15H55v-15H40V85h15z" fill="#3aa36b"{stroke(2)}/>'
            + rect(250, 140, 140, 30, "#ffffff", stroke()) + rect(260, 170, 8, 20, INK) + rect(372, 170, 8, 20, INK)
            + rect(270, 30, 100, 70, "#bfe3f5", stroke()))


def living_room():
    return (rect(0, 0, 400, 185, "#e8dcef") + rect(0, 185, 400, 55, "#b39ddb", stroke()) + rect(30, 120, 200, 60, "#e78276", stroke())
            + rect(20, 105, 30, 75, "#e78276", stroke()) + rect(210, 105, 30, 75, "#e78276", stroke())
            + rect(60, 30, 110, 60, "#fff7e6", stroke()) + f'<path d="M320 185V80"{stroke(3)}/>'
            + f'<path d="M300 80h40l-8-30h-24z" fill="#fdea6b"{stroke(2)}/>')


def hotel_corridor():
    return (rect(0, 0, 400, 240, "#efe3cc") + f'<path d="M120 240l60-160h40l60 160z" fill="#9c5b5b"{stroke()}/>'
            + f'<path d="M0 0l180 80M400 0l-180 80"{stroke(2)}/>'
            + "".join(rect(x, y, w, h, "#8d6e63", stroke(2)) for x, y, w, h in ((20, 60, 50, 140), (90, 75, 35, 100), (330, 60, 50, 140), (275, 75, 35, 100)))
            + rect(170, 40, 60, 14, "#fdea6b", stroke(2)))


def office():
    return (rect(0, 0, 400, 180, "#e3ecf5") + rect(0, 180, 400, 60, "#9fb3c8", stroke()) + rect(20, 30, 130, 100, "#d7c4a3", stroke())
            + "".join(rect(30 + 22 * index, 40, 16, 35, colour, stroke(2)) for index, colour in enumerate(("#e78276", "#8fa7df", "#78e185", "#fdea6b", "#e279c7")))
            + f'<path d="M20 80h130"{stroke(2)}/>' + rect(200, 150, 190, 20, "#8d6e63", stroke())
            + f'<path d="M350 150v-30" {stroke(2)}/><circle cx="350" cy="110" r="16" fill="#78c28a"{stroke(2)}/>')


def phone_screen():
    bubbles = "".join(rect(x, y, w, 18, colour, stroke(2) + ' rx="9"')
                      for x, y, w, colour in ((140, 126, 90, "#eeeeee"), (170, 154, 90, "#9ddadb"), (140, 182, 70, "#eeeeee")))
    return (rect(0, 0, 400, 240, "#dfe7f5") + rect(120, 12, 160, 260, "#2b2b2b", stroke() + ' rx="22"')
            + rect(130, 24, 140, 240, "#ffffff", ' rx="14"') + rect(130, 24, 140, 90, "#f2f2f2", ' rx="14"') + bubbles)


PLACES = {"chambre": bedroom, "cour": school_yard, "skatepark": skatepark, "rue": street, "arret-bus": bus_stop,
          "cafe": cafe, "infirmerie": infirmary, "salon": living_room, "couloir-hotel": hotel_corridor, "bureau": office,
          "ecran": phone_screen}
SCREEN = "ecran"


@cache
def avatar(member: CastMember, expression: str) -> str:
    """One character's drawing (an <svg> of 704 × 704 units), without DiceBear's comment and metadata."""
    from dicebear import Avatar
    options = {"seed": "pas-a-vendre", "idRandomization": False, "headVariant": [member.tete],
               "expressionVariant": [EXPRESSIONS[expression]], "skinColor": [SKIN[member.peau]],
               "headContrastColor": [HAIR[member.cheveux]], "clothingColor": [CLOTHES[member.vetements]],
               "facialHairProbability": 0 if member.barbe == "non" else 100, "accessoriesProbability": 0 if member.lunettes == "non" else 100,
               "maskProbability": 0}
    if member.barbe != "non":
        options["facialHairVariant"] = [member.barbe]
    if member.lunettes != "non":
        options["accessoriesVariant"] = [member.lunettes]
    svg = str(Avatar(style_definition()[0], options))
    svg = re.sub(r"<!--.*?-->|<metadata.*?</metadata>", "", svg, flags=re.DOTALL)
    return svg.replace(' aria-hidden="true"', "")


def placed(svg: str, prefix: str, x: float, y: float, size: float, flip: bool = False) -> str:
    """A drawing put at (x, y), ``size`` wide, its ids prefixed so that a character drawn twice in one
    panel keeps every id unique."""
    svg = re.sub(r'(id="|url\(#|href="#)', rf"\g<1>{prefix}", svg)
    svg = svg.replace("<svg ", f'<svg x="{x:g}" y="{y:g}" width="{size:g}" height="{size:g}" ', 1)
    if flip:  # facing the middle of the panel
        return f'<g transform="translate({2 * x + size:g} 0) scale(-1 1)">{svg}</g>'
    return svg


@cache
def icon_path(prop: str) -> str:
    import material  # Material for MkDocs' package holds the icon sets
    svg = (Path(material.__file__).parent / "templates" / ".icons" / "material" / f"{PROPS[prop]}.svg").read_text(encoding="utf-8")
    return re.search(r' d="([^"]+)"', svg)[1]


def prop_badge(prop: str, x: float, y: float) -> str:
    return (f'<circle cx="{x + 24:g}" cy="{y + 24:g}" r="24" fill="#ffffff"{stroke()}/>'
            f'<path transform="translate({x + 8:g} {y + 8:g}) scale(1.3333)" d="{icon_path(prop)}" fill="{INK}"/>')


def draw(drawing: Drawing, cast: Cast) -> str:
    """The panel as an SVG document: place, characters, props, a frame. Always the same bytes for the
    same line and cast."""
    parts = [PLACES[drawing.place]()]
    count = len(drawing.characters)
    if drawing.place == SCREEN:  # the people writing, as round profile pictures at the top of the phone
        radius = {1: 36, 2: 30}.get(count, 21)  # side by side, the pictures stay on the screen
        for index, (ident, expression) in enumerate(drawing.characters):
            cx = 200 + (index - (count - 1) / 2) * (2 * radius + 4)
            parts.append(f'<clipPath id="pic{index}"><circle cx="{cx:g}" cy="68" r="{radius}"/></clipPath>'
                         f'<g clip-path="url(#pic{index})"><circle cx="{cx:g}" cy="68" r="{radius}" fill="#ffe8a3"/>'
                         + placed(avatar(cast[ident], expression), f"c{index}-", cx - 1.3 * radius, 68 - 1.25 * radius, 2.6 * radius)
                         + "</g>" f'<circle cx="{cx:g}" cy="68" r="{radius}" fill="none"{stroke()}/>')
    else:
        size = 150 if count < 3 else 140
        lefts = {1: [125], 2: [45, 205], 3: [5, 130, 255]}.get(count, [])
        for index, ((ident, expression), left) in enumerate(zip(drawing.characters, lefts)):
            parts.append(placed(avatar(cast[ident], expression), f"c{index}-", left, HEIGHT - size, size,
                                flip=count > 1 and left + size / 2 < WIDTH / 2))
    for index, prop in enumerate(drawing.props):
        parts.append(prop_badge(prop, WIDTH - 62 - index * 56, 12))  # top corner: never over a face
    parts.append(rect(2, 2, WIDTH - 4, HEIGHT - 4, "none", stroke(4)))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
            f"<!-- {CREDITS} -->" + "".join(parts) + "</svg>\n")


def file_name(svg: str) -> str:
    return hashlib.sha256(svg.encode("utf-8")).hexdigest()[:16] + ".svg"


def publish(drawings: dict[str, str], site_dir: Path) -> list[Path]:
    """Write every panel (name → SVG) under media/bd/ of the built site."""
    target = site_dir / MEDIA
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, svg in sorted(drawings.items()):
        written.append(target / name)
        written[-1].write_text(svg, encoding="utf-8")
    return written
