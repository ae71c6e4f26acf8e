#!/usr/bin/env python3
"""Start-up, memory and installer-size figures of the packaged app, printed as JSON.

    scripts/package.sh && scripts/bench-startup.py [--runs 5] [--large-tickets 100000]

Measures the app as the .deb installs it (unpacked into a scratch root with `dpkg-deb -x`),
under a private Xvfb, with fresh settings folders for every run:
  - installer sizes: the .deb and the .rpm;
  - first window: from exec to the "SMS Workbench" window being mapped (polled with xwininfo);
  - board: from asking tauri-driver for a session on the app to the first screen being in the
    page (the board's cards, or the empty-workspace screen), polled through WebDriver;
  - memory once the board is shown: resident set (RSS) of the app process, and proportional set
    (PSS, shared pages split fairly) of the app with its WebKit web and network processes.
Workspaces: an empty one (`smw init`), the demo (`smw demo`, 300 tickets) and, with
--large-tickets N, a demo of N tickets. Medians over --runs runs after one unmeasured warm-up
run per workspace (so the file cache is warm: these are warm starts, not cold boots).
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE = "SMS Workbench"
FIRST_SCREEN = '[data-testid=board] [data-testid^="ticket-card-"], [data-testid=empty-workspace], [data-testid=board]'


class StartFailed(Exception):
    pass


def target_dir():
    meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return Path(json.loads(meta.stdout)["target_directory"])


def start_xvfb():
    for number in range(90, 190):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, f":{number}"
            if server.poll() is not None:
                break
            time.sleep(0.1)
        server.kill()
    sys.exit("could not start Xvfb")


def window_mapped(env):
    run = subprocess.run(["xwininfo", "-name", TITLE], env=env, capture_output=True, text=True)
    return run.returncode == 0 and "IsViewable" in run.stdout


def descendants(pid):
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def memory_kib(app_pid):
    def field(path, name):
        for line in Path(path).read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
        return 0
    rss = field(f"/proc/{app_pid}/status", "VmRSS")
    pss = sum(field(f"/proc/{pid}/smaps_rollup", "Pss") for pid in descendants(app_pid)
              if Path(f"/proc/{pid}/smaps_rollup").exists())
    return rss, pss


def no_window_left(env):
    """The previous run's app may still be closing: its window must not count as this run's."""
    deadline = time.time() + 30
    while subprocess.run(["xwininfo", "-name", TITLE], env=env, capture_output=True).returncode == 0:
        if time.time() > deadline:
            sys.exit("a previous run's window is still open after 30 s")
        time.sleep(0.05)


def first_window_ms(app, workspace, env):
    no_window_left(env)
    started = time.perf_counter()
    log = Path(env["XDG_CACHE_HOME"]).parent / "app.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as output:
        process = subprocess.Popen([app, str(workspace)], env=env, stdout=output, stderr=output)
    try:
        while not window_mapped(env):
            if process.poll() is not None:
                raise StartFailed(f"the app exited at start (status {process.returncode}): {log.read_text()[-300:]!r}")
            if time.perf_counter() - started > 60:
                sys.exit(f"no window within 60 s on {workspace}")
            time.sleep(0.005)
        return (time.perf_counter() - started) * 1000
    finally:
        process.terminate()
        process.wait()


class Driver:
    def __init__(self, env, scratch):
        self.env = env
        ports = []
        for _ in range(2):
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                ports.append(probe.getsockname()[1])
        driver = shutil.which("tauri-driver") or str(Path.home() / ".cargo/bin/tauri-driver")
        self.log = open(scratch / "driver.log", "w")
        self.process = subprocess.Popen([driver, "--port", str(ports[0]), "--native-port", str(ports[1])],
                                        env=env, stdout=self.log, stderr=self.log)
        self.base = f"http://127.0.0.1:{ports[0]}"
        deadline = time.time() + 20
        while True:
            try:
                self.call("GET", "/status")
                return
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)["value"]

    def board(self, app, workspace):
        """Milliseconds to the first screen, and the memory figures once it is shown."""
        no_window_left(self.env)
        started = time.perf_counter()
        capabilities = {"tauri:options": {"application": app, "args": [str(workspace)]}}
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})["sessionId"]
        try:
            while not self.call("POST", f"/session/{session}/elements", {"using": "css selector", "value": FIRST_SCREEN}):
                if time.perf_counter() - started > 120:
                    sys.exit(f"no board within 120 s on {workspace}")
                time.sleep(0.01)
            elapsed = (time.perf_counter() - started) * 1000
            time.sleep(2)  # let start-up work (SLA alerts, the search index warm-up) settle
            apps = [pid for pid in descendants(self.process.pid)
                    if Path(f"/proc/{pid}/exe").exists() and os.path.realpath(f"/proc/{pid}/exe") == os.path.realpath(app)]
            rss, pss = memory_kib(apps[0]) if apps else (0, 0)
            return elapsed, rss, pss
        finally:
            self.call("DELETE", f"/session/{session}")

    def close(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large-tickets", type=int, default=0, help="also measure a demo workspace of this many tickets")
    options = parser.parse_args()

    bundles = target_dir() / "release" / "bundle"
    debs, rpms = sorted(bundles.glob("deb/*.deb")), sorted(bundles.glob("rpm/*.rpm"))
    if not debs:
        sys.exit(f"no .deb in {bundles}/deb: run scripts/package.sh first")

    with tempfile.TemporaryDirectory(prefix="smw-bench-startup.") as scratch_name:
        scratch = Path(scratch_name)
        subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(scratch / "root")], check=True)
        app, smw = str(scratch / "root/usr/bin/sms-workbench"), str(scratch / "root/usr/bin/smw")
        installed = {"sms-workbench_bytes": Path(app).stat().st_size, "smw_bytes": Path(smw).stat().st_size}
        workspaces = {"empty": scratch / "empty.smw", "demo (300 tickets)": scratch / "demo.smw"}
        subprocess.run([smw, "init", workspaces["empty"]], check=True, capture_output=True)
        subprocess.run([smw, "demo", workspaces["demo (300 tickets)"]], check=True, capture_output=True)
        if options.large_tickets:
            name = f"demo ({options.large_tickets} tickets)"
            workspaces[name] = scratch / "large.smw"
            subprocess.run([smw, "demo", workspaces[name], "--tickets", str(options.large_tickets)], check=True, capture_output=True)

        xvfb, display = start_xvfb()
        base_env = {key: value for key, value in os.environ.items() if key not in ("WAYLAND_DISPLAY", "SMW_WORKSPACE")}
        base_env.update(DISPLAY=display, WEBKIT_DISABLE_COMPOSITING_MODE="1", NO_AT_BRIDGE="1",
                        DBUS_SESSION_BUS_ADDRESS="disabled:")
        results, failures = {}, []
        try:
            for name, workspace in workspaces.items():
                windows, boards, rsses, psses = [], [], [], []
                for run in range(options.runs + 1):
                    env = dict(base_env)
                    for kind in ("CONFIG", "DATA", "CACHE"):  # fresh settings: no recent list, no remembered actor
                        folder = scratch / f"xdg-{run}" / kind.lower()
                        shutil.rmtree(folder, ignore_errors=True)
                        env[f"XDG_{kind}_HOME"] = str(folder)
                    for attempt in range(3):
                        try:
                            window = first_window_ms(app, workspace, env)
                            driver = Driver(env, scratch)
                            try:
                                board, rss, pss = driver.board(app, workspace)
                            finally:
                                driver.close()
                            break
                        except (StartFailed, OSError) as error:
                            # Counted and reported, not hidden: a start that dies is a finding.
                            failures.append(f"{name}, run {run}: {str(error).splitlines()[0]}")
                    else:
                        sys.exit(f"three failed starts in a row on {name}: {failures[-3:]}")
                    if run == 0:
                        continue  # warm-up: fills the file cache and WebKit's shader/font caches
                    windows.append(window); boards.append(board); rsses.append(rss); psses.append(pss)
                results[name] = {
                    "first_window_ms": round(statistics.median(windows)),
                    "first_window_ms_runs": [round(value) for value in windows],
                    "board_via_webdriver_ms": round(statistics.median(boards)),
                    "board_via_webdriver_ms_runs": [round(value) for value in boards],
                    "app_rss_mib": round(statistics.median(rsses) / 1024, 1),
                    "app_and_webkit_pss_mib": round(statistics.median(psses) / 1024, 1),
                }
        finally:
            xvfb.terminate()
            xvfb.wait()

    def size(path):
        return {"file": path.name, "bytes": path.stat().st_size, "mib": round(path.stat().st_size / 1048576, 2)}

    print(json.dumps({
        "build": "release, custom-protocol, from the .deb",
        "runs": options.runs,
        "machine": {"cpus": os.cpu_count(), "load_average_1m": round(os.getloadavg()[0], 2)},
        "installers": [size(path) for path in debs + rpms],
        "installed_binaries": installed,
        "startup": results,
        "failed_starts": failures,
    }, indent=2))


if __name__ == "__main__":
    main()
