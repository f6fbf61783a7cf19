#!/usr/bin/env bash
# Load benchmark of a commune's public commitments (`coso serve`, release build, fresh SQLite
# with the demo data): the demo commune's held dialogue grown to 1,000 commitments by SQL, each
# with a progress update, then
#   - `/don-vi/{code}/cam-ket` (the subtree's commitments, 50 a page, with their counts) at 64
#     connections, signed out (the shared copy) and signed in as the commune's official;
#   - its last page, and `/doi-thoai/{id}` (the dialogue with its questions and commitments).
# Target: p99 < 50 ms at 64 connections for the commitments page.
# Usage: bench/dialogue-load.sh   (DURATION=10s CONNECTIONS=64 THREADS=2; SKIP_BUILD=1 to use
#                                  the release binary already built; COSO_BIN=path for another)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/common.sh"
bench_tools wrk curl sqlite3 python3
bench_build
bench_workdir dialogue-load
cd "$WORK"
"$BIN" units load-official >/dev/null
"$BIN" demo >/dev/null
DB="$WORK/data/coso.db"

echo "== seeding the held dialogue: 1,000 commitments with their progress =="
read -r ID COMMUNE < <(python3 - "$DB" <<'PY'
import sqlite3, sys, random, datetime
db = sqlite3.connect(sys.argv[1])
random.seed(15)
did, unit = db.execute("SELECT id, unit_id FROM dialogue WHERE status = 'published' ORDER BY id LIMIT 1").fetchone()
code = db.execute("SELECT code FROM unit WHERE id = ?", (unit,)).fetchone()[0]
owners = [unit] + [r[0] for r in db.execute("SELECT id FROM unit WHERE parent_id = ?", (unit,))]
have = db.execute("SELECT COUNT(*) FROM dialogue_commitment WHERE dialogue_id = ?", (did,)).fetchone()[0]
today = datetime.date.today()
for n in range(have, 1000):
    due = (today + datetime.timedelta(days=random.randint(-60, 240))).isoformat()
    status, percent = random.choice([("planned", 0), ("in_progress", 30), ("in_progress", 70), ("done", 100)])
    cur = db.execute(
        "INSERT INTO dialogue_commitment (dialogue_id, owner_unit_id, body, due_on, status, percent, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z')",
        (did, random.choice(owners), f"Cam kết thử số {n}: sửa đường, lắp đèn, nạo vét kênh.", due, status, percent))
    db.execute(
        "INSERT INTO dialogue_progress (commitment_id, status, percent, note, on_date, created_at) "
        "VALUES (?, ?, ?, ?, ?, '2026-01-05T00:00:00Z')",
        (cur.lastrowid, status, percent, f"Cập nhật tiến độ thử số {n}.", today.isoformat()))
db.commit()
print(did, code)
PY
)
echo "  dialogue $ID of $COMMUNE: $(sqlite3 "$DB" "SELECT COUNT(*) FROM dialogue_commitment WHERE dialogue_id = $ID") commitments"

bench_serve
curl -fs -c "$WORK/jar" -H 'content-type: application/json' \
  -d '{"email":"canbo.xa@coso.example","password":"coso-demo-2025"}' "$URL/api/v1/session" >/dev/null
COOKIE=$(awk '$6=="coso_session" {print $7}' "$WORK/jar")
[ -n "$COOKIE" ] || { echo "sign-in failed" >&2; exit 1; }

run_wrk commitments "/don-vi/$COMMUNE/cam-ket"
run_wrk commitments_official "/don-vi/$COMMUNE/cam-ket" -H "Cookie: coso_session=$COOKIE"
run_wrk last_page "/don-vi/$COMMUNE/cam-ket?trang=20"
run_wrk dialogue "/doi-thoai/$ID"

echo
echo "== summary (SQLite, $CONNECTIONS connections, 1,000 commitments) =="
echo "  /don-vi/{code}/cam-ket, signed out:   $(summary "$WORK/commitments.txt")"
echo "  … signed in as the official:          $(summary "$WORK/commitments_official.txt")"
echo "  … its last page, signed out:          $(summary "$WORK/last_page.txt")"
echo "  /doi-thoai/{id}, signed out:          $(summary "$WORK/dialogue.txt")"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
