#!/usr/bin/env bash
# The style checks, run by scripts/test.sh before the tests, or alone:
# formatting, clippy with warnings as errors, rustdoc without warnings, the dependency policy
# of deny.toml (licenses, bans, sources; advisories need a network the project lacks) and
# unused dependencies. Installs cargo-deny and cargo-machete when they are missing.
# The fuzz/ directory is its own workspace and is left out.
set -euo pipefail
cd "$(dirname "$0")/.."

# Versions known to work with the pinned toolchain.
DENY_VERSION=0.20.2
MACHETE_VERSION=0.9.2

step() {
  local name=$1
  shift
  echo "== check: $name"
  local start=$SECONDS
  "$@"
  echo "== check: $name passed in $((SECONDS - start)) s"
}

# The tools' own release profiles (cargo-deny's: fat LTO, one codegen unit) make the fastest
# binary and the slowest build; a check runs them for seconds, so build them quickly instead.
install_if_missing() {
  local bin=$1 crate=$2 version=$3
  if ! command -v "$bin" >/dev/null 2>&1; then
    step "install $crate $version" env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install --locked --quiet "$crate@$version"
  fi
}

install_if_missing cargo-deny cargo-deny "$DENY_VERSION"
install_if_missing cargo-machete cargo-machete "$MACHETE_VERSION"

step "cargo fmt" cargo fmt --all --check
# Clippy before rustdoc: the second reuses the dependency metadata the first built.
step "cargo clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
step "cargo doc" env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
# cargo-deny reads the whole graph, every platform's crates included: fetch them (nothing to do
# once they are in cargo's cache), then check without the network.
deny() {
  cargo fetch --locked --quiet
  cargo deny --frozen check --hide-inclusion-graph bans licenses sources
}
step "cargo deny" deny
step "cargo machete" cargo machete crates
