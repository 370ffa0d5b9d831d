# LNB municipal dashboard. `make run` starts it, `make test` runs every test; both set up what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA_FILES := $(shell find data/reference data/sources -type f 2>/dev/null)

.PHONY: help run serve load lint test build check bench bench-imports clean translations

help:  ## List the commands
	@echo 'make run     Install, build the data and serve the dashboard on http://127.0.0.1:8501'
	@echo 'make serve   The same behind nginx: REPLICAS Streamlit processes (default: cores) on http://127.0.0.1:8080'
	@echo 'make load    Load test with locust (bench/load.py): LOAD_URL=... for a running server, else 1 and 2 replicas'
	@echo 'make test    Install, build the data, lint, then run the whole test suite (unit, pages, browser); PYTEST_ARGS="-m '\''not slow'\''" skips the long fault tests'
	@echo 'make lint    ruff (style, import order, likely bugs) and lint-imports (the layer rules in pyproject.toml)'
	@echo 'make build   Rebuild data/lnb.duckdb from data/sources'
	@echo 'make check   Validate data/sources and print the coverage report'
	@echo 'make bench   Measure speed against an empty page and the common folium recipe, and each page'\''s first and repeat visit bytes, bare and behind nginx (bench/results.json)'
	@echo 'make bench-imports  20 rounds of 4 concurrent imports from 2 processes: lost updates and torn reads'
	@echo 'make translations  Extract the label keys from the code, update both catalogs (lnb_dash/i18n/locale) and compile them'
	@echo 'make clean   Remove the virtualenv and the built database'

# uv installs the same pinned files as pip would, its downloads in parallel (about 20 s from an empty cache, pip about 45 s
# from a warm one); the bytecode is compiled at install, since PYTHONDONTWRITEBYTECODE would otherwise have every
# process compile Streamlit and pandas again.
UV_VERSION := 0.13.8
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@echo '==> Installing into $(VENV)'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet uv==$(UV_VERSION)
	$(VENV)/bin/uv pip install --python $(PY) --compile-bytecode --quiet -r requirements-dev.txt
	touch $@

data/lnb.duckdb: $(VENV)/.installed $(DATA_FILES)
	@echo '==> Building the database'
	$(PY) -m lnb_dash build

build: $(VENV)/.installed
	$(PY) -m lnb_dash build

check: $(VENV)/.installed
	$(PY) -m lnb_dash check

run: data/lnb.duckdb
	@$(PY) -c "from lnb_dash.query import db; db.connect()" 2>/dev/null || (echo '==> The database is unreadable: rebuilding' && $(PY) -m lnb_dash build)
	@echo '==> Serving on http://127.0.0.1:8501'
	$(PY) -m lnb_dash.ui.serve --server.port 8501 --server.address 127.0.0.1

REPLICAS ?= $(shell nproc)
PORT ?= 8080
serve: data/lnb.duckdb
	$(PY) -m lnb_dash.ops.deploy serve --replicas $(REPLICAS) --port $(PORT)

LOAD_ARGS ?=
load: data/lnb.duckdb
	@echo '==> Load test (locust, headless; takes several minutes)'
	LNB_RATE_LIMITS=0 $(PY) bench/load.py $(if $(LOAD_URL),--url $(LOAD_URL)) $(LOAD_ARGS)

LINTED := lnb_dash pages app.py tests bench scripts
lint: $(VENV)/.installed
	@echo '==> Lint'
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/lint-imports

# The timing-sensitive fault and deployment tests run apart from the rest, on two workers (the faults file on one, the
# deployment files on the other: each part keeps about the one core it used alone), then the rest on every core
# (pytest-xdist, one file per worker at a time, the longest files first: LONG_FIRST in tests/conftest.py); exit status 5
# (nothing selected, e.g. PYTEST_ARGS names a folder with none of them) is fine.
# One more worker than cores: a browser test's worker waits part of the time for its page (the parallel part measured on
# 2 cores: 2 workers 495 s, 3 workers 443 s, 4 workers 443 s; with the headless shell, 3 workers 400 s, 4 workers 404 s).
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
# The tests' own modules and their rewritten asserts are compiled once into __pycache__, not again in each of the
# suite's processes (workers, servers, command-line runs) when the environment sets PYTHONDONTWRITEBYTECODE.
test: export PYTHONDONTWRITEBYTECODE =
test: lint data/lnb.duckdb
	@echo '==> Running the test suite: fault and deployment tests apart (2 workers), then the rest on $(TEST_WORKERS) workers'
	@rc=0; \
	$(PY) -m pytest --part serial -n 2 --dist loadfile $(PYTEST_ARGS) || [ $$? -eq 5 ] || rc=1; \
	$(PY) -m pytest --part parallel -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder -rR $(PYTEST_ARGS) || [ $$? -eq 5 ] || rc=1; \
	exit $$rc

bench: data/lnb.duckdb
	@echo '==> Benchmark (headless chromium; takes a few minutes)'
	$(PY) bench/run.py
	$(PY) bench/page_bytes.py nginx
	$(PY) bench/throttled.py

bench-imports: data/lnb.duckdb
	@echo '==> Concurrent imports (20 rounds; about a minute)'
	$(PY) bench/imports.py

# Translators edit lnb_dash/i18n/locale/{sq,en}/LC_MESSAGES/lnb.po; the app reads the .po files (no compiled file is needed).
LOCALE := lnb_dash/i18n/locale
translations: $(VENV)/.installed
	PYTHONPATH=. $(VENV)/bin/pybabel extract -F babel.cfg --no-default-keywords -k t -k N_ --no-location --sort-output \
		--project 'LNB municipal dashboard' -o $(LOCALE)/lnb.pot .
	$(VENV)/bin/pybabel update -i $(LOCALE)/lnb.pot -d $(LOCALE) -D lnb --no-fuzzy-matching --ignore-obsolete
	$(PY) -m lnb_dash.i18n.catalog
	$(VENV)/bin/pybabel compile -d $(LOCALE) -D lnb --statistics

clean:
	rm -rf $(VENV) data/lnb.duckdb
