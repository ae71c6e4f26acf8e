//! From what a person types to what the store takes: record keys (`GRP-000001`, any case) to
//! ids of live records, and `--as PERSON-KEY` to the acting person. A key that names nothing,
//! or only a retired record, is bad input naming the flag it came from.

use crate::error::{CliError, CliResult};
use crate::workspace_cmds::now;
use smw_core::catalogue::{Customer, Service, Supplier};
use smw_core::directory::{Group, Person};
use smw_core::location::Location;
use smw_core::views::Directory;
use smw_core::{Record, Timestamp};
use smw_store::{Actor, Workspace};
use std::path::Path;
use uuid::Uuid;

/// The word that clears an optional reference (`--lead none`) or empties a list (`--group none`).
pub const NONE: &str = "none";

/// A directory record family: what a person calls one, and where the directory keeps them.
pub trait Family: Record {
    const NOUN: &'static str;
    fn all(directory: &Directory) -> &[Self];
}

macro_rules! family {
    ($type:ty, $noun:literal, $field:ident) => {
        impl Family for $type {
            const NOUN: &'static str = $noun;
            fn all(directory: &Directory) -> &[Self] {
                &directory.$field
            }
        }
    };
}

family!(Person, "person", people);
family!(Group, "group", groups);
family!(Location, "location", locations);
family!(Customer, "customer", customers);
family!(Supplier, "supplier", suppliers);
family!(Service, "service", services);

/// An open workspace, its directory as it was on opening, and the time every write is stamped with.
pub struct Session {
    pub ws: Workspace,
    pub directory: Directory,
    pub now: Timestamp,
}

impl Session {
    pub fn open(file: &Path) -> CliResult<Session> {
        let ws = open_workspace(file)?;
        let directory = ws.directory()?;
        Ok(Session { ws, directory, now: now() })
    }

    /// The live record of family `R` with this key; `flag` names where the key came from.
    pub fn live<R: Family>(&self, flag: &str, key: &str) -> CliResult<&R> {
        R::all(&self.directory)
            .iter()
            .find(|record| record.deleted_at().is_none() && record.key().eq_ignore_ascii_case(key.trim()))
            .ok_or_else(|| CliError::bad_input(format!("{flag}: no live {} has the key {}", R::NOUN, key.trim())))
    }

    pub fn id<R: Family>(&self, flag: &str, key: &str) -> CliResult<Uuid> {
        Ok(self.live::<R>(flag, key)?.id())
    }

    /// A reference that may be left out.
    pub fn id_if_given<R: Family>(&self, flag: &str, key: Option<&str>) -> CliResult<Option<Uuid>> {
        key.map(|key| self.id::<R>(flag, key)).transpose()
    }

    /// An optional reference that an edit can clear: not given → `None`; `none` → `Some(None)` (clear it); a key → its id.
    pub fn optional_id<R: Family>(&self, flag: &str, key: Option<&str>) -> CliResult<Option<Option<Uuid>>> {
        match key {
            None => Ok(None),
            Some(key) if key.trim().eq_ignore_ascii_case(NONE) => Ok(Some(None)),
            Some(key) => Ok(Some(Some(self.id::<R>(flag, key)?))),
        }
    }

    /// A list of references: not given → `None`; just `none` → an empty list; else every key's id.
    pub fn ids<R: Family>(&self, flag: &str, keys: &[String]) -> CliResult<Option<Vec<Uuid>>> {
        match keys {
            [] => Ok(None),
            [only] if only.trim().eq_ignore_ascii_case(NONE) => Ok(Some(Vec::new())),
            keys => keys.iter().map(|key| self.id::<R>(flag, key)).collect::<CliResult<_>>().map(Some),
        }
    }

    /// The stored key of the live record `KEY` names, so a key typed in lower case still finds it.
    pub fn key<R: Family>(&self, key: &str) -> CliResult<String> {
        Ok(self.live::<R>("KEY", key)?.key().to_string())
    }

    /// The person `--as` names, who must be live and allowed to act.
    pub fn actor(&self, key: &str) -> CliResult<Actor> {
        let person = self.live::<Person>("--as", key)?;
        if !person.may_act() {
            return Err(CliError::bad_input(format!(
                "--as: {} ({}) may not act in the workbench; choose someone who can",
                person.name, person.key
            )));
        }
        Ok(Actor { id: Some(person.id), name: person.name.clone() })
    }
}

/// Opens an existing workspace; a missing file is bad input naming it (the store would only
/// say "no such file" without the path).
pub fn open_workspace(file: &Path) -> CliResult<Workspace> {
    if !file.exists() {
        return Err(CliError::bad_input(format!(
            "{}: no such workspace file (create one with `smw init`)",
            file.display()
        )));
    }
    Ok(Workspace::open(file)?)
}

/// Every write is recorded under a person's name, so it needs one.
pub fn actor_required() -> CliError {
    CliError::bad_input("--as: say who is acting with --as PERSON-KEY (every change is recorded under a person's name)")
}
