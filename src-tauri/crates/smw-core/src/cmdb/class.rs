//! CI classes: the twelve every workspace ships with, and classes a team defines with typed
//! attributes. A CI names its class by a slug (`server`) for a shipped class or by the key of
//! a defined one (`CLS-000002`); its attributes are checked against the class on every write.

use super::named_values;
use crate::error::{Code, Invalid};
use crate::ids::{HumanKey, RecordKind};
use crate::impl_record;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

/// The classes every workspace has: slug and name. Slugs are stored on CIs, so never renamed.
pub const BUILTIN_CLASSES: [(&str, &str); 12] = [
    ("application", "Application"),
    ("database", "Database"),
    ("server", "Server"),
    ("virtual_machine", "Virtual machine"),
    ("container", "Container or cluster"),
    ("network_device", "Network device"),
    ("storage", "Storage"),
    ("cloud_resource", "Cloud resource"),
    ("end_user_device", "End-user device"),
    ("licence", "Licence"),
    ("document", "Document"),
    ("site", "Site"),
];

named_values!(
    /// What an attribute of a defined class holds.
    AttributeKind {
        Text = "text" / "Text",
        Number = "number" / "Number",
        Date = "date" / "Date",
        Choice = "choice" / "Choice",
        Reference = "reference" / "Reference to a CI",
    }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AttributeDef {
    /// The attribute's name on a CI and in a CSV column: lower case, digits and `_`.
    pub name: String,
    pub label: String,
    pub kind: AttributeKind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional, as = "Option<bool>")]
    pub required: bool,
    /// The values a `choice` attribute may take.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<String>>")]
    pub choices: Vec<String>,
}

/// A class a team defined.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct CiClass {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub description: String,
    pub attributes: Vec<AttributeDef>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(CiClass, RecordKind::CiClass);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ClassDraft {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
}

impl CiClass {
    pub fn create(draft: ClassDraft, id: Uuid, key: String, now: Timestamp) -> Result<CiClass, Invalid> {
        let mut class = CiClass {
            id,
            key,
            name: String::new(),
            description: String::new(),
            attributes: Vec::new(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        class.apply(draft)?;
        Ok(class)
    }

    /// Replaces name, description and attributes. A CI whose stored attributes no longer fit
    /// is refused at its next write, naming the attribute, rather than rewritten here.
    pub fn apply(&mut self, draft: ClassDraft) -> Result<(), Invalid> {
        let name = text::required_line("name", &draft.name, text::NAME_MAX)?;
        if BUILTIN_CLASSES.iter().any(|(slug, builtin)| builtin.eq_ignore_ascii_case(&name) || *slug == name) {
            return Err(Invalid::field(
                Code::DuplicateName,
                "name",
                format!("“{name}” is one of the classes every workspace has; choose another name."),
            ));
        }
        self.name = name;
        self.description = text::markdown("description", &draft.description, text::MARKDOWN_MAX)?;
        self.attributes = checked_attributes(draft.attributes)?;
        Ok(())
    }
}

fn checked_attributes(attributes: Vec<AttributeDef>) -> Result<Vec<AttributeDef>, Invalid> {
    let mut seen = HashSet::new();
    let mut checked = Vec::with_capacity(attributes.len());
    for (i, mut attribute) in attributes.into_iter().enumerate() {
        let at = |inner: &str| format!("attributes[{i}].{inner}");
        attribute.name = attribute.name.trim().to_string();
        let valid_name = attribute.name.starts_with(|c: char| c.is_ascii_lowercase())
            && attribute.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && attribute.name.len() <= 40;
        if !valid_name {
            return Err(Invalid::field(
                Code::BadAttribute,
                at("name"),
                format!(
                    "“{}” cannot name an attribute: use lower-case letters, digits and _ (up to 40), starting with a letter.",
                    attribute.name
                ),
            ));
        }
        if !seen.insert(attribute.name.clone()) {
            return Err(Invalid::field(
                Code::BadAttribute,
                at("name"),
                format!("The class has two attributes called {}.", attribute.name),
            ));
        }
        attribute.label = match text::optional_line(&at("label"), &attribute.label, text::NAME_MAX)? {
            Some(label) => label,
            None => attribute.name.replace('_', " "),
        };
        if attribute.kind == AttributeKind::Choice {
            let mut choices = Vec::new();
            for (j, choice) in attribute.choices.iter().enumerate() {
                if let Some(choice) = text::optional_line(&at(&format!("choices[{j}]")), choice, text::NAME_MAX)? {
                    if !choices.iter().any(|c: &String| c.eq_ignore_ascii_case(&choice)) {
                        choices.push(choice);
                    }
                }
            }
            if choices.is_empty() {
                return Err(Invalid::field(Code::Required, at("choices"), "Give a choice attribute its choices."));
            }
            attribute.choices = choices;
        } else {
            attribute.choices.clear();
        }
        checked.push(attribute);
    }
    Ok(checked)
}

/// A class as a CI write needs it: shipped or defined, with its attributes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ClassDef {
    /// What a CI stores as its class: the slug of a shipped class or a defined class's key.
    pub id: String,
    pub name: String,
    pub attributes: Vec<AttributeDef>,
}

impl ClassDef {
    /// The shipped class with this slug or name, if any.
    pub fn builtin(text: &str) -> Option<ClassDef> {
        let text = text.trim();
        BUILTIN_CLASSES
            .iter()
            .find(|(slug, name)| slug.eq_ignore_ascii_case(text) || name.eq_ignore_ascii_case(text))
            .map(|(slug, name)| ClassDef { id: slug.to_string(), name: name.to_string(), attributes: Vec::new() })
    }

    pub fn defined(class: &CiClass) -> ClassDef {
        ClassDef { id: class.key.clone(), name: class.name.clone(), attributes: class.attributes.clone() }
    }

    /// Checks a CI's attributes against this class and returns them normalised: empty values
    /// dropped, numbers and dates in one spelling, choices as the class spells them, CI keys
    /// in upper case. Each refusal names `attributes.NAME`.
    pub fn check_attributes(&self, values: BTreeMap<String, String>) -> Result<BTreeMap<String, String>, Invalid> {
        let mut checked = BTreeMap::new();
        for (name, value) in values {
            let field = format!("attributes.{name}");
            let Some(def) = self.attributes.iter().find(|def| def.name == name) else {
                if value.trim().is_empty() {
                    continue;
                }
                let known = self.attributes.iter().map(|def| def.name.as_str()).collect::<Vec<_>>().join(", ");
                let known = if known.is_empty() { "none".to_string() } else { known };
                return Err(Invalid::field(
                    Code::BadAttribute,
                    field,
                    format!("The class {} has no attribute {name} (it has: {known}).", self.name),
                ));
            };
            if let Some(value) = checked_value(def, &field, &value)? {
                checked.insert(name, value);
            }
        }
        for def in self.attributes.iter().filter(|def| def.required) {
            if !checked.contains_key(&def.name) {
                return Err(Invalid::field(
                    Code::Required,
                    format!("attributes.{}", def.name),
                    format!("A {} needs its {}.", self.name, def.label),
                ));
            }
        }
        Ok(checked)
    }

    /// The CI keys this class's reference attributes name in `values` (already checked).
    pub fn references<'a>(&'a self, values: &'a BTreeMap<String, String>) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.attributes
            .iter()
            .filter(|def| def.kind == AttributeKind::Reference)
            .filter_map(|def| values.get(&def.name).map(|key| (def.name.as_str(), key.as_str())))
    }
}

fn checked_value(def: &AttributeDef, field: &str, value: &str) -> Result<Option<String>, Invalid> {
    let Some(value) = text::optional_line(field, value, 500)? else { return Ok(None) };
    let refuse = |what: String| Err(Invalid::field(Code::BadAttribute, field, what));
    match def.kind {
        AttributeKind::Text => Ok(Some(value)),
        AttributeKind::Number => match value.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(Some(value)),
            _ => refuse(format!("The {} must be a number, such as 42 or 3.5 (not “{value}”).", def.label)),
        },
        AttributeKind::Date => match chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
            Ok(date) => Ok(Some(date.format("%Y-%m-%d").to_string())),
            Err(_) => refuse(format!("The {} must be a date written 2026-06-30 (not “{value}”).", def.label)),
        },
        AttributeKind::Choice => match def.choices.iter().find(|choice| choice.eq_ignore_ascii_case(&value)) {
            Some(choice) => Ok(Some(choice.clone())),
            None => refuse(format!("The {} must be one of: {} (not “{value}”).", def.label, def.choices.join(", "))),
        },
        AttributeKind::Reference => match HumanKey::parse(&value) {
            Some(key) if key.kind == RecordKind::Ci => Ok(Some(key.to_string())),
            _ => refuse(format!("The {} must name a CI by its key, such as CI-000123 (not “{value}”).", def.label)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rack_class() -> ClassDef {
        let draft = ClassDraft {
            name: "Rack".into(),
            description: String::new(),
            attributes: vec![
                AttributeDef {
                    name: "units".into(),
                    label: "Height in units".into(),
                    kind: AttributeKind::Number,
                    required: true,
                    choices: vec![],
                },
                AttributeDef {
                    name: "cooling".into(),
                    label: String::new(),
                    kind: AttributeKind::Choice,
                    required: false,
                    choices: vec!["Air".into(), "Liquid".into()],
                },
                AttributeDef {
                    name: "installed".into(),
                    label: String::new(),
                    kind: AttributeKind::Date,
                    required: false,
                    choices: vec![],
                },
                AttributeDef {
                    name: "pdu".into(),
                    label: String::new(),
                    kind: AttributeKind::Reference,
                    required: false,
                    choices: vec![],
                },
            ],
        };
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        ClassDef::defined(&CiClass::create(draft, Uuid::nil(), "CLS-000001".into(), now).unwrap())
    }

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn attributes_are_normalised_to_their_kind() {
        let checked = rack_class()
            .check_attributes(values(&[("units", "42"), ("cooling", "liquid"), ("pdu", "ci-7"), ("installed", "")]))
            .unwrap();
        assert_eq!(checked, values(&[("units", "42"), ("cooling", "Liquid"), ("pdu", "CI-000007")]));
    }

    #[test]
    fn every_refusal_names_the_attribute() {
        let class = rack_class();
        let cases = [
            (values(&[("units", "tall")]), Code::BadAttribute, "attributes.units"),
            (values(&[("units", "4"), ("cooling", "water")]), Code::BadAttribute, "attributes.cooling"),
            (values(&[("units", "4"), ("installed", "30/06/2026")]), Code::BadAttribute, "attributes.installed"),
            (values(&[("units", "4"), ("pdu", "INC-1")]), Code::BadAttribute, "attributes.pdu"),
            (values(&[("units", "4"), ("colour", "red")]), Code::BadAttribute, "attributes.colour"),
            (values(&[("cooling", "Air")]), Code::Required, "attributes.units"),
        ];
        for (input, code, field) in cases {
            let err = class.check_attributes(input).unwrap_err();
            assert_eq!((err.code, err.field.as_deref()), (code, Some(field)), "{}", err.message);
        }
    }

    #[test]
    fn a_class_refuses_bad_definitions() {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        let attribute = |name: &str, kind| AttributeDef {
            name: name.into(),
            label: String::new(),
            kind,
            required: false,
            choices: vec![],
        };
        let make = |name: &str, attributes| {
            CiClass::create(
                ClassDraft { name: name.into(), description: String::new(), attributes },
                Uuid::nil(),
                "CLS-1".into(),
                now,
            )
        };
        let err = make("Server", vec![]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
        let err = make("Rack", vec![attribute("Bad Name", AttributeKind::Text)]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("attributes[0].name"));
        let err =
            make("Rack", vec![attribute("a", AttributeKind::Text), attribute("a", AttributeKind::Date)]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("attributes[1].name"));
        let err = make("Rack", vec![attribute("tier", AttributeKind::Choice)]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("attributes[0].choices"));
    }

    #[test]
    fn shipped_classes_are_found_by_slug_or_name() {
        assert_eq!(ClassDef::builtin("Virtual machine").unwrap().id, "virtual_machine");
        assert_eq!(ClassDef::builtin("SERVER").unwrap().id, "server");
        assert!(ClassDef::builtin("toaster").is_none());
        let err = ClassDef::builtin("server").unwrap().check_attributes(values(&[("ram", "8")])).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("attributes.ram"));
    }
}
