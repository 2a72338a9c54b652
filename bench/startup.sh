#!/usr/bin/env bash
# Time from process start to the first 200, Jiaowang against a bare ASP.NET Core host, in the same run.
# Jiaowang runs (Production, published as docs/DEPLOY.md does: `-r linux-x64 --self-contained`, which compiles the app,
# its packages and the runtime ahead of time into one ReadyToRun composite image) on an existing SQLite database (made by its own first start, which imports
# the bundled plan and the partner list) and is asked for its public overview page "/", the page most visitors open
# first; the bare host (bench/BareHost, published the same way) for its only endpoint. RUNS=N starts of each,
# alternating; medians reported.
#   bench/startup.sh            # RUNS=7 by default
#   BUILD=1 bench/startup.sh    # the `dotnet build` output instead of the publish (no ReadyToRun), as before
#   BEFORE=<a published web folder> bench/startup.sh
#                               # also starts an earlier build, published the same way, alternately with this one, on
#                               # a copy of the same database: a before/after in one run (the database must suit both)
#   BEFORE=<folder> BEFORE_ENV="DOTNET_EnableWriteXorExecute=0" bench/startup.sh
#                               # the same, the earlier build (or this one, published) started with these variables:
#                               # how much a runtime setting is worth
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
port=${PORT:-5096}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
server=

if [[ -n ${BUILD:-} ]]; then
  dotnet build src/Jiaowang.Web -c Release -nologo -v quiet >/dev/null
  dotnet build bench/BareHost -c Release -nologo -v quiet -o "$work/bare" >/dev/null
  webrun=(dotnet src/Jiaowang.Web/bin/Release/net10.0/Jiaowang.Web.dll --contentRoot "$PWD/src/Jiaowang.Web")
  barerun=(dotnet "$work/bare/BareHost.dll")
else
  dotnet publish src/Jiaowang.Web -c Release -r linux-x64 --self-contained -nologo -v quiet -o "$work/web" >/dev/null
  dotnet publish bench/BareHost -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    -nologo -v quiet -o "$work/bare" >/dev/null
  webrun=("$work/web/Jiaowang.Web" --contentRoot "$work/web")
  barerun=("$work/bare/BareHost")
fi

export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
web() { exec env ConnectionStrings__Jiaowang="Data Source=$work/bench.db" Audit__KeyFile="$work/audit.key" Audit__AnchorFile="$work/audit.anchor" \
  "${webrun[@]}" --urls "http://127.0.0.1:$port"; }
bare() { exec "${barerun[@]}" --urls "http://127.0.0.1:$port"; }
before() { exec env ${BEFORE_ENV:-} ConnectionStrings__Jiaowang="Data Source=$work/before.db" Audit__KeyFile="$work/before.key" Audit__AnchorFile="$work/before.anchor" \
  "$BEFORE/Jiaowang.Web" --contentRoot "$BEFORE" --urls "http://127.0.0.1:$port"; }

# Milliseconds from launching $1 until GET $2 answers 200 (the functions exec the app, so $server is the app itself);
# the CPU time the process had used by then (user + system, from /proc) is appended to $work/cpu-<app>-<path>.txt: on 2 cores a
# start that works on two threads at once can take less wall time than CPU time.
first_200() {
  local start end
  start=$(date +%s%N)
  "$1" >"$work/server.log" 2>&1 &
  server=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$2" || true)" = 200 ]; do
    kill -0 $server 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$server/stat" >>"$work/cpu-$1${2//\//-}.txt"
  kill $server; wait $server 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

first=$(first_200 web /)
echo "first start (migrations, bundled plan and partner import): ${first} ms" >&2
if [[ -n ${BEFORE:-} ]]; then
  for f in "$work"/bench.db*; do cp "$f" "${f/bench.db/before.db}"; done  # with its -wal, if the last start left one
  cp "$work/audit.key" "$work/before.key"; cp "$work/audit.anchor" "$work/before.anchor" 2>/dev/null || true
  : >"$work/before.txt"
fi
: >"$work/web.txt"; : >"$work/bare.txt"; : >"$work/healthz.txt"; rm -f "$work"/cpu-*.txt
for i in $(seq 1 "$runs"); do
  first_200 bare / >>"$work/bare.txt"
  first_200 web / >>"$work/web.txt"
  first_200 web /healthz >>"$work/healthz.txt"
  [[ -n ${BEFORE:-} ]] && first_200 before / >>"$work/before.txt"
  echo "run $i: bare $(tail -n1 "$work/bare.txt") ms, jiaowang / $(tail -n1 "$work/web.txt") ms, /healthz $(tail -n1 "$work/healthz.txt") ms${BEFORE:+, before / $(tail -n1 "$work/before.txt") ms}" >&2
done
b=$(median <"$work/bare.txt"); w=$(median <"$work/web.txt"); h=$(median <"$work/healthz.txt")
bc=$(median <"$work/cpu-bare-.txt"); wc=$(median <"$work/cpu-web-.txt")
echo "median of $runs: bare host ${b} ms; Jiaowang first 200 on / ${w} ms ($(awk "BEGIN {printf \"%.2f\", $w / $b}")× bare), on /healthz ${h} ms ($(awk "BEGIN {printf \"%.2f\", $h / $b}")× bare)"
echo "CPU time at the first 200, median: bare host ${bc} ms; Jiaowang on / ${wc} ms ($(awk "BEGIN {printf \"%.2f\", $wc / $bc}")× bare)"
if [[ -n ${BEFORE:-} ]]; then
  o=$(median <"$work/before.txt"); oc=$(median <"$work/cpu-before-.txt")
  echo "before ($BEFORE${BEFORE_ENV:+, with $BEFORE_ENV}): first 200 on / ${o} ms ($(awk "BEGIN {printf \"%.2f\", $o / $b}")× bare), CPU ${oc} ms"
fi
