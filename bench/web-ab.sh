#!/usr/bin/env bash
# Two builds side by side: requests per second of the same URLs on a build of another commit (BEFORE, a source tree
# such as `git archive <commit> | tar -x -C /tmp/before`) and on this tree, in alternating rounds, so that a shared
# machine that changes speed during the run changes both alike. Comparing two runs of bench/web.sh made minutes apart
# could not tell a 20 % gain from the machine's drift (docs/PERFORMANCE.md, "Signed-in pages", twelfth round).
#   BEFORE=/tmp/before bench/web-ab.sh                      # PATHS="/healthz /dashboard / /units/1" ROUNDS=8 DURATION=3s
# Both servers run on core 0 (one is loaded at a time), wrk on core 1; each signs in the demo leader through the sign-in
# form and sends the browser's cookies and Accept-Encoding, as bench/web.sh's *-browser case; /healthz goes anonymous.
# A path written bearer:/api/... is asked with the demo leader's bearer token instead, as a script (bench/web.sh's
# dashboard-json): PATHS="/healthz bearer:/api/plans/1/dashboard".
# Before the rounds, WARMUP_ROUNDS (3) passes of 4 s per URL and build, not reported: the runtime compiles hot code again
# (tiered compilation) on the server's one core, and the bare endpoint gains 3-4 × in its first minute of load.
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/signin-cookies.sh
before=${BEFORE:?BEFORE=<source tree of the other build>}; after=$PWD
rounds=${ROUNDS:-8}; duration=${DURATION:-3s}
read -ra paths <<< "${PATHS:-/healthz /dashboard / /units/1}"
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

start() { # tree port dir
  local tree=$1 port=$2 dir=$3 base="http://127.0.0.1:$2"
  mkdir -p "$dir"
  (cd "$tree" && dotnet build src/Jiaowang.Web -c Release -nologo -v quiet >/dev/null && dotnet build src/Jiaowang.Cli -c Release -nologo -v quiet >/dev/null)
  export ConnectionStrings__Jiaowang="Data Source=$dir/bench.db" Audit__KeyFile=$dir/audit.key Audit__AnchorFile=$dir/audit.anchor
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning taskset -c 0 \
    dotnet "$tree/src/Jiaowang.Web/bin/Release/net10.0/Jiaowang.Web.dll" --urls "$base" --contentRoot "$tree/src/Jiaowang.Web" >"$dir/server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
  echo "Bench-Leader-2026" | dotnet "$tree/src/Jiaowang.Cli/bin/Release/net10.0/jiaowang.dll" demo generate --seed 2026 --until 2026-12-01 --password-stdin >"$dir/demo.log" 2>&1
  sign_in_cookies "$base" demo-leader Bench-Leader-2026 "$dir/jar" > "$dir/cookies"
  curl -s -X POST -H 'Content-Type: application/json' -d '{"userName":"demo-leader","password":"Bench-Leader-2026"}' \
    "$base/api/auth/token" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/' > "$dir/token"
}
start "$before" 5301 "$work/before"
start "$after" 5302 "$work/after"

run() { # port dir path → req/s
  local h=(-H "X-Anonymous: 1") path=$3
  if [[ $path == bearer:* ]]; then path=${path#bearer:}; h=(-H "Authorization: Bearer $(cat "$2/token")")
  elif [[ $path != /healthz ]]; then h=(-H "Cookie: $(cat "$2/cookies")" -H "Accept-Encoding: gzip, deflate, br, zstd"); fi
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' "${h[@]}" "http://127.0.0.1:$1$path")
  [ "$status" = 200 ] || { echo "$path answered $status on port $1, not 200: the figures would measure an error" >&2; exit 1; }
  taskset -c 1 wrk -t1 -c32 -d"$duration" "${h[@]}" "http://127.0.0.1:$1$path" | awk '/Requests\/sec/ {print int($2)}'
}
measured=$duration; duration=4s
for _ in $(seq 1 "${WARMUP_ROUNDS:-3}"); do
  for p in "${paths[@]}"; do run 5301 "$work/before" "$p" >/dev/null; run 5302 "$work/after" "$p" >/dev/null; done
done
duration=$measured
printf '| round |'; for p in "${paths[@]}"; do printf ' `%s` before | after | after/before |' "$p"; done; echo
printf '|---|'; for _ in "${paths[@]}"; do printf -- '---|---|---|'; done; echo
for r in $(seq 1 "$rounds"); do
  printf '| %s |' "$r"
  for p in "${paths[@]}"; do
    # Who goes first alternates, so neither build always meets the machine a moment later.
    if (( r % 2 )); then b=$(run 5301 "$work/before" "$p"); a=$(run 5302 "$work/after" "$p")
    else a=$(run 5302 "$work/after" "$p"); b=$(run 5301 "$work/before" "$p"); fi
    printf ' %s | %s | %s |' "$b" "$a" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
  done
  echo
done
