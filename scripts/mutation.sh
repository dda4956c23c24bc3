#!/usr/bin/env bash
# Usage: scripts/mutation.sh [--refresh] [area...] (also `pnpm mutation`).
#   no argument          CI: every area with a committed baseline (test-mutation/<area>.incremental.json),
#                        re-testing only what changed since, bounded (fails with the refresh command when
#                        a baseline is too stale); never writes test-mutation/.
#   --refresh [area...]  rebuild the named areas' baselines (every area when none is named), unbounded.
# The areas are defined in scripts/lib/mutation-areas.mjs; docs/reference/testing.md explains the step.
# StrykerJS 10 needs Node >= 22: on an older Node this runs it on the Node 22 that CI already uses
# (scripts/ci/node-binary.sh, from the npm registry, cached). Niced; Stryker runs 2 test processes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 22 ]; then
  PATH="$(scripts/ci/node-binary.sh 22.23.5):$PATH"
  export PATH
fi
exec nice -n 10 node scripts/run-mutation.mjs "$@"
