//! People and support groups: who calls, who works tickets, who acts in the audit history.

use crate::error::Invalid;
use crate::ids::RecordKind;
use crate::impl_record;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Person {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub email: String,
    /// The support groups the person works in (empty for callers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub group_ids: Vec<Uuid>,
    /// The customer organisation a caller belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customer_id: Option<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Person, RecordKind::Person);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PersonDraft {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub group_ids: Vec<Uuid>,
    #[serde(default)]
    #[ts(optional)]
    pub customer_id: Option<Uuid>,
}

impl Person {
    pub fn create(draft: PersonDraft, id: Uuid, key: String, now: Timestamp) -> Result<Person, Invalid> {
        let email = text::optional_line("email", &draft.email, 254)?.unwrap_or_default();
        if !email.is_empty() && !looks_like_email(&email) {
            return Err(Invalid::field("bad_email", "email", "is not an e-mail address"));
        }
        Ok(Person {
            id,
            key,
            name: text::required_line("name", &draft.name, text::NAME_MAX)?,
            email,
            group_ids: draft.group_ids,
            customer_id: draft.customer_id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        })
    }
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        }
        None => false,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Group {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Group, RecordKind::Group);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct GroupDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

impl Group {
    pub fn create(draft: GroupDraft, id: Uuid, key: String, now: Timestamp) -> Result<Group, Invalid> {
        Ok(Group {
            id,
            key,
            name: text::required_line("name", &draft.name, text::NAME_MAX)?,
            description: text::markdown("description", &draft.description, 10_000)?,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_need_a_name_and_a_plausible_email() {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let draft = PersonDraft { name: "Ada".into(), email: "ada@example.org".into(), ..Default::default() };
        Person::create(draft.clone(), Uuid::nil(), "PER-000001".into(), now).unwrap();
        let err =
            Person::create(PersonDraft { email: "ada".into(), ..draft }, Uuid::nil(), "PER-1".into(), now).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("email"));
    }
}
