# Every target creates or reuses .venv; nothing else is installed outside it except missing Debian packages
# (tools/debian-deps.sh: Qt's libraries with its xcb and Wayland platform libraries, a font, python3-venv; for the
# tests Xvfb, xdotool, x11-utils, AT-SPI, dbus-x11 and ImageMagick; binutils for packaging). It is a quick no-op
# when everything is present, so `run` and `test` check on every call: an old .venv does not hide a missing library.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-dev
export QT_API := pyside6

.PHONY: run test lint fmt typecheck unit bench package translations translations-update clean venv

$(VENV)/bin/python:
	PYTHON=$(PYTHON) sh tools/debian-deps.sh run
	$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian/Ubuntu run 'apt-get install python3-venv'"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

## run: install and launch the app (demo mode when no account is set up)
run: $(STAMP) translations
	PYTHON=$(PYTHON) sh tools/debian-deps.sh run
	$(VENV)/bin/booking-assistant $(ARGS)

## test: lint, type-check and run every test (offscreen; no display needed)
test: $(STAMP) lint typecheck translations
	PYTHON=$(PYTHON) sh tools/debian-deps.sh test
	@# pytest exits 5 when it collected no test: a failure here, never a silent pass.
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/unit $(PYTEST_ARGS)

## lint: ruff, the import contracts of pyproject.toml (import-linter) and unused code (vulture)
lint: $(STAMP)
	$(VENV)/bin/ruff check app tests packaging tools
	$(VENV)/bin/ruff format --check app tests packaging tools
	$(VENV)/bin/lint-imports
	$(VENV)/bin/vulture

fmt: $(STAMP)
	$(VENV)/bin/ruff check --fix app tests packaging tools
	$(VENV)/bin/ruff format app tests packaging tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy packaging/*.py packaging/bare/*.py

TS_FILES := $(wildcard app/resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

## translations: compile app/resources/translations/*.ts into the .qm catalogues the app loads (committed, so a
##               wheel built from a clean checkout ships them; tests/unit/test_i18n_qm.py fails when one is stale)
translations: $(QM_FILES)

app/resources/translations/%.qm: app/resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

## translations-update: re-extract every tr() string (and the domain's messages) into the .ts files
translations-update: $(STAMP)
	$(PY) -m tools.i18n.extract
	$(PY) -m tools.i18n.check || echo "translate the entries above, then run 'make translations'"

PKG_STAMP := $(VENV)/.installed-package
$(PKG_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,package]'
	touch $(PKG_STAMP)

## package: freeze the app for this OS into dist/ (Linux .deb + .tar.gz, Windows setup.exe, macOS .dmg) and print
##          its size beside a bare PySide6 onedir; PACKAGE_ARGS="--smoke" also smoke-tests the frozen app
package: $(PKG_STAMP)
	PYTHON=$(PY) sh tools/debian-deps.sh package
	QT_QPA_PLATFORM=offscreen $(PY) packaging/build.py $(PACKAGE_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
