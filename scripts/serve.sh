#!/usr/bin/env bash
# README command 1: installs what is missing, builds the release app and serves it at
# http://127.0.0.1:8080 until Ctrl+C. Set PORT to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
bash scripts/build.sh
exec node scripts/static-server.mjs --root dist --host 127.0.0.1 --port "${PORT:-8080}"
