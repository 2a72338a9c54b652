#!/usr/bin/env bash
# Time from process start to the first 200, Jiaowang against a bare ASP.NET Core host, in the same run.
# Jiaowang runs (Production, published as docs/DEPLOY.md does: `-r linux-x64 --self-contained`, which compiles ahead of
# time with ReadyToRun) on an existing SQLite database (made by its own first start, which imports
# the bundled plan and the partner list) and is asked for its public overview page "/", the page most visitors open
# first; the bare host (bench/BareHost, published the same way) for its only endpoint. RUNS=N starts of each,
# alternating; medians reported.
#   bench/startup.sh            # RUNS=7 by default
#   BUILD=1 bench/startup.sh    # the `dotnet build` output instead of the publish (no ReadyToRun), as before
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
  dotnet publish bench/BareHost -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -nologo -v quiet -o "$work/bare" >/dev/null
  webrun=("$work/web/Jiaowang.Web" --contentRoot "$work/web")
  barerun=("$work/bare/BareHost")
fi

export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
web() { exec env ConnectionStrings__Jiaowang="Data Source=$work/bench.db" Audit__KeyFile="$work/audit.key" Audit__AnchorFile="$work/audit.anchor" \
  "${webrun[@]}" --urls "http://127.0.0.1:$port"; }
bare() { exec "${barerun[@]}" --urls "http://127.0.0.1:$port"; }

# Milliseconds from launching $1 until GET $2 answers 200 (the functions exec the app, so $server is the app itself).
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
  kill $server; wait $server 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

first=$(first_200 web /)
echo "first start (migrations, bundled plan and partner import): ${first} ms" >&2
: >"$work/web.txt"; : >"$work/bare.txt"; : >"$work/healthz.txt"
for i in $(seq 1 "$runs"); do
  first_200 bare / >>"$work/bare.txt"
  first_200 web / >>"$work/web.txt"
  first_200 web /healthz >>"$work/healthz.txt"
  echo "run $i: bare $(tail -n1 "$work/bare.txt") ms, jiaowang / $(tail -n1 "$work/web.txt") ms, /healthz $(tail -n1 "$work/healthz.txt") ms" >&2
done
b=$(median <"$work/bare.txt"); w=$(median <"$work/web.txt"); h=$(median <"$work/healthz.txt")
echo "median of $runs: bare host ${b} ms; Jiaowang first 200 on / ${w} ms ($(awk "BEGIN {printf \"%.2f\", $w / $b}")× bare), on /healthz ${h} ms ($(awk "BEGIN {printf \"%.2f\", $h / $b}")× bare)"
