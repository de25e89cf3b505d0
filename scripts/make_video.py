#!/usr/bin/env python3
"""Fabrique une vidéo du site (cartons de texte) à partir de son script et du texte des cartons en français.

Usage : python scripts/make_video.py assets/videos/cinq-signes.yml
Le script (assets/videos/<id>.yml) donne la durée de chaque carton et la langue dessinée (drawn_in) ; le texte
de chaque carton est dans docs/<drawn_in>/_data/videos.yml (captions). Écrit, à côté du script : <id>.mp4 (640×360, H.264, sans son),
<id>.poster.webp et <id>.json (durée, taille, empreintes de la source et de la vidéo, que la construction
vérifie). Les sous-titres de chaque langue sont faits par la construction du site, pas par ce script.
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
from sitelib.data import read_yaml  # noqa: E402
from sitelib.project import project_languages  # noqa: E402
from sitelib.contacts import load_contacts  # noqa: E402
from sitelib.site import shown_numbers  # noqa: E402
from sitelib.videos import Script, source_fingerprint, with_numbers  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIZE, BACKGROUND, FOREGROUND = (640, 360), (74, 18, 54), (255, 255, 255)


def card_image(text: str, target: Path) -> None:
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 30)
    lines = textwrap.wrap(text, width=30)
    height = len(lines) * 42
    for number, line in enumerate(lines):
        width = draw.textlength(line, font=font)
        draw.text(((SIZE[0] - width) / 2, (SIZE[1] - height) / 2 + number * 42), line, font=font, fill=FOREGROUND)
    # The poster, shown on the video's page, as lossless WebP: 2 KB instead of 7 KB as PNG.
    image.save(target, lossless=True, method=6) if target.suffix == ".webp" else image.save(target)


def main(source: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    languages = project_languages(ROOT)
    numbers = shown_numbers(load_contacts(ROOT / "docs" / "_data" / "contacts.yml", languages))
    folder, ident = source.parent, data["id"]
    cards = read_yaml(languages.data_file(data["drawn_in"], "videos.yml"))[ident]["captions"]
    with tempfile.TemporaryDirectory() as work:
        concat = []
        for number, (card, text) in enumerate(zip(data["cards"], cards)):
            image = Path(work) / f"{number:02}.png"
            card_image(with_numbers(text, numbers), image)
            concat += [f"file '{image}'", f"duration {card['seconds']}"]
        concat.append(f"file '{image}'")  # the concat demuxer needs the last image twice to honour its duration
        (Path(work) / "list.txt").write_text("\n".join(concat) + "\n")
        video = folder / f"{ident}.mp4"
        subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", str(Path(work) / "list.txt"),
                        "-vf", "fps=10,format=yuv420p", "-c:v", "libx264", "-tune", "stillimage", "-crf", "28",
                        "-movflags", "+faststart", "-map_metadata", "-1", "-fflags", "+bitexact", str(video)], check=True)
        card_image(with_numbers(cards[0], numbers), folder / f"{ident}.poster.webp")
    duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(video)],
                                    capture_output=True, text=True, check=True).stdout)
    facts = {"duration": round(duration, 2), "bytes": video.stat().st_size,
             "source_sha256": source_fingerprint(Script.model_validate(data), cards),
             "video_sha256": hashlib.sha256(video.read_bytes()).hexdigest()}
    (folder / f"{ident}.json").write_text(json.dumps(facts, indent=2) + "\n", encoding="utf-8")
    print(f"{video.name} : {facts['duration']} s, {facts['bytes'] / 1024:.0f} Kio")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
