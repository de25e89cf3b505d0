"""What publishing needs, as settings (mkdocs.yml reads them from environment variables): the site's
address, the publisher's legal details shown on the legal notice, and each language's 404 page on hosts
that read a ``_redirects`` file (Netlify). A build for publishing (PUBLICATION=1, as ``make publish`` and
the CI workflows run it) refuses a loopback or example address and missing legal details; any build
refuses an example address (example.org…), which would end up in the sitemap and on the poster.
"""

from urllib.parse import urlsplit

from .errors import ContentError
from .languages import Languages
from .templating import render

# Field of mkdocs.yml's extra.publisher → the environment variable that gives it.
PUBLISHER_VARIABLES = {"name": "EDITEUR_NOM", "legal_form": "EDITEUR_FORME_JURIDIQUE", "address": "EDITEUR_ADRESSE",
                       "director": "EDITEUR_DIRECTION_PUBLICATION", "contact": "EDITEUR_CONTACT", "host": "HEBERGEUR"}
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
RESERVED_SUFFIXES = (".example", ".invalid", ".test", ".localhost")  # RFC 2606: never a real site
LOOPBACK = ("127.0.0.1", "localhost", "::1")
CONFIG = "mkdocs.yml (variable ADRESSE_DU_SITE)"


def is_example(host: str) -> bool:
    return host in EXAMPLE_DOMAINS or host.endswith(tuple("." + domain for domain in EXAMPLE_DOMAINS) + RESERVED_SUFFIXES)


def check_publication(site_url: str, publisher: dict, publishing: bool) -> list[ContentError]:
    """What stops a build: an example address always; when publishing, a loopback or non-https address
    and legal details left empty."""
    parts = urlsplit(site_url)
    host, errors = parts.hostname or "", []
    if is_example(host):
        errors.append(ContentError(CONFIG, "site_url", f"l'adresse du site est une adresse d'exemple ({site_url}).",
                                   "donnez l'adresse réelle du site : ADRESSE_DU_SITE=https://… make publish."))
    if not publishing:
        return errors
    if host in LOOPBACK or parts.scheme != "https":
        errors.append(ContentError(CONFIG, "site_url", f"pour publier, l'adresse du site doit être son adresse publique en https (ici : {site_url}).",
                                   "lancez par exemple : ADRESSE_DU_SITE=https://adresse-du-site/ make publish."))
    missing = [variable for field, variable in PUBLISHER_VARIABLES.items() if not str(publisher.get(field) or "").strip()]
    if missing:
        errors.append(ContentError("mkdocs.yml (extra.publisher)", "mentions légales",
                                   "pour publier, les informations légales de l'éditeur sont obligatoires ; il manque : " + ", ".join(missing) + ".",
                                   "donnez-les en variables d'environnement (voir README, « Publier le site »)."))
    return errors


def render_publisher(publisher: dict, ui) -> str:
    """The publisher's details that are given, then the list of those still missing (templates/publisher.html)."""
    given = [(field, str(publisher.get(field) or "").strip()) for field in PUBLISHER_VARIABLES]
    return "\n\n" + render("publisher.html", given=[(f, v) for f, v in given if v], missing=[f for f, v in given if not v], ui=ui) + "\n\n"


def redirects(languages: Languages) -> str:
    """Netlify's ``_redirects``: an unknown address under a language's folder gets that language's 404 page
    (a rule that applies only where no file exists)."""
    return "".join(f"/{language}/*  /{language}/404.html  404\n" for language in languages.built if language != languages.default)
