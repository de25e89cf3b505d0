# The two commands of the README:
#   make serve  — sets everything up, then serves the site at http://127.0.0.1:8000 with live reload
#   make test   — sets everything up, builds the site strictly and runs every test
# Everything is installed on demand: a Python virtual environment in .venv with pinned packages, and
# the missing Debian packages: those the build needs (serve, build), plus those the tests add (test).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Build a single language for a quick preview: make serve LANGUE=en
LANGUE ?=

# Debian packages, one list per purpose. The build: WeasyPrint's Pango and the font of the PDFs.
BUILD_DEBIAN_PACKAGES := fonts-dejavu-core fonts-wqy-microhei libpango-1.0-0 libpangoft2-1.0-0
# The tests: the build's, plus Chromium, pdftotext, colour emoji (the stories' emoji in screenshots),
# Java (the Nu HTML Checker's), and nginx with its brotli module and wrk (the site served as published).
TEST_DEBIAN_PACKAGES := $(BUILD_DEBIAN_PACKAGES) chromium fonts-noto-color-emoji poppler-utils default-jre-headless \
  nginx libnginx-mod-http-brotli-static wrk

.PHONY: serve build check publish test setup setup-test build-packages test-packages venv-package npm-package system-packages check-contacts benchmark clean

$(BIN)/mkdocs: requirements.txt
	@# Debian's own Python makes virtual environments only with its python3-venv package.
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || $(MAKE) --no-print-directory venv-package
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test-ready: requirements-test.txt requirements.txt $(BIN)/mkdocs
	$(BIN)/pip install --quiet -r requirements-test.txt
	@touch $@

setup: $(BIN)/mkdocs build-packages

setup-test: $(VENV)/.test-ready test-packages

# $(call install-missing,PACKAGES): installs those of the Debian PACKAGES that are not installed, and
# says which (root or sudo needed the first time). A removed package whose configuration files remain
# is not installed: hence dpkg-query's status, not `dpkg -s`. Without root or sudo, prints the command.
define install-missing
@missing=""; for p in $(1); do \
  [ "$$(dpkg-query -W -f='$${db:Status-Status}' $$p 2>/dev/null)" = installed ] || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; else \
    echo "Paquets Debian manquants :$$missing. Installez-les en administrateur (mot de passe root), puis relancez :" >&2; \
    echo "  su -c 'apt-get update && apt-get install -y$$missing'" >&2; exit 1; \
  fi; \
  echo "Installation des paquets Debian manquants :$$missing"; \
  $$SUDO apt-get update -qq && \
  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
fi
endef

build-packages:
	$(call install-missing,$(BUILD_DEBIAN_PACKAGES))

venv-package:
	$(call install-missing,python3-venv)

test-packages:
	$(call install-missing,$(TEST_DEBIAN_PACKAGES))

# The former name: every Debian package (the tests').
system-packages: test-packages

# mkdocs.yml read first: MkDocs would name its mistakes in English.
READ_CONFIGURATION = $(BIN)/python scripts/check.py --configuration

serve: setup
	@$(READ_CONFIGURATION)
	$(if $(LANGUE),LANGUE_SEULE=$(LANGUE) ,)$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	@$(READ_CONFIGURATION)
	$(BIN)/mkdocs build --strict

# Every content rule in a few seconds, without a browser or a full build (scripts/check.py), in French.
check: $(BIN)/mkdocs
	$(BIN)/python scripts/check.py

# The build to put online (README, « Publier le site »): the public address and the publisher's legal
# details are required (ADRESSE_DU_SITE=https://… EDITEUR_NOM=… make publish); the site is in site/.
publish: setup
	@$(READ_CONFIGURATION)
	PUBLICATION=1 $(BIN)/mkdocs build --strict

test: setup-test
	$(BIN)/python -m pytest

check-contacts: $(BIN)/mkdocs
	$(BIN)/python scripts/check_contacts.py

# Lighthouse for the benchmark, pinned in scripts/package-lock.json; no install script is run. The
# stamp says when it was installed (the files npm unpacks keep their packages' dates).
LIGHTHOUSE := scripts/node_modules/.installed

npm-package:
	$(call install-missing,nodejs npm)

$(LIGHTHOUSE): scripts/package.json scripts/package-lock.json
	@command -v npm >/dev/null || $(MAKE) --no-print-directory npm-package
	cd scripts && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

# The tests check every page with the Nu HTML Checker of the same lock file (npm vnu-jar, run with the
# Debian Java above: its install script, which would download a JDK, is not run).
setup-test: $(LIGHTHOUSE)

# Page weights and budgets, then Lighthouse scores, of the site as built (README, « Performances »). Both
# always print their figures; the command fails if a budget is exceeded or a score is below 100.
benchmark: build setup-test $(LIGHTHOUSE)
	$(BIN)/python scripts/page_weight.py site; weights=$$?; $(BIN)/python scripts/lighthouse.py site && exit $$weights

clean:
	rm -rf site .pytest_cache
