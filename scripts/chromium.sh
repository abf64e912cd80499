#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright-core never downloads a browser).
# Installs the package when it is missing; needs root or passwordless sudo, as on the CI machines.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium ontbreekt op $CHROMIUM; installeren uit Debian's pakketten (chromium)…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "Chromium geïnstalleerd: $($CHROMIUM --version 2>/dev/null || echo "$CHROMIUM")"
