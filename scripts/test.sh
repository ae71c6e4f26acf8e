#!/usr/bin/env bash
# Everything CI checks, in the order a failure is cheapest to find: formatting, the Rust
# crates' tests, the generated TypeScript bindings and UI fixtures, the UI's tests and build, the app build,
# then the end-to-end journeys in the real app window under a private Xvfb.
# Prints a summary and exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
started_all=$(date +%s)
results=()
failed=0

# run NAME COMMAND...: runs one step, records its outcome and duration, never stops the script.
run() {
  local name="$1"; shift
  local started=$(date +%s)
  printf '\n==> %s\n' "$name"
  if "$@"; then
    results+=("PASS  $name ($(( $(date +%s) - started ))s)")
    return 0
  fi
  results+=("FAIL  $name ($(( $(date +%s) - started ))s)")
  failed=1
  return 1
}

skip() {
  results+=("SKIP  $1 (because: $2)")
  failed=1
}

# Files the Rust tests generate for the UI: the TypeScript bindings (smw-core's ts-rs exports)
# and the fixtures the UI's unit tests run on (smw-store's ui_fixtures test). Both are committed,
# so a change on the Rust side shows up as a diff here until it is reviewed and committed.
GENERATED_FOR_UI=(ui/src/bindings ui/src/test/fixtures)

generated_unchanged() {
  git diff --exit-code --stat -- "${GENERATED_FOR_UI[@]}" || {
    echo "generated UI files differ from what 'cargo test -p smw-core -p smw-store' writes: commit the regenerated files" >&2
    return 1
  }
  local untracked
  untracked=$(git ls-files --others --exclude-standard -- "${GENERATED_FOR_UI[@]}")
  if [ -n "$untracked" ]; then
    echo "new generated files are not committed:" >&2
    echo "$untracked" >&2
    return 1
  fi
}

ui_step() { (cd ui && "$@"); }

summary() {
  printf '\n==================== summary ====================\n'
  printf '%s\n' "${results[@]}"
  printf 'total: %ss\n' "$(( $(date +%s) - started_all ))"
  local passed failed_steps
  passed=$(printf '%s\n' "${results[@]}" | grep -c '^PASS' || true)
  failed_steps=$(printf '%s\n' "${results[@]}" | grep -c -v '^PASS' || true)
  printf 'steps: %s passed, %s failed\n' "$passed" "$failed_steps"
}

if ! run "install dependencies" scripts/install-deps.sh; then
  summary
  exit 1
fi

run "cargo fmt --check" cargo fmt --all --check
run "Rust crates: domain, store, CLI" cargo test -p smw-core -p smw-store -p smw-cli
run "generated TypeScript bindings and UI fixtures are committed" generated_unchanged
run "UI unit tests (vitest)" ui_step npm test
if run "UI build" ui_step npm run build; then
  # One build of the app for both test steps: built as `cargo test` builds it (dev-dependencies
  # unified in), since a plain `cargo build` resolves other features and compiles Tauri again.
  # The `smw` binary the journeys run was built by the crates' tests above.
  if run "app build (sms-workbench, its unit tests and journeys)" cargo test -p sms-workbench --no-run; then
    run "app shell unit tests" cargo test -p sms-workbench --lib
    run "end-to-end journeys (Xvfb + tauri-driver)" cargo test -p sms-workbench --test e2e -- --test-threads=1
  else
    skip "end-to-end journeys" "the app did not build"
  fi
else
  skip "app build and end-to-end journeys" "the UI did not build (the app embeds ui/dist)"
fi
run "licences of every Rust crate and npm package (allow-list)" scripts/check-licences.py
# Most of this step is the release build (target/release/), which shares nothing with the debug one.
run "installers: .deb and .rpm built, the .deb installed and started (Xvfb + tauri-driver)" scripts/test-package.sh

summary
if [ "$failed" -ne 0 ]; then
  echo "FAILED"
  exit 1
fi
echo "ALL PASSED"
