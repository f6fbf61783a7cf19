#!/usr/bin/env bash
# Load benchmark of a commune's public disclosures (`coso serve --demo`, release build, fresh
# SQLite with the demo's year of disclosures):
#   - `/don-vi/{code}/cong-khai` (the public list, 20 a page) and a search without diacritics;
#   - `/don-vi/{code}/cong-khai.atom` (the Atom feed).
# Anonymous visitors share a rendered copy for 10 s, so the load measures the cache, the
# router and the layers. Target: ≥ 5,000 req/s, p99 < 50 ms at 64 connections.
# Usage: bench/disclosure-load.sh   (DURATION=10s CONNECTIONS=64 THREADS=2; SKIP_BUILD=1 to use
#                                    the release binary already built; COSO_BIN=path for another)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $tool"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then nice -n 5 cargo build --release -p coso; fi
BIN="${COSO_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/coso}"

WORK=$(mktemp -d /tmp/coso-disclosure-load.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export COSO_LOG=warn
unset COSO_CONFIG COSO_DATABASE_URL COSO_LISTEN

mkdir -p "$WORK/data"
(cd "$WORK" && exec "$BIN" serve --demo --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.log") &
PID=$!
URL=""
for _ in $(seq 1 6000); do
  URL=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" 2>/dev/null | head -n1 || true)
  if [ -n "$URL" ] && curl -fs -o /dev/null "$URL/healthz"; then break; fi
  URL=""
  sleep 0.01
done
if [ -z "$URL" ]; then echo "server did not become healthy; log:" >&2; cat "$WORK/serve.log" >&2; exit 1; fi

# The first commune of the demo province keeps a register.
COMMUNE=$(curl -fs "$URL/api/v1/units?parent=42&kind=commune&limit=1" | grep -o '"code":"[^"]*"' | head -n1 | cut -d'"' -f4)
COUNT=$(curl -fs "$URL/api/v1/units/$COMMUNE/disclosures" | grep -o '"posted_from"' | wc -l)
echo "commune $COMMUNE: $COUNT disclosures on the first page"

summary() {
  local f=$1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f")
  p99=$(awk '$1=="99%" {print $2}' "$f")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$f")
  echo "$rps req/s, p50 $p50, p99 $p99${errors:+, non-2xx: $errors}"
}

run_wrk() {
  local name=$1 path=$2
  curl -fs -o /dev/null -w "  check $path: HTTP %{http_code}, %{size_download} bytes\n" "$URL$path"
  echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $path =="
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$URL$path" | tee "$WORK/$name.txt"
}

run_wrk page "/don-vi/$COMMUNE/cong-khai"
run_wrk search "/don-vi/$COMMUNE/cong-khai?q=du+toan"
run_wrk feed "/don-vi/$COMMUNE/cong-khai.atom"

echo
echo "== summary (SQLite, $CONNECTIONS connections) =="
echo "  /don-vi/{code}/cong-khai:          $(summary "$WORK/page.txt")"
echo "  … searched without diacritics:     $(summary "$WORK/search.txt")"
echo "  /don-vi/{code}/cong-khai.atom:     $(summary "$WORK/feed.txt")"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
