# The two commands of the README: `make demo` and `make test`.
# Both create .venv with the project installed; nothing outside the folder changes
# (except `make test` installing LibreOffice and fonts from Debian when run as root,
# for the document tests).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test notebook system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the packaging or the package changes.
$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $(STAMP)

# The example branch: its first quarter (plan and ledger) into out/2027Q1/, then its whole
# year into out/2027/: the year's plan with a folder per quarter, the minutes of every
# record (each into its quarter's folder), the year's ledger and the evaluation (民主评议).
demo: $(STAMP)
	$(BIN)/studykit check curricula/
	$(BIN)/studykit needs curricula/employment-centre.yaml
	$(BIN)/studykit plan curricula/employment-centre.yaml --quarter 2027Q1 --records curricula/records --out out/2027Q1
	$(BIN)/studykit report curricula/employment-centre.yaml --records curricula/records --quarter 2027Q1 --out out/2027Q1
	$(BIN)/studykit plan curricula/employment-centre.yaml --year 2027 --records curricula/records --out out/2027
	$(BIN)/studykit minutes curricula/employment-centre.yaml curricula/records/*.yaml --out out/2027
	$(BIN)/studykit report curricula/employment-centre.yaml --records curricula/records --year 2027 --out out/2027
	$(BIN)/studykit evaluate curricula/employment-centre.yaml --records curricula/records --year 2027 --out out/2027

# The document tests convert Word files and workbooks to PDF with LibreOffice (Writer and
# Calc): as root (as in CI) the Debian packages are installed when missing; otherwise those
# tests say they are skipped.
DEBS := libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils

system-deps:
	@if command -v soffice >/dev/null && command -v pdftotext >/dev/null \
	    && ls "$$(dirname "$$(readlink -f "$$(command -v soffice)")")"/*sclo.* >/dev/null 2>&1 \
	    && fc-list 2>/dev/null | grep -q "Noto Serif CJK"; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing $(DEBS) for the document tests"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    --no-install-recommends $(DEBS); \
	else echo "note: $(DEBS) missing and not root: the LibreOffice test will be skipped"; fi

test: $(STAMP) system-deps
	$(BIN)/python -m pytest
	$(BIN)/ruff check studykit tests benchmarks tools
	$(BIN)/mypy

# Jupyter on the project's environment. The notebooks ask for the standard kernel
# "python3" (as nbclient on a clean checkout finds it): installed into .venv, which
# Jupyter started from .venv searches before the user's own kernels, it is .venv's Python
# with studykit, whatever other "python3" kernel the user has.
notebook: $(STAMP)
	$(BIN)/pip install --quiet --editable '.[notebooks]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (studykit)"
	$(BIN)/jupyter lab --notebook-dir=notebooks $(JUPYTER_ARGS)

clean:
	rm -rf $(VENV) out build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
