# Two entry points for a fresh machine (see README): `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: install demo test bench system-deps clean

install: $(VENV)/.installed

# torch first, pinned to the CPU wheel, so no later step can pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	AUDITOR_DEMO=1 $(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT)

system-deps:
	bash scripts/install-system-deps.sh

test: install system-deps
	$(VENV)/bin/ruff check auditor tests bench app.py
	bash scripts/run-tests.sh

bench: install
	$(PY) -m bench.pii.run
	$(PY) -m bench.probes.run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
