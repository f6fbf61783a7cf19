#!/usr/bin/env bash
# Load benchmark of a commune's public news (`coso serve --demo`, release build, fresh SQLite):
# the news list, a page of it filtered by a word without diacritics, one post, the Atom feed and
# the legal library (the commune's documents and the province's), each with wrk at 64
# connections. Anonymous pages and the feed are shared from the 10-second page cache, as in
# production.
# Usage: bench/news-load.sh   (DURATION=10s CONNECTIONS=64 THREADS=2; SKIP_BUILD=1 to use the
#                              release binary already built; COSO_BIN=path for another binary)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}

for tool in wrk curl sqlite3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $tool"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then nice -n 5 cargo build --release -p coso; fi
BIN="${COSO_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/coso}"

WORK=$(mktemp -d /tmp/coso-news-load.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export COSO_LOG=warn
unset COSO_CONFIG COSO_DATABASE_URL COSO_LISTEN
DB="$WORK/data/coso.db"

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
  echo
  echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $path =="
  curl -fs -o /dev/null -w "  check: HTTP %{http_code}, %{size_download} bytes\n" "$URL$path"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$URL$path" | tee "$WORK/$name.txt"
}

mkdir -p "$WORK/data"
(cd "$WORK" && exec "$BIN" serve --demo --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.log") &
PID=$!
URL=""
for _ in $(seq 1 30000); do
  URL=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" 2>/dev/null | head -n1 || true)
  if [ -n "$URL" ] && curl -fs -o /dev/null "$URL/healthz"; then break; fi
  URL=""
  sleep 0.01
done
if [ -z "$URL" ]; then
  echo "server did not become healthy; log:" >&2
  cat "$WORK/serve.log" >&2
  exit 1
fi

COMMUNE=$(sqlite3 "$DB" "SELECT u.code FROM news_post p JOIN unit u ON u.id = p.unit_id ORDER BY p.id LIMIT 1")
POST=$(sqlite3 "$DB" "SELECT id FROM news_post WHERE status = 'published' ORDER BY id LIMIT 1")
echo "the demo commune $COMMUNE, post $POST"

run_wrk list "/don-vi/$COMMUNE/tin-tuc"
run_wrk search "/don-vi/$COMMUNE/tin-tuc?q=phap+luat"
run_wrk post "/don-vi/$COMMUNE/tin-tuc/$POST"
run_wrk feed "/don-vi/$COMMUNE/tin-tuc.atom"
run_wrk library "/don-vi/$COMMUNE/van-ban"

echo
echo "== summary (SQLite, $CONNECTIONS connections) =="
echo "  news list:              $(summary "$WORK/list.txt")"
echo "  news list, a search:    $(summary "$WORK/search.txt")"
echo "  one post:               $(summary "$WORK/post.txt")"
echo "  Atom feed:              $(summary "$WORK/feed.txt")"
echo "  legal library:          $(summary "$WORK/library.txt")"
