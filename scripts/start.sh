#!/usr/bin/env bash
# Builds SMS Workbench and starts it on a demo workspace (created on first run).
#   scripts/start.sh                 opens target/demo/demo.smw
#   scripts/start.sh path/to/x.smw   opens (or creates) that workspace instead
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
echo "==> building the UI"
(cd ui && npm run build)
echo "==> building the app and the smw CLI"
cargo build -p sms-workbench -p smw-cli

workspace="${1:-target/demo/demo.smw}"
if [ $# -eq 0 ] && [ ! -f "$workspace" ]; then
  mkdir -p "$(dirname "$workspace")"
  echo "==> writing demo data to $workspace"
  target/debug/smw demo "$workspace"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: run this from a desktop session (or set DISPLAY, e.g. under Xvfb)." >&2
  exit 1
fi
echo "==> starting SMS Workbench on $workspace"
exec target/debug/sms-workbench --workspace "$workspace"
