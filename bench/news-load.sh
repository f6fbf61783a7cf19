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
. "$ROOT/bench/common.sh"
bench_tools wrk curl sqlite3
bench_build
bench_workdir news-load
DB="$WORK/data/coso.db"
bench_serve --demo

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
