"""Every text file of the built site, compressed once at build time beside itself (``page.html.gz`` and
``page.html.br``), for nginx's gzip_static and brotli_static: the server sends them as they are instead of
compressing each answer. Netlify and Cloudflare Pages ignore them and compress on their own.

The same site gives the same files (gzip without a date), so two builds can be compared byte for byte.
Pagefind's index files are not compressed again: Pagefind writes them gzip-compressed already, and
its script decompresses them itself.
"""

import gzip
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".vtt", ".txt", ".map")
# Brotli's best setting costs about 1 s a megabyte: worth it for the style sheets and scripts, kept by
# browsers and sent on every first visit; the rest (pages first: some 40 MB over seven languages) gets a
# quicker setting, whose files are hardly bigger (about 10 %).
BEST_QUALITY, QUICK_QUALITY = 11, 5
BEST_FOR = (".css", ".js")


def compressed(file: Path) -> int:
    """Writes ``file``.gz and ``file``.br; returns the bytes read."""
    content = file.read_bytes()
    quality = BEST_QUALITY if file.suffix in BEST_FOR else QUICK_QUALITY
    file.with_name(file.name + ".gz").write_bytes(gzip.compress(content, compresslevel=9, mtime=0))
    file.with_name(file.name + ".br").write_bytes(brotli.compress(content, quality=quality))
    return len(content)


def precompress_site(site_dir: Path) -> str:
    """Compresses every text file of the site (both compressors let other threads run meanwhile); returns a summary."""
    started = time.monotonic()
    files = sorted(path for path in site_dir.rglob("*") if path.suffix in TEXT_SUFFIXES and path.is_file())
    with ThreadPoolExecutor() as pool:
        size = sum(pool.map(compressed, files))
    return f"{len(files)} fichiers texte ({size / 1e6:.1f} Mo) compressés en gzip et brotli en {time.monotonic() - started:.1f} s"
