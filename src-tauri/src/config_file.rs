//! The app's own small JSON files in its config folder (recent workspaces, who acts where):
//! read leniently, written whole.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::Path;

/// The file's contents, or `None` when it is missing or unreadable: losing a convenience list
/// is never a reason to fail start-up.
pub fn read<T: DeserializeOwned>(file: &Path) -> Option<T> {
    std::fs::read(file).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok())
}

/// Writes `value` beside `file` and renames it into place, so a crash mid-write never leaves
/// half a file.
pub fn write<T: Serialize>(file: &Path, value: &T) -> std::io::Result<()> {
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let partial = file.with_extension("json.partial");
    std::fs::write(&partial, serde_json::to_vec_pretty(value)?)?;
    std::fs::rename(partial, file)
}
