#!/usr/bin/env bash
# Profiles a running app started by bench/profile/start.sh (it writes the pid, token and unit id into /tmp/sis/run).
# trace.sh label path [seconds]: wrk -c16 on path with the leader's bearer while dotnet-trace samples the server;
# BROWSER=1: with the leader's browser cookies and Accept-Encoding instead, as bench/web.sh's *-browser cases
set -euo pipefail
w=/tmp/sis/run; label=$1; path=$2; secs=${3:-15}; port=${PORT:-5195}
pid=$(cat $w/pid)
if [[ -n ${BROWSER:-} ]]; then h=(-H "Cookie: $(cat $w/cookies)" -H "Accept-Encoding: gzip, deflate, br, zstd"); else h=(-H "Authorization: Bearer $(cat $w/token)"); fi
taskset -c 1 wrk -t1 -c16 -d3s "${h[@]}" "http://127.0.0.1:$port$path" >/dev/null
taskset -c 1 wrk -t1 -c16 -d$((secs+8))s "${h[@]}" "http://127.0.0.1:$port$path" > /tmp/sis/$label.wrk &
wrkpid=$!
sleep 2
"${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" collect -p $pid --profile dotnet-sampled-thread-time --duration 00:00:00:$secs -o /tmp/sis/$label.nettrace >/tmp/sis/$label.collect.log 2>&1
wait $wrkpid
"${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" convert --format speedscope -o /tmp/sis/$label.json /tmp/sis/$label.nettrace >/dev/null; mv /tmp/sis/$label.speedscope.json /tmp/sis/$label.json 2>/dev/null || true
grep -E "Requests/sec|Latency" /tmp/sis/$label.wrk
