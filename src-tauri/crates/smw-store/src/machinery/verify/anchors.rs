//! Heads held outside the chain's own reach: signed checkpoints (whose keys are not in the
//! file) and witnessed heads (kept outside the file). The chain walk proves the log is
//! internally consistent; these prove it is still the log that was signed or witnessed. A
//! head that is not on the current chain means history was rewritten or cut at or before it.

use super::Findings;
use crate::checkpoint::{checkpoint_message, registration_message};
use crate::error::StoreResult;
use crate::witness::Witness;
use ed25519_dalek::{Signature, VerifyingKey};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// A head some outside party vouches for, and how a finding names that party.
struct Vouched {
    seq: i64,
    hash: String,
    by: String,
}

/// Whether the entry numbered `seq` on the current chain has hash `hash`. The chain walk has
/// checked that every entry links to the one before, so a matching hash vouches for every
/// entry up to it.
fn on_chain(conn: &Connection, seq: i64, hash: &str) -> StoreResult<bool> {
    let found: Option<String> = conn
        .prepare_cached("SELECT hash FROM audit_log WHERE seq = ?1")?
        .query_row([seq], |row| row.get(0))
        .optional()?;
    Ok(found.as_deref() == Some(hash))
}

/// Names the earliest vouched head the chain no longer holds (the tightest bound on where
/// history changed) and how many others it also lost.
fn report_broken(conn: &Connection, heads: Vec<Vouched>, findings: &mut Findings) -> StoreResult<()> {
    let mut broken = Vec::new();
    for head in heads {
        if !on_chain(conn, head.seq, &head.hash)? {
            broken.push(head);
        }
    }
    broken.sort_by_key(|head| head.seq);
    let Some(first) = broken.first() else { return Ok(()) };
    let newest: i64 = conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |row| row.get(0))?;
    let mut message = format!("history changed at or before entry {}, {}", first.seq, first.by);
    if first.seq > newest {
        message.push_str(&format!(" (the log now ends at entry {newest})"));
    }
    if broken.len() > 1 {
        message.push_str(&format!("; {} later heads vouched for are gone too", broken.len() - 1));
    }
    findings.add("history_rewritten", message, None, Some(first.seq));
    Ok(())
}

/// Every witnessed head must be on the chain.
pub(super) fn check_witnesses(conn: &Connection, witnesses: &[Witness], findings: &mut Findings) -> StoreResult<()> {
    let heads = witnesses
        .iter()
        .map(|w| Vouched {
            seq: w.seq,
            hash: w.hash.clone(),
            by: match &w.at {
                Some(at) => format!("witnessed on {at}"),
                None => "as witnessed on the command line".to_string(),
            },
        })
        .collect();
    report_broken(conn, heads, findings)
}

fn verifying_key(hex: &str) -> Option<VerifyingKey> {
    VerifyingKey::from_bytes(&smw_core::audit::decode_hex32(hex)?).ok()
}

fn signature(hex: &str) -> Option<Signature> {
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| hex.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
        .collect::<Option<_>>()?;
    Signature::from_slice(&bytes).ok()
}

fn signed(key: &VerifyingKey, message: &str, signature_hex: &str) -> bool {
    signature(signature_hex).is_some_and(|signature| key.verify_strict(message.as_bytes(), &signature).is_ok())
}

/// Every key registered by its own holder for a person of the workspace; every checkpoint
/// signed by a registered key; every signed head on the chain.
pub(super) fn check_checkpoints(conn: &Connection, findings: &mut Findings) -> StoreResult<()> {
    let mut keys: HashMap<String, (VerifyingKey, String)> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT k.public_key, k.person_id, k.person_name, k.registered_at, k.signature,
                    EXISTS (SELECT 1 FROM people p WHERE p.id = k.person_id)
             FROM signing_keys k ORDER BY k.seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let (public_key, person_id, name, at, sig): (String, String, String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?);
            let is_person: bool = row.get(5)?;
            let valid = verifying_key(&public_key)
                .filter(|key| signed(key, &registration_message(&person_id, &name, &at, &public_key), &sig));
            match valid {
                Some(key) if is_person => {
                    keys.insert(public_key, (key, name));
                }
                _ => findings.add(
                    "signing_key_forged",
                    format!("the signing key registered for {name} on {at} was not registered by its holder for a person of this workspace"),
                    None,
                    None,
                ),
            }
        }
    }
    let mut heads = Vec::new();
    let mut stmt = conn
        .prepare("SELECT seq, audit_seq, audit_hash, signed_at, public_key, signature FROM checkpoints ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (audit_seq, hash, at, public_key, sig): (i64, String, String, String, String) =
            (row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?);
        match keys.get(&public_key) {
            Some((key, name)) if signed(key, &checkpoint_message(audit_seq, &hash, &at), &sig) => {
                heads.push(Vouched { seq: audit_seq, hash, by: format!("signed by {name} on {at}") });
            }
            _ => findings.add(
                "checkpoint_forged",
                format!("the checkpoint of entry {audit_seq} dated {at} is not signed by a registered key"),
                None,
                Some(audit_seq),
            ),
        }
    }
    report_broken(conn, heads, findings)
}
