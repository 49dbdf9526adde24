#!/usr/bin/env bash
# The production path, end to end (README, "Production"): a clean clone of HEAD → npm ci →
# npm run build → npm prune --omit=dev → start with NODE_ENV=production against a fresh
# PostgreSQL database → ready, healthy, one online booking → SIGTERM and a clean exit.
# The Dockerfile follows the same steps. Run from .ci/run after the tests; needs git, psql
# and a PostgreSQL server (PRODUCTION_PATH_ADMIN_URL, the local one by default).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
# A port no other process holds: a fixed one once answered for another run's server on the same
# machine (a second CI run), whose SIGTERM then looked like this server failing.
PORT="${PRODUCTION_PATH_PORT:-$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}"
ADMIN_URL="${PRODUCTION_PATH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
DB="prod_path_$$"
DB_URL="${ADMIN_URL%/*}/$DB"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/prod-path-XXXXXX")"
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""
STARTED=$SECONDS

step() { printf '\n[production-path %3ss] %s\n' "$((SECONDS - STARTED))" "$*"; }
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
  psql "$ADMIN_URL" -q -c "drop database if exists $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# A failure says what it saw, with the server's log once there is one.
fail() { echo "FAIL: $*"; if [ -f "$WORK/server.log" ]; then echo "--- server log"; cat "$WORK/server.log"; fi; exit 1; }

step "clone $(git -C "$REPO" rev-parse --short HEAD) into $WORK/app"
git clone --quiet --no-hardlinks "$REPO" "$WORK/app"
cd "$WORK/app"

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error
step "npm run build"
npm run build --silent > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
step "npm prune --omit=dev"
npm prune --omit=dev --no-audit --no-fund --loglevel=error
if [ -e node_modules/vite ] || [ -e node_modules/esbuild ] || [ -e node_modules/tsx ]; then
  fail "build tools are still installed after npm prune --omit=dev"
fi

step "create database $DB"
psql "$ADMIN_URL" -q -v ON_ERROR_STOP=1 -c "create database $DB"

if curl -s -o /dev/null "$BASE/"; then echo "FAIL: something already answers on port $PORT"; exit 1; fi

step "start with NODE_ENV=production on port $PORT"
NODE_ENV=production DATABASE_URL="$DB_URL" SEED_DEMO=1 HOST=127.0.0.1 PORT="$PORT" PUBLIC_URL="$BASE" \
  SESSION_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" OUTBOX_INTERVAL_MS=0 LOG_LEVEL=warn \
  node scripts/start.mjs > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -sf "$BASE/api/ready" > /dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited"
  sleep 0.5
done
kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited"
grep -q '"status":"ready"' <(curl -s "$BASE/api/ready") || fail "/api/ready: $(curl -s "$BASE/api/ready")"
grep -q '"database":"postgres"' <(curl -s "$BASE/api/health") || fail "/api/health: $(curl -s "$BASE/api/health")"
HOME_STATUS="$(curl -s -o "$WORK/home.html" -w '%{http_code}' "$BASE/")"
[ "$HOME_STATUS" = 200 ] && grep -qi '<!doctype html' "$WORK/home.html" || fail "the web app is not served: GET / answered $HOME_STATUS: $(head -c 300 "$WORK/home.html")"
step "ready and healthy after $((SECONDS - STARTED))s"

step "book one visit online"
SERVICE=svc-nmt-follow-60
FROM="$(date -u -d '+1 day' +%F)"
TO="$(date -u -d '+7 days' +%F)"
# The first free slot in the coming week, turned into a booking body (the availability answer is
# read from stdin: it is too long for an argument).
BODY="$(curl -sf "$BASE/api/availability?serviceId=$SERVICE&from=$FROM&to=$TO" | node -e '
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
    const { slots } = JSON.parse(text);
    if (!slots.length) throw new Error("no free slot in the coming week");
    const { start, practitionerId } = slots[0];
    const patient = { name: "Production Path", email: "production-path@example.com" };
    console.log(JSON.stringify({ serviceId: process.argv[1], practitionerId, start, patient }));
  });
' "$SERVICE")"
STATUS="$(curl -s -o "$WORK/booking.json" -w '%{http_code}' -H 'content-type: application/json' -d "$BODY" "$BASE/api/bookings")"
[ "$STATUS" = 201 ] || fail "POST /api/bookings answered $STATUS: $(cat "$WORK/booking.json")"
grep -q '"status":"confirmed"' "$WORK/booking.json"

step "stop with SIGTERM"
kill -TERM "$SERVER_PID"
set +e
wait "$SERVER_PID"
CODE=$?
set -e
SERVER_PID=""
[ "$CODE" = 0 ] || fail "the server exited with $CODE after SIGTERM"

echo "PASS production path ($(node --version)): clone, npm ci, build, prune, NODE_ENV=production on PostgreSQL, ready, one booking, clean SIGTERM ($((SECONDS - STARTED))s)"
