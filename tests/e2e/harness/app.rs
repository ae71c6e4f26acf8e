//! One running app window on a fresh workspace, driven over WebDriver.

use super::display::VirtualDisplay;
use super::driver::WebDriverServer;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Map, Value};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::Command;
use std::task::{Context, Poll};
use std::time::Duration;
use tempfile::TempDir;

const JOURNEY_LIMIT: Duration = Duration::from_secs(180);
const FIRST_SCREENS: &str = "[data-testid=board], [data-testid=empty-workspace], [data-testid=welcome]";

pub type Outcome<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// What the workspace holds when the app starts.
#[derive(Clone, Copy, Debug)]
pub enum Seed {
    /// A new, empty workspace (the app creates the file).
    Empty,
    /// A new, empty workspace made by `smw init`, as a new user scripting a client's file would.
    Init,
    /// Demo data written by `smw demo`, so pickers offer people and groups.
    Demo,
    /// A demo organisation large enough that its busiest board columns hold more cards than a
    /// column shows.
    LargeDemo,
    /// A file with these contents, to see what the app does with something that is no workspace.
    File(&'static str),
    /// No `--workspace` at all: the app opens (or creates) its default workspace in the data
    /// folder, which the harness points at the scratch folder.
    DefaultWorkspace,
}

/// Field order matters for clean-up: the WebDriver session closes first, then tauri-driver
/// and the app, then Xvfb, then the temporary folder with the workspace.
pub struct RunningApp {
    pub client: Client,
    pub workspace: PathBuf,
    _driver: WebDriverServer,
    display: VirtualDisplay,
    scratch: TempDir,
}

impl RunningApp {
    /// Starts everything and waits for the UI's first screen (at most 90 s in all).
    pub async fn start(seed: Seed) -> Outcome<RunningApp> {
        match tokio::time::timeout(Duration::from_secs(90), Self::start_unbounded(seed)).await {
            Ok(started) => started,
            Err(_) => Err("the app did not show its first screen within 90 s".into()),
        }
    }

    async fn start_unbounded(seed: Seed) -> Outcome<RunningApp> {
        let app_binary = PathBuf::from(env!("CARGO_BIN_EXE_sms-workbench"));
        let scratch = tempfile::Builder::new().prefix("smw-e2e-").tempdir()?;
        let mut workspace = scratch.path().join("e2e.smw");
        let mut args = vec!["--workspace".to_string(), workspace.display().to_string()];
        match seed {
            Seed::Empty => {}
            Seed::Init => init_workspace(&workspace)?,
            // A smaller organisation than the default keeps the board light and the start quick.
            Seed::Demo => write_demo_workspace(&workspace, 60)?,
            Seed::LargeDemo => write_demo_workspace(&workspace, 200)?,
            Seed::File(contents) => std::fs::write(&workspace, contents)?,
            Seed::DefaultWorkspace => {
                // Where launch.rs puts it: $XDG_DATA_HOME/sms-workbench/default.smw.
                workspace = scratch.path().join("data/sms-workbench/default.smw");
                args.clear();
            }
        }
        let display = VirtualDisplay::start()?;
        let driver = WebDriverServer::start(&display, scratch.path(), &artifacts_dir().join("tauri-driver.log"))?;
        eprintln!("e2e: Xvfb on {}, {}", display.name(), driver.describe());
        let mut capabilities = Map::new();
        capabilities.insert("tauri:options".into(), json!({ "application": app_binary, "args": args }));
        let client = open_session(&driver, capabilities).await?;
        eprintln!("e2e: WebDriver session open on {}", workspace.display());
        let app = RunningApp { client, workspace, _driver: driver, display, scratch };
        // The UI is up once it shows one of its first screens: the board (tickets exist), the
        // empty-workspace offer (none yet) or the welcome screen (no workspace open). The first
        // WebKit start on a cold machine is slow; later waits are short.
        let first_screen =
            app.client.wait().at_most(Duration::from_secs(60)).for_element(Locator::Css(FIRST_SCREENS)).await;
        if let Err(e) = first_screen {
            // No journey runs, so no `finish` either: keep what the window showed here.
            match app.screenshot("first-screen-failure").await {
                Ok(path) => eprintln!("e2e: first screen failure screenshot at {}", path.display()),
                Err(shot) => eprintln!("e2e: no first screen failure screenshot: {shot}"),
            }
            return Err(format!("the UI never showed its first screen: {e}").into());
        }
        Ok(app)
    }

    /// The private folder of this run; the app's XDG config and data folders are inside it.
    pub fn scratch_dir(&self) -> &Path {
        self.scratch.path()
    }

    /// Saves a PNG of the screen under `target/e2e/`. Taken from the X server with ImageMagick
    /// because WebKitWebDriver's own screenshot command never answers under Xvfb with
    /// compositing disabled; the X capture also shows what a person would see.
    pub async fn screenshot(&self, name: &str) -> Outcome<PathBuf> {
        let path = artifacts_dir().join(format!("{name}.png"));
        let status =
            Command::new("import").args(["-display", &self.display.name(), "-window", "root"]).arg(&path).status()?;
        if !status.success() {
            return Err(format!("ImageMagick import could not capture {}", self.display.name()).into());
        }
        Ok(path)
    }

    /// Runs a journey with a time limit, so a WebDriver call that never answers fails the test
    /// (and the processes are still cleaned up) instead of hanging CI. A panic in the journey
    /// (an `assert!`, an `unwrap`) becomes a failed outcome too, so `finish` still keeps the
    /// screenshot of the moment it failed.
    pub async fn run<'a, F>(&'a self, journey: F) -> Outcome
    where
        F: Future<Output = Outcome> + 'a,
    {
        match tokio::time::timeout(JOURNEY_LIMIT, PanicsAsFailures(Box::pin(journey))).await {
            Ok(outcome) => outcome,
            Err(_) => Err(format!("the journey did not finish within {JOURNEY_LIMIT:?}").into()),
        }
    }

    /// Ends the session (WebKitWebDriver closes the app), then drops the processes and files.
    /// A journey's failure is kept and returned after a screenshot of the moment it failed.
    pub async fn finish(self, name: &str, outcome: Outcome) -> Outcome {
        if outcome.is_err() {
            match self.screenshot(&format!("{name}-failure")).await {
                Ok(path) => eprintln!("{name}: failure screenshot at {}", path.display()),
                Err(e) => eprintln!("{name}: no failure screenshot: {e}"),
            }
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
        drop(self);
        outcome
    }
}

/// A journey future whose panic is caught and returned as an error instead of unwinding past
/// `RunningApp::finish` (which would drop the app without a failure screenshot).
struct PanicsAsFailures<F>(Pin<Box<F>>);

impl<F: Future<Output = Outcome>> Future for PanicsAsFailures<F> {
    type Output = Outcome;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Outcome> {
        let journey = &mut self.get_mut().0;
        match std::panic::catch_unwind(AssertUnwindSafe(|| journey.as_mut().poll(cx))) {
            Ok(poll) => poll,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|m| m.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".into());
                Poll::Ready(Err(format!("the journey panicked: {message}").into()))
            }
        }
    }
}

/// Opens the WebDriver session. On a cold machine tauri-driver can accept the request
/// before its WebKitWebDriver listens and then drop it, so a refused request is retried for a
/// while (the caller bounds the whole start).
async fn open_session(driver: &WebDriverServer, capabilities: Map<String, Value>) -> Outcome<Client> {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        match ClientBuilder::native().capabilities(capabilities.clone()).connect(&driver.url()).await {
            Ok(client) => return Ok(client),
            Err(e) if std::time::Instant::now() < deadline => {
                eprintln!("e2e: no WebDriver session yet ({e}); retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(e) => return Err(format!("no WebDriver session from {}: {e}", driver.describe()).into()),
        }
    }
}

/// `target/e2e/`: screenshots and logs of the last run (the README uses the board screenshot).
pub fn artifacts_dir() -> PathBuf {
    let app_binary = PathBuf::from(env!("CARGO_BIN_EXE_sms-workbench"));
    let target = app_binary.parent().and_then(Path::parent).expect("the app binary lives in target/<profile>/");
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).expect("create target/e2e");
    dir
}

/// The `smw` binary sits next to the app binary when the workspace was built (`cargo test`
/// builds it); otherwise build it here so the E2E tests also run on their own.
pub fn smw_binary() -> Outcome<PathBuf> {
    let app_binary = PathBuf::from(env!("CARGO_BIN_EXE_sms-workbench"));
    let smw = app_binary.with_file_name("smw");
    if !smw.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "-p", "smw-cli", "--bin", "smw"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()?;
        if !status.success() {
            return Err("building the smw CLI failed".into());
        }
    }
    Ok(smw)
}

fn write_demo_workspace(workspace: &Path, tickets: usize) -> Outcome {
    let output =
        Command::new(smw_binary()?).arg("demo").arg(workspace).args(["--tickets", &tickets.to_string()]).output()?;
    if !output.status.success() {
        return Err(format!("smw demo failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(())
}

fn init_workspace(workspace: &Path) -> Outcome {
    let output = Command::new(smw_binary()?).arg("init").arg(workspace).output()?;
    if !output.status.success() {
        return Err(format!("smw init failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(())
}

/// The value a JavaScript expression gives in the app's page.
pub async fn evaluate(client: &Client, expression: &str) -> Outcome<Value> {
    Ok(client.execute(&format!("return ({expression});"), vec![]).await?)
}
