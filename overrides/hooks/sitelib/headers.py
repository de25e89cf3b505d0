"""The HTTP headers of the published site, computed from the built pages so that a change of theme (a
Material upgrade, a new inline script) cannot silently break them or weaken them.

Once every language is built, every page is read: each inline ``<script>`` gets the sha256 hash of its
exact text in the Content-Security-Policy (``script-src 'self'`` and those hashes, nothing like
``'unsafe-inline'``), and what no hash can allow (an inline event handler ``onclick=…``, a ``style=``
attribute, a ``<style>`` element, a ``javascript:`` address) stops the build, naming the page. The same
headers are then written twice:

- ``_headers``, read by Netlify and Cloudflare Pages (neither publishes it);
- ``_headers.nginx``, included by the nginx server block ``scripts/deploy/nginx.conf``, which refuses
  to serve it (it says nothing secret: what every response says anyway).

Optionally (CSP_META=1), for hosts that send no headers (GitHub Pages, GitLab Pages), the
policy is also written in each page, in a ``<meta http-equiv>`` at the top of ``<head>``: see
``meta_policy`` for what such a policy cannot do.
"""

import base64
import hashlib
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from . import fingerprint
from .errors import ContentError, raise_all
from .languages import Languages

GENERATED = "# The site's HTTP headers, written by the build (overrides/hooks/sitelib/headers.py): do not edit."
HEADERS_FILE = "_headers"
NGINX_FILE = "_headers.nginx"
META_VARIABLE = "CSP_META"  # set to 1: the policy is also written in every page

# The platform address of an external video (sitelib/templates/video-player.html): the only frame a page
# may show, after the reader's click. None today: no frame at all (default-src 'none').
EMBED_ATTRIBUTE = "data-embed"

# Sent with every response. HSTS without includeSubDomains: the site may live on a subdomain of an
# association's domain, whose other hosts the build knows nothing about.
SECURITY_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=63072000",
}
# A file named after its content changes name when it changes: browsers may keep it a year. Any other
# file (pages first: a corrected phone number must reach readers at once) is checked again at each use,
# which costs a 304 answer when it has not changed: what Netlify and Cloudflare Pages send by default.
IMMUTABLE = "max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Chromium's PDF viewer is reported to break under a Content-Security-Policy: PDFs get the other headers.
WITHOUT_POLICY = "*.pdf"

# Files named after their content: Material's style sheets and scripts (and their source maps), and
# Pagefind's index, whose files all carry a hash of their content. The site's own are found by checking
# their hash (sitelib/fingerprint.py).
MATERIAL_HASHED = re.compile(r"^assets/(?:stylesheets|javascripts)/(?:[^/]+/)*[^/]+\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$")
PAGEFIND_HASHED = re.compile(r"^pagefind/pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta$")
PAGEFIND_HASHED_FOLDERS = ("pagefind/fragment/", "pagefind/index/")

# Scripts the browser runs (anything else, such as Material's application/json settings, is data
# that no policy applies to).
EXECUTED_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
                  "importmap", "speculationrules"}
# One token of HTML: a comment, an element whose content is raw text (script, style), or a start tag.
TOKEN = re.compile(r"""<!--.*?-->"""
                   r"""|<(?P<raw>script|style)\b(?P<raw_attributes>(?:[^>"']|"[^"]*"|'[^']*')*)>(?P<text>.*?)</(?P=raw)\s*>"""
                   r"""|<(?P<tag>[a-zA-Z][^\s/>]*)(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S | re.I)
ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+)))?""")
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
HEAD = re.compile(r"<head\b[^>]*>(?:\s*<meta\s+charset=[^>]*>)?", re.I)


def attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag (names in lower case; a name without a value has "")."""
    found = {}
    for match in ATTRIBUTE.finditer(text):
        value = next((value for value in match.group("double", "single", "bare") if value is not None), "")
        found.setdefault(match["name"].lower(), value)
    return found


def script_hash(text: str) -> str:
    """The CSP source allowing one inline script: the sha256 of its exact text (UTF-8), line ends as the
    browser reads them."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def read_page(html: str) -> tuple[set[str], set[str], list[str]]:
    """What a page needs from the policy: the hashes of its inline scripts, the origins of the videos it
    may frame, and what no policy short of 'unsafe-inline' would allow (one description each)."""
    hashes, frames, refused = set(), set(), []
    for token in TOKEN.finditer(html):
        if token["raw"]:
            raw, found = token["raw"].lower(), attributes(token["raw_attributes"])
            if raw == "style":
                refused.append("un élément <style>")
            elif "src" not in found and found.get("type", "").strip().lower() in EXECUTED_TYPES:
                hashes.add(script_hash(token["text"]))
            continue
        if not token["tag"]:
            continue  # a comment
        tag = token["tag"].lower()
        for name, value in attributes(token["attributes"]).items():
            if name.startswith("on"):
                refused.append(f"l'attribut {name}= de <{tag}> (un script dans la page)")
            elif name == "style":
                refused.append(f"l'attribut style= de <{tag}> (un style dans la page)")
            elif name in ADDRESS_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                refused.append(f"l'adresse javascript: de <{tag}> ({name}=)")
            elif name == EMBED_ATTRIBUTE:
                address = urlsplit(value)
                frames.add(f"{address.scheme}://{address.netloc}")
    return hashes, frames, refused


def page_address(relative: str) -> str:
    """"en/aide/index.html" → "/en/aide/"."""
    return "/" + relative.removesuffix("index.html")


def read_site(site_dir: Path) -> tuple[set[str], set[str]]:
    """The hashes of every inline script and the origins of every video frame of every built page. Raises
    the French errors of every page that has what no hash can allow."""
    hashes, frames, errors = set(), set(), []
    for file in sorted(site_dir.rglob("*.html")):
        found, framed, refused = read_page(file.read_text(encoding="utf-8"))
        hashes |= found
        frames |= framed
        relative = file.relative_to(site_dir).as_posix()
        errors += [ContentError(f"la page {page_address(relative)} ({relative} du site construit)", what,
                                "la politique de sécurité du site (Content-Security-Policy) interdit tout script ou style "
                                "écrit dans la page : le navigateur l'ignorerait.",
                                "retirez-le du Markdown ou du gabarit ; un style va dans overrides/assets/site.css, un script "
                                "dans un fichier de overrides/assets/ listé dans extra_javascript (mkdocs.yml).")
                   for what in dict.fromkeys(refused)]
    raise_all(errors)
    return hashes, frames


def content_security_policy(hashes: set[str], frames: set[str], in_meta: bool = False) -> str:
    """The policy: nothing but this site's own files, the given inline scripts, WebAssembly (Pagefind's
    engine) and the given video platforms' frames. In a <meta>, frame-ancestors is left out: browsers
    ignore it there (and say so in the console)."""
    directives = [
        "default-src 'none'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *sorted(hashes)]),
        "style-src 'self'",
        "img-src 'self' data:",  # one of Material's icons is a data: image
        "media-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        *([" ".join(["frame-src", *sorted(frames)])] if frames else []),
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",  # the search form is never sent: search.js answers it, and without JavaScript it is not shown
        *([] if in_meta else ["frame-ancestors 'none'"]),
    ]
    return "; ".join(directives)


def immutable_paths(site_dir: Path) -> list[str]:
    """URL paths (``*`` for any rest of the path) of the files named after their content."""
    paths = [f"/{folder}*" for folder in PAGEFIND_HASHED_FOLDERS if (site_dir / folder).is_dir()]
    for file in sorted(path for path in site_dir.rglob("*") if path.is_file()):
        relative = file.relative_to(site_dir).as_posix()
        if relative.startswith(PAGEFIND_HASHED_FOLDERS):
            continue
        plain = fingerprint.plain_uri(relative)
        if (MATERIAL_HASHED.match(relative) or PAGEFIND_HASHED.match(relative)
                or (plain and fingerprint.hashed_uri(plain, file.read_bytes()) == relative)):
            paths.append("/" + relative)
    return paths


def netlify_headers(policy: str, immutable: list[str]) -> str:
    """``_headers`` for Netlify and Cloudflare Pages. Cloudflare Pages joins the values of a header that
    several matching rules set, so no header is set by two rules; the PDFs' rule removes the policy with
    Cloudflare's « ! » line, which Netlify skips (there, PDFs keep the policy)."""
    lines = [GENERATED, "/*", f"  Content-Security-Policy: {policy}", *(f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()),
             f"/{WITHOUT_POLICY}", "  ! Content-Security-Policy"]
    for path in immutable:
        lines += [path, f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def nginx_pattern(path: str) -> str:
    """A ``_headers`` path as a regular expression on nginx's $uri."""
    return ".*".join(re.escape(part) for part in path.split("*"))


def nginx_headers(policy: str, immutable: list[str], languages: Languages) -> str:
    """The nginx directives included in the server block (scripts/deploy/nginx.conf): the same headers as
    ``_headers`` (every response, error pages included: « always »), and each language's 404 page."""
    others = [language for language in languages.built if language != languages.default]
    lines = [
        GENERATED,
        "# Included by the server block of scripts/deploy/nginx.conf: reload nginx after each publication.",
        f'set $pav_policy "{policy}";',
        f'if ($uri ~* "{nginx_pattern("/" + WITHOUT_POLICY)}$") {{ set $pav_policy ""; }}',  # an empty header is not sent
        f'set $pav_cache "{REVALIDATE}";',
        f'if ($uri ~ "^(?:{"|".join(nginx_pattern(path) for path in immutable)})$") {{ set $pav_cache "{IMMUTABLE}"; }}',
        "set $pav_not_found /404.html;",
        *([f'if ($uri ~ "^/({"|".join(map(re.escape, others))})/") {{ set $pav_not_found /$1/404.html; }}'] if others else []),
        "add_header Content-Security-Policy $pav_policy always;",
        *(f'add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items()),
        "add_header Cache-Control $pav_cache always;",
    ]
    return "\n".join(lines) + "\n"


def meta_policy(policy: str) -> str:
    """The policy as a ``<meta>``, for hosts that send no headers. Its limits: it holds from where it is
    in the page (hence first in <head>, after the character set); frame-ancestors is ignored there (any
    site may frame the page); PDFs, videos and Pagefind's worker get no policy; and none of the other
    headers (HSTS, nosniff, Permissions-Policy…) can be given this way."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def with_meta_policy(html: str, meta: str) -> str:
    """The page with ``meta`` first in its <head> (after <meta charset>, which must stay in the first bytes)."""
    return HEAD.sub(lambda head: head[0] + meta, html, count=1)


def write_headers(site_dir: Path, languages: Languages, in_pages: bool = False) -> str:
    """Writes ``_headers`` and ``_headers.nginx`` (and, if ``in_pages``, the policy in every page); returns a summary."""
    started = time.monotonic()
    hashes, frames = read_site(site_dir)
    policy, immutable = content_security_policy(hashes, frames), immutable_paths(site_dir)
    (site_dir / HEADERS_FILE).write_text(netlify_headers(policy, immutable), encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx_headers(policy, immutable, languages), encoding="utf-8")
    if in_pages:
        meta = meta_policy(content_security_policy(hashes, frames, in_meta=True))
        for file in site_dir.rglob("*.html"):
            file.write_text(with_meta_policy(file.read_text(encoding="utf-8"), meta), encoding="utf-8")
    return (f"{len(hashes)} script(s) dans les pages autorisé(s) par leur empreinte, {len(frames)} plateforme(s) vidéo, "
            f"{len(immutable)} chemin(s) gardé(s) un an" + (" ; politique écrite aussi dans chaque page" if in_pages else "")
            + f", en {time.monotonic() - started:.1f} s")
