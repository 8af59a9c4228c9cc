#!/usr/bin/env bash
# The whole suite (npm test): provisions the services the tests use (PostgreSQL, SoftHSM2), builds,
# then lint, format, types and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/provision.sh
echo "test: building"
npx tsc -p tsconfig.json
echo "test: lint and format"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check . || true; exit 1; }
echo "test: type-checking tests and scripts"
npx tsc -p tsconfig.check.json
echo "test: running the suite"
npx vitest run
