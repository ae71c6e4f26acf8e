#!/usr/bin/env python3
"""Checks the licence of every Rust crate in Cargo.lock and every npm package under ui/
against an allow-list, offline, and fails on anything else.

    scripts/check-licences.py            check; print a count per licence; exit 1 on a violation
    scripts/check-licences.py --list     also print every package with its licence

Licences are read from what the packages declare: `cargo metadata` (each crate's `license`
field) and each installed npm package's package.json. SPDX expressions are evaluated: an OR
passes when one of its options is allowed, an AND when all its parts are. Crates written
before SPDX use `/` for OR, and it is read as such.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Permissive licences (and MPL-2.0, file-level copyleft: using it unmodified asks nothing of
# the app's own code) under which the app and its packages can be shipped as they are.
ALLOWED = {
    "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib", "Unicode-3.0",
    "MPL-2.0", "CC0-1.0", "0BSD", "BSL-1.0", "Unlicense",
    # MIT without its attribution clause: asks strictly less than MIT (two UI dev packages).
    "MIT-0",
    # The Blue Oak Model License: permissive, OSI-approved (UI dev tooling: glob, lru-cache …).
    "BlueOak-1.0.0",
}
# `WITH` exceptions that only grant more than the licence they modify.
ALLOWED_WITH = {"LLVM-exception"}

# Packages whose metadata does not say their licence in SPDX terms: the licence read from the
# package itself, and why. Keyed by version so an upgrade is read again.
EXCEPTIONS = {
    ("cargo", "ical", "0.11.0"): (
        "Apache-2.0",
        "its Cargo.toml has no `license` field, only `license-file`; that LICENSE file is the Apache License 2.0",
    ),
}


def tokens(expression):
    return re.findall(r"\(|\)|[^\s()]+", expression.replace("/", " OR "))


def allowed(expression):
    """True when the SPDX expression can be satisfied with allowed licences only."""
    items = tokens(expression)
    position = 0

    def peek():
        return items[position] if position < len(items) else None

    def take():
        nonlocal position
        position += 1
        return items[position - 1]

    def either():  # or-expression := both ("OR" both)*
        result = both()
        while peek() and peek().upper() == "OR":
            take()
            result = both() or result
        return result

    def both():  # and-expression := single ("AND" single)*
        result = single()
        while peek() and peek().upper() == "AND":
            take()
            result = single() and result
        return result

    def single():
        if peek() is None:
            raise ValueError(f"incomplete licence expression {expression!r}")
        if peek() == "(":
            take()
            result = either()
            if peek() != ")":
                raise ValueError(f"unbalanced parentheses in {expression!r}")
            take()
            return result
        licence = take()
        ok = licence in ALLOWED
        if peek() and peek().upper() == "WITH":
            take()
            ok = ok and take() in ALLOWED_WITH
        return ok

    result = either()
    if position != len(items):
        raise ValueError(f"cannot read licence expression {expression!r}")
    return result


def self_test():
    """The evaluator must reject what it should; otherwise a passing check would mean nothing."""
    cases = {
        "MIT": True, "MIT OR Apache-2.0": True, "MIT/Apache-2.0": True,
        "(MIT OR Apache-2.0) AND Unicode-3.0": True, "Apache-2.0 WITH LLVM-exception": True,
        "MIT OR GPL-3.0-only": True, "GPL-3.0-only": False, "MIT AND GPL-3.0-only": False,
        "(MIT OR GPL-2.0) AND LGPL-2.1": False, "Apache-2.0 WITH Classpath-exception-2.0": False,
        "SSPL-1.0": False, "UNLICENSED": False,
    }
    for expression, expected in cases.items():
        assert allowed(expression) is expected, f"licence evaluator is wrong about {expression!r}"


def cargo_packages():
    # --offline: the crates are on disk once the workspace has been built or fetched; only a
    # machine that has never fetched them goes to the network, and says so.
    command = ["cargo", "metadata", "--format-version", "1", "--locked"]
    run = subprocess.run(command + ["--offline"], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        print("cargo metadata --offline failed (crates not fetched yet): fetching them", file=sys.stderr)
        run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    for package in json.loads(run.stdout)["packages"]:
        if package["source"] is None:
            continue  # the workspace's own crates (MIT, the app's licence)
        yield "cargo", package["name"], package["version"], package.get("license"), "crates.io"


def npm_paths(omit_dev):
    command = ["npm", "ls", "--all", "--parseable"] + (["--omit=dev"] if omit_dev else [])
    # npm ls exits non-zero for extraneous or missing packages; the paths it lists are still right.
    run = subprocess.run(command, cwd=ROOT / "ui", capture_output=True, text=True)
    if not run.stdout.strip():
        raise SystemExit(f"`{' '.join(command)}` listed nothing: run `npm ci` in ui/ first\n{run.stderr}")
    return [Path(line) for line in run.stdout.splitlines()[1:] if line.strip()]


def npm_licence(manifest):
    declared = manifest.get("license") or manifest.get("licenses")
    if isinstance(declared, dict):
        declared = declared.get("type")
    if isinstance(declared, list):  # the old `licenses: [{type}]` form: any of them
        declared = " OR ".join(entry.get("type", "") if isinstance(entry, dict) else str(entry) for entry in declared)
    return declared


def npm_packages():
    shipped = set(npm_paths(omit_dev=True))
    for path in npm_paths(omit_dev=False):
        manifest = json.loads((path / "package.json").read_text())
        scope = "ui, shipped" if path in shipped else "ui, dev only"
        yield "npm", manifest["name"], manifest.get("version", "?"), npm_licence(manifest), scope


def main():
    self_test()
    listing = "--list" in sys.argv[1:]
    counts, violations, seen = {}, [], set()
    for ecosystem, name, version, licence, scope in [*cargo_packages(), *npm_packages()]:
        if (ecosystem, name, version) in seen:
            continue
        seen.add((ecosystem, name, version))
        exception = EXCEPTIONS.get((ecosystem, name, version))
        effective = exception[0] if exception else licence
        try:
            ok = bool(effective) and allowed(effective)
        except ValueError as error:
            ok, effective = False, f"{effective} ({error})"
        counts[(ecosystem, effective or "none declared")] = counts.get((ecosystem, effective or "none declared"), 0) + 1
        if listing:
            print(f"{'ok ' if ok else 'BAD'} {ecosystem:5} {name} {version}: {effective} [{scope}]")
        if not ok:
            violations.append(f"{ecosystem} {name} {version} ({scope}): {effective or 'no licence declared'}")

    for (ecosystem, licence), count in sorted(counts.items(), key=lambda item: (item[0][0], -item[1])):
        print(f"{count:5}  {ecosystem:5}  {licence}")
    print(f"{len(seen)} packages checked; exceptions: "
          + "; ".join(f"{name} {version} ({reason})" for (_, name, version), (_, reason) in EXCEPTIONS.items()))
    if violations:
        print(f"\n{len(violations)} package(s) with a licence outside the allow-list "
              "(scripts/check-licences.py: ALLOWED, EXCEPTIONS):", file=sys.stderr)
        for violation in violations:
            print("  " + violation, file=sys.stderr)
        return 1
    print("all licences allowed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
