#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for a given time and prints, per target, the seconds, the
# inputs tried, the corpus size and whether it crashed. The corpus is kept in the repository
# (fuzz/corpus/TARGET); a crash leaves its input in fuzz/artifacts/TARGET and the run fails.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]      default 60; the figures in the notes use 600
#   FUZZ_TARGETS="csv_imports text_inputs" scripts/fuzz.sh 30
#   FUZZ_MINIMIZE=1 scripts/fuzz.sh 600       also shrink each corpus to what adds coverage
#
# libFuzzer needs a nightly toolchain and cargo-fuzz; both are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  cargo install cargo-fuzz --locked
fi

targets=${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}
cargo +nightly fuzz build >/dev/null 2>&1 || cargo +nightly fuzz build

failed=0
summary=()
for target in $targets; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  status=ok
  if ! cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    status=CRASH
    failed=1
    tail -40 "$log"
  fi
  runs=$(grep -o 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ "${FUZZ_MINIMIZE:-0}" = 1 ] && [ "$status" = ok ]; then
    cargo +nightly fuzz cmin "$target" "corpus/$target" >/dev/null 2>&1
  fi
  size=$(find "corpus/$target" -type f | wc -l)
  summary+=("$(printf '%-18s %6ss %12s inputs %6s in corpus  %s' "$target" "$seconds" "${runs:-?}" "$size" "$status")")
  rm -f "$log"
done

echo
echo "fuzz: $(date -u +%FT%TZ), $seconds s per target"
printf '%s\n' "${summary[@]}"
exit "$failed"
