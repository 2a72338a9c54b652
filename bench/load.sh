#!/usr/bin/env bash
# Load: 64 connections for 5 minutes of a realistic mix (bench/LoadDriver: liaisons reading their tasks and saving
# drafts, the office reviewing, leaders on the dashboard, anonymous overview and partner pages) on a demo year, on
# SQLite (one instance) and on PostgreSQL (two instances behind one nginx upstream). Prints requests, errors, lost
# writes (acknowledged saves missing from the database, read back afterwards), p50/p99 latency and throughput.
#
#   bench/load.sh                              # 64 connections, 300 s on each database
#   DURATION=60 bench/load.sh                  # a shorter run
#   ONLY=postgres CONNECTIONS=32 bench/load.sh # one database (sqlite or postgres)
#   LOGS=/tmp/load-logs bench/load.sh          # keep the app instances' logs (errors are logged with their trace id)
#
# Needs nginx and PostgreSQL's server binaries (Debian packages nginx, postgresql); starts a throw-away PostgreSQL
# cluster in a temporary folder. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-300}
connections=${CONNECTIONS:-64}
only=${ONLY:-sqlite postgres}
password=Bench-Demo-2026
work=$(mktemp -d /tmp/jiaowang-load.XXXXXX)
chmod 755 "$work"
pids=()
pgbin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -n ${LOGS:-} ]] && mkdir -p "$LOGS" && cp "$work"/app-*.log "$work"/nginx/error.log "$LOGS/" 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f $work/nginx/nginx.pid ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null
  [[ -d $work/pgdata ]] && as_pg "$pgbin/pg_ctl" -D "$work/pgdata" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z ${NO_BUILD:-} ]]; then
  for project in src/Jiaowang.Web src/Jiaowang.Cli bench/LoadDriver; do dotnet build "$project" -c Release -nologo -v quiet >/dev/null; done
fi
web=src/Jiaowang.Web/bin/Release/net10.0
cli=src/Jiaowang.Cli/bin/Release/net10.0/jiaowang.dll
driver=bench/LoadDriver/bin/Release/net10.0/LoadDriver.dll

# One app instance on core 0 (the load driver and nginx get core 1). The demo office and leader have no second
# factor, so two-step sign-in for staff is off for the bench. The Data Protection key ring is in the database, so a
# bearer token from one instance is good on the other.
start_app() { # port, then environment assignments
  local port=$1; shift
  env "$@" HOME="$work/home" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Error \
    Accounts__SignInRateLimit__PermitLimit=10000 Accounts__RequireTwoFactorForStaff=false Reminders__Automatic=false \
    taskset -c 0 dotnet "$web/Jiaowang.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Jiaowang.Web" \
    >"$work/app-$port.log" 2>&1 &
  pids+=($!)
  # Ready, then the overview once, as an operator's check after a deploy would: the first page of a fresh process
  # compiles its queries and views, which on a loaded machine can take longer than nginx waits (60 s).
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && { curl -s -o /dev/null -m 300 "http://127.0.0.1:$port/"; return; }; sleep 0.5; done
  echo "the app on port $port did not start" >&2; tail -n 30 "$work/app-$port.log" >&2; exit 1
}
# The demo year up to the end of June: the plan's monthly periods of July to September are still empty, so each
# liaison connection starts its own draft there (the first half-year of reports, reviews and readings is in place).
demo_year() { # environment assignments
  echo "$password" | env "$@" \
    dotnet "$cli" demo generate --seed 2026 --until 2026-06-30 --password-stdin >"$work/demo.log"
}
run_driver() { # label, base url, read-back url
  echo "== $1: $connections connections, $duration s" >&2
  echo "### $1"
  echo
  taskset -c 1 dotnet "$driver" "$2" "$duration" "$connections" "$password" "$3" || status=1
  echo
}
status=0
mkdir -p "$work/home"

if [[ " $only " == *" sqlite "* ]]; then
  db=(Database__Provider=Sqlite "ConnectionStrings__Jiaowang=Data Source=$work/load.db"
      Audit__KeyFile="$work/audit.key" Audit__AnchorFile="$work/audit.anchor")
  start_app 5101 "${db[@]}"   # creates the schema and loads the bundled plan
  demo_year "${db[@]}"
  run_driver "SQLite, one instance" http://127.0.0.1:5101 http://127.0.0.1:5101
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true; pids=()
fi

if [[ " $only " == *" postgres "* ]]; then
  pgport=$(( 20000 + RANDOM % 20000 ))
  mkdir -p "$work/pgdata"; [[ $(id -u) -ne 0 ]] || chown postgres "$work/pgdata"
  as_pg "$pgbin/initdb" -D "$work/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log"
  as_pg "$pgbin/pg_ctl" -D "$work/pgdata" -l "$work/pgdata/postgres.log" -w -o "-p $pgport -k $work/pgdata -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  # Its own audit key and anchor: the anchor is a checkpoint of one database's chain.
  db=(Database__Provider=Postgres "ConnectionStrings__Jiaowang=Host=127.0.0.1;Port=$pgport;Username=postgres;Database=jiaowang_load"
      Audit__KeyFile="$work/pg-audit.key" Audit__AnchorFile="$work/pg-audit.anchor")
  # The database does not exist yet: the first instance creates it, migrates and loads the plan; the demo year is
  # filled in; then the second instance starts (they could start together: the start-up lock makes one do the work).
  start_app 5102 "${db[@]}"
  demo_year "${db[@]}"
  start_app 5103 "${db[@]}"
  nginx_port=$(( 20000 + RANDOM % 20000 ))
  mkdir -p "$work/nginx/tmp"
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  upstream jiaowang { server 127.0.0.1:5102; server 127.0.0.1:5103; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://jiaowang;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
EOF
  chmod -R a+rwX "$work/nginx"
  taskset -c 1 nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
  # Drafts are saved through nginx (round robin over both instances) and read back from the second instance alone.
  run_driver "PostgreSQL, two instances behind nginx" "http://127.0.0.1:$nginx_port" http://127.0.0.1:5103
fi
exit $status
