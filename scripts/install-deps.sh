#!/usr/bin/env bash
# Installs what building and testing SMS Workbench needs, and only what is missing:
# Debian packages (WebKitGTK, Xvfb, WebKitWebDriver …), the UI's npm packages and
# tauri-driver. Safe to run again: a second run changes nothing and takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

# What the Tauri app links and what its end-to-end tests run.
APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  webkit2gtk-driver xvfb xauth dbus-x11 at-spi2-core fonts-dejavu-core
  imagemagick sqlite3
  # xwininfo: the package test waits for the installed app's window with it.
  x11-utils
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    # `dpkg -s` also lists removed-but-configured packages; only "install ok installed" counts.
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "Debian packages: all present"
    return
  fi
  say "Debian packages: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

check_toolchains() {
  command -v cargo >/dev/null || { echo "cargo is missing: install the Rust toolchain (rustup) first" >&2; exit 1; }
  command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are missing: install Node.js 20 or newer" >&2; exit 1; }
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_major" -lt 20 ]; then
    echo "Node.js $(node --version) is too old for the UI build (Vite needs 20.19 or newer)" >&2
    exit 1
  fi
}

# `npm ci` when node_modules is missing or older than package-lock.json (npm writes
# node_modules/.package-lock.json on every install, so its age tells).
install_ui_packages() {
  local stamp=ui/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ ui/package-lock.json -nt "$stamp" ]; then
    say "UI packages: npm ci"
    (cd ui && npm ci --no-audit --no-fund)
  else
    say "UI packages: up to date"
  fi
}

install_tauri_driver() {
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  if command -v tauri-driver >/dev/null || [ -x "$cargo_bin/tauri-driver" ]; then
    say "tauri-driver: present"
    return
  fi
  say "tauri-driver: cargo install (a few minutes, once)"
  cargo install tauri-driver --version "^2" --locked
}

install_apt_packages
check_toolchains
install_ui_packages
install_tauri_driver
command -v WebKitWebDriver >/dev/null || { echo "WebKitWebDriver is missing although webkit2gtk-driver is installed" >&2; exit 1; }
say "dependencies ready"
