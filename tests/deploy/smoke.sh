#!/usr/bin/env bash
# Follows docs/DEPLOY.md by script into a temporary root: deploy/install.sh publishes and installs, the app is started
# the way the installed unit's ExecStart says (as the service user when run as root; without systemd, which does not
# run in this container), nginx runs the shipped site (only its paths, ports and certificate changed), and every check
# goes through nginx over TLS. Prints "ok - …" / "not ok - …" per check and ends with "N passed, N failed".
#
#   tests/deploy/smoke.sh                 # publishes with a build
#   PUBLISH_ARGS=--no-build tests/deploy/smoke.sh   # after `dotnet build -c Release` (what ./test.sh does)
#
# Uses PostgreSQL when JIAOWANG_TEST_POSTGRES names a server (a database and role made as docs/DEPLOY.md says),
# SQLite otherwise. Needs nginx and openssl.
set -uo pipefail
source_root=$(cd "$(dirname "$0")/../.." && pwd)
t=$(mktemp -d /tmp/jiaowang-deploy.XXXXXX)
chmod 755 "$t"
passed=0 failed=0 app=""
check() { # name, then a command that must succeed
  local name=$1; shift
  if "$@"; then echo "ok - $name"; passed=$((passed + 1)); else echo "not ok - $name"; failed=$((failed + 1)); fi
}
finish() {
  [[ -n $app ]] && kill "$app" 2>/dev/null
  [[ -f $t/nginx/nginx.pid ]] && kill "$(cat "$t/nginx/nginx.pid")" 2>/dev/null
  if [[ -n ${pg_db:-} ]]; then
    psql_admin -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "DROP ROLE IF EXISTS $pg_db" >/dev/null 2>&1
  fi
  rm -rf "$t"
  echo "$passed passed, $failed failed"
  exit $((failed > 0))
}
trap finish EXIT
fail_now() { echo "not ok - $1"; failed=$((failed + 1)); for log in "${@:2}"; do [[ -f $log ]] && tail -n 30 "$log" | sed 's/^/#   /'; done; exit 1; }

port() { echo $(( 20000 + RANDOM % 20000 )); }
app_port=$(port) http_port=$(port) https_port=$(port)
service_user=$([[ $(id -u) -eq 0 ]] && echo jiaowang || id -un)

# --- 1. Install as docs/DEPLOY.md says, into the temporary root.
export JIAOWANG_PREFIX=$t/opt/jiaowang JIAOWANG_CONFIG=$t/etc/jiaowang JIAOWANG_STATE=$t/var/lib/jiaowang \
  JIAOWANG_UNIT_DIR=$t/etc/systemd/system JIAOWANG_NGINX=$t/etc/nginx JIAOWANG_BIN=$t/usr/local/bin JIAOWANG_USER=$service_user
"$source_root/deploy/install.sh" >"$t/install.log" 2>&1 || fail_now "deploy/install.sh installs into a temporary root" "$t/install.log"
check "deploy/install.sh installs the app, the command, the unit and the nginx site" \
  test -x "$t/opt/jiaowang/web/Jiaowang.Web" -a -x "$t/opt/jiaowang/cli/jiaowang" -a -f "$t/etc/systemd/system/jiaowang.service" \
  -a -f "$t/etc/jiaowang/jiaowang.env" -a -L "$t/etc/nginx/sites-enabled/jiaowang.conf"
unit=$t/etc/systemd/system/jiaowang.service
if command -v systemd-analyze >/dev/null 2>&1; then
  # verify checks the unit's syntax and that ExecStart exists; its User= must exist too, so only as root.
  verify() { systemd-analyze verify "$unit" >"$t/verify.log" 2>&1 && ! grep -qiE "unknown|invalid|ignoring" "$t/verify.log"; }
  check "systemd-analyze verify accepts the unit" verify || sed 's/^/#   /' "$t/verify.log"
fi

# --- 2. The database and the env file (docs/DEPLOY.md, "PostgreSQL" and "The env file").
env_file=$t/etc/jiaowang/jiaowang.env
set_env() { sed -i "/^#\?$1=/d" "$env_file"; printf "%s='%s'\n" "$1" "$2" >>"$env_file"; }
set_env ASPNETCORE_URLS "http://127.0.0.1:$app_port"
if [[ -n ${JIAOWANG_TEST_POSTGRES:-} ]]; then
  pg_host=$(sed -E 's/.*Host=([^;]*).*/\1/' <<<"$JIAOWANG_TEST_POSTGRES")
  pg_port=$(sed -E 's/.*Port=([^;]*).*/\1/' <<<"$JIAOWANG_TEST_POSTGRES")
  psql_admin() { psql -X -q -h "$pg_host" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
  pg_db=jiaowang_smoke_$$
  pg_password=Smoke-$RANDOM-$RANDOM
  psql_admin -c "CREATE ROLE $pg_db LOGIN PASSWORD '$pg_password'" -c "CREATE DATABASE $pg_db OWNER $pg_db ENCODING 'UTF8' TEMPLATE template0" \
    >"$t/psql.log" 2>&1 || fail_now "a PostgreSQL database and role for the app" "$t/psql.log"
  set_env ConnectionStrings__Jiaowang "Host=$pg_host;Port=$pg_port;Database=$pg_db;Username=$pg_db;Password=$pg_password"
else
  set_env Database__Provider Sqlite
  set_env ConnectionStrings__Jiaowang "Data Source=$t/var/lib/jiaowang/jiaowang.db"
fi

# --- 3. Start the app as the unit does: its user, working folder, Environment= and EnvironmentFile=, ExecStart.
unit_value() { sed -n "s/^$1=//p" "$unit"; }
as_service() { if [[ $(id -u) -eq 0 ]]; then runuser -u "$service_user" -- "$@"; else "$@"; fi; }
{
  echo "set -a"
  unit_value Environment | sed -E "s/^([A-Za-z_]+)=(.*)$/\1='\2'/"
  echo ". '$(unit_value EnvironmentFile)'"
  echo "set +a"
  echo "cd '$(unit_value WorkingDirectory)'"
  echo "echo \$\$ >'$t/var/lib/jiaowang/app.pid'"
  echo "exec $(unit_value ExecStart)"
} >"$t/start.sh"
as_service bash "$t/start.sh" >"$t/app.log" 2>&1 &
app=$!
up=no
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$app_port/healthz" >/dev/null && { up=yes; break; }
  kill -0 "$app" 2>/dev/null || break
  sleep 0.5
done
[[ $up == yes ]] || fail_now "the app starts as the unit's ExecStart says" "$t/app.log"
app=$(cat "$t/var/lib/jiaowang/app.pid")  # the app itself (start.sh exec'd it), not runuser
check "the app runs as the service user ($service_user)" test "$(ps -o user= -p "$app" | tr -d ' ')" = "$service_user"
check "the audit key was created under the state folder, readable by its owner only" \
  test "$(stat -c %a "$t/var/lib/jiaowang/keys/audit.key" 2>/dev/null)" = 600

# --- 4. nginx with the shipped site: only the certificate, the ports and the upstream port changed.
mkdir -p "$t/nginx/tmp" "$t/etc/ssl/jiaowang"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -keyout "$t/etc/ssl/jiaowang/privkey.pem" \
  -out "$t/etc/ssl/jiaowang/fullchain.pem" >/dev/null 2>&1
sed -e "s#/etc/ssl/jiaowang#$t/etc/ssl/jiaowang#" -e "s#127.0.0.1:5080#127.0.0.1:$app_port#" \
  -e "s#listen 80;#listen 127.0.0.1:$http_port;#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
  -e "/listen \[::\]/d" "$t/etc/nginx/sites-enabled/jiaowang.conf" >"$t/nginx/jiaowang.conf"
chmod -R a+rwX "$t/nginx"
cat >"$t/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $t/nginx/nginx.pid;
error_log $t/nginx/error.log;
events { worker_connections 256; }
http {
  access_log $t/nginx/access.log;
  client_body_temp_path $t/nginx/tmp/body;
  proxy_temp_path $t/nginx/tmp/proxy;
  fastcgi_temp_path $t/nginx/tmp/fastcgi;
  uwsgi_temp_path $t/nginx/tmp/uwsgi;
  scgi_temp_path $t/nginx/tmp/scgi;
  include $t/nginx/jiaowang.conf;
}
EOF
nginx -c "$t/nginx/nginx.conf" -p "$t/nginx" >"$t/nginx/start.log" 2>&1 || fail_now "nginx starts with the shipped site" "$t/nginx/start.log" "$t/nginx/error.log"
base="https://localhost:$https_port"
https() { curl -sk --max-time 30 "$@"; }
for _ in $(seq 1 20); do https -o /dev/null "$base/healthz" && break; sleep 0.25; done

# --- 5. Through nginx.
https -D "$t/home.headers" -o "$t/home.html" "$base/"
check "the overview answers 200 through nginx over TLS" grep -q "^HTTP/[0-9.]* 200" "$t/home.headers"
check "HSTS is sent over TLS (the app believes nginx's X-Forwarded-Proto)" grep -qi "^strict-transport-security: max-age=31536000" "$t/home.headers"
curl -s -o /dev/null -D "$t/redirect.headers" "http://localhost:$http_port/partners?culture=en"
check "plain http is redirected to https" grep -qiE "^location: https://localhost(:[0-9]+)?/partners\?culture=en" "$t/redirect.headers"

css=$(grep -oE '/css/site\.[a-z0-9]{10}\.css' "$t/home.html" | head -n 1)
https -D "$t/css.headers" -o /dev/null "$base${css:-/css/site.missing.css}"
check "a fingerprinted static file ($css) is cached for a year, immutable" \
  grep -qiE "^cache-control: public, max-age=31536000, immutable" "$t/css.headers"
check "the fingerprinted file is served once, with its type" grep -qiE "^content-type: text/css" "$t/css.headers"

# A liaison opened with the command as docs/DEPLOY.md shows (sudo -u jiaowang jiaowang user add …).
password=Smoke-Liaison-2026
echo "$password" | as_service "$t/usr/local/bin/jiaowang" user add --role liaison --name smoke-li --unit 市商务局 --password-stdin \
  >"$t/cli.log" 2>&1
check "the jiaowang command adds a liaison with the service's configuration" test $? -eq 0

# Sign in through the page's form, the antiforgery token travelling as a browser sends it.
jar=$t/cookies.txt
https -c "$jar" -o "$t/login.html" "$base/account/login"
token=$(grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' "$t/login.html" | sed -E 's/.*value="([^"]+)"/\1/')
[[ -n $token ]] || token=$(grep -oE 'value="[^"]+" name="__RequestVerificationToken"|name="__RequestVerificationToken"[^>]*value="[^"]+"' "$t/login.html" | grep -oE 'value="[^"]+"' | sed -E 's/value="(.*)"/\1/' | head -n 1)
# (No Origin header: on this test's non-standard port it would name a port that nginx's $host leaves out.)
https -b "$jar" -c "$jar" -D "$t/signin.headers" -o /dev/null \
  --data-urlencode "UserName=smoke-li" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" \
  "$base/account/login"
check "the sign-in cookie is Secure behind the TLS proxy" grep -qiE "^set-cookie: \.Jiaowang\.Auth=.*; secure" "$t/signin.headers"
check "the antiforgery cookie is Secure too" grep -qiE "^set-cookie: \.AspNetCore\.Antiforgery\.[^=]+=.*; secure" <(https -D - -o /dev/null "$base/account/login")

# An upload: a PDF attached to a draft report through the API, and one over the limit refused by nginx.
bearer=$(https -H 'Content-Type: application/json' -d "{\"userName\":\"smoke-li\",\"password\":\"$password\"}" "$base/api/auth/token" |
  sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')
auth="Authorization: Bearer $bearer"
task=$(https -H "$auth" "$base/api/me/tasks" | grep -oE '"id":[0-9]+,"planId":[0-9]+' | head -n 1)
task_id=$(sed -E 's/"id":([0-9]+),.*/\1/' <<<"$task") plan_id=$(sed -E 's/.*"planId":([0-9]+)/\1/' <<<"$task")
period_id=$(https -H "$auth" "$base/api/plans/${plan_id:-0}/periods" | grep -oE '"id":[0-9]+,"planId":[0-9]+,"kind":"monthly"' | head -n 1 | sed -E 's/"id":([0-9]+).*/\1/')
report_id=$(https -H "$auth" -H 'Content-Type: application/json' -d "{\"periodId\":${period_id:-0},\"taskId\":${task_id:-0},\"text\":\"部署冒烟测试\"}" \
  "$base/api/reports" | sed -nE 's/^\{"id":([0-9]+).*/\1/p')
printf '%%PDF-1.4\n%% smoke test\n' >"$t/small.pdf"
status=$(https -o "$t/upload.json" -w '%{http_code}' -H "$auth" -H 'Content-Type: application/octet-stream' --data-binary @"$t/small.pdf" \
  "$base/api/reports/${report_id:-0}/attachments?fileName=smoke.pdf")
check "a report attachment uploads through nginx (201)" test "$status" = 201 || head -c 400 "$t/upload.json" | sed 's/^/#   /'
{ printf '%%PDF-1.4\n'; head -c $((22 * 1024 * 1024)) /dev/zero; } >"$t/large.pdf"
status=$(https -o "$t/large.html" -w '%{http_code}' -H "$auth" -H 'Content-Type: application/octet-stream' --data-binary @"$t/large.pdf" \
  "$base/api/reports/${report_id:-0}/attachments?fileName=large.pdf")
check "a 22 MB upload is refused by nginx with 413" test "$status" = 413 -a -n "$(grep -i nginx "$t/large.html")"
attachments=$(https -H "$auth" "$base/api/reports/${report_id:-0}/attachments" | grep -o '"fileName"' | wc -l)
check "the report holds exactly the one accepted attachment" test "$attachments" = 1

if ((failed > 0)); then
  echo "# app log:"; tail -n 20 "$t/app.log" | sed 's/^/#   /'
  echo "# nginx error log:"; tail -n 10 "$t/nginx/error.log" | sed 's/^/#   /'
fi
