# The two commands: `make run` (demo site on SQLite) and `make test` (whole suite).
# `make docs` builds the manual in docs/ (docs/_build/html/index.html).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV := DJANGO_DEBUG=1
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: install run test test-fast test-browser lint format migrations-check docs bench clean backup restore loadtest loadtest-storingen

# Debian's python3 needs python3-venv for `-m venv`; a half-made venv (python
# without pip, left by a failed attempt) is made again with --clear.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed; set PYTHON=python3.11 or similar." >&2; exit 1; }
	@test -x $(BIN)/pip || $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null \
		|| { echo "$(PYTHON) cannot make a virtualenv: install python3-venv (apt-get install python3-venv)." >&2; exit 1; }
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py demo
	@# The postman (mail from the outbox, printed here) runs beside runserver and stops with it.
	$(DEV) $(BIN)/python manage.py postbode & POSTBODE=$$!; \
	trap 'kill $$POSTBODE 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

test-browser: $(STAMP)
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(STAMP)
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

# The manual: every warning is an error (-W), nitpicky references (-n), a fresh
# read of every page (-E) so no warning hides in an unchanged file.
docs: $(STAMP)
	@$(BIN)/python -c 'import sphinx, myst_parser, furo' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/sphinx-build -E -W --keep-going -n -q docs docs/_build/html

# The benchmark of issue 7 (docs/operations/benchmark.md): 100k stories on the PostgreSQL
# server of DATABASE_URL, or 10k on SQLite without it. E.g. BENCH_ARGS="--compare 1k,100k".
bench: $(STAMP)
	$(BIN)/python manage.py bench --settings=bench.settings $(BENCH_ARGS)

# Backups (docs/operations/backup.md), with the environment's settings: the database
# (pg_dump on PostgreSQL, SQLite's own backup on SQLite) and the uploaded files,
# compressed, into DJANGO_BACKUP_DIR (default var/backups/).
backup: $(STAMP)
	$(BIN)/python manage.py dbbackup --compress
	$(BIN)/python manage.py mediabackup --compress

# The newest backup back (asks first; stop the app servers): the database replaced
# whole, uploaded files as they were; then migrations newer than the backup and
# fresh public pages. An older one: make restore DB=<file> MEDIA=<file>
# (names from `manage.py listbackups`).
restore: $(STAMP)
	$(BIN)/python manage.py dbrestore --uncompress $(if $(DB),--input-filename $(DB))
	$(BIN)/python manage.py mediarestore --uncompress --replace $(if $(MEDIA),--input-filename $(MEDIA))
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py ververs_paginas

# Load test (docs/operations/loadtest.md): fresh PostgreSQL database with demo content,
# gunicorn on 127.0.0.1:8116, locust headless; fails on any error or lost write.
# LOADTEST_SERVER=postgres://user:pass@host:port/postgres  LOADTEST_ARGS="--duur 60"
LOADTEST_ARGS ?=
loadtest: $(STAMP)
	@$(BIN)/python -c 'import locust' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[load]'
	$(BIN)/python -m loadtest.run $(LOADTEST_ARGS)

# The same load with faults (loadtest/storingen.py): its own PostgreSQL cluster
# (restarted on purpose) and redis-server (stopped on purpose), a gunicorn worker
# killed, the mail server down, the media folder read-only; a table per fault.
# Needs redis-server and, as root, setpriv (util-linux). LOADTEST_ARGS="--duur 120" as above.
loadtest-storingen: $(STAMP)
	@$(BIN)/python -c 'import locust' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[load]'
	$(BIN)/python -m loadtest.run --storingen $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) var staticfiles docs/_build
