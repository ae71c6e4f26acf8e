//! A configuration item as `smw cmdb add` and `smw cmdb edit` take it: one flag per field,
//! turned into the domain's `CiFields` with every key resolved to a live record's id, and the
//! domain's refusals turned back into the flag a person typed.

use crate::error::{CliError, CliResult};
use crate::references::Session;
use clap::Args;
use smw_core::catalogue::{Service, Supplier};
use smw_core::cmdb::{CiFields, CiStatus, Criticality};
use smw_core::directory::{Group, Person};
use smw_core::location::Location;
use smw_store::{Actor, StoreError};
use std::collections::BTreeMap;

#[derive(Args, Default, PartialEq)]
pub struct CiFlags {
    /// The CI's name
    #[arg(long)]
    name: Option<String>,
    /// Its class: a shipped one (application, database, server, virtual_machine, container,
    /// network_device, storage, cloud_resource, end_user_device, licence, document, site) or a
    /// defined class's key or name
    #[arg(long)]
    class: Option<String>,
    /// planned, in_build, live (the default), maintenance or retired
    #[arg(long)]
    status: Option<String>,
    /// low, medium (the default), high or critical
    #[arg(long)]
    criticality: Option<String>,
    /// What it is (Markdown)
    #[arg(long)]
    description: Option<String>,
    /// The person who owns it (`none` clears it)
    #[arg(long, value_name = "PERSON-KEY")]
    owner: Option<String>,
    /// The support group that looks after it (`none` clears it)
    #[arg(long, value_name = "GRP-KEY")]
    group: Option<String>,
    /// The supplier behind it (`none` clears it)
    #[arg(long, value_name = "SUP-KEY")]
    supplier: Option<String>,
    /// Where it is (`none` clears it)
    #[arg(long, value_name = "LOC-KEY")]
    location: Option<String>,
    /// Serial number ("" clears it)
    #[arg(long)]
    serial: Option<String>,
    /// Asset tag ("" clears it)
    #[arg(long)]
    asset_tag: Option<String>,
    /// A catalogue service it supports; repeat or separate with commas. On edit the services
    /// given replace the old ones; `none` empties the list.
    #[arg(long = "service", value_name = "SVC-KEY", value_delimiter = ',')]
    services: Vec<String>,
    /// A class attribute; repeat for more. On edit the attributes given are set (an empty
    /// VALUE clears one) and the others kept.
    #[arg(long = "attribute", value_name = "NAME=VALUE")]
    attributes: Vec<String>,
    /// Record that the acting person checked the CI against reality just now
    #[arg(long)]
    verified: bool,
}

impl CiFlags {
    /// The fields to write. `attributes` are the CI's current ones on an edit (the flags
    /// change some of them), empty on an add.
    pub fn fields(
        self,
        session: &Session,
        actor: &Actor,
        mut attributes: BTreeMap<String, String>,
    ) -> CliResult<CiFields> {
        let status = self.status.as_deref().map(|text| {
            CiStatus::parse(text).ok_or_else(|| {
                CliError::bad_input(format!("--status: “{text}” is not a status (one of: {})", CiStatus::choices()))
            })
        });
        let criticality = self.criticality.as_deref().map(|text| {
            Criticality::parse(text).ok_or_else(|| {
                CliError::bad_input(format!(
                    "--criticality: “{text}” is not a criticality (one of: {})",
                    Criticality::choices()
                ))
            })
        });
        let given_attributes = !self.attributes.is_empty();
        for pair in &self.attributes {
            let Some((name, value)) = pair.split_once('=') else {
                return Err(CliError::bad_input(format!("--attribute: “{pair}” is not NAME=VALUE")));
            };
            attributes.insert(name.trim().to_string(), value.trim().to_string());
        }
        Ok(CiFields {
            name: self.name,
            class: self.class,
            status: status.transpose()?,
            criticality: criticality.transpose()?,
            description: self.description,
            owner_id: session.optional_id::<Person>("--owner", self.owner.as_deref())?,
            group_id: session.optional_id::<Group>("--group", self.group.as_deref())?,
            supplier_id: session.optional_id::<Supplier>("--supplier", self.supplier.as_deref())?,
            location_id: session.optional_id::<Location>("--location", self.location.as_deref())?,
            serial_number: self.serial,
            asset_tag: self.asset_tag,
            verified_at: self.verified.then_some(Some(session.now)),
            verified_by: self.verified.then_some(actor.id),
            service_ids: session.ids::<Service>("--service", &self.services)?,
            attributes: given_attributes.then_some(attributes),
            asset: None,
        })
    }
}

/// A store refusal of a CI write, naming the flag rather than the stored field.
pub fn as_flag(error: StoreError) -> CliError {
    let StoreError::Invalid(invalid) = &error else { return error.into() };
    let Some(field) = invalid.field.as_deref() else { return error.into() };
    let flag = match field {
        "serial_number" => "--serial".to_string(),
        "asset_tag" => "--asset-tag".to_string(),
        "owner_id" => "--owner".to_string(),
        "group_id" => "--group".to_string(),
        "supplier_id" => "--supplier".to_string(),
        "location_id" => "--location".to_string(),
        other if other.starts_with("service_ids") => "--service".to_string(),
        other => match other.strip_prefix("attributes.") {
            Some(name) => format!("--attribute {name}"),
            None => format!("--{}", other.replace('_', "-")),
        },
    };
    CliError::bad_input(format!("{flag}: {}", invalid.message))
}
