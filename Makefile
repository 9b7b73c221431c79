# The two commands of the README's quick start: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test install-bench system-packages messages migrate demo lint bench clean

run: install messages migrate demo
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-test messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test
install-bench: $(VENV)/.installed-bench

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (see README.md)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python system-packages
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python system-packages
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bench: requirements.txt requirements-test.txt requirements-bench.txt | $(BIN)/python system-packages
	$(BIN)/pip install --quiet -r requirements-bench.txt
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

# GNU gettext compiles the translations; Debian machines get it from apt when missing.
system-packages:
	@command -v msgfmt >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && apt-get install -y -qq gettext >/dev/null; } \
		|| { command -v msgfmt >/dev/null || { echo "Install GNU gettext (msgfmt)"; exit 1; }; }

# Compiled catalogues are rebuilt only when their .po changed, so parallel runs never rewrite them.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
messages: $(MO_FILES)

locale/%.mo: locale/%.po | system-packages
	msgfmt --check-format -o $@ $<

migrate:
	$(MANAGE) migrate --no-input -v0

demo:
	$(MANAGE) dsm_demo

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Refresh locale/*/LC_MESSAGES/django.po from the sources, then translate the new entries.
makemessages:
	$(MANAGE) makemessages --all --ignore=.venv --ignore=var --ignore=tests --ignore=bench --add-location=file

# bench/load.py needs PostgreSQL (DSM_BENCH_DATABASE_URL=postgres://...); without it, it is skipped here.
bench: install-bench messages
	@for script in bench/[a-z]*.py; do \
		case "$$script $$DSM_BENCH_DATABASE_URL" in \
			"bench/load.py postgres"*) ;; \
			"bench/load.py"*) echo "== $$script: skipped, it needs DSM_BENCH_DATABASE_URL=postgres://..."; continue ;; \
		esac; \
		echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var
