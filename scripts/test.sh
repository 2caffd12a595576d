#!/usr/bin/env bash
# One command for the whole test suite: lint, migrations check, tests on SQLite and PostgreSQL.
# SULH_TEST_PG_URL names the PostgreSQL server (default: the local one); under CI a missing
# PostgreSQL is a failure, elsewhere it is skipped with a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "== installing Debian's chromium for the browser tests"
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || echo "chromium install failed; browser tests will be skipped"
fi

data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT
export SULH_DATA_DIR="$data_dir"

echo "== ruff"
ruff check .
ruff format --check .
echo "== bandit (fails on high severity)"
bandit -q -r sulh -x "*/tests/*,*/migrations/*" --severity-level high
echo "== migrations are up to date"
sulh manage makemigrations --check --dry-run >/dev/null

echo "== tests on SQLite"
env -u DATABASE_URL pytest -q "$@"

echo "== schemathesis against the API (SQLite, bounded)"
bash scripts/api_fuzz.sh

pg_url=${SULH_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/sulh}
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
  sleep 2
fi
if python -c "import psycopg,sys; psycopg.connect(sys.argv[1].rsplit('/',1)[0] + '/postgres', connect_timeout=3).close()" "$pg_url" 2>/dev/null; then
  echo "== tests on PostgreSQL"
  DATABASE_URL="$pg_url" pytest -q --create-db "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $pg_url; CI needs it" >&2
  exit 1
else
  echo "WARNING: PostgreSQL not reachable at $pg_url; skipped the PostgreSQL run" >&2
fi
