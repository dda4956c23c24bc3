#!/usr/bin/env bash
# Usage: scripts/ci/consumer-smoke.sh [node bin dir ...]
# Packs @soleus/core, fhir, server and cli exactly as a release would (prepack included), lints the
# tarballs with publint and @arethetypeswrong/cli, installs them into a plain npm project outside the
# repository (scripts/ci/consumer) and, with the machine's Node and each Node bin dir given, runs:
# require(), import, a jest test with jest's default config that loads @soleus/server, and
# `npx soleus --version`; then type-checks a TS consumer under module node16 and bundler.
# The npm install must print no EBADENGINE warning.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
say() { printf -- '--- %s\n' "$*"; }

say "pack"
mkdir -p "$work/packs"
for pkg in core fhir server cli; do
  (cd "$root/packages/$pkg" && pnpm pack --pack-destination "$work/packs" >/dev/null)
done
version="$(node -p "require('$root/packages/core/package.json').version")"
ls "$work/packs"

say "publint and attw on each tarball"
for tarball in "$work/packs"/*.tgz; do
  name="$(basename "$tarball" .tgz)"
  mkdir -p "$work/extract/$name"
  tar -xzf "$tarball" -C "$work/extract/$name"
  if tar -tzf "$tarball" | grep -E '\.tsbuildinfo$|\.d\.ts\.map$|\.test\.(js|d\.ts)$'; then
    echo "$name ships build leftovers (listed above)" >&2
    exit 1
  fi
  "$root/node_modules/.bin/publint" "$work/extract/$name/package" --pack false --strict
  "$root/node_modules/.bin/attw" "$tarball" --format table-flipped --no-color
done

say "install into a plain npm project"
cp -R "$root/scripts/ci/consumer" "$work/consumer"
cd "$work/consumer"
npm install --no-audit --no-fund "$work/packs"/*.tgz 2>&1 | tee "$work/install.log"
if grep -q EBADENGINE "$work/install.log"; then
  echo "the consumer install printed EBADENGINE warnings (above)" >&2
  exit 1
fi
npm ls cookie light-my-request

for bin in "$(dirname "$(command -v node)")" "$@"; do
  say "consumer on $("$bin/node" --version)"
  PATH="$bin:$PATH" node require.cjs
  PATH="$bin:$PATH" node import.mjs
  PATH="$bin:$PATH" node node_modules/jest/bin/jest.js --ci
  shown="$(PATH="$bin:$PATH" npx --no-install soleus --version)"
  if [ "$shown" != "$version" ]; then
    echo "npx soleus --version printed '$shown', expected $version" >&2
    exit 1
  fi
  echo "npx soleus --version: $shown"
done

say "TypeScript consumers (module node16, CJS and ESM; moduleResolution bundler)"
cp types.ts types.mts # the same consumer as an ES module (tsconfig.node16.json checks both)
node node_modules/typescript/bin/tsc -p tsconfig.node16.json
node node_modules/typescript/bin/tsc -p tsconfig.bundler.json
echo "consumer smoke test passed"
