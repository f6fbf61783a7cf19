#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine with only the Rust toolchain:
# installs what the tests need (PostgreSQL, LibreOffice and poppler for the document tests,
# Chromium, playwright-core and axe-core for the browser test, schemathesis for the API fuzzing),
# starts a throwaway PostgreSQL cluster, runs every test on SQLite and PostgreSQL, and cleans up.
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests need is installed in the background while the style checks compile: the
# downloads and unpacking wait on the network and the disk, the checks on the processors.
prepare() {
  local need_apt=()
  command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
  command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-venv)
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql postgresql-contrib)
  if [ ${#need_apt[@]} -gt 0 ]; then
    echo "test: installing ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi

  if [ ! -d crates/coso/tests/browser/node_modules/playwright-core ] || [ ! -d crates/coso/tests/browser/node_modules/axe-core ]; then
    echo "test: installing playwright-core and axe-core"
    (cd crates/coso/tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  fi

  # schemathesis for the API fuzzing test (crates/coso/tests/api_fuzz.rs), in a throwaway virtualenv.
  local venv=target/schemathesis-venv
  if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "test: installing schemathesis in $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
  fi
}
mkdir -p target
prepare_log=target/test-prepare.log
prepare >"$prepare_log" 2>&1 &
prepare_pid=$!

# Style first: formatting, clippy, rustdoc, dependency policy, unused dependencies.
if ! bash scripts/check.sh; then
  wait "$prepare_pid" || true
  exit 1
fi

if ! wait "$prepare_pid"; then
  echo "test: installing what the tests need failed:" >&2
  cat "$prepare_log" >&2
  exit 1
fi
cat "$prepare_log"

. scripts/postgres-throwaway.sh

export RUST_BACKTRACE=1
cargo test --workspace --locked "$@"
