#!/usr/bin/env bash
# Schemathesis against the served demo's /api/v1/openapi.json with an administrator's token:
# no 500 and no response outside its schema. Bounded (few examples per operation, a time budget)
# so the whole suite stays well under CI's limits. Uses the venv on PATH; SQLite. One worker:
# on Python 3.11, hypothesis parsing lambdas in several threads at once can trip a CPython
# "AST constructor recursion depth mismatch" error that has nothing to do with the API.
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${SULH_FUZZ_EXAMPLES:-5}
budget=${SULH_FUZZ_SECONDS:-120}
data_dir=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$data_dir"; }
trap cleanup EXIT
export SULH_DATA_DIR="$data_dir" SULH_LOG_LEVEL=ERROR
unset DATABASE_URL
sulh demo --no-serve >/dev/null
token=$(sulh token create admin --name fuzz --days 1)
port=$(python -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
sulh serve --port "$port" >"$data_dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 60); do
  python -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
    "http://127.0.0.1:$port/api/v1/openapi.json" 2>/dev/null && break
  sleep 0.5
done
# Run from the data dir so schemathesis keeps its cache there, not in the work tree.
cd "$data_dir"
schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" \
  -H "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance \
  --max-examples "$examples" --max-time "$budget" --seed 7 --workers 1 \
  --suppress-health-check all --no-shrink
