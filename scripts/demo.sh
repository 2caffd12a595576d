#!/usr/bin/env bash
# One command for the demo: set up, load the Qadmus scenario into SQLite, serve on :8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/sulh demo "$@"
