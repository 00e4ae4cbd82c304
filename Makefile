# Two commands for a newcomer: `make serve` (set up, build, serve with live reload) and
# `make test` (set up, then every test: unit, build, Pyodide, browser). See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build test test-fast bench audit clean

## setup: .venv with the pinned Python packages, and node_modules from package-lock.json
setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: build and serve the site at http://127.0.0.1:8000 with live reload
serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: strict build into site/
build: setup
	$(BIN)/mkdocs build --strict

## test: every test (unit, strict build, calculators inside Pyodide under Node, browser)
test: setup
	$(BIN)/python -m pytest

## test-fast: the tests that need no browser and no Pyodide
test-fast: setup
	$(BIN)/python -m pytest -m "not browser and not pyodide"

## bench: speed figures (printed and saved to benchmarks/RESULTS.md and benchmarks/CALCULATORS.md); not tests
bench: setup
	$(BIN)/python scripts/bench_calculators.py
	$(BIN)/python scripts/bench.py

## audit: Lighthouse, axe-core and the privacy check against the built site
audit: setup
	$(BIN)/python scripts/audit.py

clean:
	rm -rf site .cache .pytest_cache
