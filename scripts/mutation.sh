#!/usr/bin/env bash
# Usage: scripts/mutation.sh [stryker run options]   (also `pnpm mutation`)
# Mutation testing with StrykerJS over the code that decides outcomes (stryker.config.json;
# docs/reference/testing.md). StrykerJS 10 needs Node >= 22: on an older Node this runs it on the
# Node 22 that CI already uses (scripts/ci/node-binary.sh, from the npm registry, cached).
# Niced and at concurrency 2 (stryker.config.json) so it shares a 2-core machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 22 ]; then
  PATH="$(scripts/ci/node-binary.sh 22.23.5):$PATH"
  export PATH
fi
exec nice -n 10 node node_modules/@stryker-mutator/core/bin/stryker.js run "$@"
