//! People and support groups: who calls, who works tickets, who acts in the audit history.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::{nullable, without_repeats};
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Person {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[ts(as = "Option<String>", optional)]
    pub phone: String,
    /// Whether the person may act in the workbench (be chosen as "Acting as" and so appear in
    /// the history as the author of changes). Callers usually may not.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    #[ts(as = "Option<bool>", optional)]
    pub can_act: bool,
    /// The support groups the person works in (empty for callers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub group_ids: Vec<Uuid>,
    /// The customer organisation a caller belongs to.
    pub customer_id: Option<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Person, RecordKind::Person);

fn yes() -> bool {
    true
}

fn is_yes(value: &bool) -> bool {
    *value
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct PersonDraft {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    /// Defaults to yes.
    #[serde(default)]
    pub can_act: Option<bool>,
    #[serde(default)]
    pub group_ids: Vec<Uuid>,
    #[serde(default)]
    pub customer_id: Option<Uuid>,
}

/// An edit of a person: a field left out stays as it is; `null` clears the customer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct PersonPatch {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub can_act: Option<bool>,
    pub group_ids: Option<Vec<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub customer_id: Option<Option<Uuid>>,
}

impl Person {
    pub fn create(draft: PersonDraft, id: Uuid, key: String, now: Timestamp) -> Result<Person, Invalid> {
        let mut person = Person {
            id,
            key,
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            can_act: true,
            group_ids: Vec::new(),
            customer_id: None,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        person.apply_patch(PersonPatch {
            name: Some(draft.name),
            email: Some(draft.email),
            phone: draft.phone,
            can_act: draft.can_act,
            group_ids: Some(draft.group_ids),
            customer_id: Some(draft.customer_id),
        })?;
        Ok(person)
    }

    /// Applies an edit; every field given is checked as on creation.
    pub fn apply_patch(&mut self, patch: PersonPatch) -> Result<(), Invalid> {
        if let Some(name) = patch.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        if let Some(email) = patch.email {
            let email = text::optional_line("email", &email, 254)?.unwrap_or_default();
            if !email.is_empty() && !looks_like_email(&email) {
                return Err(Invalid::field(Code::BadEmail, "email", format!("“{email}” is not an e-mail address.")));
            }
            self.email = email;
        }
        if let Some(phone) = patch.phone {
            let phone = text::optional_line("phone", &phone, 40)?.unwrap_or_default();
            if phone.chars().any(|c| !(c.is_ascii_digit() || " +-()./x".contains(c))) {
                return Err(Invalid::field(
                    Code::BadPhone,
                    "phone",
                    "A phone number may hold digits, spaces and + - ( ) . / x only.",
                ));
            }
            self.phone = phone;
        }
        self.can_act = patch.can_act.unwrap_or(self.can_act);
        if let Some(groups) = patch.group_ids {
            self.group_ids = without_repeats(groups);
        }
        self.customer_id = patch.customer_id.unwrap_or(self.customer_id);
        Ok(())
    }

    /// Whether the person can be chosen to act: live, and allowed to.
    pub fn may_act(&self) -> bool {
        self.can_act && self.deleted_at.is_none()
    }

    /// Adds or removes `group` from the person's groups; true when that changed anything.
    pub fn set_member_of(&mut self, group: Uuid, member: bool) -> bool {
        let is_member = self.group_ids.contains(&group);
        if member && !is_member {
            self.group_ids.push(group);
        } else if !member && is_member {
            self.group_ids.retain(|id| *id != group);
        }
        member != is_member
    }
}

/// Every change is recorded under a person of the workspace: a write waits until someone
/// who may act has been chosen.
pub fn acting(chosen: Option<&Person>) -> Result<&Person, Invalid> {
    let person = chosen.ok_or_else(|| {
        Invalid::rule(Code::NoActor, "Choose who is acting (a person of this workspace) before making changes.")
    })?;
    if !person.may_act() {
        return Err(Invalid::rule(
            Code::CannotAct,
            format!("{} may not act in the workbench; choose someone who may.", person.name),
        ));
    }
    Ok(person)
}

/// Who may retire a person: anyone but that person, so the workbench always has someone
/// acting for the write that records it.
pub fn ensure_may_retire(person: &Person, actor: Option<Uuid>) -> Result<(), Invalid> {
    if actor == Some(person.id) {
        return Err(Invalid::rule(Code::RetireSelf, "You cannot retire yourself: choose another person to act first."));
    }
    Ok(())
}

/// A person may create their own record and act as it only in a workspace where nobody can act
/// yet (its very first person). After that, someone who can act adds people.
pub fn ensure_may_introduce_self(people_who_can_act: usize) -> Result<(), Invalid> {
    if people_who_can_act > 0 {
        return Err(Invalid::rule(
            Code::ActorRequired,
            "This workspace already has people who can act: choose who is acting (with --as PERSON-KEY on the command line) to add someone.",
        ));
    }
    Ok(())
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        }
        None => false,
    }
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Group {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    /// The person who leads the group (its members are the people who name it).
    pub lead_id: Option<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Group, RecordKind::Group);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct GroupDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub lead_id: Option<Uuid>,
    /// The people who work in the group (kept on each person's `group_ids`).
    #[serde(default)]
    pub member_ids: Option<Vec<Uuid>>,
}

/// An edit of a group. `member_ids`, when given, is the whole new membership.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct GroupPatch {
    pub name: Option<String>,
    pub description: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub lead_id: Option<Option<Uuid>>,
    pub member_ids: Option<Vec<Uuid>>,
}

impl Group {
    pub fn create(draft: GroupDraft, id: Uuid, key: String, now: Timestamp) -> Result<Group, Invalid> {
        let mut group = Group {
            id,
            key,
            name: String::new(),
            description: String::new(),
            lead_id: None,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        group.apply_patch(GroupPatch {
            name: Some(draft.name),
            description: Some(draft.description),
            lead_id: Some(draft.lead_id),
            member_ids: None,
        })?;
        Ok(group)
    }

    /// Applies the group's own fields; the membership is applied to the people.
    pub fn apply_patch(&mut self, patch: GroupPatch) -> Result<(), Invalid> {
        if let Some(name) = patch.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        if let Some(description) = patch.description {
            self.description = text::markdown("description", &description, 10_000)?;
        }
        self.lead_id = patch.lead_id.unwrap_or(self.lead_id);
        Ok(())
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

    #[test]
    fn an_edit_checks_what_it_changes_and_keeps_the_rest() {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let draft = PersonDraft { name: "Ada".into(), email: "ada@example.org".into(), ..Default::default() };
        let mut ada = Person::create(draft, Uuid::nil(), "PER-000001".into(), now).unwrap();
        assert!(ada.may_act());
        let err = ada.apply_patch(PersonPatch { phone: Some("call me".into()), ..Default::default() }).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("phone"));
        ada.apply_patch(PersonPatch {
            phone: Some("+44 20 7946 0000".into()),
            can_act: Some(false),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            (ada.email.as_str(), ada.phone.as_str(), ada.may_act()),
            ("ada@example.org", "+44 20 7946 0000", false)
        );
    }

    #[test]
    fn only_a_chosen_person_who_may_act_makes_changes() {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let draft = |can_act| PersonDraft { name: "Ada".into(), can_act: Some(can_act), ..Default::default() };
        assert_eq!(acting(None).unwrap_err().code, Code::NoActor);
        let caller = Person::create(draft(false), Uuid::nil(), "PER-1".into(), now).unwrap();
        assert_eq!(acting(Some(&caller)).unwrap_err().code, Code::CannotAct);
        let agent = Person::create(draft(true), Uuid::nil(), "PER-2".into(), now).unwrap();
        assert_eq!(acting(Some(&agent)).unwrap().key, "PER-2");
    }

    #[test]
    fn nobody_retires_themselves_and_only_the_first_person_introduces_themselves() {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let ada = Person::create(
            PersonDraft { name: "Ada".into(), ..Default::default() },
            Uuid::from_u128(1),
            "PER-1".into(),
            now,
        )
        .unwrap();
        assert_eq!(ensure_may_retire(&ada, Some(ada.id)).unwrap_err().code, Code::RetireSelf);
        ensure_may_retire(&ada, Some(Uuid::from_u128(2))).unwrap();
        ensure_may_introduce_self(0).unwrap();
        assert_eq!(ensure_may_introduce_self(1).unwrap_err().code, Code::ActorRequired);
    }

    #[test]
    fn a_person_as_stored_before_phones_and_acting_reads_and_writes_the_same() {
        // Records written before these fields existed must hash as they did.
        let old = r#"{"id":"00000000-0000-0000-0000-000000000001","key":"PER-000001","name":"Ada","email":"","created_at":"2026-05-04T09:00:00.000Z","updated_at":"2026-05-04T09:00:00.000Z","version":1}"#;
        let person: Person = serde_json::from_str(old).unwrap();
        assert!(person.can_act);
        assert_eq!(serde_json::to_string(&person).unwrap(), old);
    }
}
