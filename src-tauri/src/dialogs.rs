//! Native file dialogs, opened from Rust with `rfd` so the window needs no dialog plugin
//! and no file-system permission: the UI only ever receives the chosen workspace.

use std::path::PathBuf;
use tauri::{AppHandle, Manager};

const FILTER_NAME: &str = "SMS Workbench workspace";
const EXTENSION: &str = "smw";

pub async fn pick_workspace_to_open(app: &AppHandle) -> Option<PathBuf> {
    let dialog = rfd::AsyncFileDialog::new().set_title("Open a workspace").add_filter(FILTER_NAME, &[EXTENSION]);
    let dialog = match app.get_webview_window("main") {
        Some(window) => dialog.set_parent(&window),
        None => dialog,
    };
    dialog.pick_file().await.map(|file| file.path().to_path_buf())
}

pub async fn pick_workspace_to_create(app: &AppHandle) -> Option<PathBuf> {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title("Create a workspace")
        .add_filter(FILTER_NAME, &[EXTENSION])
        .set_file_name("workspace.smw");
    let dialog = match app.get_webview_window("main") {
        Some(window) => dialog.set_parent(&window),
        None => dialog,
    };
    dialog.save_file().await.map(|file| with_extension(file.path().to_path_buf()))
}

/// GTK's save dialog keeps whatever name was typed; a workspace always ends in `.smw`.
fn with_extension(path: PathBuf) -> PathBuf {
    match path.extension() {
        Some(extension) if extension == EXTENSION => path,
        _ => {
            let mut name = path.file_name().map(|name| name.to_os_string()).unwrap_or_default();
            name.push(".");
            name.push(EXTENSION);
            path.with_file_name(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_workspaces_end_in_smw() {
        assert_eq!(with_extension("/tmp/ops".into()), PathBuf::from("/tmp/ops.smw"));
        assert_eq!(with_extension("/tmp/ops.smw".into()), PathBuf::from("/tmp/ops.smw"));
        assert_eq!(with_extension("/tmp/ops.db".into()), PathBuf::from("/tmp/ops.db.smw"));
    }
}
