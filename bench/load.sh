#!/usr/bin/env bash
# Load benchmark of `coso serve` (release build) on a fresh SQLite database with demo data.
# Measures:
#   - the official-units load on a fresh database (`coso units load-official`, 3,355 units),
#   - readiness: time from process start to the first 200 from /healthz (fresh database,
#     official units loaded on start; and again with --demo),
#   - wrk -t2 -c64 -d15s --latency on the public unit page /don-vi/42 and on the unit
#     search API /api/v1/units?q=ha,
#   - the resident memory (VmRSS) of the server when idle: after start, and after the load.
# Usage: bench/load.sh            (DURATION=15s CONNECTIONS=64 THREADS=2 to change wrk's settings;
#                                  SKIP_BUILD=1 to use the release binary already built,
#                                  COSO_BIN=path to benchmark another binary)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then nice -n 5 cargo build --release -p coso; fi
BIN="${COSO_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/coso}"

WORK=$(mktemp -d /tmp/coso-load.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export COSO_LOG=warn
unset COSO_CONFIG COSO_DATABASE_URL COSO_LISTEN

now_ms() { date +%s%3N; }

# The resident memory of process $1, in MB (VmRSS of /proc/PID/status).
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# Starts `coso serve` in $1 with extra flags; sets PID, URL and READY (ms from start to /healthz 200).
start_server() {
  local dir=$1; shift
  local t0 out
  out="$dir/serve.out"
  t0=$(now_ms)
  (cd "$dir" && exec "$BIN" serve --listen 127.0.0.1:0 "$@" >"$out" 2>"$dir/serve.log") &
  PID=$!
  URL=""
  for _ in $(seq 1 3000); do
    URL=$(grep -o 'http://[0-9.:]*' "$out" 2>/dev/null | head -n1 || true)
    if [ -n "$URL" ] && curl -fs -o /dev/null "$URL/healthz"; then
      READY=$(( $(now_ms) - t0 ))
      return 0
    fi
    sleep 0.005
  done
  echo "server did not become healthy; log:" >&2
  cat "$dir/serve.log" >&2
  return 1
}

stop_server() {
  kill -TERM "$PID"
  wait "$PID" || true
  PID=""
}

echo "== official units load (fresh SQLite database) =="
mkdir -p "$WORK/load"
(cd "$WORK/load" && "$BIN" migrate >/dev/null)
t0=$(now_ms)
(cd "$WORK/load" && "$BIN" units load-official)
OFFICIAL_MS=$(( $(now_ms) - t0 ))
echo "  units load-official: ${OFFICIAL_MS} ms (whole process, 3,355 units)"

echo "== readiness: process start to /healthz 200 =="
mkdir -p "$WORK/fresh"
start_server "$WORK/fresh"
READY_FRESH=$READY
sleep 1
RSS_FRESH=$(rss_mb "$PID")
stop_server
echo "  fresh database (migrations + official units): ${READY_FRESH} ms, idle RSS ${RSS_FRESH} MB"
mkdir -p "$WORK/demo"
start_server "$WORK/demo" --demo
READY_DEMO=$READY
sleep 1
RSS_START=$(rss_mb "$PID")
echo "  fresh database with --demo:                   ${READY_DEMO} ms, idle RSS ${RSS_START} MB"

run_wrk() {
  local name=$1 path=$2
  echo
  echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $path =="
  curl -fs -o /dev/null -w "  check: HTTP %{http_code}, %{size_download} bytes\n" "$URL$path"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$URL$path" | tee "$WORK/$name.txt"
}
run_wrk unit_page "/don-vi/42"
run_wrk unit_search "/api/v1/units?q=ha"
sleep 2
RSS_AFTER=$(rss_mb "$PID")
stop_server

summary() {
  local f=$1
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f")
  p99=$(awk '$1=="99%" {print $2}' "$f")
  echo "$rps req/s, p50 $p50, p99 $p99"
}
echo
echo "== summary =="
echo "  official units load:        ${OFFICIAL_MS} ms"
echo "  ready (fresh):              ${READY_FRESH} ms"
echo "  ready (fresh, --demo):      ${READY_DEMO} ms"
echo "  /don-vi/42:                 $(summary "$WORK/unit_page.txt")"
echo "  /api/v1/units?q=ha:         $(summary "$WORK/unit_search.txt")"
echo "  idle RSS (fresh, no demo):  ${RSS_FRESH} MB"
echo "  idle RSS (--demo, start):   ${RSS_START} MB"
echo "  idle RSS (--demo, after load): ${RSS_AFTER} MB"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
