#!/usr/bin/env bash
# Installs what building and testing IB plānotājs needs, skipping what is already there.
# Everything comes from the package registries this machine reaches (crates.io, npm,
# Debian); nothing is downloaded from anywhere else.
#
#   bash scripts/setup.sh app    # what building and serving the app needs
#   bash scripts/setup.sh all    # that, plus Chromium and ChromeDriver for the tests
set -euo pipefail

cd "$(dirname "$0")/.."
what="${1:-all}"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Root installs system packages directly; anyone else needs sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    echo "error: installing system packages needs root or sudo: $*" >&2; return 1; fi
}

# The code-splitting tool (scripts/build.mjs); pinned, because it has broken on new rustc
# and wasm-bindgen releases before. scripts/build.mjs reads this line.
WASM_SPLIT_VERSION=0.2.4
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "error: Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

# Node packages: wasm-opt (binaryen; Debian's binaryen 108 breaks the app), Playwright
# and axe-core. Playwright never downloads a browser here: Debian's chromium is used.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ ! -x node_modules/.bin/wasm-opt ]; then
  step "Installing npm packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# wasm-split-cli has no --version: cargo's list of installed crates names the version.
installed_split_version() {
  cargo install --list 2>/dev/null | awk '/^wasm_split_cli_support v/ { sub(/^v/, "", $2); sub(/:$/, "", $2); print $2; exit }'
}
if ! have wasm-split-cli || [ "$(installed_split_version)" != "$WASM_SPLIT_VERSION" ]; then
  step "Installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION; about 3 minutes on 2 cores, once)"
  # --locked: the crate ships its Cargo.lock, so the tool is built exactly as published.
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ] \
  || ! have wasm-bindgen-test-runner; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock; about 3 minutes, once)"
  # Not --locked: the crate's own lock pins a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$what" = all ]; then
  if ! have chromium || ! have chromedriver; then
    step "Installing Debian chromium and chromium-driver (about a minute, once)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
fi

# The build runs cargo with --offline, so every crate must be in the local registry cache first.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch

echo "Set-up complete: $(rustc --version), wasm-split-cli $(installed_split_version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(wasm-opt --version)"
