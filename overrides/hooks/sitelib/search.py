"""One search index per language.

mkdocs-static-i18n writes a single index for every language at /search/search_index.json, which
Material downloads on every page load: results mixed languages and the download grew with each new
language. The build splits it: /search/search_index.json keeps the default language's pages,
/en/search/search_index.json the English ones, and so on. Pages of a language tell Material (the
``base`` of its ``__config``) that their site starts at their language folder, so it fetches that
language's index and resolves results from there.
"""

import json
import re
from pathlib import Path

INDEX = "search/search_index.json"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def split_index(index: dict, roots: dict[str, str], fallbacks: dict[str, tuple[set[str], str]] | None = None) -> dict[str, dict]:
    """Language → its own index. ``roots`` maps each language to its folder ("" for the default one,
    "en/"…); locations become relative to that folder. Lunr's stemmer is set to the language.

    ``fallbacks``: language → (URLs of the pages it shows in the default language, the words that mark
    their results, e.g. "(in French)"). mkdocs-static-i18n removed those pages from the merged index as
    duplicates of the default language's; they are put back in their language's index, marked."""
    folders = [root for root in roots.values() if root]
    default_docs = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(folders))]
    indexes = {}
    for language, root in roots.items():
        if root:
            docs = [{**doc, "location": doc["location"][len(root):]} for doc in index["docs"] if doc["location"].startswith(root)]
            urls, mark = (fallbacks or {}).get(language, (set(), ""))
            present = {doc["location"] for doc in docs}
            docs += [{**doc, "title": f"{doc['title']} {mark}".strip()} for doc in default_docs
                     if doc["location"].split("#")[0] in urls and doc["location"] not in present]
        else:
            docs = default_docs
        stemmer = [language] if language in index["config"].get("lang", []) else index["config"].get("lang", [])
        indexes[language] = {**index, "config": {**index["config"], "lang": stemmer}, "docs": docs}
    return indexes


def write_language_indexes(site_dir: Path, roots: dict[str, str], fallbacks: dict[str, tuple[set[str], str]]) -> dict[str, int]:
    """Replace the merged index by one index per language; returns each file's size in bytes."""
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    sizes = {}
    for language, index in split_index(merged, roots, fallbacks).items():
        target = site_dir / roots[language] / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
        sizes[language] = len(text.encode())
    return sizes


def localize_base(html: str, root: str) -> str:
    """Point Material's ``base`` at the language folder ("en/"), where that language's index is."""
    if not root:
        return html

    def rewrite(match: re.Match) -> str:
        config = json.loads(match.group(2))
        config["base"] = config["base"].rstrip("/") + "/" + root
        # Escaped as Jinja's tojson does, so the JSON can never close the script element.
        text = json.dumps(config).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return match.group(1) + text + match.group(3)

    return CONFIG_SCRIPT.sub(rewrite, html, count=1)
