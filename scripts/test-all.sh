#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find: lint, types, unit tests, build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/setup-test-env.sh

# Each step prints when it starts, so a slow CI run says which step took the time.
step() { echo "== $1 ($(date -u +%H:%M:%S))"; }
step lint;        npm run lint
step typecheck;   npm run typecheck
step "unit tests"; npm run test:unit
step build;       npm run build
step "e2e (Playwright, Chromium)"
# A free loopback port for the first test server (each Playwright worker has its own server on the
# ports that follow), so a running dev server does not collide with them.
E2E_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export E2E_PORT
npm run test:e2e

# Reliability: nothing lost or mixed up with 20 uploads at once (SQLite; two instances on
# PostgreSQL), and nothing partial after a SIGKILL in the middle of a large upload (both backends).
step "reliability: concurrent uploads"; npm run reliability:uploads
step "reliability: crash during upload"; npm run reliability:crash
# The load test is left out by default (the two scripts above already take minutes on 2 cores);
# LOAD_TEST=1 adds a 10-second run per target. The README's figures come from the 30 s run.
if [ "${LOAD_TEST:-}" = "1" ]; then
  step "load test (10 s per target)"; LOAD_SECONDS=10 npm run load:test
fi
step done
