//! `smw people|groups|locations|customers|suppliers|services add|list|edit|retire`: the
//! directory and the catalogue from the command line. Every noun has the same four actions;
//! a [`Noun`] says only how its flags become a draft or a patch and which store call to make.

use crate::catalogue_nouns::{Customers, Services, Suppliers};
use crate::directory_nouns::{Groups, Locations, People};
use crate::error::{CliError, CliResult};
use crate::references::{actor_required, Family, Session};
use crate::workspace_cmds::print_json;
use clap::{Args, Subcommand};
use smw_core::Record;
use smw_store::Actor;
use std::path::{Path, PathBuf};

/// One record family as the command line edits it.
pub trait Noun {
    type Record: Family;
    /// The flags of `add` and `edit`: all optional for `edit` (at least one), some required for
    /// `add`. The default is "no flag given".
    type Fields: Args + Default + PartialEq;
    /// The ids of the flags `add` cannot do without.
    const REQUIRED_TO_ADD: &'static [&'static str];

    fn add(session: &Session, actor: &Actor, fields: Self::Fields) -> CliResult<Self::Record>;

    /// `add` without `--as`: refused, except where a noun knows better (the first person).
    fn add_unattributed(_session: &Session, _fields: Self::Fields) -> CliResult<Self::Record> {
        Err(actor_required())
    }

    /// `key` is the stored key of a live record.
    fn edit(session: &Session, actor: &Actor, key: &str, fields: Self::Fields) -> CliResult<Self::Record>;

    fn retire(session: &Session, actor: &Actor, key: &str) -> CliResult<Self::Record>;
}

#[derive(Args)]
pub struct Acting {
    /// The person making the change (live and allowed to act); every write is recorded under
    /// their name. Required, except to add the first person of a workspace where nobody can act yet.
    #[arg(long = "as", value_name = "PERSON-KEY")]
    as_key: Option<String>,
}

#[derive(Subcommand)]
pub enum Action<N: Noun + 'static> {
    /// Add a record and print it as JSON (with its new key)
    Add {
        /// The workspace file
        file: PathBuf,
        #[command(flatten)]
        fields: N::Fields,
        #[command(flatten)]
        acting: Acting,
    },
    /// Print the live records as a JSON array
    List {
        /// The workspace file
        file: PathBuf,
        /// Print JSON (the only format; accepted for clarity in scripts)
        #[arg(long)]
        json: bool,
        /// Include retired records too (they carry `deleted_at`)
        #[arg(long)]
        all: bool,
    },
    /// Change the fields given (list flags replace the whole list) and print the record as JSON
    Edit {
        /// The workspace file
        file: PathBuf,
        /// The record's key, e.g. GRP-000001 (any case)
        key: String,
        #[command(flatten)]
        fields: N::Fields,
        #[command(flatten)]
        acting: Acting,
    },
    /// Retire a record (it stays in the history and on the records that name it) and print it as JSON
    Retire {
        /// The workspace file
        file: PathBuf,
        /// The record's key, e.g. GRP-000001 (any case)
        key: String,
        #[command(flatten)]
        acting: Acting,
    },
}

#[derive(Subcommand)]
pub enum DirectoryCommand {
    /// People: staff who work tickets and act in the workbench, and the callers they serve
    #[command(subcommand)]
    People(Action<People>),
    /// Support groups: teams that tickets are assigned to
    #[command(subcommand)]
    Groups(Action<Groups>),
    /// Locations: sites where people work and services run, with their time zone
    #[command(subcommand)]
    Locations(Action<Locations>),
    /// Customers: the organisations or departments services are delivered to
    #[command(subcommand)]
    Customers(Action<Customers>),
    /// Suppliers: who underpins services through contracts
    #[command(subcommand)]
    Suppliers(Action<Suppliers>),
    /// Services: the service catalogue, with owners, customers and dependencies
    #[command(subcommand)]
    Services(Action<Services>),
}

/// Marks the flags each noun's `add` requires. clap's derive cannot vary `required` between
/// two uses of one flag struct, so the built command is adjusted instead.
pub fn require_for_add(cli: clap::Command) -> clap::Command {
    let nouns: [(&str, &[&str]); 6] = [
        ("people", People::REQUIRED_TO_ADD),
        ("groups", Groups::REQUIRED_TO_ADD),
        ("locations", Locations::REQUIRED_TO_ADD),
        ("customers", Customers::REQUIRED_TO_ADD),
        ("suppliers", Suppliers::REQUIRED_TO_ADD),
        ("services", Services::REQUIRED_TO_ADD),
    ];
    nouns.into_iter().fold(cli, |cli, (noun, required)| {
        cli.mut_subcommand(noun, |noun| {
            noun.mut_subcommand("add", |add| {
                required.iter().fold(add, |add, flag| add.mut_arg(*flag, |arg| arg.required(true)))
            })
        })
    })
}

/// The workspace an add, edit or retire writes to (listing writes nothing).
pub fn written_file(command: &DirectoryCommand) -> Option<PathBuf> {
    fn of<N: Noun>(action: &Action<N>) -> Option<PathBuf> {
        match action {
            Action::Add { file, .. } | Action::Edit { file, .. } | Action::Retire { file, .. } => Some(file.clone()),
            Action::List { .. } => None,
        }
    }
    match command {
        DirectoryCommand::People(action) => of(action),
        DirectoryCommand::Groups(action) => of(action),
        DirectoryCommand::Locations(action) => of(action),
        DirectoryCommand::Customers(action) => of(action),
        DirectoryCommand::Suppliers(action) => of(action),
        DirectoryCommand::Services(action) => of(action),
    }
}

pub fn run(command: DirectoryCommand) -> CliResult {
    match command {
        DirectoryCommand::People(action) => act(action),
        DirectoryCommand::Groups(action) => act(action),
        DirectoryCommand::Locations(action) => act(action),
        DirectoryCommand::Customers(action) => act(action),
        DirectoryCommand::Suppliers(action) => act(action),
        DirectoryCommand::Services(action) => act(action),
    }
}

fn act<N: Noun>(action: Action<N>) -> CliResult {
    match action {
        Action::Add { file, fields, acting } => {
            let session = Session::open(&file)?;
            let record = match acting.as_key {
                Some(key) => N::add(&session, &session.actor(&key)?, fields)?,
                None => N::add_unattributed(&session, fields)?,
            };
            print_json(&record)
        }
        Action::List { file, json: _, all } => {
            let session = Session::open(&file)?;
            let records: Vec<&N::Record> =
                N::Record::all(&session.directory).iter().filter(|r| all || r.deleted_at().is_none()).collect();
            print_json(&records)
        }
        Action::Edit { file, key, fields, acting } => {
            if fields == N::Fields::default() {
                return Err(CliError::bad_input(format!(
                    "edit: give at least one field of the {} to change (see --help)",
                    N::Record::NOUN
                )));
            }
            let (session, actor, key) = acting_on::<N>(&file, &key, acting)?;
            print_json(&N::edit(&session, &actor, &key, fields)?)
        }
        Action::Retire { file, key, acting } => {
            let (session, actor, key) = acting_on::<N>(&file, &key, acting)?;
            print_json(&N::retire(&session, &actor, &key)?)
        }
    }
}

/// What an edit or a retirement needs: the open workspace, the person acting (`--as` is
/// required) and the stored key of the live record named.
fn acting_on<N: Noun>(file: &Path, key: &str, acting: Acting) -> CliResult<(Session, Actor, String)> {
    let session = Session::open(file)?;
    let actor = session.actor(acting.as_key.as_deref().ok_or_else(actor_required)?)?;
    let key = session.key::<N::Record>(key)?;
    Ok((session, actor, key))
}
