# One command to serve, one to test. Every target sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup serve build test lint typography import check-import notebooks check-notebooks linkcheck clean bench bench-build bench-form chromium offline bench-search bench-practice java bench-lighthouse

# The project itself is installed in editable mode: MkDocs finds the build plugin (`kb`) by its
# entry point in pyproject.toml, and `import kb` works from every command without path tricks.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# KaTeX (npm, pinned by package-lock.json) renders every formula at build time.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

setup: $(STAMP) $(NODE_STAMP)

serve: setup  ## Preview the site at http://127.0.0.1:8000 with live reload.
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs serve

build: setup  ## Strict build; replaces site/ only when every check passed (a failed build leaves site/ as it was).
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m kb site --site-dir site

import: setup  ## Regenerate docs/ from sources/ (keeps hand-edited pages; FORCE=1 overwrites).
	$(BIN)/python -m kb import $(if $(FORCE),--force,)

check-import: setup  ## Fail if docs/ is not what the importer would write.
	$(BIN)/python -m kb import --check

notebooks: setup  ## Execute notebooks/*.md and store them, with outputs, as docs/notebooks/*.ipynb.
	$(BIN)/python -m kb notebooks

check-notebooks: setup  ## Fail if a stored notebook differs from a fresh execution of its source.
	$(BIN)/python -m kb notebooks --check

lint: setup  ## Python (ruff) and JavaScript (Biome, pinned in package-lock.json; rules in biome.jsonc).
	$(BIN)/ruff check kb tests benchmarks
	node_modules/.bin/biome lint

typography: setup  ## Check docs/, answers/ and data/ against the typography rules in .autocorrectrc (file:line).
	$(BIN)/python -m kb typography

test: setup lint typography chromium java  ## Lint, check typography and run every test (includes a strict build of the site), in parallel.
	$(BIN)/python -m pytest -n auto --dist loadfile

chromium:  ## Browser tests use Debian's chromium: installed when missing and running as root.
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium not installed: browser tests will be skipped"

java:  ## The HTML check runs the Nu Html Checker (vnu-jar from npm), which needs Java: installed when missing and running as root.
	@command -v java >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; } \
		|| echo "java not installed: the HTML check will be skipped"

bench: setup  ## Math rendering speed: formulas per second, build time with a cold and a warm formula cache.
	$(BIN)/python benchmarks/bench_math.py

bench-build: setup  ## Build CPU against plain Material (1×–8× content), serve rebuilds and memory over 20 edits.
	$(BIN)/python benchmarks/bench_build.py

bench-form: setup  ## Form defects readers see on topic pages, by class, before the form work and now.
	NO_MKDOCS_2_WARNING=1 $(BIN)/python benchmarks/form_defects.py

linkcheck: setup  ## Check external links in docs/ and data/ (needs network; not part of build or test).
	$(BIN)/python -m kb.links.external docs data

offline: setup  ## Build the site for reading from disk (file://, no network) into offline-site.zip.
	rm -rf build/offline-site offline-site.zip
	KB_DIRECTORY_URLS=false NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --site-dir build/offline-site
	cd build && ../$(BIN)/python -m zipfile -c ../offline-site.zip offline-site
	@echo "offline-site.zip：解压后用浏览器打开 offline-site/index.html"

bench-search: setup chromium  ## Search quality (recall@5, nDCG@10, MRR; tuning and held-out queries) against Material, stock and tuned; latency.
	NO_MKDOCS_2_WARNING=1 $(BIN)/python benchmarks/search_quality.py --browser

bench-practice: setup chromium  ## Practice mode: bytes it adds to a page, load time with and without it.
	$(BIN)/python benchmarks/practice_size.py

bench-lighthouse: setup chromium  ## Lighthouse performance and accessibility (mobile, desktop) for five pages, beside plain Material.
	$(BIN)/python benchmarks/bench_lighthouse.py

clean:
	rm -rf site .pytest_cache .ruff_cache build offline-site.zip
