#!/usr/bin/env bash
# Tests the .deb as a person gets it: builds it (scripts/package.sh), checks what it installs,
# installs it, makes a demo workspace with the installed `smw`, starts the installed app under a
# private Xvfb the way a double-click on a .smw file does (the bare path as its argument) and
# checks its window comes up and stays up, then starts it again through WebDriver (tauri-driver
# works with any Tauri build) and checks the board shows the demo's ticket cards. Removes the
# package and everything it made at the end, pass or fail.
#
# Installs with `dpkg -i` when it runs as root and the package is not already installed (the
# package's dependencies must be present: scripts/install-deps.sh installs them); otherwise,
# or with SMW_PACKAGE_TEST_INSTALL=extract, unpacks it with `dpkg-deb -x` into a scratch root.
# SMW_PACKAGE_TEST_NO_BUILD=1 tests the bundle already built instead of building it first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
[ "${SMW_PACKAGE_TEST_NO_BUILD:-0}" = 1 ] || scripts/package.sh

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
debs=("$target_dir"/release/bundle/deb/*.deb)
[ -f "${debs[0]}" ] || fail "no .deb in $target_dir/release/bundle/deb: run scripts/package.sh"
deb="${debs[0]}"
package=$(dpkg-deb -f "$deb" Package)
# Screenshots of the last run, kept like the end-to-end suite's target/e2e/.
shots="$target_dir/package-test"
mkdir -p "$shots"

scratch=$(mktemp -d /tmp/smw-package-test.XXXXXX)
installed_by_us=0
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$installed_by_us" = 1 ]; then
    say "removing $package"
    dpkg --purge "$package" >/dev/null || echo "could not remove $package: run dpkg --purge $package" >&2
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

say "checking what $(basename "$deb") installs"
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./|/|; s|^\([^/]\)|/\1|' > "$scratch/contents"
# The bundler names the desktop entry after the product name, space included.
desktop_entry="/usr/share/applications/SMS Workbench.desktop"
for path in /usr/bin/sms-workbench /usr/bin/smw "$desktop_entry" \
  /usr/share/mime/packages/sms-workbench.xml /usr/share/icons/hicolor/128x128/apps/sms-workbench.png; do
  grep -qx "$path" "$scratch/contents" || fail "the .deb does not install $path"
done
dpkg-deb -f "$deb" Depends | grep -q 'libwebkit2gtk-4.1-0' || fail "the .deb does not depend on WebKitGTK"

if [ "${SMW_PACKAGE_TEST_INSTALL:-}" != extract ] && [ "$(id -u)" -eq 0 ] \
  && ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
  say "installing with dpkg -i"
  installed_by_us=1
  dpkg -i "$deb" >/dev/null || fail "dpkg -i failed (missing dependencies? run scripts/install-deps.sh)"
  root=""
else
  say "unpacking into a scratch root (dpkg-deb -x)"
  root="$scratch/root"
  dpkg-deb -x "$deb" "$root"
fi
app="$root/usr/bin/sms-workbench"
smw="$root/usr/bin/smw"

desktop="$root$desktop_entry"
grep -q '^Exec=sms-workbench %f$' "$desktop" || fail "the desktop entry does not pass the file to the app: $(grep ^Exec "$desktop")"
grep -q '^MimeType=.*application/x-smw-workspace' "$desktop" || fail "the desktop entry does not claim .smw files"
grep -q 'pattern="\*.smw"' "$root/usr/share/mime/packages/sms-workbench.xml" || fail "the MIME type does not match *.smw"

say "making a demo workspace with the installed smw"
"$smw" --version
"$smw" demo "$scratch/demo.smw" --tickets 120 >/dev/null

# A private X server on the first free display number, as the end-to-end harness does.
display=""
for number in $(seq 90 189); do
  [ -e "/tmp/.X$number-lock" ] || [ -e "/tmp/.X11-unix/X$number" ] && continue
  Xvfb ":$number" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do [ -S "/tmp/.X11-unix/X$number" ] && break; sleep 0.1; done
  if [ -S "/tmp/.X11-unix/X$number" ] && kill -0 "${pids[-1]}" 2>/dev/null; then display=":$number"; break; fi
done
[ -n "$display" ] || fail "could not start Xvfb"

# The app's settings and data go to the scratch folder, not the user's; no session bus here.
export DISPLAY="$display" WEBKIT_DISABLE_COMPOSITING_MODE=1 NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled: \
  XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache"
unset WAYLAND_DISPLAY SMW_WORKSPACE

say "starting the installed app as a double-click does: sms-workbench $scratch/demo.smw"
"$app" "$scratch/demo.smw" >"$scratch/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
window=""
for _ in $(seq 600); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "the app exited at start"; }
  window=$(xwininfo -root -tree | grep -m1 '"SMS Workbench"' || true)
  [ -n "$window" ] && break
  sleep 0.1
done
[ -n "$window" ] || fail "no 'SMS Workbench' window within 60 s"
echo "window: $window"
sleep 3 # the window stays up once the UI has loaded the workspace, rather than crashing on it
kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "the app exited after its window appeared"; }
import -window root "$shots/double-click.png"
colours=$(convert "$shots/double-click.png" -format '%k' info:)
[ "$colours" -gt 200 ] || fail "the screen is nearly blank ($colours colours)"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true

say "starting it through WebDriver and waiting for the board"
ports=$(python3 -c 'import socket
found = []
for _ in range(2):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); found.append(s); 
print(*[s.getsockname()[1] for s in found])')
read -r port native_port <<<"$ports"
tauri-driver --port "$port" --native-port "$native_port" >"$scratch/driver.log" 2>&1 &
pids+=($!)
python3 - "$port" "$app" "$scratch/demo.smw" "$shots/board.png" <<'PYTHON' || { tail -20 "$scratch/driver.log" >&2; fail "the board did not appear"; }
import base64, json, sys, time, urllib.request

port, app, workspace, screenshot = sys.argv[1:]
base = f"http://127.0.0.1:{port}"

def call(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=90) as response:
        return json.load(response)["value"]

deadline = time.time() + 20
while True:  # tauri-driver listens a moment after it starts
    try:
        call("GET", "/status"); break
    except OSError:
        if time.time() > deadline: raise
        time.sleep(0.2)

session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"tauri:options": {"application": app, "args": [workspace]}}}})["sessionId"]
try:
    deadline, cards = time.time() + 60, []
    while time.time() < deadline:
        cards = call("POST", f"/session/{session}/elements", {"using": "css selector", "value": '[data-testid=board] [data-testid^="ticket-card-"]'})
        if cards: break
        time.sleep(0.25)
    with open(screenshot, "wb") as file:
        file.write(base64.b64decode(call("GET", f"/session/{session}/screenshot")))
    if not cards:
        sys.exit("no ticket cards on the board within 60 s")
    print(f"board shows {len(cards)} ticket cards")
finally:
    call("DELETE", f"/session/{session}")
PYTHON

say "package test passed (screenshots in $shots)"
