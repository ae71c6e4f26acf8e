//! People and groups, and the directory the pickers show.

use crate::catalogue::stored_party;
use crate::columns::*;
use crate::error::StoreResult;
use crate::stored::{list_live, require_ref, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::Row;
use smw_core::catalogue::{Customer, Service, Supplier};
use smw_core::directory::{Group, GroupDraft, Person, PersonDraft};
use smw_core::views::Directory;
use smw_core::{RecordKind, Timestamp};

impl Stored for Person {
    const TABLE: &'static str = "people";
    const NOUN: &'static str = "person";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "email",
        "group_ids",
        "customer_id",
        "created_at",
        "updated_at",
        "deleted_at",
        "version",
    ];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            text(&self.name),
            text(&self.email),
            uuid_list(&self.group_ids),
            opt_uuid(self.customer_id),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Person {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            name: get(row, 2)?,
            email: get(row, 3)?,
            group_ids: get_uuid_list(row, 4)?,
            customer_id: get_opt_uuid(row, 5)?,
            created_at: get_ts(row, 6)?,
            updated_at: get_ts(row, 7)?,
            deleted_at: get_opt_ts(row, 8)?,
            version: get(row, 9)?,
        })
    }
}

stored_party!(Group, "groups", "group");

impl Workspace {
    pub fn person_create(&self, actor: &Actor, now: Timestamp, draft: PersonDraft) -> StoreResult<Person> {
        self.write(actor, now, |w| create_person(w, draft))
    }

    pub fn group_create(&self, actor: &Actor, now: Timestamp, draft: GroupDraft) -> StoreResult<Group> {
        self.write(actor, now, |w| create_group(w, draft))
    }

    pub fn person_get(&self, id: uuid::Uuid) -> StoreResult<Person> {
        match crate::stored::get_by_id::<Person>(&self.reader(), id)? {
            Some(person) if person.deleted_at.is_none() => Ok(person),
            _ => Err(crate::error::StoreError::not_found("person", id.to_string())),
        }
    }

    /// Everyone and everything the pickers offer (tombstoned records left out).
    pub fn directory(&self) -> StoreResult<Directory> {
        let conn = self.reader();
        Ok(Directory {
            people: list_live::<Person>(&conn)?,
            groups: list_live::<Group>(&conn)?,
            services: list_live::<Service>(&conn)?,
            customers: list_live::<Customer>(&conn)?,
            suppliers: list_live::<Supplier>(&conn)?,
        })
    }
}

pub(crate) fn create_person(w: &mut WriteTx, draft: PersonDraft) -> StoreResult<Person> {
    for (i, group) in draft.group_ids.iter().enumerate() {
        require_ref::<Group>(w.conn(), Some(*group), &format!("group_ids[{i}]"))?;
    }
    require_ref::<Customer>(w.conn(), draft.customer_id, "customer_id")?;
    let (id, key) = w.identity(RecordKind::Person)?;
    let person = Person::create(draft, id, key, w.now())?;
    w.insert(&person)?;
    Ok(person)
}

pub(crate) fn create_group(w: &mut WriteTx, draft: GroupDraft) -> StoreResult<Group> {
    let (id, key) = w.identity(RecordKind::Group)?;
    let group = Group::create(draft, id, key, w.now())?;
    w.insert(&group)?;
    Ok(group)
}
