#!/usr/bin/env bash
# Builds the release web app into dist/, offline: cargo, wasm-split-cli (code split into
# chunks loaded on demand), wasm-bindgen, wasm-opt -Oz, hashed names, sw.js and .br/.gz
# copies. See scripts/build.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec node scripts/build.mjs "$@"
