#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find: lint, types, unit tests, build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/setup-test-env.sh

echo "== lint";        npm run lint
echo "== typecheck";   npm run typecheck
echo "== unit tests";  npm run test:unit
echo "== build";       npm run build
echo "== e2e (Playwright, Chromium)"
# A free loopback port, so a running dev server does not collide with the test server.
E2E_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export E2E_PORT
npm run test:e2e

# Reliability: nothing lost or mixed up with 20 uploads at once (SQLite; two instances on
# PostgreSQL), and nothing partial after a SIGKILL in the middle of a large upload (both backends).
echo "== reliability: concurrent uploads"; npm run reliability:uploads
echo "== reliability: crash during upload"; npm run reliability:crash
# The load test is left out by default (the two scripts above already take minutes on 2 cores);
# LOAD_TEST=1 adds a 10-second run per target. The README's figures come from the 30 s run.
if [ "${LOAD_TEST:-}" = "1" ]; then
  echo "== load test (10 s per target)"; LOAD_SECONDS=10 npm run load:test
fi
