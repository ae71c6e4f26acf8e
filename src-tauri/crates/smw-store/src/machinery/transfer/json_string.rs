//! Decoding the `changes` of an audit entry on import. They travel as a JSON string holding
//! JSON text, so a quote escape comes every few characters. serde_json decodes an escaped
//! string through a scratch buffer that starts empty for every line and grows by doubling;
//! over millions of entries those reallocations were a large share of the import's reading
//! thread. Decoding here allocates once: the decoded text is never longer than its literal.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// Deserialises a string field from input the parser borrows (as `serde_json::from_str` does).
pub(super) fn decoded_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let raw = <&'de RawValue>::deserialize(deserializer)?;
    decode(raw.get()).ok_or_else(|| serde::de::Error::custom("expected a JSON string"))
}

/// Decodes a JSON string literal, quotes included. `None` if it is not one, or if it holds an
/// escape a Rust string cannot represent (a lone UTF-16 surrogate), as serde_json would refuse.
fn decode(literal: &str) -> Option<String> {
    let mut rest = literal.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(rest.len());
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = *rest.as_bytes().get(at + 1).filter(|b| b.is_ascii())?;
        rest = &rest[at + 2..];
        out.push(match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(&mut rest)?;
                let code = match unit {
                    0xD800..=0xDBFF => {
                        rest = rest.strip_prefix("\\u")?;
                        let low = hex4(&mut rest)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    _ => unit,
                };
                char::from_u32(code)?
            }
            _ => return None,
        });
    }
    out.push_str(rest);
    Some(out)
}

/// Takes four hex digits off the front of `rest`.
fn hex4(rest: &mut &str) -> Option<u32> {
    let digits = rest.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    *rest = &rest[4..];
    u32::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::decode;
    use proptest::prelude::*;

    #[test]
    fn decodes_every_kind_of_escape() {
        let literal = r#""a\"b\\c\/d\b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 end""#;
        let expected: String = serde_json::from_str(literal).unwrap();
        assert_eq!(decode(literal).as_deref(), Some(expected.as_str()));
        assert_eq!(decode(r#""""#).as_deref(), Some(""));
    }

    #[test]
    fn refuses_what_is_not_a_string_or_not_representable() {
        for literal in
            [r#"12"#, r#""\x""#, "\"\\é\"", r#""\u12""#, r#""\u12G4""#, r#""\ud83d""#, r#""\ud83dx""#, r#""\ude00""#]
        {
            assert_eq!(decode(literal), None, "{literal}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json(text in any::<String>(), ascii_only in any::<bool>()) {
            // Both of serde_json's spellings: raw UTF-8, and everything past ASCII as \u escapes.
            let literal = if ascii_only {
                text.chars().fold(String::from("\""), |mut out, c| {
                    match c {
                        '"' | '\\' => { out.push('\\'); out.push(c) }
                        ' '..='~' => out.push(c),
                        _ => c.encode_utf16(&mut [0; 2]).iter().for_each(|u| out.push_str(&format!("\\u{u:04x}"))),
                    }
                    out
                }) + "\""
            } else {
                serde_json::to_string(&text).unwrap()
            };
            prop_assert_eq!(serde_json::from_str::<String>(&literal).unwrap(), text.clone());
            prop_assert_eq!(decode(&literal), Some(text));
        }
    }
}
