#!/usr/bin/env bash
# README command 2: installs what is missing, then runs every test layer:
#   1. format and lints (host and wasm32)
#   2. native tests: the engine, i18n, the ibplan CLI (cargo test)
#   3. in-browser tests: wasm-bindgen-test in headless Chromium
#   4. the release build (scripts/build.mjs: cargo, wasm-split-cli, wasm-bindgen,
#      wasm-opt) and its size budget
#   5. end-to-end tests: Playwright + axe-core against the built app
# It stops at the first failing layer, and a layer that runs zero tests fails too.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

bash scripts/setup.sh all

logs=target/test-logs
mkdir -p "$logs"
started=$(date +%s)
layer() { printf '\n==> [%ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }

# Sums the "N passed" counts of cargo's "test result:" lines in a log; fails on zero.
count_cargo_tests() {
  local log=$1 name=$2 passed
  passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
  echo "$name: $passed tests passed"
  if [ "$passed" -eq 0 ]; then
    echo "error: $name ran no test" >&2
    exit 1
  fi
}

layer "Format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --lib --bins --test web --target wasm32-unknown-unknown --locked -- -D warnings

layer "Native tests (engine, i18n, CLI)"
cargo test --locked 2>&1 | tee "$logs/native.log"
count_cargo_tests "$logs/native.log" "native"

layer "In-browser tests (wasm-bindgen-test, headless Chromium)"
export CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120
# Never pass -q here: it is forwarded to the runner, which rejects it.
cargo test --locked --target wasm32-unknown-unknown --test web 2>&1 | tee "$logs/wasm.log"
count_cargo_tests "$logs/wasm.log" "wasm"

layer "Release build"
bash scripts/build.sh 2>&1 | tail -n 5
# The first-load size budget (start screen <= 250 kB brotli, .wasm <= 700 kB raw) fails
# the run. SIZE_BUDGET=report only reports an overrun, for measuring work in progress.
if ! node scripts/size-budget.mjs; then
  if [ "${SIZE_BUDGET:-enforce}" != report ]; then
    exit 1
  fi
  echo "WARNING: the first-load size budget is exceeded (see the table above)." >&2
fi

layer "End-to-end tests (Playwright + axe-core)"
npx playwright test --config tests/e2e/playwright.config.mjs

layer "All layers passed"
