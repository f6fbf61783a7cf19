#!/usr/bin/env bash
# Household CSV import throughput on SQLite: 100,000 rows parsed and stored in one transaction
# through the store (criterion bench crates/coso-demo/benches/import.rs, release build).
# Usage: bench/import.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
cargo bench -p coso-demo --bench import -- --noplot 2>&1 | tee /tmp/coso-import-bench.txt
echo
echo "== household import (SQLite, 100,000 rows) =="
grep -E "household_import|time:|thrpt:" /tmp/coso-import-bench.txt | sed 's/^/  /'
