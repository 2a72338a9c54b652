#!/usr/bin/env bash
# Requests per second of Jiaowang's pages against a bare endpoint of the same host, in the same run.
# Server pinned to core 0, wrk to core 1; a warm-up pass over every URL, then REPS rounds of every URL in turn, medians reported. Needs wrk (apt-get install wrk)
# (the dashboard is measured signed in, as the demo leader, on the year of reports `jiaowang demo generate` makes: with a bearer
# token, and as a browser asks for it, with the cookies of the sign-in form and Accept-Encoding: `dashboard-browser`).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/signin-cookies.sh
duration=${DURATION:-10s}
reps=${REPS:-3}
port=${PORT:-5095}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Jiaowang.Web -c Release -nologo -v quiet >/dev/null
dotnet build src/Jiaowang.Cli -c Release -nologo -v quiet >/dev/null
# DASHBOARD_CACHE_SECONDS=0 measures the dashboard rebuilt on every request (Features/Dashboard/DashboardCache.cs).
ConnectionStrings__Jiaowang="Data Source=$work/bench.db" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Dashboard__CacheSeconds=${DASHBOARD_CACHE_SECONDS:-30} taskset -c 0 dotnet src/Jiaowang.Web/bin/Release/net10.0/Jiaowang.Web.dll --urls "http://127.0.0.1:$port" \
  --contentRoot "$PWD/src/Jiaowang.Web" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done

base="http://127.0.0.1:$port"
unit=$(curl -s "$base/api/units" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
task=$(curl -s "$base/" | grep -o 'href="/tasks/[0-9]*"' | head -n 1 | grep -o '[0-9]*')

# The dashboard is for leaders: the demo year of reports (jiaowang demo generate, docs/DEMO.md), whose demo-leader
# account signs in for a bearer token that wrk sends.
password="Bench-Leader-2026"
echo "$password" | ConnectionStrings__Jiaowang="Data Source=$work/bench.db" \
  dotnet src/Jiaowang.Cli/bin/Release/net10.0/jiaowang.dll demo generate --seed 2026 --until 2026-12-01 --password-stdin >&2
token=$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"userName\":\"demo-leader\",\"password\":\"$password\"}" \
  "$base/api/auth/token" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
bearer="Authorization: Bearer $token"
# The liaison's work list (/work) as the liaison of the first task's lead unit, the unit with the most to report.
lead=$(curl -s -H "$bearer" "$base/tasks/$task" | grep -o 'href="/units/[0-9]*"' | head -n 1 | grep -o '[0-9]*')
liaison_token=$(curl -s -X POST -H 'Content-Type: application/json' \
  -d "{\"userName\":\"demo-liaison-$(printf %02d "$lead")\",\"password\":\"$password\"}" \
  "$base/api/auth/token" | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
# What a browser sends for the same dashboard: the sign-in cookie from the sign-in form, the antiforgery cookie that form
# set, and the Accept-Encoding every browser sends.
browser_cookies=$(sign_in_cookies "$base" demo-leader "$password" "$work/cookies")
liaison_cookies=$(sign_in_cookies "$base" "demo-liaison-$(printf %02d "$lead")" "$password" "$work/liaison-cookies")
declare -A urls=(
  [bare]="/healthz"
  [static-css]="/css/site.css"
  [overview-zh]="/"
  [overview-en]="/?culture=en"
  [overview-signed]="/"
  [plan-json]="/api/plans/1"
  [unit-page]="/units/$unit"
  [unit-signed]="/units/$unit"
  [task-signed]="/tasks/$task"
  [work-liaison]="/work"
  [dashboard]="/dashboard"
  [dashboard-json]="/api/plans/1/dashboard"
  [dashboard-browser]="/dashboard"
  [overview-browser]="/"
  [unit-browser]="/units/$unit"
  [task-browser]="/tasks/$task"
  [work-browser]="/work"
)
order=(${ONLY:-bare static-css overview-zh overview-en overview-signed plan-json unit-page unit-signed task-signed work-liaison dashboard dashboard-json dashboard-browser overview-browser unit-browser task-browser work-browser})  # ONLY="bare dashboard" for a subset
# Signed-in requests (the dashboard, *-signed) carry the leader's token, *-liaison the liaison's, *-browser the leader's
# browser cookies and Accept-Encoding (work-browser the liaison's); the others go anonymous, as the public does. A page is
# read by a person in a browser: the *-browser cases are what people pay, the bearer cases what a script pays.
# `headers NAME` prints the -H options.
headers() {
  case $1 in
    work-browser) printf '%s\n' -H "Cookie: $liaison_cookies" -H "Accept-Encoding: gzip, deflate, br, zstd" ;;
    *-browser) printf '%s\n' -H "Cookie: $browser_cookies" -H "Accept-Encoding: gzip, deflate, br, zstd" ;;
    dashboard* | *-signed) printf '%s\n' -H "$bearer" ;;
    *-liaison) printf '%s\n' -H "Authorization: Bearer $liaison_token" ;;
    *) printf '%s\n' -H "X-Anonymous: 1" ;;
  esac
}

rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/$server/status; }
for name in "${order[@]}"; do mapfile -t h < <(headers "$name"); curl -s -o /dev/null "${h[@]}" "$base${urls[$name]}"; done
idle=$(rss)

# Warm-up: every URL in turn for WARMUP_ROUNDS × 4 s. The server runs on one core, and the runtime compiles hot code
# again (tiered compilation) in the background on that same core: a run measured in the first half minute of load
# measured the compiler as much as the page (the bare endpoint went from 7,000 to 28,000 req/s in a minute of load,
# docs/PERFORMANCE.md, twelfth round).
for _ in $(seq 1 "${WARMUP_ROUNDS:-3}"); do
  for name in "${order[@]}"; do
    mapfile -t h < <(headers "$name")
    taskset -c 1 wrk -t1 -c32 -d4s "${h[@]}" "$base${urls[$name]}" >/dev/null
  done
done
# Then REPS rounds, each URL once per round, so that a machine that changes speed in the middle of the run (these are
# shared machines) changes every URL's figures alike; a URL's share of bare is the median of its per-round shares.
declare -A results size
for rep in $(seq 1 "$reps"); do
  for name in "${order[@]}"; do
    mapfile -t h < <(headers "$name")
    results[$name]+="$(taskset -c 1 wrk -t1 -c32 -d"$duration" "${h[@]}" "$base${urls[$name]}" | awk '/Requests\/sec/ {print int($2)}') "
  done
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
declare -A median share
read -ra bare_runs <<< "${results[bare]}"
for name in "${order[@]}"; do
  mapfile -t h < <(headers "$name")
  read -ra runs <<< "${results[$name]}"
  median[$name]=$(median "${runs[@]}")
  ratios=(); for i in "${!runs[@]}"; do ratios+=("$(awk -v a="${runs[$i]}" -v b="${bare_runs[$i]}" 'BEGIN { printf "%.4f", a / b }')"); done
  share[$name]=$(median "${ratios[@]}")
  # The bytes sent: compressed, when the request accepts it (curl does not decode without --compressed).
  size[$name]=$(curl -s "${h[@]}" "$base${urls[$name]}" | wc -c)
  status=$(curl -s -o /dev/null -w '%{http_code}' "${h[@]}" "$base${urls[$name]}")
  [ "$status" = 200 ] || { echo "$name answered $status, not 200: the figures would measure an error" >&2; exit 1; }
  echo "  $name: ${runs[*]} req/s" >&2
done
peak=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$server/status)
kill $server; wait $server 2>/dev/null || true

# The same host with nothing on it (bench/BareHost, one endpoint), started and loaded the same way, for the memory
# the framework alone takes: Jiaowang's figures are reported against it.
dotnet build bench/BareHost -c Release -nologo -v quiet -o "$work/bare" >/dev/null
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning taskset -c 0 dotnet "$work/bare/BareHost.dll" \
  --urls "http://127.0.0.1:$port" >"$work/bare.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 1; done
curl -s -o /dev/null "http://127.0.0.1:$port/"
bare_idle=$(rss)
for _ in $(seq 1 "$reps"); do taskset -c 1 wrk -t1 -c32 -d"$duration" "http://127.0.0.1:$port/" >/dev/null; done
bare_peak=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$server/status)

echo "| what | URL | body | req/s (median of $reps × $duration) | share of bare (median of the rounds') |"
echo "|---|---|---|---|---|"
for name in "${order[@]}"; do
  ratio=$(awk -v r="${share[$name]}" 'BEGIN { printf "%.1f %%", 100 * r }')
  echo "| $name | \`${urls[$name]}\` | $(( ${size[$name]} / 1024 )) KB | ${median[$name]} | $ratio |"
done
echo
echo "Server memory: ${idle} MB resident after the first requests, ${peak} MB peak under load."
echo "Bare host (bench/BareHost): ${bare_idle} MB after its first request, ${bare_peak} MB peak under the same wrk load;" \
  "Jiaowang is $(awk -v a="$idle" -v b="$bare_idle" 'BEGIN { printf "%.2f", a / b }') × and $(awk -v a="$peak" -v b="$bare_peak" 'BEGIN { printf "%.2f", a / b }') × that."
