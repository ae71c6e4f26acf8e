//! Makes the fixtures byte-stable: ids are UUIDv7 (random bits) and audit hashes cover them,
//! so each run of the demo differs in exactly those places and nowhere else.

use serde_json::Value;
use std::collections::HashMap;

/// Audit fields that hash ids (and each other): blanked, as the UI only shows them as present.
const HASH_FIELDS: [&str; 3] = ["row_digest", "prev_hash", "hash"];

/// Maps each distinct UUID to `00000000-0000-7000-8000-<n>` in order of first appearance, so
/// the same record keeps the same id across every fixture file normalised by one `Ids`.
#[derive(Default)]
pub struct Ids {
    seen: HashMap<String, String>,
}

impl Ids {
    pub fn normalise(&mut self, value: &mut Value) {
        match value {
            Value::String(text) => *text = self.rewrite(text),
            Value::Array(items) => items.iter_mut().for_each(|item| self.normalise(item)),
            Value::Object(fields) => {
                for (name, field) in fields.iter_mut() {
                    if HASH_FIELDS.contains(&name.as_str()) && field.is_string() {
                        *field = Value::String(String::new());
                    } else {
                        self.normalise(field);
                    }
                }
            }
            _ => {}
        }
    }

    /// Replaces every UUID inside `text`: ids also travel inside messages and audit changes.
    fn rewrite(&mut self, text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < bytes.len() {
            if i + 36 <= bytes.len() && is_uuid(&bytes[i..i + 36]) {
                let next = self.seen.len() + 1;
                let id = self.seen.entry(text[i..i + 36].to_ascii_lowercase()).or_insert_with(|| stable_id(next));
                out.push_str(id);
                i += 36;
            } else {
                let ch = text[i..].chars().next().expect("inside the string");
                out.push(ch);
                i += ch.len_utf8();
            }
        }
        out
    }
}

fn stable_id(n: usize) -> String {
    format!("00000000-0000-7000-8000-{n:012x}")
}

fn is_uuid(candidate: &[u8]) -> bool {
    candidate.iter().enumerate().all(|(i, &b)| match i {
        8 | 13 | 18 | 23 => b == b'-',
        _ => b.is_ascii_hexdigit(),
    })
}

#[test]
fn ids_map_in_order_of_first_appearance_and_hashes_blank() {
    let mut ids = Ids::default();
    let a = "0196c3a0-1111-7abc-8def-0123456789ab";
    let b = "0196c3a0-2222-7abc-8def-0123456789ab";
    let mut value = serde_json::json!({
        "a": [b, format!("see {a}"), a],
        "hash": "f00d",
    });
    ids.normalise(&mut value);
    assert_eq!(
        value,
        serde_json::json!({
            "a": [stable_id(1), format!("see {}", stable_id(2)), stable_id(2)],
            "hash": "",
        })
    );
}
