#!/usr/bin/env python3
"""Notes Lighthouse (performance, accessibilité, bonnes pratiques, SEO) des sortes de pages du site construit.

Usage : python scripts/lighthouse.py [SITE]   (SITE : le site construit, site/ par défaut ; make benchmark)

Lighthouse (paquet npm épinglé dans scripts/package.json, installé par « npm ci --ignore-scripts » dans
scripts/) ouvre, avec ses réglages « mobile » (téléphone émulé, réseau 4G lent et processeur ralenti
simulés), chaque sorte de page en français et en arabe, servie compressée comme par un hébergeur (le
serveur de scripts/page_weight.py), dans le Chromium de Debian. La note de performance dépend de la
charge de la machine (le temps de blocage est mesuré, puis multiplié) : chaque page est mesurée
plusieurs fois (--fois, 3 par défaut) et la mesure médiane (par la note de performance) est gardée.
Pour chaque page : les quatre notes sur 100 (et l'écart des notes de performance), les audits qui ne
sont pas à 100 et pèsent sur une note ; puis les conseils sans effet sur les notes, avec le nombre de
pages où ils apparaissent. --rapports DOSSIER garde le rapport JSON de Lighthouse de chaque page (la
mesure médiane). Code de sortie 1 si une note est sous 100.
"""

import argparse
import json
import math
import os
import socket
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from page_weight import BUDGETED_LANGUAGES, CHROMIUM, PAGE_TYPES, ROOT, compressing_server
from sitelib.project import project_languages

SCRIPTS = Path(__file__).resolve().parent
CATEGORIES = {"performance": "performance", "accessibility": "accessibilité", "best-practices": "bonnes pratiques",
              "seo": "SEO"}
# Audits whose result is no pass or fail: what they say is in the report, not in the scores.
UNSCORED = ("notApplicable", "informative", "manual", "error")


@dataclass(frozen=True)
class Shortfall:
    """An audit of a category that is not at 100."""
    id: str
    title: str
    weighs: bool  # whether it lowers its category's score (Lighthouse's insights and diagnostics weigh 0)
    detail: str  # Lighthouse's figure (« 1,7 s », « 12 resources found »), or ""


@dataclass(frozen=True)
class PageScores:
    path: str
    scores: dict[str, int]  # category id → score out of 100
    shortfalls: list[Shortfall]
    performances: tuple[int, ...]  # the performance score of every run, of which this is the median


def out_of_100(score: float) -> int:
    """A score as Lighthouse shows it (rounded half up: 0.995 is 100)."""
    return math.floor(score * 100 + 0.5)


def median_run(reports: list[dict]) -> dict:
    """The run whose performance score is the median of the runs'."""
    ranked = sorted(reports, key=lambda report: report["categories"]["performance"]["score"])
    return ranked[(len(ranked) - 1) // 2]


def scores_of(reports: list[dict], path: str) -> PageScores:
    """The four scores of the median run of a page's Lighthouse JSON reports, and its audits below 100."""
    report, scores, shortfalls = median_run(reports), {}, []
    for category_id, category in report["categories"].items():
        scores[category_id] = out_of_100(category["score"])
        for reference in category["auditRefs"]:
            audit = report["audits"][reference["id"]]
            if audit["scoreDisplayMode"] not in UNSCORED and audit["score"] is not None and audit["score"] < 1:
                shortfalls.append(Shortfall(audit["id"], audit["title"], reference["weight"] > 0,
                                            audit.get("displayValue") or ""))
    return PageScores(path, scores, shortfalls, tuple(out_of_100(run["categories"]["performance"]["score"]) for run in reports))


def run_lighthouse(url: str, closed_port: int) -> dict:
    """One Lighthouse run (npm run lighthouse) with its default, mobile settings: its JSON report."""
    # Like the measures of page_weight.py, every request not for the loopback server goes to a closed port.
    chrome_flags = ["--headless=new", "--no-sandbox", "--disable-gpu",
                    f"--proxy-server=http://127.0.0.1:{closed_port}", "--proxy-bypass-list=127.0.0.1"]
    command = ["npm", "run", "--silent", "lighthouse", "--", url, "--output=json", "--output-path=stdout", "--quiet",
               f"--chrome-flags={' '.join(chrome_flags)}", f"--only-categories={','.join(CATEGORIES)}"]
    result = subprocess.run(command, cwd=SCRIPTS, env={**os.environ, "CHROME_PATH": CHROMIUM},
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse a échoué sur {url} (code {result.returncode}) :\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def page_line(page: PageScores) -> str:
    scores = ", ".join(f"{CATEGORIES[category]} {score}" for category, score in page.scores.items())
    spread = f" (performance des {len(page.performances)} mesures : {', '.join(map(str, page.performances))})" \
        if len(page.performances) > 1 else ""
    return f"/{page.path} : {scores}{spread}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"), help="le site construit (site/ par défaut)")
    parser.add_argument("--fois", type=int, default=3, help="mesures par page, la médiane gardée (3)")
    parser.add_argument("--rapports", type=Path, help="dossier où garder le rapport JSON de chaque page")
    arguments = parser.parse_args()
    site = Path(arguments.site)
    if not (site / "index.html").exists():
        print(f"{site} n'est pas un site construit (pas d'index.html) : lancez d'abord « make build ».")
        return 1
    if not (SCRIPTS / "node_modules" / ".bin" / "lighthouse").exists():
        print("Lighthouse n'est pas installé : lancez « npm ci --ignore-scripts » dans scripts/ (make benchmark le fait).")
        return 1
    languages = project_languages(ROOT)
    paths = [languages.root(language) + page for language in BUDGETED_LANGUAGES for page in PAGE_TYPES.values()]
    pages = []
    print("Lighthouse, réglages mobiles (notes sur 100) :")
    with compressing_server(site) as base, socket.socket() as closed_port:
        closed_port.bind(("127.0.0.1", 0))
        for path in paths:
            reports = [run_lighthouse(base + path, closed_port.getsockname()[1]) for _ in range(max(arguments.fois, 1))]
            pages.append(scores_of(reports, path))
            if arguments.rapports:
                arguments.rapports.mkdir(parents=True, exist_ok=True)
                name = (path.strip("/").replace("/", "_") or "accueil") + ".json"
                (arguments.rapports / name).write_text(json.dumps(median_run(reports)), encoding="utf-8")
            print(page_line(pages[-1]), flush=True)  # a run takes some seconds: each page as soon as it is known
            for shortfall in (s for s in pages[-1].shortfalls if s.weighs):
                print(f"    {shortfall.id} — {shortfall.title}" + (f" ({shortfall.detail})" if shortfall.detail else ""))
    advice = Counter((s.id, s.title) for page in pages for s in page.shortfalls if not s.weighs)
    if advice:
        print("Conseils sans effet sur les notes (nombre de pages) :")
        for (audit, title), count in advice.most_common():
            print(f"    {audit} — {title} ({count})")
    below = [page for page in pages if min(page.scores.values()) < 100]
    print(f"Notes sous 100 : {len(below)} page(s) sur {len(pages)}." if below else "Toutes les notes sont à 100.")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
