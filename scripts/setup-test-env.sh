#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: npm packages, Debian's Chromium and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "== installing Debian's Chromium for Playwright"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium
fi

# The storage tests start a throwaway PostgreSQL cluster (initdb + pg_ctl); Debian's package puts
# the binaries in /usr/lib/postgresql/<version>/bin, where lib/storage/testing/pgCluster.ts looks.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing Debian's PostgreSQL for the storage tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends postgresql
fi

echo "== installing npm packages"
# npm ci rejects this lockfile (optional platform binaries missing from the registry), so install
# and then make sure the lockfile did not move.
before=$(sha256sum package-lock.json)
npm install --no-audit --no-fund
after=$(sha256sum package-lock.json)
if [ "${CI:-}" = "true" ] && [ "$before" != "$after" ]; then
  echo "package-lock.json changed during install: commit the updated lockfile" >&2
  git --no-pager diff --stat package-lock.json >&2 || true
  exit 1
fi
