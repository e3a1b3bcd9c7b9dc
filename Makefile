# Two commands for a newcomer: `make demo` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: demo test install browser clean

demo: $(INSTALLED)
	$(BIN)/kgraph build examples/ -o out/

test: $(TEST_INSTALLED) browser
	$(BIN)/python -m pytest

install: $(INSTALLED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TEST_INSTALLED): pyproject.toml $(INSTALLED)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# Headless Chromium for the browser tests: Debian's package, installed where it is missing and we are
# root; elsewhere the browser tests skip with a one-line reason.
browser:
	@$(BIN)/python scripts/ensure_chromium.py

clean:
	rm -rf $(VENV) out/graph.* out/events.jsonl
