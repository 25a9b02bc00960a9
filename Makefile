# Two entry points: `make demo` (set up, ingest the bundled sample, show the ledger) and
# `make test` (set up, lint, run the whole test suite). Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= claimledger.db

$(BIN)/claimledger: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

.PHONY: demo test lint bench clean
demo: $(BIN)/claimledger
	$(BIN)/claimledger ingest samples/news --db $(DB)
	$(BIN)/claimledger stories --db $(DB)

test: $(BIN)/claimledger lint
	$(BIN)/pytest -q

lint: $(BIN)/claimledger
	$(BIN)/ruff check claimledger tests benchmarks scripts

bench: $(BIN)/claimledger
	$(BIN)/python benchmarks/attribution.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
