#!/usr/bin/env bash
# Usage: scripts/mutation.sh [area...] (also `pnpm mutation`); no area = all areas, in order.
# Mutation testing with StrykerJS over the code that decides outcomes, one area at a time
# (stryker.config.mjs; docs/reference/testing.md). Each area fails on its own `break` score.
# StrykerJS 10 needs Node >= 22: on an older Node this runs it on the Node 22 that CI already uses
# (scripts/ci/node-binary.sh, from the npm registry, cached). Niced, at concurrency 2.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 22 ]; then
  PATH="$(scripts/ci/node-binary.sh 22.23.5):$PATH"
  export PATH
fi
areas=("$@")
if [ ${#areas[@]} -eq 0 ]; then
  areas=(feedback auth units derivations medications engine)
fi
for area in "${areas[@]}"; do
  printf '\n--- mutation testing: %s\n' "$area"
  SOLEUS_MUTATION_AREA="$area" nice -n 10 node node_modules/@stryker-mutator/core/bin/stryker.js \
    run stryker.config.mjs
done
