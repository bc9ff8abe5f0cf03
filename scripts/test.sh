#!/usr/bin/env bash
# Installs everything the tests need (Python packages, the spaCy model, Debian's chromium),
# then runs every test: loader unit tests, in-process app tests and real-browser tests.
# Extra arguments go to pytest (e.g. scripts/test.sh tests/unit -x).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
exec .venv/bin/python -m pytest "$@"
