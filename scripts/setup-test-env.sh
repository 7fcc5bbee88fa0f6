#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: npm packages and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "== installing Debian's Chromium for Playwright"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium
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
