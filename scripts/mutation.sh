#!/usr/bin/env bash
# Usage: scripts/mutation.sh [area...] (also `pnpm mutation`). No area = every area with a committed
# baseline (test-mutation/<area>.incremental.json), which is what CI runs; name an area to run (or
# build the baseline of) one that has none yet. The areas are defined in stryker.config.mjs.
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
  for file in test-mutation/*.incremental.json; do
    [ -e "$file" ] || continue
    name="$(basename "$file" .incremental.json)"
    areas+=("$name")
  done
fi
if [ ${#areas[@]} -eq 0 ]; then
  echo "mutation.sh: no area named and no baseline in test-mutation/" >&2
  exit 1
fi
for area in "${areas[@]}"; do
  printf '\n--- mutation testing: %s\n' "$area"
  SOLEUS_MUTATION_AREA="$area" nice -n 10 node node_modules/@stryker-mutator/core/bin/stryker.js \
    run stryker.config.mjs
done
