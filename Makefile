# Claim Workbench — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# uv resolves the lock (from PyPI); it is only needed to refresh it (`make lock`), never to install.
UV := uv==0.13.9
# -n auto: one worker per core (pytest-xdist); every worker makes its own SQLite files, PostgreSQL schemas
# and app ports (tests/storekit.py, tests/browser/conftest.py). --dist loadfile keeps a module on one worker.
XDIST ?= -n auto --dist loadfile

.PHONY: install lock run test test-fast bench clean

# Installs exactly the versions in the lock file (what CI tested), then the project itself without
# resolving anything again.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Refresh the lock from pyproject.toml's ranges (the newest releases that satisfy them), then reinstall.
lock:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(UV)
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --extra dev --extra oidc \
		--output-file $(LOCK) pyproject.toml
	rm -f $(STAMP)
	$(MAKE) install

run: $(STAMP)
	$(BIN)/streamlit run serve.py

# The whole suite, in parallel; fails when any test fails.
test: $(STAMP)
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)

# The inner loop: no browser, no PostgreSQL (its tests skip and say so), none of the multi-process tests
# marked slow (crash recovery, many writers at once).
test-fast: $(STAMP)
	env -u WORKBENCH_TEST_PG_URL $(BIN)/python -m pytest $(XDIST) -m 'not browser and not slow' -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/group.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/app.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
