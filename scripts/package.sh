#!/usr/bin/env bash
# Builds the installable packages of SMS Workbench: the production app (Tauri's
# `custom-protocol` build, the UI embedded from ui/dist, optimised and stripped) with the `smw`
# CLI beside it, bundled by the Tauri bundler as a .deb and an .rpm. Prints where the bundles
# are and their sizes. Safe to run again: cargo and Vite rebuild only what changed.
#
#   scripts/package.sh            bundles in $CARGO_TARGET_DIR/release/bundle/{deb,rpm}
#                                 (target/release/bundle/… without CARGO_TARGET_DIR)
#
# The Tauri CLI is ui/'s @tauri-apps/cli (a prebuilt binary from npm, installed by `npm ci`),
# not `cargo install tauri-cli`, which compiles for many minutes on a 2-core machine.
# AppImage is left out: its tools are downloaded at bundle time. The .msi/NSIS and .dmg/.app
# bundles are configured in tauri.conf.json and are built on those platforms.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
tauri=ui/node_modules/.bin/tauri
if [ ! -x "$tauri" ]; then
  say "UI packages (with the Tauri CLI): npm ci"
  (cd ui && npm ci --no-audit --no-fund)
fi

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
host=$(rustc -vV | sed -n 's/^host: //p')

say "building the UI (ui/dist, embedded in the app)"
(cd ui && npm run build)

# One cargo invocation for both binaries: built apart, cargo resolves the shared dependencies'
# features differently and compiles many of them twice. `tauri/custom-protocol` is what
# `tauri build` adds for a production build: the UI served from the binary, no dev server.
say "building the app (release, custom-protocol) and the smw CLI"
cargo build --release --locked --features tauri/custom-protocol -p sms-workbench -p smw-cli

# The bundler takes external binaries named <name>-<target triple> and installs them as <name>
# (in /usr/bin for the .deb and .rpm). Declared here rather than in tauri.conf.json because
# tauri-build checks external binaries on every build, and the dev and test builds have no
# release `smw` to point at.
staged="$target_dir/package-bin/smw"
mkdir -p "$(dirname "$staged")"
cp -f "$target_dir/release/smw" "$staged-$host"
overlay=$(printf '{"bundle":{"externalBin":["%s"]}}' "$staged")

say "bundling .deb and .rpm"
# `tauri bundle` packs the binary built above; `tauri build` would run cargo again for the app
# alone, with other dependency features, and compile much of it a second time.
# Old bundles go first so the listing below shows only what this run made.
rm -rf "$target_dir/release/bundle/deb" "$target_dir/release/bundle/rpm"
"$tauri" bundle --ci --bundles deb,rpm --config "$overlay"

say "bundles"
found=0
for bundle in "$target_dir"/release/bundle/deb/*.deb "$target_dir"/release/bundle/rpm/*.rpm; do
  [ -f "$bundle" ] || continue
  found=$((found + 1))
  awk -v bytes="$(stat -c %s "$bundle")" -v path="$bundle" 'BEGIN { printf "%8.1f MB  %s\n", bytes / 1048576, path }'
done
[ "$found" -eq 2 ] || { echo "expected a .deb and an .rpm, found $found bundle(s)" >&2; exit 1; }
