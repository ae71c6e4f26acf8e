//! A private X server (Xvfb) for the app window, so the tests need no desktop and no DISPLAY.

use super::process::OwnedProcess;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct VirtualDisplay {
    pub number: u32,
    _server: OwnedProcess,
}

impl VirtualDisplay {
    /// Starts Xvfb on the first display number that no other X server holds.
    pub fn start() -> Result<Self, String> {
        for number in 90..190 {
            if Path::new(&format!("/tmp/.X{number}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
            {
                continue;
            }
            let mut command = Command::new("Xvfb");
            command
                .args([format!(":{number}").as_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let mut server = OwnedProcess::spawn("Xvfb", command)
                .map_err(|e| format!("cannot start Xvfb (is it installed?): {e}"))?;
            let socket = format!("/tmp/.X11-unix/X{number}");
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                if server.exited().is_some() {
                    break; // another server won the race for this number: try the next one
                }
                if Path::new(&socket).exists() {
                    return Ok(VirtualDisplay { number, _server: server });
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Err("no free X display number between :90 and :189".into())
    }

    pub fn name(&self) -> String {
        format!(":{}", self.number)
    }
}
