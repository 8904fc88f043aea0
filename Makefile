# Each target is one line a newcomer can read; `make help` lists them.
VENV := .venv
BIN := $(VENV)/bin
HOME_DEMO := $(CURDIR)/.demo-home
POT := webui/translations/messages.pot

.PHONY: help install test test-fast lint demo serve bench chromium messages form-readings

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' Makefile | sed 's/:.*## /\t/'

install: $(VENV)/.installed  ## create .venv and install aibrief with its test extras

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV) && $(BIN)/pip install -q --upgrade pip && $(BIN)/pip install -q -e '.[test]' && touch $@

chromium:  ## install Debian's headless Chromium and a Korean font for the browser tests (needs root)
	@{ command -v chromium >/dev/null && fc-list :lang=ko | grep -q .; } || { [ "$$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q chromium fonts-nanum; } || echo "chromium is not installed: browser tests will be skipped"

test: install chromium  ## run the whole test suite, on two workers
	$(BIN)/pytest -n 2 --dist loadgroup

test-fast: install  ## everything but the slow tests (real issues, browsers, processes): under 30 s
	$(BIN)/pytest -m "not slow" -n 2 --dist loadgroup

lint: install  ## run ruff: its checks, and its formatter's check (ruff format . applies it)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

demo: install  ## generate sample issues, ingest them into .demo-home and serve the search page
	$(BIN)/aibrief --home $(HOME_DEMO) demo

serve: install  ## serve the archive in AIBRIEF_HOME (or the default home)
	$(BIN)/aibrief serve

messages: install  ## extract the web page's strings, merge them into each .po catalogue, compile its .mo
	$(BIN)/pybabel -q extract -F babel.cfg -k translatable -k QueryError:2 -k cut_note --no-location --sort-output -o $(POT) .
	$(BIN)/pybabel -q update -N --ignore-obsolete --ignore-pot-creation-date -i $(POT) -d webui/translations
	$(BIN)/pybabel -q compile -d webui/translations

form-readings: install  ## write Kiwi's reading of every thesaurus form (index/form_readings.tsv), after a thesaurus or dictionary change
	$(BIN)/python -m bench.form_readings

bench: install  ## run the benchmarks (real issues from AIBRIEF_CORPUS)
	$(BIN)/python -m bench
