//! Where a person's secret signing key lives: never in the workspace file (whoever holds the
//! file could then sign a forged history), but on the person's own machine.
//!
//! [`KeyFolder`] keeps each key in a file readable by its owner only (0600) in the data folder.
//! The operating system's keychain would be the better home; the `keyring` crate reaches the
//! Secret Service only through D-Bus and a running keyring daemon, which headless machines and
//! CI lack, so the store asks for a [`KeyStore`] and the folder is the one it ships with; a
//! keychain store plugs in behind the same trait.

use crate::error::StoreResult;
use ed25519_dalek::SigningKey;
use std::io::Write;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// Keeps the secret signing keys of the people who act on this machine.
pub trait KeyStore {
    /// The key of `person`, if this machine has one.
    fn load(&self, person: Uuid) -> StoreResult<Option<SigningKey>>;
    /// Keeps a new key for `person`.
    fn save(&self, person: Uuid, key: &SigningKey) -> StoreResult<()>;
}

/// Keys as files `<person id>.ed25519` (the secret's 64 hex digits) in a folder of their own.
pub struct KeyFolder {
    dir: PathBuf,
}

impl KeyFolder {
    /// The key folder inside the data folder `data_dir`.
    pub fn in_data_dir(data_dir: &Path) -> Self {
        KeyFolder { dir: data_dir.join("signing-keys") }
    }

    fn file(&self, person: Uuid) -> PathBuf {
        self.dir.join(format!("{person}.ed25519"))
    }
}

impl KeyStore for KeyFolder {
    fn load(&self, person: Uuid) -> StoreResult<Option<SigningKey>> {
        let text = match std::fs::read_to_string(self.file(person)) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            other => other?,
        };
        let secret = smw_core::audit::decode_hex32(text.trim()).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{} is not a signing key", self.file(person).display()),
            )
        })?;
        Ok(Some(SigningKey::from_bytes(&secret)))
    }

    fn save(&self, person: Uuid, key: &SigningKey) -> StoreResult<()> {
        create_private_dir(&self.dir)?;
        let mut options = std::fs::OpenOptions::new();
        // create_new: a key once made is never overwritten (its public half is in workspaces).
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(self.file(person))?;
        file.write_all(smw_core::audit::hex(&key.to_bytes()).as_bytes())?;
        file.sync_all()?;
        Ok(())
    }
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// A fresh key from the operating system's random source.
pub(crate) fn generate() -> StoreResult<SigningKey> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|error| std::io::Error::other(format!("no random source: {error}")))?;
    Ok(SigningKey::from_bytes(&secret))
}
