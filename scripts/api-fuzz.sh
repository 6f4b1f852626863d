#!/usr/bin/env bash
# Property-based API fuzzing with schemathesis over the served OpenAPI document, as each of the
# four roles: no 5xx, status codes and content types as documented, bodies matching their
# schemas. Starts its own server on a throw-away embedded database (demo data) and stops it.
#
#   scripts/api-fuzz.sh            # needs target/debug/xingguang (make build)
#   FUZZ_EXAMPLES=50 scripts/api-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
binary="$root/target/debug/xingguang"
[ -x "$binary" ] || { echo "run 'make build' first" >&2; exit 1; }
venv="${FUZZ_VENV:-$root/target/schemathesis-venv}"
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis>=4,<5'
fi

data=$(mktemp -d /tmp/xingguang-fuzz-XXXXXX)
chmod 755 "$data" # the embedded PostgreSQL may run as the postgres user
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
XINGGUANG_BIND="127.0.0.1:$port" XINGGUANG_DATA_DIR="$data" XINGGUANG_STATIC_DIR=/nonexistent RUST_LOG=warn \
  env -u DATABASE_URL -u JWT_SECRET "$binary" serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do
  curl -fsS "$base/ready" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.2 # start-up polling: the server has no other readiness signal
done

token() {
  curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"xingguang\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

status=0
for user in staff leader resident partner; do
  echo "== schemathesis as $user"
  # Logging out would end the session the rest of the run uses; the login endpoints are not
  # exercised with the bearer token (their own tests cover them).
  "$venv/bin/schemathesis" run "$base/api-docs/openapi.json" --url "$base" \
    -H "Authorization: Bearer $(token "$user")" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --exclude-path-regex '^/api/v1/auth/(logout|login|refresh)$' \
    --max-examples "${FUZZ_EXAMPLES:-25}" --phases examples,fuzzing \
    --request-timeout 30 --seed 1 --max-time "${FUZZ_SECONDS:-90}" || status=1
done
exit $status
