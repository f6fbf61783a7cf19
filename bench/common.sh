# What the load scripts share; sourced by them after `ROOT` is set. Reads DURATION,
# CONNECTIONS, THREADS, SKIP_BUILD and COSO_BIN; sets BIN, WORK (removed on exit, the server
# stopped first), PID and URL.
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}

# Installs the tools named that are missing.
bench_tools() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "installing $tool"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
    fi
  done
}

# Builds the release binary unless SKIP_BUILD is set; BIN is the binary to run.
bench_build() {
  (cd "$ROOT" && if [ -z "${SKIP_BUILD:-}" ]; then nice -n 5 cargo build --release -p coso; fi)
  BIN="${COSO_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/coso}"
}

bench_cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}

# A scratch directory named after $1 for the run's database and logs, without the caller's
# configuration.
bench_workdir() {
  WORK=$(mktemp -d "/tmp/coso-$1.XXXXXX")
  PID=""
  trap bench_cleanup EXIT
  export COSO_LOG=warn
  unset COSO_CONFIG COSO_DATABASE_URL COSO_LISTEN
  mkdir -p "$WORK/data"
}

# Starts `coso serve` in WORK with the flags given and waits for /healthz (up to 5 minutes,
# the demo data is loaded first); sets PID and URL.
bench_serve() {
  (cd "$WORK" && exec "$BIN" serve "$@" --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.log") &
  PID=$!
  URL=""
  for _ in $(seq 1 30000); do
    URL=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" 2>/dev/null | head -n1 || true)
    if [ -n "$URL" ] && curl -fs -o /dev/null "$URL/healthz"; then return 0; fi
    URL=""
    sleep 0.01
  done
  echo "server did not become healthy; log:" >&2
  cat "$WORK/serve.log" >&2
  exit 1
}

# One line of a wrk output saved in $1: requests per second, p50, p99 and any non-2xx.
summary() {
  local f=$1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f")
  p99=$(awk '$1=="99%" {print $2}' "$f")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$f")
  echo "$rps req/s, p50 $p50, p99 $p99${errors:+, non-2xx: $errors}"
}

# wrk on URL$2, saved as WORK/$1.txt; further arguments go to wrk (a script, a header). A plain
# GET is fetched once first, to show its status and size.
run_wrk() {
  local name=$1 path=$2
  shift 2
  echo
  echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $path =="
  if [ $# -eq 0 ]; then
    curl -fs -o /dev/null -w "  check: HTTP %{http_code}, %{size_download} bytes\n" "$URL$path"
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$URL$path" | tee "$WORK/$name.txt"
}
