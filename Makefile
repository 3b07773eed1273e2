# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-clock faketime lint format browser messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py samenspel demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium for the real-browser tests (Playwright cannot download one here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

# Debian's libfaketime, which moves the clock of a whole process for bin/test-at.
faketime:
	@command -v faketime >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; fi; }

# The suite without the browser, at instants where a clock-dependent test would break
# (Europe/Amsterdam wall-clock time; see bin/test-at). Run by .ci/run, not by `make test`.
CLOCK_INSTANTS := \
	"2026-12-04 23:30" \
	"2026-12-06 23:59" \
	"2026-12-07 00:01" \
	"2027-03-28 02:30" \
	"2026-10-25 02:30" \
	"2026-10-25 02:30+01:00" \
	"2026-12-31 23:59" \
	"2028-02-29 12:00"
# Two more, for the date-sensitive tests only: a Saturday afternoon (the agenda list's
# 30 days then end on a Monday after its 10:00 moments) and a run across the spring jump.
CLOCK_EXTRA_INSTANTS := \
	"2026-12-12 15:00" \
	"2027-03-28 01:59"
CLOCK_FILES := tests/domain tests/test_agenda.py tests/test_agreements.py tests/test_ical.py \
	tests/test_burden.py tests/test_burden_signals_home.py tests/test_screening_reminders.py \
	tests/test_wifa.py tests/test_helprequests.py tests/test_proposals.py tests/test_volunteers.py \
	tests/test_home_signals.py tests/test_referrals.py tests/test_team_session.py \
	tests/test_thermometer.py tests/test_reflection.py tests/test_demo.py

test-clock: $(STAMP) faketime
	@set -e; for at in $(CLOCK_INSTANTS); do \
	  echo "== clock at $$at (Europe/Amsterdam) =="; \
	  bin/test-at "$$at" -q -m "not browser" -n 2; \
	done; \
	for at in $(CLOCK_EXTRA_INSTANTS); do \
	  echo "== clock at $$at (Europe/Amsterdam), date-sensitive tests =="; \
	  bin/test-at "$$at" -q -m "not browser" -n 2 $(CLOCK_FILES); \
	done

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -q

test-fast: $(STAMP)
	$(BIN)/pytest -q -m "not browser"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(STAMP)
	cd src/samenspel && ../../$(BIN)/python ../../manage.py makemessages -l en --no-obsolete
	cd src/samenspel && ../../$(BIN)/python ../../manage.py compilemessages -l en

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
