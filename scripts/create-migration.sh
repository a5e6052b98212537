#!/usr/bin/env bash
# Authors a new migration as a schema-to-schema diff (see docs/decisions/002-data-model.md):
# `prisma migrate dev` is unreliable with the offline WebAssembly engine.
#   npm run migration:create -- add_something
set -euo pipefail
name="${1:?usage: npm run migration:create -- <name>}"
cd "$(dirname "$0")/.."
migrations=prisma/migrations
snapshot="$migrations/schema.snapshot.prisma"
stamp=$(date -u +%Y%m%d%H%M%S)
dir="$migrations/${stamp}_${name}"
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.prisma"' EXIT
if [ ! -f "$snapshot" ]; then
  npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script > "$tmp"
else
  # The schema as of the last migration is kept as one snapshot, so the next diff has its "from".
  npx prisma migrate diff --from-schema-datamodel "$snapshot" \
    --to-schema-datamodel prisma/schema.prisma --script > "$tmp"
fi
if ! grep -qvE '^(--.*|\s*)$' "$tmp"; then
  echo "No schema changes: no migration written." >&2
  exit 1
fi
mkdir -p "$dir"
mv "$tmp" "$dir/migration.sql"
cp prisma/schema.prisma "$snapshot"
echo "Wrote $dir/migration.sql"
