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

.PHONY: help setup browser postgres run test test-fast test-serial lint bench demo cluster-demo clean-state

help:
	@echo "make run    - one scheduled cycle over every source (orewire run)"
	@echo "make test   - the whole test suite, on every core (pytest-xdist)"
	@echo "make test-fast - tests not marked slow"
	@echo "make test-serial - the whole suite in one process"
	@echo "make lint   - ruff, mypy, the import contracts (lint-imports) and the declared dependencies (deptry)"
	@echo "make bench  - benchmarks (ratios against baselines run in the same process)"
	@echo "make demo   - offline demo: a bundled sample site on loopback, crawled into a demo warehouse"
	@echo "make cluster-demo - PostgreSQL, an S3 store, a Prefect server and two workers on loopback: the daily flow through a work pool into a lake, compared with a plain run"

# uv goes into a private venv; where python3 has no venv module, pip installs it into a folder.
$(UV):
	@$(PYTHON) -m venv $(TOOLS) >/dev/null 2>&1 && $(TOOLS)/bin/python -m pip install --quiet "uv==$(UV_VERSION)" \
	  || { rm -rf $(TOOLS) && $(PYTHON) -m pip install --quiet --target $(TOOLS)/pkg "uv==$(UV_VERSION)" \
	       && mkdir -p $(TOOLS)/bin && ln -sf ../pkg/bin/uv $(TOOLS)/bin/uv; }
	@$(UV) --version

# Bytecode is compiled at install time: where PYTHONDONTWRITEBYTECODE is set, every process (each
# crawl, each Prefect server) would otherwise compile Prefect, Scrapy and the rest from source.
$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet --compile-bytecode
	@touch $@

setup: $(STAMP)

# The browser tests of `orewire web` drive Debian's Chromium; installed here when missing (as root
# directly, else through sudo). If it cannot be installed, those tests fail under CI and skip elsewhere.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ ! -x "$(CHROMIUM)" ] && ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else SUDO=none; fi; \
	  if [ "$$SUDO" = none ] || ! command -v apt-get >/dev/null 2>&1; then \
	    echo "chromium is missing and cannot be installed here: the browser tests need it"; \
	  else \
	    echo "installing chromium for the browser tests"; \
	    $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	      || echo "chromium could not be installed: the browser tests need it"; \
	  fi; \
	fi

# The lake's tests and `make cluster-demo` start a throwaway PostgreSQL cluster on loopback
# (orewire.testing.postgres) with Debian's server programs; installed here when missing, as Chromium is.
postgres:
	@if ! command -v pg_config >/dev/null 2>&1 || [ ! -x "$$(pg_config --bindir)/initdb" ]; then \
	  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else SUDO=none; fi; \
	  if [ "$$SUDO" = none ] || ! command -v apt-get >/dev/null 2>&1; then \
	    echo "postgresql is missing and cannot be installed here: the lake's tests need it"; \
	  else \
	    echo "installing postgresql for the lake's tests"; \
	    $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
	      || echo "postgresql could not be installed: the lake's tests need it"; \
	  fi; \
	fi

run: $(STAMP)
	$(BIN)/orewire run

# One worker per core and one more: about a quarter of a worker's time goes to waiting on other
# processes (crawlers, Prefect servers, loopback sites), which the extra worker fills. A test
# file goes to one worker whole (its module fixtures are made once), the files with the longest
# tests first (tests/conftest.py).
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print(len(os.sched_getaffinity(0)) + 1)")
XDIST := -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The project's own modules compiled once too (each test starts many `orewire` processes).
COMPILE := $(BIN)/python -m compileall -q src flows spiders >/dev/null

test: $(STAMP) browser postgres
	@$(COMPILE)
	$(BIN)/pytest $(XDIST)

test-fast: $(STAMP)
	@$(COMPILE)
	$(BIN)/pytest $(XDIST) -m "not slow"

test-serial: $(STAMP) browser postgres
	@$(COMPILE)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src spiders flows tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/deptry .

bench: $(STAMP)
	$(UV) sync --frozen --quiet --compile-bytecode --group bench
	@set -e; for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b; done

demo: $(STAMP)
	$(BIN)/python -m orewire.demo

# The rehearsal of orewire beyond one machine, on this one (orewire.demo.cluster): everything it
# starts is stopped when it ends, however it ends; exit 1 when the lake's counts differ from a plain run's.
cluster-demo: $(STAMP) postgres
	$(BIN)/python -m orewire.demo.cluster

clean-state:
	rm -rf .state
