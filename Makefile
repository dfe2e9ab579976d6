# The verbs a user types. Each target sets up .venv itself on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help generate check test test-fast validate import docs clean node_modules bench linkml

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The TypeScript compiler the tests type-check with, pinned in package-lock.json.
NODE_STAMP := node_modules/.package-lock.json

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

node_modules: $(NODE_STAMP) ## install the TypeScript compiler the tests type-check with (npm ci)

generate: $(STAMP) ## render spec/codes.yaml into generated/ (and the example project's)
	$(BIN)/codegen generate
	$(BIN)/codegen generate --config examples/payments/codegen.toml

check: $(STAMP) ## fail when generated/ (or the example's) is stale, missing or orphaned
	$(BIN)/codegen check
	$(BIN)/codegen check --config examples/payments/codegen.toml

validate: $(STAMP) ## check spec/codes.yaml against its format
	$(BIN)/codegen validate

import: $(STAMP) ## re-import the source documents into spec/codes.yaml (a merge)
	$(BIN)/codegen import ../shared/docs/sms-error-codes.ja.txt --lang ja
	$(BIN)/codegen import ../shared/docs/sms-error-code.en.md --lang en

test: $(STAMP) $(if $(shell command -v npm),$(NODE_STAMP)) ## run the test suite, then the staleness check
	$(BIN)/python -m pytest
	$(BIN)/codegen check

test-fast: $(STAMP) $(if $(shell command -v npm),$(NODE_STAMP)) ## the test suite without the slow tests (builds, the fault suite)
	$(BIN)/python -m pytest -m "not slow"

docs: $(STAMP) ## build the Markdown in generated/docs into site/ with mkdocs
	$(BIN)/mkdocs build --strict

# LinkML, the peer the benchmark compares with, lives in its own venv: its dependencies
# are not ours. Optional: without it BENCHMARKS.md says it is not installed.
LINKML_VENV := .venv-linkml

linkml: ## install LinkML (the benchmark's peer) into .venv-linkml
	test -x $(LINKML_VENV)/bin/python || $(PYTHON) -m venv $(LINKML_VENV)
	$(LINKML_VENV)/bin/python -m pip install --quiet linkml

bench: $(STAMP) ## time every command at 148 to 100,000 codes; rewrites BENCHMARKS.md and bench/plot.png
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py --linkml-bin $(LINKML_VENV)/bin $(BENCH_ARGS)

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) $(LINKML_VENV) node_modules .pytest_cache .mypy_cache build dist *.egg-info
