//! People and support groups: table mappings, creation, edits and retirement, the first
//! person of a workspace, and the directory the pickers show.

use crate::columns::*;
use crate::error::{StoreError, StoreResult};
use crate::stored::{get_by_id, list_all, list_live, live_names, require_key, require_ref, Stored};
use crate::workspace::Workspace;
use crate::write::{check_version, Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::Row;
use smw_core::catalogue::{Customer, Service, Supplier};
use smw_core::directory::{
    ensure_may_introduce_self, ensure_may_retire, Group, GroupDraft, GroupPatch, Person, PersonDraft, PersonPatch,
};
use smw_core::location::Location;
use smw_core::naming::{ensure_unique_email, ensure_unique_name};
use smw_core::views::Directory;
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

impl Stored for Person {
    const TABLE: &'static str = "people";
    const NOUN: &'static str = "person";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "email",
        "phone",
        "can_act",
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
            text(&self.phone),
            int(self.can_act),
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
            phone: get(row, 4)?,
            can_act: get(row, 5)?,
            group_ids: get_uuid_list(row, 6)?,
            customer_id: get_opt_uuid(row, 7)?,
            created_at: get_ts(row, 8)?,
            updated_at: get_ts(row, 9)?,
            deleted_at: get_opt_ts(row, 10)?,
            version: get(row, 11)?,
        })
    }
}

impl Stored for Group {
    const TABLE: &'static str = "groups";
    const NOUN: &'static str = "group";
    const COLUMNS: &'static [&'static str] =
        &["id", "key", "name", "description", "lead_id", "created_at", "updated_at", "deleted_at", "version"];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            text(&self.name),
            text(&self.description),
            opt_uuid(self.lead_id),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Group {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            name: get(row, 2)?,
            description: get(row, 3)?,
            lead_id: get_opt_uuid(row, 4)?,
            created_at: get_ts(row, 5)?,
            updated_at: get_ts(row, 6)?,
            deleted_at: get_opt_ts(row, 7)?,
            version: get(row, 8)?,
        })
    }
}

impl Workspace {
    pub fn person_create(&self, actor: &Actor, now: Timestamp, draft: PersonDraft) -> StoreResult<Person> {
        self.write(actor, now, |w| create_person(w, draft))
    }

    /// The first person of a workspace where nobody can act yet, written as themselves: how a
    /// new user starts from an empty file without anyone to act for them.
    pub fn person_introduce(&self, now: Timestamp, draft: PersonDraft) -> StoreResult<Person> {
        self.write(&Actor::system("new workspace"), now, |w| {
            let able = list_live::<Person>(w.conn())?.iter().filter(|person| person.may_act()).count();
            ensure_may_introduce_self(able)?;
            let draft = PersonDraft { can_act: Some(true), ..draft };
            check_person(w, None, &draft.email, &draft.group_ids, draft.customer_id)?;
            let (id, key) = w.identity(RecordKind::Person)?;
            let person = Person::create(draft, id, key, w.now())?;
            w.act_as(&Actor { id: Some(person.id), name: person.name.clone() }, now);
            w.insert(&person)?;
            Ok(person)
        })
    }

    pub fn person_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: PersonPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Person> {
        self.write(actor, now, |w| {
            let before: Person = require_key(w.conn(), key)?;
            check_version(&before, expected_version)?;
            let mut after = before.clone();
            after.apply_patch(patch)?;
            check_person(w, Some(after.id), &after.email, &after.group_ids, after.customer_id)?;
            w.update(&before, &mut after)?;
            Ok(after)
        })
    }

    pub fn person_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Person> {
        self.write(actor, now, |w| {
            let person: Person = require_key(w.conn(), key)?;
            ensure_may_retire(&person, w.actor().id)?;
            w.retire(&person, |_| {})
        })
    }

    pub fn person_get(&self, id: Uuid) -> StoreResult<Person> {
        match get_by_id::<Person>(&self.reader(), id)? {
            Some(person) if person.deleted_at.is_none() => Ok(person),
            _ => Err(StoreError::not_found("person", id.to_string())),
        }
    }

    pub fn group_create(&self, actor: &Actor, now: Timestamp, draft: GroupDraft) -> StoreResult<Group> {
        self.write(actor, now, |w| create_group(w, draft))
    }

    /// Edits a group; `member_ids`, when given, becomes its whole membership, written on each
    /// person whose groups change.
    pub fn group_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: GroupPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Group> {
        self.write(actor, now, |w| {
            let before: Group = require_key(w.conn(), key)?;
            check_version(&before, expected_version)?;
            let members = patch.member_ids.clone();
            let mut after = before.clone();
            after.apply_patch(patch)?;
            check_group(w, Some(after.id), &after)?;
            if after != before {
                w.update(&before, &mut after)?;
            }
            if let Some(members) = members {
                set_members(w, after.id, &members)?;
            }
            Ok(after)
        })
    }

    pub fn group_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Group> {
        self.write(actor, now, |w| {
            let group: Group = require_key(w.conn(), key)?;
            w.retire(&group, |_| {})
        })
    }

    /// Everyone and everything the pickers and record views name, retired records included.
    pub fn directory(&self) -> StoreResult<Directory> {
        let conn = self.reader();
        Ok(Directory {
            people: list_all::<Person>(&conn)?,
            groups: list_all::<Group>(&conn)?,
            locations: list_all::<Location>(&conn)?,
            services: list_all::<Service>(&conn)?,
            customers: list_all::<Customer>(&conn)?,
            suppliers: list_all::<Supplier>(&conn)?,
        })
    }
}

pub(crate) fn create_person(w: &mut WriteTx, draft: PersonDraft) -> StoreResult<Person> {
    check_person(w, None, &draft.email, &draft.group_ids, draft.customer_id)?;
    let (id, key) = w.identity(RecordKind::Person)?;
    let person = Person::create(draft, id, key, w.now())?;
    w.insert(&person)?;
    Ok(person)
}

/// What a person's record refers to exists, and no other live person has the same e-mail.
fn check_person(
    w: &WriteTx,
    id: Option<Uuid>,
    email: &str,
    groups: &[Uuid],
    customer: Option<Uuid>,
) -> StoreResult<()> {
    for (i, group) in groups.iter().enumerate() {
        require_ref::<Group>(w.conn(), Some(*group), &format!("group_ids[{i}]"))?;
    }
    require_ref::<Customer>(w.conn(), customer, "customer_id")?;
    let mut stmt = w.conn().prepare_cached("SELECT email FROM people WHERE deleted_at IS NULL AND id IS NOT ?1")?;
    let others: Vec<String> =
        stmt.query_map([id.map(|id| id.to_string())], |row| row.get(0))?.collect::<Result<_, _>>()?;
    ensure_unique_email(email.trim(), others.iter().map(String::as_str))?;
    Ok(())
}

pub(crate) fn create_group(w: &mut WriteTx, draft: GroupDraft) -> StoreResult<Group> {
    let members = draft.member_ids.clone();
    let (id, key) = w.identity(RecordKind::Group)?;
    let group = Group::create(draft, id, key, w.now())?;
    check_group(w, None, &group)?;
    w.insert(&group)?;
    if let Some(members) = members {
        set_members(w, group.id, &members)?;
    }
    Ok(group)
}

fn check_group(w: &WriteTx, id: Option<Uuid>, group: &Group) -> StoreResult<()> {
    require_ref::<Person>(w.conn(), group.lead_id, "lead_id")?;
    ensure_unique_name(Group::NOUN, &group.name, live_names::<Group>(w.conn(), id)?.iter().map(String::as_str))?;
    Ok(())
}

/// Makes `members` exactly the live people in `group`, updating only those who join or leave.
fn set_members(w: &mut WriteTx, group: Uuid, members: &[Uuid]) -> StoreResult<()> {
    for (i, member) in members.iter().enumerate() {
        require_ref::<Person>(w.conn(), Some(*member), &format!("member_ids[{i}]"))?;
    }
    for before in list_live::<Person>(w.conn())? {
        let mut after = before.clone();
        if after.set_member_of(group, members.contains(&before.id)) {
            w.update(&before, &mut after)?;
        }
    }
    Ok(())
}
