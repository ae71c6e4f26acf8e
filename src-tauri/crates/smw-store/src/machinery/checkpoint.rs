//! Signed checkpoints: the person who acted signs the chain head with an Ed25519 key kept
//! outside the file (signing_keys.rs). The signatures and public keys are stored in the
//! workspace (tables `checkpoints` and `signing_keys`, migration 0007), not as audit entries:
//! signing a head must not move it. Someone who rewrites history past a checkpoint cannot sign
//! the new head with that person's key, so verify names the rewrite (docs/audit-chain.md says
//! what this does not stop).

use crate::actor::Actor;
use crate::audit;
use crate::error::StoreResult;
use crate::signing_keys::{generate, KeyStore};
use crate::workspace::Workspace;
use ed25519_dalek::{Signer, SigningKey};
use rusqlite::{OptionalExtension, TransactionBehavior};
use smw_core::audit::hex;
use smw_core::Timestamp;
use uuid::Uuid;

/// A signed head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    pub signed_at: Timestamp,
    /// The signer's public key, 64 hex digits.
    pub public_key: String,
}

/// What a checkpoint's signature covers. Each field on its own line after a fixed title, so
/// no checkpoint reads as another message (or as a key registration).
pub(crate) fn checkpoint_message(seq: i64, hash: &str, signed_at: &str) -> String {
    format!("sms-workbench checkpoint v1\nentry {seq}\nhash {hash}\nsigned {signed_at}\n")
}

/// What a key's registration covers: the person it is for, signed by the key itself, so a
/// key is only ever registered by someone who holds its secret half.
pub(crate) fn registration_message(
    person_id: &str,
    person_name: &str,
    registered_at: &str,
    public_key: &str,
) -> String {
    format!(
        "sms-workbench signing key v1\nperson {person_id}\nname {person_name}\nregistered {registered_at}\nkey {public_key}\n"
    )
}

impl Workspace {
    /// Signs the current head as `signer`, with the key `keys` holds for them (made and
    /// registered in the workspace on first use). Signs nothing, and returns None, for an empty
    /// history or a signer who is not a person of the workspace (a tool such as `smw import`).
    /// Signing a head the same key has signed already returns that checkpoint again.
    pub fn sign_head(&self, keys: &dyn KeyStore, signer: &Actor, now: Timestamp) -> StoreResult<Option<Checkpoint>> {
        let Some(person) = signer.id else { return Ok(None) };
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head = audit::head(&tx)?;
        let is_person: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)", [person.to_string()], |row| row.get(0))?;
        if head.seq == 0 || !is_person {
            return Ok(None);
        }
        let key = match keys.load(person)? {
            Some(key) => key,
            None => {
                let key = generate()?;
                keys.save(person, &key)?;
                key
            }
        };
        let public_key = hex(key.verifying_key().as_bytes());
        register(&tx, &key, &public_key, person, &signer.name, now)?;
        let signed_at = now.to_string();
        let existing: Option<String> = tx
            .query_row(
                "SELECT signed_at FROM checkpoints WHERE audit_seq = ?1 AND audit_hash = ?2 AND public_key = ?3",
                rusqlite::params![head.seq, head.hash, public_key],
                |row| row.get(0),
            )
            .optional()?;
        let signed_at = match existing {
            Some(earlier) => earlier,
            None => {
                let signature = key.sign(checkpoint_message(head.seq, &head.hash, &signed_at).as_bytes());
                tx.execute(
                    "INSERT INTO checkpoints (audit_seq, audit_hash, signed_at, public_key, signature)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    rusqlite::params![head.seq, head.hash, signed_at, public_key, hex(&signature.to_bytes())],
                )?;
                signed_at
            }
        };
        tx.commit()?;
        Ok(Some(Checkpoint {
            seq: head.seq,
            hash: head.hash,
            signed_at: Timestamp::parse(&signed_at).unwrap_or(now),
            public_key,
        }))
    }

    /// The person who wrote the newest audit entry, if a person did: whom the CLI signs as
    /// after a write.
    pub fn last_actor(&self) -> StoreResult<Option<Actor>> {
        let conn = self.reader();
        let found: Option<(String, String)> = conn
            .query_row("SELECT actor_id, actor FROM audit_log ORDER BY seq DESC LIMIT 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        Ok(found.and_then(|(id, name)| id.parse::<Uuid>().ok().map(|id| Actor { id: Some(id), name })))
    }
}

/// Registers `key` for `person` unless it is registered already.
fn register(
    conn: &rusqlite::Connection,
    key: &SigningKey,
    public_key: &str,
    person: Uuid,
    name: &str,
    now: Timestamp,
) -> StoreResult<()> {
    let known: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM signing_keys WHERE public_key = ?1)", [public_key], |row| {
            row.get(0)
        })?;
    if known {
        return Ok(());
    }
    let (person, registered_at) = (person.to_string(), now.to_string());
    let signature = key.sign(registration_message(&person, name, &registered_at, public_key).as_bytes());
    conn.execute(
        "INSERT INTO signing_keys (public_key, person_id, person_name, registered_at, signature) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![public_key, person, name, registered_at, hex(&signature.to_bytes())],
    )?;
    Ok(())
}
