#!/usr/bin/env bash
# Load benchmark of a consultation on a draft (`coso serve`, release build, fresh SQLite with the
# demo data): the demo's open consultation grown to 30 sections and 1,000 comments by SQL, then
#   - its public page `/lay-y-kien/{id}` (the first 20 comments of each section) at 64
#     connections, signed out and signed in as the demo resident (the comment forms, supports);
#   - `POST /api/v1/consultations/{id}/comments` as the demo resident (a durable write with its
#     audit row), each request a different text; afterwards the rows are counted.
# Usage: bench/consultation-load.sh   (DURATION=10s CONNECTIONS=64 THREADS=2; SKIP_BUILD=1 to use
#                                      the release binary already built; COSO_BIN=path for another)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/common.sh"
bench_tools wrk curl sqlite3 python3
bench_build
bench_workdir consultation-load
cd "$WORK"
"$BIN" units load-official >/dev/null
"$BIN" demo >/dev/null
DB="$WORK/data/coso.db"

echo "== seeding the open consultation: 30 sections, 1,000 comments =="
ID=$(python3 - "$DB" <<'PY'
import sqlite3, sys, random
db = sqlite3.connect(sys.argv[1])
random.seed(11)
cid = db.execute("SELECT id FROM consultation WHERE status = 'open' ORDER BY id LIMIT 1").fetchone()[0]
have = db.execute("SELECT COUNT(*) FROM consultation_section WHERE consultation_id = ?", (cid,)).fetchone()[0]
for pos in range(have + 1, 31):
    db.execute("INSERT INTO consultation_section (consultation_id, position, heading, body) VALUES (?, ?, ?, ?)",
               (cid, pos, f"Điều {pos}. Nội dung thử số {pos}", "Đoạn văn của dự thảo dùng để đo tải.\n\nĐoạn thứ hai."))
sections = [r[0] for r in db.execute("SELECT id FROM consultation_section WHERE consultation_id = ?", (cid,))]
authors = [r[0] for r in db.execute("SELECT u.id FROM app_user u JOIN role_grant g ON g.user_id = u.id WHERE g.role = 'resident'")]
have = db.execute("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ?", (cid,)).fetchone()[0]
for n in range(have, 1000):
    db.execute("INSERT INTO consultation_comment (consultation_id, section_id, author_id, author_label, body, supports, created_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-05T00:00:00Z')",
               (cid, random.choice(sections), random.choice(authors), "N.V.A. (Thôn Một)", f"Ý kiến góp ý thử số {n}: đề nghị sửa câu chữ cho rõ.", random.randint(0, 9)))
db.commit()
print(cid)
PY
)
echo "  consultation $ID: $(sqlite3 "$DB" "SELECT COUNT(*) FROM consultation_section WHERE consultation_id = $ID") sections, $(sqlite3 "$DB" "SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = $ID") comments"

bench_serve
SESSION=$(curl -fs -c "$WORK/jar" -H 'content-type: application/json' \
  -d '{"email":"nguoidan@coso.example","password":"coso-demo-2025"}' "$URL/api/v1/session")
COOKIE=$(awk '$6=="coso_session" {print $7}' "$WORK/jar")
CSRF=$(echo "$SESSION" | grep -o '"csrf_token":"[^"]*"' | cut -d'"' -f4)
[ -n "$COOKIE" ] && [ -n "$CSRF" ] || { echo "sign-in failed" >&2; exit 1; }

PAGE="/lay-y-kien/$ID"
run_wrk page_anonymous "$PAGE"
run_wrk page_resident "$PAGE" -H "Cookie: coso_session=$COOKIE"

SECTION=$(sqlite3 "$DB" "SELECT id FROM consultation_section WHERE consultation_id = $ID ORDER BY position LIMIT 1")
cat >"$WORK/post.lua" <<LUA
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "coso_session=$COOKIE"
wrk.headers["X-CSRF-Token"] = "$CSRF"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"section":$SECTION,"body":"Y kien do tai so ' .. n .. '"}')
end
LUA
BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM consultation_comment")
curl -fs -o /dev/null -w "  check POST: HTTP %{http_code}\n" -H "Cookie: coso_session=$COOKIE" -H "X-CSRF-Token: $CSRF" \
  -H 'content-type: application/json' -d "{\"section\":$SECTION,\"body\":\"Kiem tra\"}" "$URL/api/v1/consultations/$ID/comments"
run_wrk post_comment "/api/v1/consultations/$ID/comments" -s "$WORK/post.lua"
AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM consultation_comment")
AUDITS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.comment'")

echo
echo "== summary (SQLite, $CONNECTIONS connections) =="
echo "  page, 30 sections, 1,000 comments, signed out: $(summary "$WORK/page_anonymous.txt")"
echo "  page, signed in as a resident:                 $(summary "$WORK/page_resident.txt")"
echo "  POST a comment:                                $(summary "$WORK/post_comment.txt")"
echo "    rows written: $((AFTER - BEFORE)) comments, $AUDITS audit rows 'consultation.comment' in all"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
