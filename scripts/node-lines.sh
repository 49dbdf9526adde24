#!/usr/bin/env bash
# The supported Node.js lines other than this machine's (README, "Node.js"): for each of them, the
# production path on PostgreSQL (scripts/production-path.sh: clean clone, npm ci, build, prune,
# NODE_ENV=production, ready, one booking, SIGTERM) and a start of this checkout's build on
# PGlite (its own thread, a fresh data directory: seeded, ready, SIGTERM). Run from .ci/run after
# `npm test`, which leaves the build in place.
#
# Each line's node comes from the npm registry's `node-linux-<arch>` package (the official binary,
# shipped inside the package), so no other download is needed. NODE_LINES overrides the lines.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
LINES="${NODE_LINES:-22 24}"
CACHE="${NODE_LINES_CACHE:-${TMPDIR:-/tmp}/myomap-node-lines}"
PLATFORM="$(node -p 'process.platform')"
ARCH="$(node -p 'process.arch')"
if [ "$PLATFORM" != linux ]; then
  echo "node-lines: only on Linux (the registry's node-linux-* packages); skipped on $PLATFORM"
  exit 0
fi

# The newest release of a line, unpacked once into the cache; prints its bin folder.
node_bin() {
  local major="$1" version dir
  version="$(npm view "node-linux-$ARCH@$major" version --json --silent | node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
      const key = (v) => v.split(".").map((n) => n.padStart(6, "0")).join(".");
      console.log([].concat(JSON.parse(text || "[]")).sort((a, b) => (key(a) < key(b) ? -1 : 1)).pop() ?? "");
    });')"
  [ -n "$version" ] || { echo "node-lines: no node-linux-$ARCH release for Node $major" >&2; return 1; }
  dir="$CACHE/$version"
  if [ ! -x "$dir/package/bin/node" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack "node-linux-$ARCH@$version" --silent > /dev/null && tar xzf "node-linux-$ARCH-$version.tgz" && rm "node-linux-$ARCH-$version.tgz")
  fi
  echo "$dir/package/bin"
}

# This checkout's build, started as `npm start` starts it, on PGlite in a fresh data directory.
pglite_start() {
  local port data pid code
  port="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  data="$(mktemp -d "${TMPDIR:-/tmp}/node-lines-data-XXXXXX")"
  DATA_DIR="$data" HOST=127.0.0.1 PORT="$port" OUTBOX_INTERVAL_MS=0 LOG_LEVEL=warn node "$REPO/scripts/start.mjs" > "$data.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/api/ready" > /dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! curl -sf "http://127.0.0.1:$port/api/health" | grep -q '"database":"pglite"'; then
    echo "FAIL: Node $(node --version) on PGlite did not become healthy"
    cat "$data.log"
    kill -KILL "$pid" 2>/dev/null || true
    return 1
  fi
  kill -TERM "$pid"
  set +e
  wait "$pid"
  code=$?
  set -e
  rm -rf "$data" "$data.log"
  [ "$code" = 0 ] || { echo "FAIL: Node $(node --version) on PGlite exited with $code after SIGTERM"; return 1; }
  echo "PASS Node $(node --version) on PGlite: seeded, ready, clean SIGTERM"
}

for major in $LINES; do
  bin="$(node_bin "$major")"
  echo
  echo "=== Node $("$bin/node" --version) ==="
  PATH="$bin:$PATH" "$REPO/scripts/production-path.sh"
  PATH="$bin:$PATH" pglite_start
done
