//! Who acted last in each workspace, kept in the app's config folder (not in the workspace:
//! choosing who you are is not a change to the SMS and must not enter its history), so a
//! person who said who they are once is not asked again.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use uuid::Uuid;

#[derive(Debug, Default, Serialize, Deserialize)]
struct ActorsFile {
    by_workspace: BTreeMap<PathBuf, Uuid>,
}

#[derive(Debug)]
pub struct RememberedActors {
    file: PathBuf,
    by_workspace: BTreeMap<PathBuf, Uuid>,
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

impl RememberedActors {
    /// Reads the file; a missing or unreadable one remembers nobody, never a start-up failure.
    pub fn load(file: PathBuf) -> Self {
        let by_workspace =
            crate::config_file::read::<ActorsFile>(&file).map(|actors| actors.by_workspace).unwrap_or_default();
        RememberedActors { file, by_workspace }
    }

    pub fn get(&self, workspace: &Path) -> Option<Uuid> {
        self.by_workspace.get(&canonical(workspace)).copied()
    }

    /// Remembers `person` for `workspace` and saves. Failing to save only costs the memory, so
    /// it is logged.
    pub fn remember(&mut self, workspace: &Path, person: Uuid) {
        if self.by_workspace.insert(canonical(workspace), person) == Some(person) {
            return;
        }
        if let Err(error) = self.save() {
            eprintln!("sms-workbench: could not save who acts to {}: {error}", self.file.display());
        }
    }

    fn save(&self) -> std::io::Result<()> {
        crate::config_file::write(&self.file, &ActorsFile { by_workspace: self.by_workspace.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_one_person_per_workspace_across_a_restart() {
        let folder = tempfile::tempdir().unwrap();
        let (a, b) = (folder.path().join("a.smw"), folder.path().join("b.smw"));
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        let file = folder.path().join("config/actors.json");
        let mut actors = RememberedActors::load(file.clone());
        actors.remember(&a, Uuid::from_u128(1));
        actors.remember(&b, Uuid::from_u128(2));
        actors.remember(&a, Uuid::from_u128(3));
        let reloaded = RememberedActors::load(file);
        assert_eq!((reloaded.get(&a), reloaded.get(&b)), (Some(Uuid::from_u128(3)), Some(Uuid::from_u128(2))));
        assert_eq!(reloaded.get(&folder.path().join("c.smw")), None);
    }
}
