//! tauri-driver: the WebDriver server that starts the app through WebKitWebDriver.

use super::display::VirtualDisplay;
use super::process::OwnedProcess;
use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct WebDriverServer {
    pub port: u16,
    process: OwnedProcess,
}

impl WebDriverServer {
    /// Starts tauri-driver on free ports. Its children (WebKitWebDriver, then the app) inherit
    /// the display, the compositing switch Xvfb needs, and private XDG folders so a test run
    /// never touches the user's recent-workspaces list.
    pub fn start(display: &VirtualDisplay, xdg_root: &Path, log: &Path) -> Result<Self, String> {
        let port = free_port()?;
        let native_port = free_port()?;
        let log_file = File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let mut command = Command::new(tauri_driver_path());
        command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", display.name())
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env("XDG_CONFIG_HOME", xdg_root.join("config"))
            .env("XDG_DATA_HOME", xdg_root.join("data"))
            .env("XDG_CACHE_HOME", xdg_root.join("cache"))
            // No session bus: otherwise X11 autolaunch starts a D-Bus daemon (and the at-spi
            // accessibility bus on it) that outlive every run. The app needs neither.
            .env("DBUS_SESSION_BUS_ADDRESS", "disabled:")
            .env("NO_AT_BRIDGE", "1")
            .env_remove("SMW_WORKSPACE")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().map_err(|e| e.to_string())?)
            .stderr(log_file);
        let mut process = OwnedProcess::spawn("tauri-driver", command)
            .map_err(|e| format!("cannot start tauri-driver (run scripts/install-deps.sh): {e}"))?;
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            if let Some(status) = process.exited() {
                return Err(format!("tauri-driver exited at start-up ({status}); see {}", log.display()));
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(WebDriverServer { port, process });
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("tauri-driver (pid {}) did not listen on port {port} within 20 s", process.pid()))
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn describe(&self) -> String {
        format!("{} pid {} on port {}", self.process.name(), self.process.pid(), self.port)
    }
}

/// A port the kernel just handed out; released at once so tauri-driver can bind it.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// `cargo install` puts tauri-driver in ~/.cargo/bin, which a CI shell may not have on PATH.
fn tauri_driver_path() -> PathBuf {
    if let Ok(explicit) = std::env::var("TAURI_DRIVER") {
        return PathBuf::from(explicit);
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    match cargo_home.map(|home| home.join("bin/tauri-driver")) {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}
