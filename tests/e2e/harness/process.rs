//! A child process the harness started and must stop, however the test ends.

use std::process::{Child, Command, Stdio};

/// Owns a spawned process that leads its own process group, so stopping it also stops what
/// it started (tauri-driver starts WebKitWebDriver, which starts the app). Only the group of
/// the PID we spawned is signalled, never processes found by name.
pub struct OwnedProcess {
    name: &'static str,
    child: Child,
}

impl OwnedProcess {
    pub fn spawn(name: &'static str, mut command: Command) -> std::io::Result<Self> {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
        let child = command.spawn()?;
        Ok(OwnedProcess { name, child })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `Some(status)` when the process has already ended (it failed to start, usually).
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    pub fn name(&self) -> &'static str {
        self.name
    }
}

impl Drop for OwnedProcess {
    fn drop(&mut self) {
        if self.exited().is_some() {
            return;
        }
        let group = format!("-{}", self.child.id());
        // TERM first so WebKitWebDriver can close its browser; KILL whatever is left.
        let _ = Command::new("kill").args(["-TERM", "--", &group]).stderr(Stdio::null()).status();
        for _ in 0..30 {
            if self.exited().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        // Also reaches what the group leader left behind when it exited on TERM.
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.child.wait();
    }
}
