#!/usr/bin/env bash
# The dashboard's reading roll-up on a database at issue 16's scale (300 plans × 20 targets, 1,000,000 readings,
# 10,000 reports), SQLite and PostgreSQL, each figure against a one-row query in the same run (bench/ScaleBench).
# The databases are made once by `jiaowang demo generate --scale` and kept between runs (delete them to start again):
#   SQLite     $SCALE_DIR/scale.db (default /tmp/jiaowang-scale)
#   PostgreSQL database jiaowang_scale on $PG (default Host=127.0.0.1;Port=55432;Username=postgres; skipped with PG=)
# Usage: bench/scale.sh [plans sampled, 30] [rounds, 5]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${SCALE_DIR:-/tmp/jiaowang-scale}
pg=${PG-Host=127.0.0.1;Port=55432;Username=postgres}
mkdir -p "$dir"
export Audit__KeyFile="$dir/audit.key" Audit__AnchorFile="$dir/audit.anchor"

dotnet build src/Jiaowang.Cli -c Release -nologo -v quiet >/dev/null
dotnet build bench/ScaleBench -c Release -nologo -v quiet >/dev/null
cli=src/Jiaowang.Cli/bin/Release/net10.0/jiaowang.dll
bench=bench/ScaleBench/bin/Release/net10.0/ScaleBench.dll

seed() { # provider connection
  if ! dotnet "$bench" "$1" "$2" --has-scale; then
    /usr/bin/time -f "seeded $1 in %e s" dotnet "$cli" demo generate --scale --seed 16 --until 2026-12-01 --provider "$1" --connection "$2"
  fi
  dotnet "$cli" db migrate --provider "$1" --connection "$2" >/dev/null
}

seed Sqlite "Data Source=$dir/scale.db"
dotnet "$bench" Sqlite "Data Source=$dir/scale.db" "${1:-30}" "${2:-5}"
if [ -n "$pg" ]; then
  seed Postgres "$pg;Database=jiaowang_scale"
  dotnet "$bench" Postgres "$pg;Database=jiaowang_scale" "${1:-30}" "${2:-5}"
fi
