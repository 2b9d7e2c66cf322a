# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make run   — the dashboard on the bundled sample workbook
#   make test  — lint, format check and the whole test suite (browser tests in Debian's chromium)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
PORT ?= 8501

.PHONY: run test lint types bench browser clean lock

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --requirement requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m pages.common.serve --server.port $(PORT)

# Debian's chromium and CJK fonts for the browser tests; installed when missing and allowed (root).
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else \
			echo "note: /usr/bin/chromium or fonts-noto-cjk missing; browser tests will be skipped"; \
		fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) browser lint types
	$(BIN)/python -m pytest -n 2 -q

# Re-lock after changing pyproject.toml; pins already in requirements.lock are kept.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --group dev --generate-hashes --quiet \
		--python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements.lock

bench: $(STAMP) browser
	$(BIN)/python -m model bench
	$(BIN)/python benchmarks/dashboard.py
	$(BIN)/python benchmarks/signin.py
	$(BIN)/python benchmarks/browser.py
	$(BIN)/python benchmarks/documents.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
