#!/usr/bin/env bash
# Load benchmark of online votes (`coso serve`, release build, fresh SQLite with the demo data):
# `POST /api/v1/decisions/{id}/online-votes` on the demo's open online vote at 64 connections,
# signed in as the demo resident, who represents a household of the demo village. Every request
# is a durable write with its audit row: the household's vote replaced by the next (yes and no in
# turn), never a second vote. Afterwards the votes and audit rows are counted: one vote for the
# household, one audit row per accepted request.
# Target: >= 1,500 votes/s, p99 < 100 ms.
# Usage: bench/vote-load.sh   (DURATION=10s CONNECTIONS=64 THREADS=2; SKIP_BUILD=1 to use the
#                              release binary already built; COSO_BIN=path for another, e.g. a
#                              debug build: COSO_BIN=target/debug/coso SKIP_BUILD=1)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/common.sh"
bench_tools wrk curl sqlite3
bench_build
bench_workdir vote-load
cd "$WORK"
"$BIN" units load-official >/dev/null
"$BIN" demo >/dev/null
DB="$WORK/data/coso.db"
ID=$(sqlite3 "$DB" "SELECT id FROM decision WHERE form = 'online' AND status = 'open' ORDER BY id LIMIT 1")
[ -n "$ID" ] || { echo "the demo has no open online vote" >&2; exit 1; }
echo "== online vote $ID: $(sqlite3 "$DB" "SELECT households FROM decision WHERE id = $ID") households =="

bench_serve
SESSION=$(curl -fs -c "$WORK/jar" -H 'content-type: application/json' \
  -d '{"email":"nguoidan@coso.example","password":"coso-demo-2025"}' "$URL/api/v1/session")
COOKIE=$(awk '$6=="coso_session" {print $7}' "$WORK/jar")
CSRF=$(echo "$SESSION" | grep -o '"csrf_token":"[^"]*"' | cut -d'"' -f4)
[ -n "$COOKIE" ] && [ -n "$CSRF" ] || { echo "sign-in failed" >&2; exit 1; }

cat >"$WORK/vote.lua" <<LUA
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "coso_session=$COOKIE"
wrk.headers["X-CSRF-Token"] = "$CSRF"
request = function()
  n = n + 1
  local choice = (n % 2 == 0) and "yes" or "no"
  return wrk.format(nil, nil, nil, '{"choice":"' .. choice .. '"}')
end
LUA
curl -fs -o /dev/null -w "  check POST: HTTP %{http_code}\n" -H "Cookie: coso_session=$COOKIE" -H "X-CSRF-Token: $CSRF" \
  -H 'content-type: application/json' -d '{"choice":"yes"}' "$URL/api/v1/decisions/$ID/online-votes"
BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE action = 'decision.online_vote'")
run_wrk vote "/api/v1/decisions/$ID/online-votes" -s "$WORK/vote.lua"
AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE action = 'decision.online_vote'")
VOTES=$(sqlite3 "$DB" "SELECT COUNT(*) FROM decision_online_vote WHERE decision_id = $ID")
CHANGES=$(sqlite3 "$DB" "SELECT COALESCE(SUM(changes), 0) FROM decision_online_vote WHERE decision_id = $ID")

echo
echo "== summary (SQLite, $CONNECTIONS connections) =="
echo "  POST an online vote: $(summary "$WORK/vote.txt")"
echo "    audit rows written: $((AFTER - BEFORE)); votes stored for the decision: $VOTES (one per household); changes: $CHANGES"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
