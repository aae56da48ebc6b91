#!/usr/bin/env bash
# Regenerates schemas/bundle/ from the pinned version of @aws-cdk/aws-service-spec.
# Needs node and npm (Debian: apt-get install nodejs npm). Usage: bash schemas/generate.sh
set -euo pipefail
VERSION=0.1.216
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@aws-cdk/aws-service-spec@$VERSION" >/dev/null && tar xzf ./*.tgz)
node "$here/generate.mjs" "$work/package/db.json.gz" > "$here/bundle/aws-resources.jsonl"
cp "$work/package/LICENSE" "$here/bundle/LICENSE"
echo "$VERSION" > "$here/bundle/VERSION"
echo "schemas/bundle: $(wc -l < "$here/bundle/aws-resources.jsonl") resource types from @aws-cdk/aws-service-spec@$VERSION"
