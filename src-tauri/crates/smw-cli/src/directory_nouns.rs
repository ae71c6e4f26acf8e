//! The directory's nouns for `smw`: people, support groups and locations, each its flags and
//! how they become the store's draft or patch.

use crate::directory_cmds::Noun;
use crate::error::{CliError, CliResult};
use crate::references::Session;
use clap::Args;
use smw_core::catalogue::Customer;
use smw_core::directory::{Group, GroupDraft, GroupPatch, Person, PersonDraft, PersonPatch};
use smw_core::location::{Location, LocationDraft, LocationPatch};
use smw_store::Actor;

pub struct People;

#[derive(Args, Default, PartialEq)]
pub struct PersonFields {
    /// Full name
    #[arg(long)]
    name: Option<String>,
    /// E-mail address (no two live people share one)
    #[arg(long)]
    email: Option<String>,
    /// Phone number: digits, spaces and + - ( ) . / x ("" clears it)
    #[arg(long)]
    phone: Option<String>,
    /// A support group the person works in; repeat or separate with commas. On edit the
    /// groups given replace the old ones; `none` leaves the person in no group.
    #[arg(long = "group", value_name = "GROUP-KEY", value_delimiter = ',')]
    groups: Vec<String>,
    /// The customer organisation a caller belongs to (`none` clears it)
    #[arg(long, value_name = "CUSTOMER-KEY")]
    customer: Option<String>,
    /// The person may not act in the workbench (usual for callers)
    #[arg(long, conflicts_with = "can_act")]
    cannot_act: bool,
    /// The person may act in the workbench (the default for someone new)
    #[arg(long)]
    can_act: bool,
}

impl PersonFields {
    fn can_act(&self) -> Option<bool> {
        match (self.can_act, self.cannot_act) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }

    fn draft(self, session: &Session) -> CliResult<PersonDraft> {
        Ok(PersonDraft {
            can_act: self.can_act(),
            group_ids: session.ids::<Group>("--group", &self.groups)?.unwrap_or_default(),
            customer_id: session.optional_id::<Customer>("--customer", self.customer.as_deref())?.flatten(),
            name: self.name.unwrap_or_default(),
            email: self.email.unwrap_or_default(),
            phone: self.phone,
        })
    }
}

impl Noun for People {
    type Record = Person;
    type Fields = PersonFields;
    const REQUIRED_TO_ADD: &'static [&'static str] = &["name", "email"];

    fn add(session: &Session, actor: &Actor, fields: PersonFields) -> CliResult<Person> {
        let draft = fields.draft(session)?;
        Ok(session.ws.person_create(actor, session.now, draft)?)
    }

    /// The first person of a workspace where nobody can act yet acts as themselves.
    fn add_unattributed(session: &Session, fields: PersonFields) -> CliResult<Person> {
        let draft = fields.draft(session)?;
        session.ws.person_introduce(session.now, draft).map_err(|error| match error.code() {
            smw_core::Code::ActorRequired => CliError::bad_input(format!("--as: {error}")),
            _ => error.into(),
        })
    }

    fn edit(session: &Session, actor: &Actor, key: &str, fields: PersonFields) -> CliResult<Person> {
        let patch = PersonPatch {
            can_act: fields.can_act(),
            group_ids: session.ids::<Group>("--group", &fields.groups)?,
            customer_id: session.optional_id::<Customer>("--customer", fields.customer.as_deref())?,
            name: fields.name,
            email: fields.email,
            phone: fields.phone,
        };
        Ok(session.ws.person_update(actor, session.now, key, patch, None)?)
    }

    fn retire(session: &Session, actor: &Actor, key: &str) -> CliResult<Person> {
        Ok(session.ws.person_retire(actor, session.now, key)?)
    }
}

pub struct Groups;

#[derive(Args, Default, PartialEq)]
pub struct GroupFields {
    /// The group's name (no two live groups share one)
    #[arg(long)]
    name: Option<String>,
    /// What the group does (Markdown)
    #[arg(long)]
    description: Option<String>,
    /// The person who leads the group (`none` clears it)
    #[arg(long, value_name = "PERSON-KEY")]
    lead: Option<String>,
    /// A person who works in the group; repeat or separate with commas. On edit the members
    /// given replace the old ones; `none` empties the group.
    #[arg(long = "member", value_name = "PERSON-KEY", value_delimiter = ',')]
    members: Vec<String>,
}

impl Noun for Groups {
    type Record = Group;
    type Fields = GroupFields;
    const REQUIRED_TO_ADD: &'static [&'static str] = &["name"];

    fn add(session: &Session, actor: &Actor, fields: GroupFields) -> CliResult<Group> {
        let draft = GroupDraft {
            lead_id: session.optional_id::<Person>("--lead", fields.lead.as_deref())?.flatten(),
            member_ids: session.ids::<Person>("--member", &fields.members)?,
            name: fields.name.unwrap_or_default(),
            description: fields.description.unwrap_or_default(),
        };
        Ok(session.ws.group_create(actor, session.now, draft)?)
    }

    fn edit(session: &Session, actor: &Actor, key: &str, fields: GroupFields) -> CliResult<Group> {
        let patch = GroupPatch {
            lead_id: session.optional_id::<Person>("--lead", fields.lead.as_deref())?,
            member_ids: session.ids::<Person>("--member", &fields.members)?,
            name: fields.name,
            description: fields.description,
        };
        Ok(session.ws.group_update(actor, session.now, key, patch, None)?)
    }

    fn retire(session: &Session, actor: &Actor, key: &str) -> CliResult<Group> {
        Ok(session.ws.group_retire(actor, session.now, key)?)
    }
}

pub struct Locations;

#[derive(Args, Default, PartialEq)]
pub struct LocationFields {
    /// The location's name (no two live locations share one)
    #[arg(long)]
    name: Option<String>,
    /// Postal address; several lines allowed
    #[arg(long)]
    address: Option<String>,
    /// The IANA time zone its local hours are kept in, e.g. Europe/Berlin ("" clears it)
    #[arg(long, value_name = "IANA")]
    zone: Option<String>,
}

impl Noun for Locations {
    type Record = Location;
    type Fields = LocationFields;
    const REQUIRED_TO_ADD: &'static [&'static str] = &["name"];

    fn add(session: &Session, actor: &Actor, fields: LocationFields) -> CliResult<Location> {
        let draft = LocationDraft {
            name: fields.name.unwrap_or_default(),
            address: fields.address.unwrap_or_default(),
            time_zone: fields.zone.unwrap_or_default(),
        };
        Ok(session.ws.location_create(actor, session.now, draft)?)
    }

    fn edit(session: &Session, actor: &Actor, key: &str, fields: LocationFields) -> CliResult<Location> {
        let patch = LocationPatch { name: fields.name, address: fields.address, time_zone: fields.zone };
        Ok(session.ws.location_update(actor, session.now, key, patch, None)?)
    }

    fn retire(session: &Session, actor: &Actor, key: &str) -> CliResult<Location> {
        Ok(session.ws.location_retire(actor, session.now, key)?)
    }
}
