//! People and support groups: table mappings, creation, edits and retirement, the first
//! person of a workspace, and the directory the pickers show.

use crate::error::{StoreError, StoreResult};
use crate::mapping::stored_record;
use crate::stored::{get_by_id, list_all, list_live, live_names, require_key, require_ref, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::catalogue::{Customer, Service, Supplier};
use smw_core::directory::{
    ensure_may_introduce_self, ensure_may_retire, Group, GroupDraft, GroupPatch, Person, PersonDraft, PersonPatch,
};
use smw_core::location::Location;
use smw_core::naming::{ensure_unique_email, ensure_unique_name};
use smw_core::views::Directory;
use smw_core::{RecordKind, Timestamp};
use uuid::Uuid;

stored_record! {
    Person => table "people", noun "person",
    columns {
        id: uuid,
        key: text,
        name: text,
        email: text,
        phone: text,
        can_act: int,
        group_ids: uuid_list,
        customer_id: opt_uuid,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

stored_record! {
    Group => table "groups", noun "group",
    columns {
        id: uuid,
        key: text,
        name: text,
        description: text,
        lead_id: opt_uuid,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
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
            let (_, after) = w.edit(key, expected_version, |w, person: &mut Person| {
                person.apply_patch(patch)?;
                check_person(w, Some(person.id), &person.email, &person.group_ids, person.customer_id)
            })?;
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
            let members = patch.member_ids.clone();
            let (_, after) = w.edit_if_changed(key, expected_version, |w, group: &mut Group| {
                group.apply_patch(patch)?;
                check_group(w, Some(group.id), group)
            })?;
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
    w.create(RecordKind::Person, |id, key, now| Person::create(draft, id, key, now), |_, _| Ok(()))
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
    let group = w.create(
        RecordKind::Group,
        |id, key, now| Group::create(draft, id, key, now),
        |w, group| check_group(w, None, group),
    )?;
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
