#!/usr/bin/env bash
# Installs or upgrades Jiaowang on a Debian server, as docs/DEPLOY.md describes: publishes the web app and the
# `jiaowang` command from this source checkout, creates the service user and folders, copies the files, and installs
# the systemd unit and the nginx site. Run as root from the checkout: `sudo deploy/install.sh`.
#
# It never overwrites what the administrator edits (the env file, the nginx site): an existing one is kept and the
# shipped version is written beside it as *.new. It does not start the service; docs/DEPLOY.md says when to.
#
# Every path can be moved by the environment, so that a test installs into a temporary folder:
#   JIAOWANG_PREFIX   the published app            (/opt/jiaowang: web/ and cli/)
#   JIAOWANG_CONFIG   the env file's folder         (/etc/jiaowang)
#   JIAOWANG_STATE    what the app writes           (/var/lib/jiaowang)
#   JIAOWANG_UNIT_DIR where the unit goes           (/etc/systemd/system)
#   JIAOWANG_NGINX    nginx's configuration folder  (/etc/nginx)
#   JIAOWANG_BIN      where the `jiaowang` wrapper goes (/usr/local/bin)
#   JIAOWANG_USER     the service user              (jiaowang)
#   PUBLISH_ARGS      extra `dotnet publish` arguments, e.g. "--self-contained -r linux-x64" or "--no-build"
#   JIAOWANG_PUBLISHED a folder holding web/ and cli/ published on another machine: installed as they are, no SDK needed
set -euo pipefail
source_root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${JIAOWANG_PREFIX:-/opt/jiaowang}
config=${JIAOWANG_CONFIG:-/etc/jiaowang}
state=${JIAOWANG_STATE:-/var/lib/jiaowang}
unit_dir=${JIAOWANG_UNIT_DIR:-/etc/systemd/system}
nginx=${JIAOWANG_NGINX:-/etc/nginx}
bin=${JIAOWANG_BIN:-/usr/local/bin}
user=${JIAOWANG_USER:-jiaowang}
read -r -a publish_args <<<"${PUBLISH_ARGS:-}"
root=$([[ $(id -u) -eq 0 ]] && echo yes || echo no)

say() { printf '== %s\n' "$*"; }

# The shipped files name the default paths; an install elsewhere gets them rewritten.
localise() {
  sed -e "s#/opt/jiaowang#$prefix#g" -e "s#/etc/jiaowang#$config#g" -e "s#/var/lib/jiaowang#$state#g" \
      -e "s#^User=jiaowang#User=$user#" -e "s#^Group=jiaowang#Group=$user#" "$1"
}

# Installs a file the administrator edits only when it is not there yet; otherwise puts the shipped one beside it.
install_kept() { # source target mode
  if [[ -e $2 ]]; then
    cp "$1" "$2.new" && chmod "$3" "$2.new"
    say "kept $2 (the shipped version is $2.new)"
  else
    cp "$1" "$2" && chmod "$3" "$2"
    say "wrote $2"
  fi
}

# --- 1. Publish into a staging folder beside the installed one, so a failed build leaves the running app alone.
say "publishing into $prefix"
mkdir -p "$prefix"
staging=$(mktemp -d "$prefix/.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
if [[ -n ${JIAOWANG_PUBLISHED:-} ]]; then
  for part in web cli; do
    [[ -x $JIAOWANG_PUBLISHED/$part/${part/web/Jiaowang.Web} || -x $JIAOWANG_PUBLISHED/$part/jiaowang ]] \
      || { echo "$JIAOWANG_PUBLISHED/$part does not hold a published app" >&2; exit 1; }
    mkdir "$staging/$part" && cp -a "$JIAOWANG_PUBLISHED/$part/." "$staging/$part/"
  done
else
  for project in Jiaowang.Web:web Jiaowang.Cli:cli; do
    dotnet publish "$source_root/src/${project%%:*}" -c Release -nologo -v quiet -o "$staging/${project##*:}" "${publish_args[@]}" \
      >"$staging/publish.log" 2>&1 || { cat "$staging/publish.log" >&2; exit 1; }
  done
fi
chmod -R u=rwX,go=rX "$staging/web" "$staging/cli"

# --- 2. The service user (no login, no home of its own beyond the state folder) and its folders.
if [[ $root == yes ]] && ! id "$user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$state" --no-create-home --shell /usr/sbin/nologin "$user"
  say "created system user $user"
fi
mkdir -p "$state/keys" "$config"
chmod 0750 "$state" "$state/keys"
[[ $root == yes ]] && chown -R "$user:$user" "$state"

# --- 3. Swap the new app in (the old one is kept as *.previous until the next upgrade).
for part in web cli; do
  rm -rf "$prefix/$part.previous"
  [[ -d $prefix/$part ]] && mv "$prefix/$part" "$prefix/$part.previous"
  mv "$staging/$part" "$prefix/$part"
done
say "installed $prefix/web and $prefix/cli"

# --- 4. Configuration, the `jiaowang` command, the unit and the nginx site.
localise "$source_root/deploy/jiaowang.env.example" >"$staging/jiaowang.env"
install_kept "$staging/jiaowang.env" "$config/jiaowang.env" 0640
[[ $root == yes ]] && chown "root:$user" "$config/jiaowang.env"*

mkdir -p "$bin"
cat >"$bin/jiaowang" <<EOF
#!/bin/sh
# The jiaowang command with the service's configuration. Run it as the service user: sudo -u $user jiaowang …
set -a; . "$config/jiaowang.env"; set +a
cd "$state" && exec "$prefix/cli/jiaowang" "\$@"
EOF
chmod 0755 "$bin/jiaowang"

mkdir -p "$unit_dir"
localise "$source_root/deploy/jiaowang.service" >"$unit_dir/jiaowang.service"
chmod 0644 "$unit_dir/jiaowang.service"
say "wrote $unit_dir/jiaowang.service"

mkdir -p "$nginx/sites-available" "$nginx/sites-enabled"
install_kept "$source_root/deploy/nginx/jiaowang.conf" "$nginx/sites-available/jiaowang.conf" 0644
ln -sfn "$nginx/sites-available/jiaowang.conf" "$nginx/sites-enabled/jiaowang.conf"

# --- 5. Tell systemd, when it runs this machine and the unit went to its folder.
if [[ $root == yes && -d /run/systemd/system && $unit_dir == /etc/systemd/system ]]; then
  systemctl daemon-reload
  systemctl enable jiaowang.service >/dev/null
  say "enabled jiaowang.service; after editing $config/jiaowang.env: systemctl restart jiaowang"
else
  say "systemd is not managing this install; start the app as $unit_dir/jiaowang.service's ExecStart says"
fi
