#!/usr/bin/env bash
# start.sh : starts the Release app on a fresh demo-year SQLite db in /tmp/sis/run, prints pid; writes token to /tmp/sis/run/token, a browser's cookies to /tmp/sis/run/cookies
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/signin-cookies.sh
w=/tmp/sis/run; rm -rf $w; mkdir -p $w; port=${PORT:-5195}
export ConnectionStrings__Jiaowang="Data Source=$w/bench.db" Audit__KeyFile=$w/audit.key Audit__AnchorFile=$w/audit.anchor
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Dashboard__CacheSeconds=30 \
  taskset -c 0 dotnet src/Jiaowang.Web/bin/Release/net10.0/Jiaowang.Web.dll --urls "http://127.0.0.1:$port" \
  --contentRoot "$PWD/src/Jiaowang.Web" >"$w/server.log" 2>&1 &
echo $! > $w/pid
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
echo "Bench-Leader-2026" | dotnet src/Jiaowang.Cli/bin/Release/net10.0/jiaowang.dll demo generate --seed 2026 --until 2026-12-01 --password-stdin >$w/demo.log 2>&1
curl -s -X POST -H 'Content-Type: application/json' -d '{"userName":"demo-leader","password":"Bench-Leader-2026"}' \
  "http://127.0.0.1:$port/api/auth/token" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/' > $w/token
# A browser's session for trace.sh's BROWSER=1: the sign-in form's cookies, as one Cookie header value.
sign_in_cookies "http://127.0.0.1:$port" demo-leader Bench-Leader-2026 $w/jar > $w/cookies
curl -s "http://127.0.0.1:$port/api/units" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2 > $w/unit
echo "pid $(cat $w/pid) unit $(cat $w/unit)"
