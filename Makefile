# One command to serve, one to test. Every target sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build test lint import check-import clean offline bench-search browser

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

setup: $(STAMP)

serve: setup  ## Preview the site at http://127.0.0.1:8000 with live reload.
	$(BIN)/mkdocs serve

build: setup  ## Strict build into site/: any warning or hook error fails.
	$(BIN)/mkdocs build --strict --site-dir site

import: setup  ## Regenerate docs/ from sources/ (keeps hand-edited pages; FORCE=1 overwrites).
	$(BIN)/python -m kb import $(if $(FORCE),--force,)

check-import: setup  ## Fail if docs/ is not what the importer would write.
	$(BIN)/python -m kb import --check

lint: setup
	$(BIN)/ruff check kb hooks tests benchmarks

test: setup lint browser  ## Lint and run every test (includes a strict build of the site).
	$(BIN)/python -m pytest

browser:  ## Debian's chromium and node for the browser and search tests (installed when missing, as root).
	@missing="$$(command -v node >/dev/null || echo nodejs) $$(test -x /usr/bin/chromium || echo chromium)"; \
	if [ -n "$$(echo $$missing)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "缺少 $$missing：相关的浏览器测试会跳过（以 root 运行 make test 可自动安装）"; fi; \
	fi

offline: setup  ## Build the site for reading from disk (file://, no network) into offline-site.zip.
	rm -rf build/offline-site offline-site.zip
	KB_DIRECTORY_URLS=false NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir build/offline-site
	cd build && ../$(BIN)/python -m zipfile -c ../offline-site.zip offline-site
	@echo "offline-site.zip：解压后用浏览器打开 offline-site/index.html"

bench-search: setup browser  ## Search quality (recall@5, MRR) against Material's default search, and latency.
	NO_MKDOCS_2_WARNING=1 $(BIN)/python benchmarks/search_quality.py --browser

clean:
	rm -rf site .pytest_cache .ruff_cache build offline-site.zip
