//! Settings records: one JSON value per name, audited like every other record.

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::Stored;
use crate::workspace::Workspace;
use crate::write::Actor;
use rusqlite::{Connection, OptionalExtension};
use smw_core::priority::PriorityMatrix;
use smw_core::setting::{Setting, PRIORITY_MATRIX};
use smw_core::{Code, Invalid, RecordKind, Timestamp};

stored_record! {
    Setting => table "settings", noun "setting",
    columns {
        id: uuid,
        key: text,
        name: text,
        value: text,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

pub(crate) fn setting(conn: &Connection, name: &str) -> StoreResult<Option<Setting>> {
    let sql = format!("{} WHERE name = ?1 AND deleted_at IS NULL", crate::stored::select_sql::<Setting>());
    Ok(conn.prepare_cached(&sql)?.query_row([name], Setting::from_row).optional()?)
}

/// The workspace's priority matrix, or the default one when none was configured.
pub fn priority_matrix(conn: &Connection) -> StoreResult<PriorityMatrix> {
    match setting(conn, PRIORITY_MATRIX)? {
        Some(setting) => Ok(serde_json::from_str(&setting.value).map_err(|e| {
            Invalid::field(
                Code::BadSetting,
                PRIORITY_MATRIX,
                format!("The stored priority matrix cannot be read ({e})."),
            )
        })?),
        None => Ok(PriorityMatrix::default()),
    }
}

impl Workspace {
    pub fn priority_matrix(&self) -> StoreResult<PriorityMatrix> {
        priority_matrix(&self.reader())
    }

    /// Replaces the priority matrix. Existing tickets keep their priority until edited.
    pub fn set_priority_matrix(
        &self,
        actor: &Actor,
        now: Timestamp,
        matrix: PriorityMatrix,
    ) -> StoreResult<PriorityMatrix> {
        matrix.validate()?;
        let value = serde_json::to_string(&matrix).expect("matrix serialises");
        self.put_setting(actor, now, PRIORITY_MATRIX, value)?;
        Ok(matrix)
    }

    /// Creates or replaces the setting `name`. The value must already be validated.
    pub(crate) fn put_setting(&self, actor: &Actor, now: Timestamp, name: &str, value: String) -> StoreResult<Setting> {
        self.write(actor, now, |w| match setting(w.conn(), name)? {
            Some(before) => {
                let mut after = Setting { value, ..before.clone() };
                w.update(&before, &mut after)?;
                Ok(after)
            }
            None => {
                let (id, key) = w.identity(RecordKind::Setting)?;
                let created = Setting {
                    id,
                    key,
                    name: name.to_string(),
                    value,
                    created_at: now,
                    updated_at: now,
                    deleted_at: None,
                    version: 1,
                };
                w.insert(&created)?;
                Ok(created)
            }
        })
    }
}
