//! The catalogue's nouns for `smw`: customers and suppliers (both parties with the same
//! flags) and services.

use crate::directory_cmds::Noun;
use crate::error::CliResult;
use crate::references::Session;
use clap::Args;
use smw_core::catalogue::{Customer, PartyDraft, Service, ServiceDraft, ServiceStatus, Supplier};
use smw_core::catalogue_patch::{PartyPatch, ServicePatch};
use smw_core::directory::Person;
use smw_store::Actor;

#[derive(Args, Default, PartialEq)]
pub struct PartyFields {
    /// The organisation's name (no two live ones share one)
    #[arg(long)]
    name: Option<String>,
    /// What it is (for a supplier: what it supplies), Markdown
    #[arg(long)]
    description: Option<String>,
    /// Who to talk to there: names, roles, addresses, numbers, as you would write them
    #[arg(long)]
    contacts: Option<String>,
}

impl PartyFields {
    fn draft(self) -> PartyDraft {
        PartyDraft {
            name: self.name.unwrap_or_default(),
            description: self.description.unwrap_or_default(),
            contacts: self.contacts,
        }
    }

    fn patch(self) -> PartyPatch {
        PartyPatch { name: self.name, description: self.description, contacts: self.contacts }
    }
}

pub struct Customers;

impl Noun for Customers {
    type Record = Customer;
    type Fields = PartyFields;
    const REQUIRED_TO_ADD: &'static [&'static str] = &["name"];

    fn add(session: &Session, actor: &Actor, fields: PartyFields) -> CliResult<Customer> {
        Ok(session.ws.customer_create(actor, session.now, fields.draft())?)
    }

    fn edit(session: &Session, actor: &Actor, key: &str, fields: PartyFields) -> CliResult<Customer> {
        Ok(session.ws.customer_update(actor, session.now, key, fields.patch(), None, None)?)
    }

    fn retire(session: &Session, actor: &Actor, key: &str) -> CliResult<Customer> {
        Ok(session.ws.customer_retire(actor, session.now, key)?)
    }
}

pub struct Suppliers;

impl Noun for Suppliers {
    type Record = Supplier;
    type Fields = PartyFields;
    const REQUIRED_TO_ADD: &'static [&'static str] = &["name"];

    fn add(session: &Session, actor: &Actor, fields: PartyFields) -> CliResult<Supplier> {
        Ok(session.ws.supplier_create(actor, session.now, fields.draft())?)
    }

    fn edit(session: &Session, actor: &Actor, key: &str, fields: PartyFields) -> CliResult<Supplier> {
        Ok(session.ws.supplier_update(actor, session.now, key, fields.patch(), None)?)
    }

    fn retire(session: &Session, actor: &Actor, key: &str) -> CliResult<Supplier> {
        Ok(session.ws.supplier_retire(actor, session.now, key)?)
    }
}

pub struct Services;

#[derive(Args, Default, PartialEq)]
pub struct ServiceFields {
    /// The service's name (no two live services share one)
    #[arg(long)]
    name: Option<String>,
    /// The person accountable for the service (`none` clears it on edit)
    #[arg(long, value_name = "PERSON-KEY")]
    owner: Option<String>,
    /// A customer the service is delivered to; repeat or separate with commas. On edit the
    /// customers given replace the old ones; `none` empties the list.
    #[arg(long = "customer", value_name = "CUSTOMER-KEY", value_delimiter = ',')]
    customers: Vec<String>,
    /// A service this one needs in order to work; repeat or separate with commas. On edit the
    /// services given replace the old ones; `none` empties the list.
    #[arg(long = "depends-on", value_name = "SERVICE-KEY", value_delimiter = ',')]
    depends_on: Vec<String>,
    /// What the service is and does (Markdown)
    #[arg(long)]
    description: Option<String>,
    /// Where the service is in its life: pipeline, live (the default for a new one) or retired
    #[arg(long, value_parser = parse_status)]
    status: Option<ServiceStatus>,
}

fn parse_status(text: &str) -> Result<ServiceStatus, String> {
    ServiceStatus::parse(text).ok_or_else(|| "expected pipeline, live or retired".into())
}

impl Noun for Services {
    type Record = Service;
    type Fields = ServiceFields;
    const REQUIRED_TO_ADD: &'static [&'static str] = &["name", "owner"];

    fn add(session: &Session, actor: &Actor, fields: ServiceFields) -> CliResult<Service> {
        let draft = ServiceDraft {
            owner_id: session.optional_id::<Person>("--owner", fields.owner.as_deref())?.flatten(),
            customer_ids: session.ids::<Customer>("--customer", &fields.customers)?.unwrap_or_default(),
            depends_on: session.ids::<Service>("--depends-on", &fields.depends_on)?.unwrap_or_default(),
            name: fields.name.unwrap_or_default(),
            description: fields.description.unwrap_or_default(),
            status: fields.status,
        };
        Ok(session.ws.service_create(actor, session.now, draft)?)
    }

    fn edit(session: &Session, actor: &Actor, key: &str, fields: ServiceFields) -> CliResult<Service> {
        let patch = ServicePatch {
            owner_id: session.optional_id::<Person>("--owner", fields.owner.as_deref())?,
            customer_ids: session.ids::<Customer>("--customer", &fields.customers)?,
            depends_on: session.ids::<Service>("--depends-on", &fields.depends_on)?,
            name: fields.name,
            description: fields.description,
            status: fields.status,
        };
        Ok(session.ws.service_update(actor, session.now, key, patch, None)?)
    }

    fn retire(session: &Session, actor: &Actor, key: &str) -> CliResult<Service> {
        Ok(session.ws.service_retire(actor, session.now, key)?)
    }
}
