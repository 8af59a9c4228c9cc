#!/usr/bin/env bash
# The whole suite: provisions what the tests need, then lint, types and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || npx tsc -p tsconfig.json
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
npx tsc -p tsconfig.check.json
npx vitest run
