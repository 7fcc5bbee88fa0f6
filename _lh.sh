#!/bin/bash
# _lh.sh page... : 3 alternating rounds of Lighthouse mobile on the server at :3999, score and TBT.
for r in 1 2 3; do for p in "$@"; do
CHROME_PATH=/usr/bin/chromium node node_modules/lighthouse/cli/index.js "http://127.0.0.1:3999$p" --output=json --output-path=/tmp/_lh.json --quiet --only-categories=performance --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" 2>/dev/null
python3 -c "
import json;d=json.load(open('/tmp/_lh.json'));a=d['audits']
print('$r', '$p'.ljust(12), round(d['categories']['performance']['score']*100), 'TBT', round(a['total-blocking-time']['numericValue']), 'LCP', round(a['largest-contentful-paint']['numericValue']))"
done; done
