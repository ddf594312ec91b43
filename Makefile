# Hulpzoeker — the two commands every newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-sqlite test-postgres lint check deps deps-dev npm system-test-deps bench relevance messages clean fuzz

## Set up everything on a fresh machine, load the demo data and serve the site.
run: deps npm
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.dev $(MANAGE) seed_demo
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.dev $(MANAGE) ensure_dev_superuser
	@echo "Hulpzoeker runs at http://$(HOST):$(PORT)/ (editors: http://$(HOST):$(PORT)/beheer/)"
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.dev $(MANAGE) runserver $(HOST):$(PORT)

## Everything the tests need, then lint, Django checks and the suite on SQLite and on PostgreSQL.
test: deps-dev npm system-test-deps
	$(MAKE) --no-print-directory lint check
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== pytest on SQLite =="
	env -u DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres:
	@echo "== pytest on PostgreSQL =="
	scripts/with-postgres.sh $(BIN)/python -m pytest $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check:
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.test $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.deps-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.deps $@

deps: $(VENV)/.deps
deps-dev: $(VENV)/.deps-dev

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

npm: node_modules/.installed

## Debian packages the suite drives: Chromium for browser tests, gettext for compilemessages,
## the PostgreSQL server for the second run. Installed only when missing.
system-test-deps:
	@missing=""; \
	command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## Translations: extract and compile (msgids in English; nl first, en and pl too).
messages: deps-dev
	cd home && ../$(MANAGE) makemessages -l nl -l en -l pl
	cd services && ../$(MANAGE) makemessages -l nl -l en -l pl
	cd search && ../$(MANAGE) makemessages -l nl -l en -l pl
	$(MANAGE) makemessages -l nl -l en -l pl --ignore=.venv --ignore=node_modules --ignore=home --ignore=services --ignore=search --ignore=tests
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

bench: deps-dev
	$(BIN)/python bench/search_latency.py

## A long schemathesis session against the production settings on a loopback port (not part of `make test`).
## FUZZ_MAX_EXAMPLES per operation (default 2000: over 20,000 requests); prints server errors and violations.
fuzz: deps-dev
	BIN=$(BIN) scripts/fuzz.sh

relevance: deps-dev
	DJANGO_SETTINGS_MODULE=hulpzoeker.settings.dev $(MANAGE) search_relevance
	@if DJANGO_SETTINGS_MODULE=hulpzoeker.settings.dev $(MANAGE) help residents_relevance >/dev/null 2>&1; then \
		DJANGO_SETTINGS_MODULE=hulpzoeker.settings.dev $(MANAGE) residents_relevance; \
	else \
		echo "residents_relevance: command not available yet, residents set skipped"; \
	fi

clean:
	rm -rf $(VENV) node_modules staticfiles .test-db.sqlite3
