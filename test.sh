#!/usr/bin/env bash
# Installs what the tests need (only what is missing), starts a throw-away PostgreSQL, runs every test suite,
# and ends with one line: "N passed, N failed[, N skipped]". Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d /tmp/jiaowang-test.XXXXXX)
chmod 755 "$work"

log() { printf '== %s\n' "$*"; }

# --- 1. System packages: PostgreSQL server, Debian's Chromium, CJK fonts (pages and screenshots show Chinese),
#        LibreOffice Writer and Calc and poppler (the Word documents are converted to PDF and read back; the Excel
#        workbooks are opened by Calc).
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer)
dpkg -s libreoffice-calc >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)  # the deploy smoke test's reverse proxy
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then echo "need root to apt-get install ${missing[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; echo "apt-get install failed" >&2; exit 1; }
fi

# --- 2. A throw-away PostgreSQL cluster on a loopback port, in the temp folder.
pgbin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdata="$work/pgdata"
pgport=$(( 20000 + RANDOM % 20000 ))
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ $(id -u) -eq 0 ]]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; fi
mkdir -p "$pgdata" && { [[ $(id -u) -ne 0 ]] || chown postgres "$pgdata" "$work"; }
stop_postgres() { as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; }
cleanup() { stop_postgres; rm -rf "$work"; }
trap cleanup EXIT
log "starting PostgreSQL on 127.0.0.1:$pgport"
as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$work/postgres.log" -w -t 60 \
  -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null \
  || { cat "$work/postgres.log" >&2; exit 1; }
export JIAOWANG_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true"

# --- 3. Redocly CLI, which lints the OpenAPI document in the web tests (Security/OpenApiLintTests), in .tools/.
export JIAOWANG_REDOCLY="$root/.tools/redocly"
if [[ ! -x $JIAOWANG_REDOCLY/node_modules/.bin/redocly ]]; then
  log "installing @redocly/cli"
  npm install --prefix "$JIAOWANG_REDOCLY" --no-audit --no-fund @redocly/cli@2.77.0 >"$work/npm.log" 2>&1 \
    || { cat "$work/npm.log" >&2; echo "npm install @redocly/cli failed" >&2; exit 1; }
fi

# --- 4. Build once, then run each suite.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Test processes (the test hosts, the apps and commands they start) live for seconds to minutes and run most code only a
# few times: the JIT's profile-guided tier (instrumented code, compiled a second time later) costs them more than it
# gives back. Without it the web suite took 316 s instead of 396 s alone (docs/PERFORMANCE.md, "Test suite time").
# It changes how fast code runs, never what it does; production keeps the runtime's default.
export DOTNET_TieredPGO=0
export JIAOWANG_CHROMIUM=/usr/bin/chromium
log "building"
if ! dotnet build Jiaowang.sln -c Release -nologo -v quiet >"$work/build.log" 2>&1; then
  grep -E "error|Error" "$work/build.log" | sort -u | head -n 40 >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The endpoint sweep writes how many endpoints and requests it checked; printed after the web suite.
export JIAOWANG_SWEEP_REPORT="$work/sweep.txt"
passed=0 failed=0 skipped=0

# Each suite also writes a trx (per-test durations): scripts/test-times.py reads it.
# Each suite's wall time goes into <suite>.secs, printed with its summary: which lane is the longer one shows there.
run_suite() {
  local started=$SECONDS
  dotnet test "tests/$1" -c Release --no-build -nologo --logger "trx;LogFileName=$1.trx" --results-directory "$work" \
    >"$work/$1.log" 2>&1
  echo $? >"$work/$1.code"
  echo $((SECONDS - started)) >"$work/$1.secs"
}
run_smoke() {
  local started=$SECONDS
  PUBLISH_ARGS=--no-build tests/deploy/smoke.sh >"$work/deploy.log" 2>&1
  echo $((SECONDS - started)) >"$work/deploy.secs"
}

# Two lanes on the two cores: the web suite alone, and the rest one after another (much of their time is spent
# waiting on processes, Chromium and nginx, so the lanes overlap well). Results are reported in a fixed order.
log "running the web suite beside core, CLI, browser and the deploy smoke test"
lanes_started=$SECONDS
( run_suite Jiaowang.Core.Tests; run_suite Jiaowang.Cli.Tests; run_suite Jiaowang.Browser.Tests; run_smoke
  echo $((SECONDS - lanes_started)) >"$work/lane.secs" ) &
lane=$!
run_suite Jiaowang.Web.Tests
wait "$lane"
log "lanes: web suite $(cat "$work/Jiaowang.Web.Tests.secs") s; core, CLI, browser and deploy smoke $(cat "$work/lane.secs" 2>/dev/null || echo ?) s"

for name in Jiaowang.Core.Tests Jiaowang.Cli.Tests Jiaowang.Web.Tests Jiaowang.Browser.Tests; do
  log "$name"
  out="$work/$name.log"
  code=$(cat "$work/$name.code" 2>/dev/null || echo 1)
  # Each failure with the first lines of its message, so a CI log says why without the per-suite logs.
  awk '/^[[:space:]]+(Failed|Skipped) /{print; n=($1=="Failed")?8:0; next} /^[[:space:]]+Stack Trace:/{n=0} n>0{print "     " $0; n--}' "$out" | head -n 120
  if [[ $name == Jiaowang.Web.Tests && -s $JIAOWANG_SWEEP_REPORT ]]; then sed 's/^/   /' "$JIAOWANG_SWEEP_REPORT"; fi
  if [[ $name == Jiaowang.Web.Tests && -s $work/$name.trx ]]; then
    scripts/test-times.py "$work/$name.trx" 5 2>/dev/null | sed 's/^/   /' || true
  fi
  summary=$(grep -E "(Passed|Failed)!\s+- Failed:" "$out" | tail -n 1)
  if [[ -n $summary ]]; then
    f=$(sed -E 's/.*Failed:\s+([0-9]+).*/\1/' <<<"$summary")
    p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
    s=$(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$summary")
    echo "   $summary (wall $(cat "$work/$name.secs" 2>/dev/null || echo ?) s)"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    if ((code != 0 && f == 0)); then failed=$((failed + 1)); echo "   $name: test run exited $code" >&2; tail -n 30 "$out" >&2; fi
  else
    echo "   $name: no test summary (exit $code)" >&2
    tail -n 40 "$out" >&2
    failed=$((failed + 1))
  fi
done

# --- 5. Deployment smoke test: docs/DEPLOY.md followed by script into a temp root, checked through nginx over TLS.
#        Each check counts as one test.
log "deploy smoke test (tests/deploy/smoke.sh)"
grep -E "^(not ok|#)" "$work/deploy.log" | head -n 40
if deploy_summary=$(grep -E "^[0-9]+ passed, [0-9]+ failed$" "$work/deploy.log" | tail -n 1) && [[ -n $deploy_summary ]]; then
  echo "   deploy: $deploy_summary (wall $(cat "$work/deploy.secs" 2>/dev/null || echo ?) s)"
  passed=$((passed + ${deploy_summary%% passed*})); failed=$((failed + $(sed -E 's/.*, ([0-9]+) failed/\1/' <<<"$deploy_summary")))
else
  echo "   deploy smoke test: no summary" >&2; tail -n 30 "$work/deploy.log" >&2; failed=$((failed + 1))
fi

line="$passed passed, $failed failed"
((skipped > 0)) && line+=", $skipped skipped"
echo "$line"
((failed == 0))
