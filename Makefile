# qa — make demo | make test | make bench | make lint
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
CORE_STAMP := $(VENV)/.core
CORE_SOURCES := core/Cargo.toml core/Cargo.lock core/pyproject.toml $(wildcard core/src/*.rs)

.PHONY: demo test lint bench clean languagetool system-deps install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The editable install puts this folder on the path with a .pth line (editable_mode=compat):
# setuptools' default editable finder costs every run of qa about 20 ms of start-up.
EDITABLE := --config-settings editable_mode=compat -e

$(VENV)/.installed: $(BIN)/python pyproject.toml
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet $(EDITABLE) .
	touch $@

$(STAMP): $(BIN)/python pyproject.toml
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet $(EDITABLE) '.[test]'
	touch $(VENV)/.installed $@

# The optional compiled core (core/, Rust) into the venv, when cargo is on the PATH and QA_PURE
# is unset. The build fetches maturin (PyPI) and crates (crates.io); if it fails, qa runs on its
# Python code, and one line says so. `make core` always builds; demo, test and bench build it when
# a file of core/ is newer than the last attempt ($(CORE_STAMP)). Without cargo or with QA_PURE
# nothing is built or said and no attempt is recorded: the next make builds once cargo is there.
.PHONY: core
core:
	@if [ -z "$$QA_PURE" ] && command -v cargo >/dev/null 2>&1; then \
	  PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet ./core >$(VENV)/core-build.log 2>&1 || { \
	    $(BIN)/python -m pip uninstall --quiet --yes qa-core >/dev/null 2>&1; \
	    echo "qa: the compiled core did not build (see $(VENV)/core-build.log); qa runs on its Python code"; }; \
	  touch $(CORE_STAMP); \
	fi

$(CORE_STAMP): $(CORE_SOURCES) | $(BIN)/python
	@$(MAKE) --no-print-directory core

# The goals that install qa and build the core into one venv take their prerequisites one at
# a time, so that `make -j` never runs two pip installs there at once (make before 4.4 runs
# the whole Makefile serially).
.NOTPARALLEL: demo test bench

demo: $(VENV)/.installed $(CORE_STAMP)
	$(BIN)/qa check --exit-zero fixtures/articles/putin-xi-call.txt

# pytest's workers: one per core (TEST_JOBS=0 runs the suite in one process). The suite starts
# hundreds of qa processes: their compiled bytecode is kept even where the environment says not to.
TEST_JOBS ?= auto
test: $(STAMP) $(CORE_STAMP) system-deps
	$(BIN)/ruff check qa tests bench
	$(BIN)/mypy
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n $(TEST_JOBS)

# `qa` on the PATH, outside this folder: pipx when it is installed (its own virtualenv,
# the command in ~/.local/bin), else pip --user. Extras: make install EXTRAS=server,lsp
EXTRAS ?=
INSTALL_SPEC = .$(if $(EXTRAS),[$(EXTRAS)])
install:
	@if command -v pipx >/dev/null 2>&1; then \
	  pipx install --force '$(INSTALL_SPEC)'; \
	else \
	  PYTHONWARNINGS=ignore $(PYTHON) -m pip install --user --quiet '$(INSTALL_SPEC)' && \
	  echo "qa installed in $$($(PYTHON) -m site --user-base)/bin (add it to PATH if 'qa' is not found)"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check qa tests bench
	$(BIN)/ruff format --check qa tests bench
	$(BIN)/mypy

bench: $(STAMP) $(CORE_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis core/target

# Coverage-guided fuzzing of the readers, engine and fixer (not in CI); crashers land in .fuzz/
FUZZ_SECONDS ?= 120
.PHONY: fuzz
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet atheris
	mkdir -p .fuzz/corpus && cp fixtures/articles/*.txt .fuzz/corpus/
	cd .fuzz && ../$(BIN)/python ../bench/fuzz.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -max_len=4096 corpus

# A real LanguageTool server (Maven Central) for the English passages: `qa languagetool start`.
languagetool: $(VENV)/.installed
	$(BIN)/qa languagetool install

# What the LanguageTool and report tests run against; installed only when missing, as root.
SYSTEM_DEPS := java:openjdk-17-jre-headless mvn:maven chromium:chromium
system-deps:
	@missing=""; for dep in $(SYSTEM_DEPS); do command -v $${dep%%:*} >/dev/null || missing="$$missing $${dep#*:}"; \
	done; test -f /usr/share/hunspell/hi_IN.dic || missing="$$missing hunspell-hi"; \
	fc-list :lang=hi 2>/dev/null | grep -q . || missing="$$missing fonts-noto-core"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	elif [ -n "$$missing" ]; then echo "system-deps: missing$$missing (their tests will skip)"; fi
