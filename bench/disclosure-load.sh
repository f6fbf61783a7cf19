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
. "$ROOT/bench/common.sh"
bench_tools wrk curl
bench_build
bench_workdir disclosure-load
bench_serve --demo

# The first commune of the demo province keeps a register.
COMMUNE=$(curl -fs "$URL/api/v1/units?parent=42&kind=commune&limit=1" | grep -o '"code":"[^"]*"' | head -n1 | cut -d'"' -f4)
COUNT=$(curl -fs "$URL/api/v1/units/$COMMUNE/disclosures" | grep -o '"posted_from"' | wc -l)
echo "commune $COMMUNE: $COUNT disclosures on the first page"

run_wrk page "/don-vi/$COMMUNE/cong-khai"
run_wrk search "/don-vi/$COMMUNE/cong-khai?q=du+toan"
run_wrk feed "/don-vi/$COMMUNE/cong-khai.atom"

echo
echo "== summary (SQLite, $CONNECTIONS connections) =="
echo "  /don-vi/{code}/cong-khai:          $(summary "$WORK/page.txt")"
echo "  … searched without diacritics:     $(summary "$WORK/search.txt")"
echo "  /don-vi/{code}/cong-khai.atom:     $(summary "$WORK/feed.txt")"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
