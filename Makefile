# The two commands of the README:
#   make serve  — sets everything up, then serves the site at http://127.0.0.1:8000 with live reload
#   make test   — sets everything up, builds the site strictly and runs every test
# Everything is installed on demand: a Python virtual environment in .venv with pinned packages, and,
# for tests only, the Debian packages the browser tests need (Chromium, Pango, poppler-utils).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Build a single language for a quick preview: make serve LANGUE=en
LANGUE ?=

DEBIAN_PACKAGES := chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 poppler-utils

.PHONY: serve build test setup setup-test system-packages check-contacts clean

$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test-ready: requirements-test.txt requirements.txt $(BIN)/mkdocs
	$(BIN)/pip install --quiet -r requirements-test.txt
	@touch $@

setup: $(BIN)/mkdocs

setup-test: $(VENV)/.test-ready system-packages

# Installs the missing Debian packages only, and says which (root or sudo needed the first time).
system-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets Debian manquants :$$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

serve: setup
	$(if $(LANGUE),LANGUE_SEULE=$(LANGUE) ,)$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

test: setup-test
	$(BIN)/python -m pytest

check-contacts: setup
	$(BIN)/python scripts/check_contacts.py

clean:
	rm -rf site .pytest_cache
