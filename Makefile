# The two commands of the README: `make demo` and `make test`.
# Both create .venv with the project installed; nothing outside the folder changes
# (except `make test` installing LibreOffice and fonts from Debian when run as root,
# for the document tests).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the packaging or the package changes.
$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/studykit check curricula/
	$(BIN)/studykit needs curricula/employment-centre.yaml
	$(BIN)/studykit plan curricula/employment-centre.yaml --quarter 2027Q1 --out out/2027Q1

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check studykit tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
