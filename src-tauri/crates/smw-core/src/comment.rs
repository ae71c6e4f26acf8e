//! Comments on tickets and problems: public replies the caller sees, or internal work notes.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Comment {
    pub id: Uuid,
    pub key: String,
    /// The ticket or problem the comment belongs to.
    pub parent_id: Uuid,
    pub author_id: Option<Uuid>,
    pub body: String,
    /// Internal work notes are for the support team only.
    pub internal: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Comment, RecordKind::Comment);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct CommentDraft {
    pub body: String,
    #[serde(default)]
    pub internal: bool,
}

impl Comment {
    pub fn create(
        draft: CommentDraft,
        parent_id: Uuid,
        author_id: Option<Uuid>,
        id: Uuid,
        key: String,
        now: Timestamp,
    ) -> Result<Comment, Invalid> {
        if draft.body.trim().is_empty() {
            return Err(Invalid::field(Code::Required, "body", "Write something before adding the comment."));
        }
        Ok(Comment {
            id,
            key,
            parent_id,
            author_id,
            body: text::markdown("body", &draft.body, text::MARKDOWN_MAX)?,
            internal: draft.internal,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        })
    }
}
