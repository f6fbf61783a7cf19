#!/usr/bin/env bash
# Load benchmark of a unit's inbox page (`/quan-tri/hop-thu`) with 10,000 obligations in the
# database: a release `coso serve` on a fresh SQLite database with the demo data, 2,500 more
# plans of 4 report obligations each (every plan targets 30 random communes; the demo commune is
# also among every hundredth, so its inbox holds about 200 items), signed in as the demo commune official; wrk at 64 connections.
# Usage: bench/inbox-load.sh     (DURATION=15s CONNECTIONS=64 THREADS=2 to change wrk's settings)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

cd "$ROOT"
cargo build --release -p coso
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/coso"
WORK=$(mktemp -d /tmp/coso-inbox.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export COSO_LOG=warn
unset COSO_CONFIG COSO_DATABASE_URL COSO_LISTEN
cd "$WORK"
"$BIN" units load-official >/dev/null
"$BIN" demo >/dev/null

echo "== seeding 10,000 obligations =="
python3 - "$WORK/data/coso.db" <<'PY'
import sqlite3, sys, random
db = sqlite3.connect(sys.argv[1])
random.seed(7)
province = db.execute("SELECT id FROM unit WHERE code = '42'").fetchone()[0]
communes = [r[0] for r in db.execute("SELECT id FROM unit WHERE kind IN ('commune','ward','special_zone') AND valid_to IS NULL")]
mine = db.execute("SELECT unit_id FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE u.email = 'canbo.xa@coso.example'").fetchone()[0]
now = "2026-01-05T00:00:00Z"
template = db.execute("SELECT id FROM report_template LIMIT 1").fetchone()
template = template[0] if template else None
periods = [("monthly", "2026-05", "2026-06-10"), ("quarterly", "2026-Q2", "2026-07-15"), ("six_month", "2026-H1", "2026-06-14"), ("annual", "2026", "2026-12-14")]
for i in range(2500):
    cur = db.execute("INSERT INTO plan (unit_id, number, issued_on, title, year, legal_bases, sections, search_text, created_at, updated_at, created_by) VALUES (?, ?, '2026-01-05', ?, 2026, '[]', '[]', ' ke hoach', ?, ?, 'bench')",
                     (province, f"{i+100}/KH-UBND", f"Kế hoạch thử số {i}", now, now))
    plan = cur.lastrowid
    targets = set(random.sample(communes, 30))
    if i % 100 == 0:
        targets.add(mine)
    db.executemany("INSERT INTO plan_target (plan_id, unit_id) VALUES (?, ?)", [(plan, t) for t in targets])
    for pos, (period, key, due) in enumerate(periods):
        ob = db.execute("INSERT INTO obligation (plan_id, position, kind, period, due_date, receiver_unit_id, template_id, raw) VALUES (?, ?, 'report', ?, ?, ?, ?, '')",
                        (plan, pos, period, due, province, template)).lastrowid
        db.execute("INSERT INTO obligation_occurrence (obligation_id, period_key, due_date) VALUES (?, ?, ?)", (ob, key, due))
db.commit()
print("  obligations:", db.execute("SELECT count(*) FROM obligation").fetchone()[0])
print("  in the demo commune's inbox:", db.execute("SELECT count(*) FROM plan_target t JOIN obligation o ON o.plan_id = t.plan_id WHERE t.unit_id = ?", (mine,)).fetchone()[0])
PY

("$BIN" serve --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.log") &
PID=$!
URL=""
for _ in $(seq 1 1000); do
  URL=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" 2>/dev/null | head -n1 || true)
  if [ -n "$URL" ] && curl -fs -o /dev/null "$URL/healthz"; then break; fi
  sleep 0.01
done
COOKIE=$(curl -fs -c - -H 'content-type: application/json' -d '{"email":"canbo.xa@coso.example","password":"coso-demo-2025"}' "$URL/api/v1/session" | awk '$6=="coso_session" {print $7}')
[ -n "$COOKIE" ] || { echo "sign-in failed" >&2; exit 1; }
curl -fs -o /dev/null -w "  check: HTTP %{http_code}, %{size_download} bytes\n" -H "Cookie: coso_session=$COOKIE" "$URL/quan-tri/hop-thu"
echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency /quan-tri/hop-thu =="
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: coso_session=$COOKIE" "$URL/quan-tri/hop-thu"
