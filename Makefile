# The two commands: `make serve` and `make test`. Each sets everything up
# first (venv with pinned Python packages, npm ci from the lock file), so a
# fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help setup html publish serve edit check test test-fast browser clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt constraints.txt
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

serve: setup ## Serve the site on http://localhost:$(PORT), rebuilt and reloaded after every change
	$(PY) -m tools.serve --watch --port $(PORT) output

edit: setup ## As make serve, with the web editor at /admin/ saving to content/
	$(PY) -m tools.serve --edit --port $(PORT) output

check: $(VENV)/.installed ## Validate all content without building
	$(PY) -m tools.check

# Editors' helpers (docs/editing.md). `make docs` needs .PHONY: docs/ exists.
.PHONY: new stale schemas docs import
KIND ?= service
FORMAT ?= text

new: $(VENV)/.installed ## Start a new entry: make new KIND=service NAME="Sensory play group"
	@test -n "$(NAME)" || { echo 'Say what it is called: make new KIND=service NAME="Sensory play group"'; exit 2; }
	$(PY) -m tools.new_entry "$(KIND)" "$(NAME)"

stale: $(VENV)/.installed ## List entries overdue for review, oldest first (FORMAT=csv for a spreadsheet)
	@$(PY) -m tools.stale --format $(FORMAT)

schemas: $(VENV)/.installed ## Write JSON Schemas into .schemas/ for VS Code's YAML extension
	$(PY) -m tools.schemas

docs: $(VENV)/.installed ## Rewrite docs/fields.md from the content model
	$(PY) -m tools.field_reference

# Open Referral UK data from another directory (docs/start-a-local-offer.md).
CONTENT ?= content
import: $(VENV)/.installed ## Import Open Referral UK data: make import SOURCE=<file, folder or URL> [INTO=folder] [OUTSIDE_AREA=1]
	@test -n "$(SOURCE)" || { echo 'Say what to import: make import SOURCE=https://example.org/openreferral/services.json'; exit 2; }
	$(PY) -m tools.import_oruk "$(SOURCE)" --content "$(CONTENT)" $(if $(INTO),--into "$(INTO)") $(if $(OUTSIDE_AREA),--outside-area)

# The benchmark (bench/results.md); not part of `make test`. It takes about
# 20 minutes and both cores.
.PHONY: bench-content bench bench-relevance
N ?= 10000
SEED ?= 1
OUT ?= bench/work/content-$(N)

bench-content: $(VENV)/.installed ## Write N synthetic entries: make bench-content N=10000 [SEED=1] [OUT=dir]
	$(PY) -m tools.bench_content --n $(N) --seed $(SEED) --out $(OUT)

bench: setup browser ## Time builds and search at 1,000 and 10,000 entries beside stock Pelican and Pagefind
	@test -x node_modules/.bin/pagefind || npm install --no-save --no-audit --no-fund --loglevel=error pagefind@1.6.0
	$(PY) -m tools.bench

bench-relevance: setup browser ## Ask the relevance suite's family questions of our search and Pagefind on the real site (a few minutes)
	@test -x node_modules/.bin/pagefind || npm install --no-save --no-audit --no-fund --loglevel=error pagefind@1.6.0
	$(PY) -m tools.bench_relevance

browser: ## Install Debian's Chromium (and Java, for the HTML checker) for the browser tests, if missing
	@test -x $(CHROMIUM) && command -v java >/dev/null || { \
	  echo "Installing Chromium and Java from Debian for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq chromium default-jre-headless >/dev/null; }

test: setup browser ## Run every test, browser tests included
	$(PY) -m pytest

test-fast: setup ## Run the tests that need no browser
	$(PY) -m pytest -m "not browser"

clean: ## Remove built files (keeps the installed dependencies)
	rm -rf output .output.* .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -not -path './node_modules/*' -prune -exec rm -rf {} +
