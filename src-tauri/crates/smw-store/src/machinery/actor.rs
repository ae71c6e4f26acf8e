//! Who is acting in a write: the audit log names them in every entry.

use uuid::Uuid;

/// Who is acting: a person of the workspace, or a named tool (`smw import`) when no person is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: Option<Uuid>,
    pub name: String,
}

impl Actor {
    pub fn system(name: &str) -> Actor {
        Actor { id: None, name: name.to_string() }
    }
}
