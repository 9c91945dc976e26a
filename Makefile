# The two commands a fresh clone needs: `make demo` and `make test`. Each bootstraps .venv
# (when missing or when pyproject.toml changed) and the pinned CDK CLI in node_modules.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CDK := node_modules/.bin/cdk
# checkov pins packaging<24, which pytest 9 cannot use: it gets a virtualenv of its own.
CHECKOV_VENV := .tools/checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed
SOURCES := app.py gluestack stacks glue_scripts demo tests benchmarks

# jsii warns on Node versions it calls end-of-life; only the major version silences it.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION ?= $(shell node -p 'process.versions.node.split(".")[0]' 2>/dev/null)

.PHONY: help demo test lint synth cfn-lint checkov pytest bench clean

help:
	@echo "make demo   synthesize, deploy into an in-process moto, run the flights pipeline"
	@echo "make test   lint, synthesize (cdk-nag gates it), cfn-lint and checkov, run pytest"
	@echo "make synth  cdk synth into cdk.out (add ENV=prod for another environment)"
	@echo "make lint   ruff and mypy"
	@echo "make bench  every benchmark figure beside its baseline; rewrites benchmarks/results.md"

$(VENV_STAMP): pyproject.toml
	@tools/check_prereqs.sh python
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

$(CHECKOV_STAMP): tools/checkov-requirements.txt
	@tools/check_prereqs.sh python
	@[ -x $(CHECKOV_VENV)/bin/python ] || $(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet -r tools/checkov-requirements.txt
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@tools/check_prereqs.sh node
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

demo: $(VENV_STAMP) $(NODE_STAMP)
	@tools/check_prereqs.sh java
	@tools/install_jdbc_driver.sh
	$(BIN)/python -m demo

test: lint synth cfn-lint checkov pytest

lint: $(VENV_STAMP)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy app.py gluestack stacks glue_scripts demo benchmarks
	$(BIN)/gluestack generate --check

ENV ?= dev
synth: $(VENV_STAMP) $(NODE_STAMP)
	$(CDK) synth --quiet -c env=$(ENV) > /dev/null
	@echo "synthesized $$(ls cdk.out/*.template.json | wc -l) stacks into cdk.out/"

# Informational rules (I...) are CDK noise, such as "prefer Fn::Sub"; errors and warnings fail.
cfn-lint: synth
	$(BIN)/cfn-lint --ignore-checks I -- cdk.out/*.template.json

# Offline: --skip-download keeps checkov from calling its vendor's API.
checkov: synth $(CHECKOV_STAMP)
	$(CHECKOV_VENV)/bin/checkov --directory cdk.out --framework cloudformation --skip-download --compact --quiet

# Two workers: on the 2-core machine the suite waits on job processes, JVMs and cdk synth.
# The slowest tests are listed at the end, so each run shows where the time goes.
pytest: $(VENV_STAMP)
	@tools/check_prereqs.sh java
	@tools/install_jdbc_driver.sh
	$(BIN)/python -m pytest -n 2 --durations=12

bench: $(VENV_STAMP) $(NODE_STAMP)
	@tools/check_prereqs.sh java
	$(BIN)/python -m benchmarks

clean:
	rm -rf cdk.out .gluestack .tools .pytest_cache .mypy_cache .ruff_cache
