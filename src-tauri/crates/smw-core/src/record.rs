//! What every stored record shares: identity, human key, timestamps, a row version and a
//! tombstone. SMS records are never hard-deleted; deleting sets `deleted_at`.

use crate::ids::RecordKind;
use crate::time::Timestamp;
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;

pub trait Record: Serialize + DeserializeOwned + Clone + Send + 'static {
    fn kind(&self) -> RecordKind;
    fn id(&self) -> Uuid;
    fn key(&self) -> &str;
    fn version(&self) -> i64;
    fn deleted_at(&self) -> Option<Timestamp>;
    /// Marks a new revision: bumps the row version and stamps `updated_at`.
    fn touch(&mut self, now: Timestamp);
    /// Sets the tombstone; the store's write path then records it as a new revision.
    fn tombstone(&mut self, now: Timestamp);
}

/// Implements [`Record`] for a struct with the standard meta fields
/// (`id`, `key`, `updated_at`, `deleted_at`, `version`) whose kind is fixed.
#[macro_export]
macro_rules! impl_record {
    ($type:ty, $kind:expr) => {
        impl $crate::record::Record for $type {
            fn kind(&self) -> $crate::ids::RecordKind {
                $kind
            }
            fn id(&self) -> uuid::Uuid {
                self.id
            }
            fn key(&self) -> &str {
                &self.key
            }
            fn version(&self) -> i64 {
                self.version
            }
            fn deleted_at(&self) -> Option<$crate::time::Timestamp> {
                self.deleted_at
            }
            fn touch(&mut self, now: $crate::time::Timestamp) {
                self.version += 1;
                self.updated_at = now;
            }
            fn tombstone(&mut self, now: $crate::time::Timestamp) {
                self.deleted_at = Some(now);
            }
        }
    };
}
