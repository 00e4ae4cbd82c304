# Two commands for a newcomer: `make serve` (set up, build, serve with live reload) and
# `make test` (set up, lint, then every test: unit, build, Pyodide, browser). See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NODE_BIN := node_modules/.bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup setup-dev system-deps browser-deps serve build lint format test test-fast bench audit clean

## system-deps: make, python3-venv, nodejs, npm from apt-get when missing (scripts/system-deps.sh)
system-deps:
	@bash scripts/system-deps.sh

## browser-deps: the same plus Chromium and a CJK font, for the browser tests
browser-deps:
	@bash scripts/system-deps.sh --browser

## setup: .venv with the pinned packages the site needs, and node_modules from package-lock.json
setup: $(VENV)/.installed node_modules/.installed

## setup-dev: setup, plus the pinned test and lint tools (requirements-dev.txt)
setup-dev: setup $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: build and serve the site at http://127.0.0.1:8000 with live reload
serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: strict build into site/
build: setup
	$(BIN)/mkdocs build --strict

## lint: ruff check, ruff format --check, mypy (calculators/), eslint; runs all four, fails if any fails
lint: setup-dev
	@failed=""; \
	echo "== ruff check";          $(BIN)/ruff check --output-format concise .          || failed="$$failed ruff-check"; \
	echo "== ruff format --check"; $(BIN)/ruff format --check --output-format concise . || failed="$$failed ruff-format"; \
	echo "== mypy calculators";    $(BIN)/mypy calculators                               || failed="$$failed mypy"; \
	echo "== eslint";              $(NODE_BIN)/eslint . && echo "eslint: no problems"    || failed="$$failed eslint"; \
	if [ -n "$$failed" ]; then \
	  echo "make lint: FAILED:$$failed. 'make format' fixes formatting and the safe ruff findings;" \
	       "the rest need an edit by hand (see CONTRIBUTING.md, 'Lint and format')." >&2; \
	  exit 1; \
	fi; \
	echo "make lint: all clean"

## format: rewrite the Python in place: ruff's safe fixes (imports, unused names), then ruff format
format: setup-dev
	$(BIN)/ruff check --fix-only .
	$(BIN)/ruff format .

## test: lint, then every test (unit, strict build, calculators inside Pyodide under Node, browser)
test: lint browser-deps
	$(BIN)/python -m pytest

## test-fast: the tests that need no browser and no Pyodide (no lint)
test-fast: setup-dev
	$(BIN)/python -m pytest -m "not browser and not pyodide"

## bench: speed figures (printed and saved to benchmarks/RESULTS.md and benchmarks/CALCULATORS.md); not tests. BENCH_QUICK=1 for one short round
bench: setup-dev browser-deps
	$(BIN)/python scripts/bench_calculators.py
	$(BIN)/python scripts/bench.py

## audit: Lighthouse, axe-core and the privacy check against the built site
audit: setup-dev browser-deps
	$(BIN)/python scripts/audit.py

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
