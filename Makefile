# The two commands: `make serve` and `make test`. Each sets everything up
# first (venv with pinned Python packages, npm ci from the lock file), so a
# fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help setup html publish serve check test test-fast browser clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed ## Install pinned Python and npm dependencies

html: setup ## Build the site into output/ (all or nothing)
	$(PY) -m tools.build

publish: setup ## Build with publishconf.py; set SITEURL to the public address
	$(PY) -m tools.build --settings publishconf.py

serve: html ## Build, then serve the site on http://localhost:$(PORT)
	$(PY) -m tools.serve --port $(PORT) output

check: $(VENV)/.installed ## Validate all content without building
	$(PY) -m tools.check

browser: ## Install Debian's Chromium for the browser tests, if missing
	@test -x $(CHROMIUM) || { \
	  echo "Installing Chromium from Debian for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: setup browser ## Run every test, browser tests included
	$(PY) -m pytest

test-fast: setup ## Run the tests that need no browser
	$(PY) -m pytest -m "not browser"

clean: ## Remove built files (keeps the installed dependencies)
	rm -rf output .output.building .output.old .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -not -path './node_modules/*' -prune -exec rm -rf {} +
