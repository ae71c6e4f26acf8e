//! The one form in which a record family states its table mapping: each column once, with
//! the kind of value it holds. [`stored_record!`] turns that list into [`Stored`]'s
//! `COLUMNS`, `values()` and `from_row()`, so the three can never disagree about order.
//!
//! [`Stored`]: crate::stored::Stored

/// Implements [`Stored`](crate::stored::Stored) for a record family.
///
/// ```ignore
/// stored_record! {
///     Location => table "locations", noun "location",
///     columns {
///         id: uuid,
///         key: text,
///         name: text,
///         ...
///         version: int,
///     }
///     // optional: the text full-text search indexes
///     searchable(location) { Searchable { title: &location.name, body: "".into() } }
/// }
/// ```
///
/// A column is named after the field it holds. Its index in a row is its place in the list
/// (read by position, not by name: a verify walk reads millions of rows). The kinds, with
/// the conversions of `columns.rs` they stand for:
///
/// | kind | field type | written with | read with |
/// | --- | --- | --- | --- |
/// | `uuid`, `opt_uuid` | `Uuid`, `Option<Uuid>` | `uuid`, `opt_uuid` | `get_uuid`, `get_opt_uuid` |
/// | `text`, `opt_text` | `String`, `Option<String>` | `text`, `opt_text` | `get` |
/// | `int` | `i64`, `bool`, priorities | `int` | `get` |
/// | `opt_real` | `Option<f64>` | `opt_real` | `get` |
/// | `ts`, `opt_ts` | `Timestamp`, `Option<Timestamp>` | `ts`, `opt_ts` | `get_ts`, `get_opt_ts` |
/// | `date`, `opt_date` | `NaiveDate`, `Option<NaiveDate>` | `date`, `opt_date` | `get_date`, `get_opt_date` |
/// | `uuid_list` | `Vec<Uuid>` | `uuid_list` | `get_uuid_list` |
/// | `json` | any serde type | `json` | `get_json` |
/// | `enum(T)` | `T` with `as_str` and `parse` | `text(as_str())` | `get_enum(T::parse)` |
///
/// Every `uuid`, `opt_uuid` and `uuid_list` column but `id` refers to another record: an
/// import checks that each names a record of the file.
macro_rules! stored_record {
    (
        $type:ty => table $table:literal, noun $noun:literal,
        columns { $($field:ident: $kind:ident $(($enum:ty))?),+ $(,)? }
        $(searchable($record:ident) $searchable:block)?
    ) => {
        impl $crate::stored::Stored for $type {
            const TABLE: &'static str = $table;
            const NOUN: &'static str = $noun;
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn values(&self) -> Vec<rusqlite::types::Value> {
                vec![$($crate::mapping::stored_record!(@put $kind $(($enum))? self.$field)),+]
            }

            fn from_row(row: &rusqlite::Row) -> rusqlite::Result<Self> {
                // One variant per column, in order: a column's index is its discriminant.
                #[allow(non_camel_case_types)]
                enum Column {
                    $($field),+
                }
                Ok(Self {
                    $($field: $crate::mapping::stored_record!(@get $kind $(($enum))? row, Column::$field as usize)?),+
                })
            }

            fn references(&self, found: &mut dyn FnMut(&'static str, uuid::Uuid)) {
                $($crate::mapping::stored_record!(@refs $kind $field self found);)+
            }

            $(
                fn searchable(&self) -> Option<$crate::stored::Searchable<'_>> {
                    let $record = self;
                    Some($searchable)
                }
            )?
        }
    };

    (@put uuid $value:expr) => { $crate::columns::uuid($value) };
    (@put opt_uuid $value:expr) => { $crate::columns::opt_uuid($value) };
    (@put text $value:expr) => { $crate::columns::text(&$value) };
    (@put opt_text $value:expr) => { $crate::columns::opt_text(&$value) };
    (@put int $value:expr) => { $crate::columns::int($value) };
    (@put opt_real $value:expr) => { $crate::columns::opt_real($value) };
    (@put ts $value:expr) => { $crate::columns::ts($value) };
    (@put opt_ts $value:expr) => { $crate::columns::opt_ts($value) };
    (@put date $value:expr) => { $crate::columns::date($value) };
    (@put opt_date $value:expr) => { $crate::columns::opt_date($value) };
    (@put uuid_list $value:expr) => { $crate::columns::uuid_list(&$value) };
    (@put json $value:expr) => { $crate::columns::json(&$value) };
    (@put enum($enum:ty) $value:expr) => { $crate::columns::text($value.as_str()) };

    (@refs uuid $field:ident $self:ident $found:ident) => {
        if stringify!($field) != "id" {
            $found(stringify!($field), $self.$field)
        }
    };
    (@refs opt_uuid $field:ident $self:ident $found:ident) => {
        if let Some(id) = $self.$field {
            $found(stringify!($field), id)
        }
    };
    (@refs uuid_list $field:ident $self:ident $found:ident) => {
        for id in &$self.$field {
            $found(stringify!($field), *id)
        }
    };
    (@refs $kind:ident $field:ident $self:ident $found:ident) => {};

    (@get uuid $row:ident, $index:expr) => { $crate::columns::get_uuid($row, $index) };
    (@get opt_uuid $row:ident, $index:expr) => { $crate::columns::get_opt_uuid($row, $index) };
    (@get text $row:ident, $index:expr) => { $crate::columns::get($row, $index) };
    (@get opt_text $row:ident, $index:expr) => { $crate::columns::get($row, $index) };
    (@get int $row:ident, $index:expr) => { $crate::columns::get($row, $index) };
    (@get opt_real $row:ident, $index:expr) => { $crate::columns::get($row, $index) };
    (@get ts $row:ident, $index:expr) => { $crate::columns::get_ts($row, $index) };
    (@get opt_ts $row:ident, $index:expr) => { $crate::columns::get_opt_ts($row, $index) };
    (@get date $row:ident, $index:expr) => { $crate::columns::get_date($row, $index) };
    (@get opt_date $row:ident, $index:expr) => { $crate::columns::get_opt_date($row, $index) };
    (@get uuid_list $row:ident, $index:expr) => { $crate::columns::get_uuid_list($row, $index) };
    (@get json $row:ident, $index:expr) => { $crate::columns::get_json($row, $index) };
    (@get enum($enum:ty) $row:ident, $index:expr) => { $crate::columns::get_enum($row, $index, <$enum>::parse) };
}

pub(crate) use stored_record;
