#!/usr/bin/env bash
# Installs and starts what the vault's integration tests need: PostgreSQL 15 with a test role and
# database, and SoftHSM2 with an initialised token. Idempotent: skips whatever is already there and
# prints what it did. Runs as root (CI, fresh Debian 12 machines); as another user it only reports.
#
# What the tests then find (they also discover these defaults on their own):
#   VEIL_TEST_DATABASE_URL=postgres://veil_test:veil_test@127.0.0.1:5432/veil_test
#   VEIL_TEST_PKCS11_MODULE=/usr/lib/softhsm/libsofthsm2.so
set -euo pipefail

PG_VERSION=15
PG_ROLE=veil_test
PG_PASSWORD=veil_test
PG_DB=veil_test
HSM_LABEL=veil-dev
HSM_SO_PIN=${VEIL_PROVISION_HSM_SO_PIN:-87654321}
HSM_PIN=${VEIL_PROVISION_HSM_PIN:-123456}

say() { printf 'provision: %s\n' "$*"; }

if [ "$(id -u)" != 0 ]; then
  say "not root: skipping installs (PostgreSQL and SoftHSM2 tests skip visibly if missing)"
  exit 0
fi

missing=()
dpkg -s "postgresql-$PG_VERSION" >/dev/null 2>&1 || missing+=("postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION")
dpkg -s softhsm2 >/dev/null 2>&1 || missing+=(softhsm2)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "postgresql-$PG_VERSION and softhsm2 already installed"
fi

# PostgreSQL: the Debian package creates cluster 15/main; create it if a trimmed image lacks it.
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "$PG_VERSION/main"; then
  say "creating cluster $PG_VERSION/main"
  pg_createcluster "$PG_VERSION" main >/dev/null
fi
if pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  say "PostgreSQL $PG_VERSION/main already running"
else
  say "starting PostgreSQL $PG_VERSION/main"
  pg_ctlcluster "$PG_VERSION" main start
fi
for _ in $(seq 1 50); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 0.2
done
psql_admin() { (cd / && su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -p 5432 $*"); }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname='$PG_ROLE'\"")" = 1 ]; then
  say "role $PG_ROLE exists"
else
  say "creating role $PG_ROLE"
  psql_admin "-c \"CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD'\""
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname='$PG_DB'\"")" = 1 ]; then
  say "database $PG_DB exists"
else
  say "creating database $PG_DB"
  psql_admin "-c \"CREATE DATABASE $PG_DB OWNER $PG_ROLE\""
fi

# SoftHSM2: one token for manual use; the tests make their own throwaway tokens via SOFTHSM2_CONF.
if softhsm2-util --show-slots 2>/dev/null | grep -q "Label:[[:space:]]*$HSM_LABEL\b"; then
  say "SoftHSM2 token '$HSM_LABEL' exists"
else
  say "initialising SoftHSM2 token '$HSM_LABEL'"
  softhsm2-util --init-token --free --label "$HSM_LABEL" --so-pin "$HSM_SO_PIN" --pin "$HSM_PIN" >/dev/null
fi

say "ready: VEIL_TEST_DATABASE_URL=postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:5432/$PG_DB"
say "ready: VEIL_TEST_PKCS11_MODULE=$(ls /usr/lib/softhsm/libsofthsm2.so 2>/dev/null || echo '?')"
