"""The page-weight budget: what a phone downloads for each page type, in French and in Arabic, from a
server that compresses as a host does (scripts/page_weight.py, which also details every file)."""

import gzip
import urllib.request

from site_map import parsed_page

from page_weight import (DRAWINGS, DRAWINGS_ON_ARRIVAL_BUDGET, FIRST_VISIT_BUDGET, SECOND_PAGE_BUDGET, STORY_BUDGET,
                         STORY_SECOND_PAGE_BUDGET, compressing_server, kilobytes, measure_page_types)


def fetched(url: str) -> tuple[str | None, bytes]:
    """The Content-Encoding and body of a browser-like request (one that accepts gzip)."""
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip, deflate, br"})) as answer:
        return answer.headers.get("Content-Encoding"), answer.read()


def test_the_measuring_server_compresses_text_only(site):
    """The budgets count compressed bytes: pages, styles and scripts come gzip-compressed and intact;
    images (compressed already) as they are."""
    page, poster = site / "index.html", next((site / "media" / "videos").glob("*.webp"))
    with compressing_server(site) as base:
        page_encoding, page_body = fetched(base)
        poster_encoding, poster_body = fetched(base + poster.relative_to(site).as_posix())
    assert page_encoding == "gzip" and gzip.decompress(page_body) == page.read_bytes(), \
        "Le serveur de mesure ne sert pas l'accueil compressé en gzip (ou le sert altéré) : les poids seraient faux."
    assert poster_encoding is None and poster_body == poster.read_bytes(), \
        f"Le serveur de mesure recompresse une image ({poster.name}) : un hébergeur la sert telle quelle."


def test_each_page_type_keeps_its_weight_budget(site, browser, record_property):
    """First visit with an empty cache: 80 Ko at most (a story: 120 Ko); the same page as the second one
    of a visit that started at the home: 16 Ko at most (a story, which holds every scene: 20 Ko), and a
    story's panels 12 Ko beside it: the first scene's, and what the browser fetches ahead, the others
    waiting for the reader. The figures are shown whether or not they pass."""
    with compressing_server(site) as base:
        weights = measure_page_types(browser, base)
    record_property("mesure", f"Poids des pages (budgets : première visite {kilobytes(FIRST_VISIT_BUDGET)}, histoire "
                              f"{kilobytes(STORY_BUDGET)}, seconde page {kilobytes(SECOND_PAGE_BUDGET)}, histoire "
                              f"{kilobytes(STORY_SECOND_PAGE_BUDGET)}, vignettes à l'arrivée "
                              f"{kilobytes(DRAWINGS_ON_ARRIVAL_BUDGET)}) :\n"
                    + "\n".join(line for weight in weights for line in weight.report(detailed=False)))
    problems = [problem for weight in weights for problem in weight.over_budget()]
    for story in (weight for weight in weights if weight.kind == "histoire"):
        first_panel = parsed_page(site, story.path).select_one(".pav-scene img")["src"].rsplit("/", 1)[-1]
        panels = [resource.path for resource in story.second_page.resources if resource.path.startswith(DRAWINGS)]
        if DRAWINGS + first_panel not in panels:
            problems.append(f"/{story.path} : la vignette de la première scène ({first_panel}) n'est pas chargée à l'arrivée.")
    assert not problems, ("Budget de poids dépassé (« python scripts/page_weight.py site » donne le poids de chaque "
                          "fichier) :\n" + "\n".join(problems))
