//! The one way records change: inside a [`WriteTx`], which writes each record and its
//! hash-chained audit entry in the same SQLite transaction and keeps the search index in step.

pub use crate::actor::Actor;
use crate::audit::{self, ChainHead};
use crate::changes::ChangeLog;
use crate::error::{StoreError, StoreResult};
use crate::search;
use crate::stored::{bind_values, insert_sql, require_key, update_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use smw_core::audit::AuditAction;
use smw_core::{new_id, HumanKey, Invalid, RecordKind, Timestamp};
use std::collections::HashMap;
use uuid::Uuid;

pub struct WriteTx<'c> {
    tx: Transaction<'c>,
    actor: Actor,
    now: Timestamp,
    head: ChainHead,
    counters: HashMap<&'static str, u64>,
    changes: ChangeLog,
}

impl Workspace {
    /// Runs `work` in one immediate transaction: all of it commits, or none of it does. Once
    /// it has committed, the workspace's listener hears what it changed.
    pub(crate) fn write<T>(
        &self,
        actor: &Actor,
        now: Timestamp,
        work: impl FnOnce(&mut WriteTx) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head = audit::head(&tx)?;
        let mut write =
            WriteTx { tx, actor: actor.clone(), now, head, counters: HashMap::new(), changes: ChangeLog::default() };
        let result = work(&mut write)?;
        let changes = write.finish()?;
        self.announce(changes);
        Ok(result)
    }
}

impl<'c> WriteTx<'c> {
    pub fn conn(&self) -> &Connection {
        &self.tx
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Moves the transaction's clock and actor on: bulk work (the demo generator, the
    /// benchmark) records many operations, each at its own time, in one transaction.
    pub(crate) fn act_as(&mut self, actor: &Actor, now: Timestamp) {
        self.actor = actor.clone();
        self.now = now;
    }

    /// A fresh id and the next human key of `kind`.
    pub fn identity(&mut self, kind: RecordKind) -> StoreResult<(Uuid, String)> {
        let prefix = kind.key_prefix();
        let last = match self.counters.get(prefix) {
            Some(&last) => last,
            None => self
                .tx
                .prepare_cached("SELECT last FROM key_counters WHERE prefix = ?1")?
                .query_row([prefix], |row| row.get::<_, i64>(0))
                .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(0) } else { Err(e) })?
                as u64,
        };
        self.counters.insert(prefix, last + 1);
        Ok((new_id(self.now), HumanKey { kind, number: last + 1 }.to_string()))
    }

    /// A new record of `kind`, as every family makes one: `make` builds it (the domain's
    /// `create`) with a fresh identity and the transaction's time, `check` refuses what the
    /// store must (references, unique names), and it is stored.
    pub fn create<R: Stored>(
        &mut self,
        kind: RecordKind,
        make: impl FnOnce(Uuid, String, Timestamp) -> Result<R, Invalid>,
        check: impl FnOnce(&WriteTx, &R) -> StoreResult<()>,
    ) -> StoreResult<R> {
        let (id, key) = self.identity(kind)?;
        let record = make(id, key, self.now)?;
        check(self, &record)?;
        self.insert(&record)?;
        Ok(record)
    }

    pub fn insert<R: Stored>(&mut self, record: &R) -> StoreResult<()> {
        self.tx.prepare_cached(insert_sql::<R>())?.execute(bind_values(record.values()))?;
        search::reindex(&self.tx, None, record, self.head.seq + 1)?;
        self.audit(AuditAction::Create, None, record)
    }

    /// Stores a new revision of `record`; `before` is the revision it replaces.
    pub fn update<R: Stored>(&mut self, before: &R, record: &mut R) -> StoreResult<()> {
        record.touch(self.now);
        self.tx.prepare_cached(update_sql::<R>())?.execute(bind_values(record.values()))?;
        search::reindex(&self.tx, Some(before), record, self.head.seq + 1)?;
        let action = if record.deleted_at().is_some() && before.deleted_at().is_none() {
            AuditAction::Delete
        } else {
            AuditAction::Update
        };
        self.audit(action, Some(before), record)
    }

    /// An edit of the live record `key`, made the way every family makes one: refused when
    /// the editor saw another revision, changed by `change` (which checks what it must and may
    /// refuse), and stored as the next revision. Returns the revision replaced and the new one.
    pub fn edit<R: Stored>(
        &mut self,
        key: &str,
        expected_version: Option<i64>,
        change: impl FnOnce(&WriteTx, &mut R) -> StoreResult<()>,
    ) -> StoreResult<(R, R)> {
        self.edit_when(key, expected_version, change, |_, _| true)
    }

    /// [`WriteTx::edit`] for families where an edit that changes nothing leaves no revision.
    pub fn edit_if_changed<R: Stored + PartialEq>(
        &mut self,
        key: &str,
        expected_version: Option<i64>,
        change: impl FnOnce(&WriteTx, &mut R) -> StoreResult<()>,
    ) -> StoreResult<(R, R)> {
        self.edit_when(key, expected_version, change, |before, after| after != before)
    }

    fn edit_when<R: Stored>(
        &mut self,
        key: &str,
        expected_version: Option<i64>,
        change: impl FnOnce(&WriteTx, &mut R) -> StoreResult<()>,
        store: impl FnOnce(&R, &R) -> bool,
    ) -> StoreResult<(R, R)> {
        let before: R = require_key(self.conn(), key)?;
        check_version(&before, expected_version)?;
        let mut after = before.clone();
        change(self, &mut after)?;
        if store(&before, &after) {
            self.update(&before, &mut after)?;
        }
        Ok((before, after))
    }

    /// Tombstones a record: SMS records are never hard-deleted.
    pub fn delete<R: Stored>(&mut self, record: &R) -> StoreResult<()> {
        self.retire(record, |_| {}).map(|_| ())
    }

    /// Tombstones a record after `last_words` (a final change that goes with retiring it,
    /// such as a service's status) and returns the retired revision.
    pub fn retire<R: Stored>(&mut self, record: &R, last_words: impl FnOnce(&mut R)) -> StoreResult<R> {
        let mut gone = record.clone();
        last_words(&mut gone);
        gone.tombstone(self.now);
        self.update(record, &mut gone)?;
        Ok(gone)
    }

    fn audit<R: Stored>(&mut self, action: AuditAction, before: Option<&R>, after: &R) -> StoreResult<()> {
        let changes = serde_json::Value::Object(smw_core::audit::changes(before, after)).to_string();
        let digest = smw_core::audit::row_digest(after);
        self.head = audit::append(&self.tx, &self.head, &self.actor, self.now, action, after, &changes, &digest)?;
        self.changes.record(after.kind(), after.id(), after.key(), action, self.head.seq);
        Ok(())
    }

    fn finish(self) -> StoreResult<ChangeLog> {
        {
            let mut save = self
                .tx
                .prepare_cached("INSERT INTO key_counters (prefix, last) VALUES (?1, ?2) ON CONFLICT(prefix) DO UPDATE SET last = excluded.last")?;
            for (prefix, last) in &self.counters {
                save.execute(rusqlite::params![prefix, *last as i64])?;
            }
        }
        self.tx.commit()?;
        Ok(self.changes)
    }
}

/// Refuses an edit made against a revision that is no longer current.
pub fn check_version<R: Stored>(record: &R, expected: Option<i64>) -> StoreResult<()> {
    match expected {
        Some(expected) if expected != record.version() => {
            Err(StoreError::Conflict { key: record.key().to_string(), expected, actual: record.version() })
        }
        _ => Ok(()),
    }
}
