# Quai: `make demo` and `make test` each do their own set-up and are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo test install install-test qt-check forms translations bench bench-sync package clean

# Re-install only when the dependencies change.
$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# The label tests render ZPL with an independent renderer (npm zpl-renderer-js, pinned in
# tests/package-lock.json); Node.js comes from the system (apt-get install nodejs npm).
$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml tests/package-lock.json
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@command -v npm >/dev/null || { echo "make test needs Node.js and npm for the label renderer: sudo apt-get install nodejs npm"; exit 1; }
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

qt-check: install
	@$(BIN)/python packaging/check_qt_runtime.py

demo: install qt-check
	$(BIN)/quai demo $(DEMO_ARGS)

test: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/lint-imports

# Regenerate the Python modules of ui/*.ui and the .qm files (both are committed;
# tests fail when they are stale).
forms: install
	$(BIN)/python -m app.gui.build forms

translations: install
	$(BIN)/python -m app.gui.build translations

bench: install-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_cold_start.py
	$(BIN)/python bench/bench_import_orders.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_scan_latency.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_picking.py
	$(BIN)/python bench/bench_label_zpl.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_label_raster.py
	$(BIN)/python bench/bench_pack_errors.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_console_orders.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_console_open.py

# Against the PostgreSQL at 127.0.0.1:5432 (scratch databases, dropped afterwards); ~10 minutes.
bench-sync: install-test
	$(BIN)/python bench/bench_push.py
	$(BIN)/python bench/bench_stations.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_console_live.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_console_kpis.py
	$(BIN)/python bench/bench_console_reassign.py

package: install
	$(BIN)/python -m pip install --quiet pyinstaller
	$(BIN)/pyinstaller packaging/quai.spec --noconfirm

clean:
	rm -rf $(VENV) build dist .pytest_cache test-results
