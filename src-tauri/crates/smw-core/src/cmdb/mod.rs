//! Configuration management (ISO/IEC 20000-1 8.2.5 and 8.2.6): configuration items with
//! their asset data, the classes that type them, typed directed relationships between them
//! and the catalogue's services, and impact analysis over that graph.
//!
//! Pure like the rest of the domain: the store resolves references and hands the rules here
//! what they need (a class definition, an adjacency structure).

pub mod ci;
pub mod class;
pub mod csv_mapping;
pub mod impact;
pub mod relation;
pub mod views;

pub use ci::{Asset, Ci, CiFields, CiStatus, Criticality};
pub use class::{AttributeDef, AttributeKind, CiClass, ClassDef, ClassDraft};
pub use csv_mapping::CsvMapping;
pub use impact::{Direction, ImpactGraph, NodeIndex};
pub use relation::{EndKind, ImpactFlow, RelationType, RelationTypeDraft, Relationship, RelationshipDraft, TypeDef};

/// A closed list of values stored and exchanged as their snake_case names, with the words a
/// person reads: `as_str`, `parse` (also accepting the label, any case, so a CSV written by
/// hand maps in) and `ALL` come from one list.
macro_rules! named_values {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }

            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|value| {
                    value.as_str() == text
                        || value.label().eq_ignore_ascii_case(text)
                        || value.as_str().replace('_', " ").eq_ignore_ascii_case(text)
                })
            }

            /// The values a message lists when a text names none of them.
            pub fn choices() -> String {
                Self::ALL.iter().map(|value| value.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

pub(crate) use named_values;
