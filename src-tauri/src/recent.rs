//! The recently opened workspaces, kept as JSON in the app's config folder so the UI can
//! offer them on the next start.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const KEEP: usize = 10;

#[derive(Debug, Default, Serialize, Deserialize)]
struct RecentFile {
    paths: Vec<PathBuf>,
}

#[derive(Debug)]
pub struct RecentWorkspaces {
    file: PathBuf,
    paths: Vec<PathBuf>,
}

impl RecentWorkspaces {
    /// Reads the list; a missing or unreadable file is an empty list, never a start-up failure.
    pub fn load(file: PathBuf) -> Self {
        let paths = crate::config_file::read::<RecentFile>(&file).map(|recent| recent.paths).unwrap_or_default();
        RecentWorkspaces { file, paths }
    }

    /// Moves `path` to the front and saves. Failing to save only costs the list, so it is logged.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|known| known != &path);
        self.paths.insert(0, path);
        self.paths.truncate(KEEP);
        if let Err(error) = self.save() {
            eprintln!("sms-workbench: could not save the recent workspaces to {}: {error}", self.file.display());
        }
    }

    /// The remembered workspaces that still exist, newest first.
    pub fn existing(&self) -> Vec<String> {
        self.paths.iter().filter(|path| path.exists()).map(|path| path.display().to_string()).collect()
    }

    fn save(&self) -> std::io::Result<()> {
        crate::config_file::write(&self.file, &RecentFile { paths: self.paths.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_newest_first_without_duplicates_and_survives_a_restart() {
        let folder = tempfile::tempdir().unwrap();
        let (a, b) = (folder.path().join("a.smw"), folder.path().join("b.smw"));
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        let file = folder.path().join("config/recent.json");
        let mut recent = RecentWorkspaces::load(file.clone());
        recent.remember(&a);
        recent.remember(&b);
        recent.remember(&a);
        let reloaded = RecentWorkspaces::load(file);
        let names: Vec<_> = reloaded.existing().iter().map(|p| p.rsplit('/').next().unwrap().to_string()).collect();
        assert_eq!(names, ["a.smw", "b.smw"]);
    }

    #[test]
    fn a_corrupt_list_is_an_empty_list() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("recent.json");
        std::fs::write(&file, "{ not json").unwrap();
        assert!(RecentWorkspaces::load(file).existing().is_empty());
    }
}
