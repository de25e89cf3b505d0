#!/usr/bin/env python3
"""Fabrique une vidéo du site (cartons de texte) et ses sous-titres, à partir d'un fichier texte.

Usage : python scripts/make_video.py assets/videos/cinq-signes.yml
Écrit, à côté du fichier source : <id>.mp4 (640×360, H.264, sans son), <id>.poster.png, <id>.<langue>.vtt
et <id>.json (durée, taille, empreintes de la source et de la vidéo, que les tests comparent).
Demande ffmpeg (paquet Debian « ffmpeg ») et la police DejaVu (paquet « fonts-dejavu-core »).
"""

import hashlib
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from sitelib.contacts import display_number, load_contacts  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIZE, BACKGROUND, FOREGROUND = (640, 360), (74, 18, 54), (255, 255, 255)


def with_numbers(text: str, contacts) -> str:
    """« {119} » in the source becomes the number as typed once in docs/_data/contacts.yml."""
    for ident, contact in contacts.items():
        if contact.phone:
            text = text.replace("{" + ident + "}", display_number(contact.phone))
    return text


def card_image(text: str, target: Path) -> None:
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 30)
    lines = textwrap.wrap(text, width=30)
    height = len(lines) * 42
    for number, line in enumerate(lines):
        width = draw.textlength(line, font=font)
        draw.text(((SIZE[0] - width) / 2, (SIZE[1] - height) / 2 + number * 42), line, font=font, fill=FOREGROUND)
    image.save(target)


def timestamp(seconds: float) -> str:
    return f"{int(seconds // 3600):02}:{int(seconds % 3600 // 60):02}:{seconds % 60:06.3f}"


def main(source: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    contacts = load_contacts(ROOT / "docs" / "_data" / "contacts.yml", ["fr", "en"])
    folder, ident = source.parent, data["id"]
    languages = [key for key in data["cards"][0] if key != "seconds"]
    with tempfile.TemporaryDirectory() as work:
        concat = []
        for number, card in enumerate(data["cards"]):
            image = Path(work) / f"{number:02}.png"
            card_image(with_numbers(card["fr"], contacts), image)
            concat += [f"file '{image}'", f"duration {card['seconds']}"]
        concat.append(f"file '{image}'")  # the concat demuxer needs the last image twice to honour its duration
        (Path(work) / "list.txt").write_text("\n".join(concat) + "\n")
        video = folder / f"{ident}.mp4"
        subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", str(Path(work) / "list.txt"),
                        "-vf", "fps=10,format=yuv420p", "-c:v", "libx264", "-tune", "stillimage", "-crf", "28",
                        "-movflags", "+faststart", "-map_metadata", "-1", "-fflags", "+bitexact", str(video)], check=True)
        card_image(with_numbers(data["cards"][0]["fr"], contacts), folder / f"{ident}.poster.png")
    for language in languages:
        cues, start = ["WEBVTT", ""], 0.0
        for card in data["cards"]:
            end = start + card["seconds"]
            cues += [f"{timestamp(start)} --> {timestamp(end)}", with_numbers(card[language], contacts), ""]
            start = end
        (folder / f"{ident}.{language}.vtt").write_text("\n".join(cues), encoding="utf-8")
    duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(video)],
                                    capture_output=True, text=True, check=True).stdout)
    facts = {"duration": round(duration, 2), "bytes": video.stat().st_size,
             "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
             "video_sha256": hashlib.sha256(video.read_bytes()).hexdigest()}
    (folder / f"{ident}.json").write_text(json.dumps(facts, indent=2) + "\n", encoding="utf-8")
    print(f"{video.name} : {facts['duration']} s, {facts['bytes'] / 1024:.0f} Kio")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
