#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine with only the Rust toolchain:
# installs what the tests need (PostgreSQL, LibreOffice and poppler for the document tests,
# Chromium, playwright-core and axe-core for the browser test, schemathesis for the API fuzzing),
# starts a throwaway PostgreSQL cluster, runs every test on SQLite and PostgreSQL, and cleans up.
set -euo pipefail
cd "$(dirname "$0")/.."

# Style first: formatting, clippy, rustdoc, dependency policy, unused dependencies.
bash scripts/check.sh

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
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
schemathesis_venv=target/schemathesis-venv
if [ ! -x "$schemathesis_venv/bin/schemathesis" ]; then
  echo "test: installing schemathesis in $schemathesis_venv"
  command -v python3 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null; }
  rm -rf "$schemathesis_venv"
  python3 -m venv "$schemathesis_venv"
  "$schemathesis_venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
fi

. scripts/postgres-throwaway.sh

export RUST_BACKTRACE=1
cargo test --workspace --locked "$@"
