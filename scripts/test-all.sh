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
