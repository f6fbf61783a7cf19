#!/usr/bin/env bash
# Load benchmark of the public side of citizen cases (`coso serve`, release build, fresh SQLite):
#   - Open311 `POST /open311/v2/requests.json` (a durable write with its audit row) at 64
#     connections, with wrk posting form bodies (each a different description); the intake
#     limit per address is raised for the run; afterwards the rows are counted;
#   - `/theo-doi/{code}` (the public tracking page of a case sent by the POSTs);
#   - with 100,000 cases loaded (bench/cases-seed.sql): the public list of the province, 20 a
#     page, filtered by category and status, and by a word.
# Usage: bench/cases-load.sh   (DURATION=10s CONNECTIONS=64 THREADS=2; SKIP_BUILD=1 to use the
#                               release binary already built; COSO_BIN=path for another binary)
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

WORK=$(mktemp -d /tmp/coso-cases-load.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export COSO_LOG=warn
unset COSO_CONFIG COSO_DATABASE_URL COSO_LISTEN
# Every POST of the run comes from this one address.
export COSO_LIMITS_INTAKE_PER_IP_PER_MINUTE=10000000

DB="$WORK/data/coso.db"

start_server() {
  (cd "$WORK" && exec "$BIN" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.log") &
  PID=$!
  URL=""
  for _ in $(seq 1 3000); do
    URL=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" 2>/dev/null | head -n1 || true)
    if [ -n "$URL" ] && curl -fs -o /dev/null "$URL/healthz"; then return 0; fi
    sleep 0.01
  done
  echo "server did not become healthy; log:" >&2
  cat "$WORK/serve.log" >&2
  return 1
}

stop_server() {
  kill -TERM "$PID"
  wait "$PID" || true
  PID=""
}

summary() {
  local f=$1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f")
  p99=$(awk '$1=="99%" {print $2}' "$f")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$f")
  echo "$rps req/s, p50 $p50, p99 $p99${errors:+, non-2xx: $errors}"
}

# The server's processor time so far (user + system, all its threads), in milliseconds: the
# throughput of a shared machine says little, the processor time a request costs says more.
server_cpu_ms() {
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

run_wrk() {
  local name=$1 path=$2; shift 2
  echo
  echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $* $path =="
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$URL$path" | tee "$WORK/$name.txt"
}

mkdir -p "$WORK/data"
start_server
COMMUNE=$(curl -fs "$URL/api/v1/units?parent=42&kind=commune&limit=1" | grep -o '"code":"[^"]*"' | head -n1 | cut -d'"' -f4)
echo "posting to the commune $COMMUNE"

# Each request a new description (the counter), as an application sends them.
cat >"$WORK/post.lua" <<LUA
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  n = n + 1
  local body = "jurisdiction_id=$COMMUNE&service_code=ha_tang&address_string=Thon+Dong"
    .. "&email=tai%40example.vn&first_name=Lan&last_name=Tran"
    .. "&description=Den+duong+hong+so+" .. n
  return wrk.format(nil, nil, nil, body)
end
LUA
BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM citizen_case")
curl -fs -o /dev/null -w "  check: HTTP %{http_code}\n" -X POST \
  -d "jurisdiction_id=$COMMUNE&service_code=ha_tang&address_string=Thon+Dong&description=Kiem+tra" \
  "$URL/open311/v2/requests.json"
CPU_BEFORE=$(server_cpu_ms)
run_wrk open311_post "/open311/v2/requests.json" -s "$WORK/post.lua"
CPU_MS=$(( $(server_cpu_ms) - CPU_BEFORE ))
CASES=$(sqlite3 "$DB" "SELECT COUNT(*) FROM citizen_case")
AUDITS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE action = 'case.submit'")
echo "  rows: $((CASES - BEFORE)) cases written during the run, $AUDITS audit rows 'case.submit' in all"
PER_CASE_US=$(( CPU_MS * 1000 / (CASES - BEFORE > 0 ? CASES - BEFORE : 1) ))
echo "  server CPU: $CPU_MS ms in all, $PER_CASE_US µs a petition"

CODE=$(sqlite3 "$DB" "SELECT code FROM citizen_case ORDER BY id DESC LIMIT 1")
curl -fs -o /dev/null -w "  check /theo-doi/$CODE: HTTP %{http_code}, %{size_download} bytes\n" "$URL/theo-doi/$CODE"
run_wrk tracking "/theo-doi/$CODE"
stop_server

echo
echo "== loading 100,000 cases (bench/cases-seed.sql) =="
t0=$(date +%s%3N)
sqlite3 "$DB" <"$ROOT/bench/cases-seed.sql" >/dev/null
echo "  loaded in $(( $(date +%s%3N) - t0 )) ms; $(sqlite3 "$DB" "SELECT COUNT(*) FROM citizen_case") cases"
start_server
LIST="/don-vi/42/phan-anh?linh-vuc=ha_tang&trang-thai=answered"
curl -fs -o /dev/null -w "  check $LIST: HTTP %{http_code}, %{size_download} bytes\n" "$URL$LIST"
run_wrk list_filtered "$LIST"
run_wrk list_search "/don-vi/42/phan-anh?q=duong+hong"
run_wrk list_page_50 "/don-vi/42/phan-anh?trang=50"
stop_server

echo
echo "== summary (SQLite, $CONNECTIONS connections) =="
echo "  Open311 POST requests.json:       $(summary "$WORK/open311_post.txt")"
echo "    rows written during the run:    $((CASES - BEFORE)); server CPU $PER_CASE_US µs a petition"
echo "  /theo-doi/{code}:                 $(summary "$WORK/tracking.txt")"
echo "  list, category + status (100k):   $(summary "$WORK/list_filtered.txt")"
echo "  list, words without diacritics:   $(summary "$WORK/list_search.txt")"
echo "  list, page 50:                    $(summary "$WORK/list_page_50.txt")"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
