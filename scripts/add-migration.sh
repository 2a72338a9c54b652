#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets (see docs/DATA.md).
# The compiled models are written again after it: a migration means the model changed.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Jiaowang.Web --context "${provider}JiaowangDb" \
    --output-dir "Data/Migrations/$provider"
done
scripts/compiled-models.sh
