//! Partial updates: a field left out stays as it is; `null` clears a nullable field.

use serde::{Deserialize, Deserializer};

/// For `Option<Option<T>>` patch fields: absent → `None`, `null` → `Some(None)`, value → `Some(Some(v))`.
pub fn nullable<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A list of ids as given, each kept once (in the order first given).
pub(crate) fn without_repeats(ids: Vec<uuid::Uuid>) -> Vec<uuid::Uuid> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter().filter(|id| seen.insert(*id)).collect()
}
