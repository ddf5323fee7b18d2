# orewire — every target bootstraps what it needs: uv into .tools/, then the locked venv in .venv/.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.orewire-synced
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help setup run test test-fast lint bench demo clean-state

help:
	@echo "make run    - one scheduled cycle over every source (orewire run)"
	@echo "make test   - the whole test suite"
	@echo "make test-fast - tests not marked slow"
	@echo "make lint   - ruff and mypy"
	@echo "make bench  - benchmarks (ratios against baselines run in the same process)"
	@echo "make demo   - offline demo: a bundled sample site on loopback, crawled into a demo warehouse"

# uv goes into a private venv; where python3 has no venv module, pip installs it into a folder.
$(UV):
	@$(PYTHON) -m venv $(TOOLS) >/dev/null 2>&1 && $(TOOLS)/bin/python -m pip install --quiet "uv==$(UV_VERSION)" \
	  || { rm -rf $(TOOLS) && $(PYTHON) -m pip install --quiet --target $(TOOLS)/pkg "uv==$(UV_VERSION)" \
	       && mkdir -p $(TOOLS)/bin && ln -sf ../pkg/bin/uv $(TOOLS)/bin/uv; }
	@$(UV) --version

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet
	@touch $@

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/orewire run

test: $(STAMP)
	$(BIN)/pytest

test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src spiders flows tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(UV) sync --frozen --quiet --group bench
	@set -e; for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b; done

demo: $(STAMP)
	$(BIN)/python -m orewire.demo

clean-state:
	rm -rf .state
