//! Names people tell records apart by. Two live groups, services, customers, suppliers or
//! locations may not share a name, and two live people may not share an e-mail address
//! (people may share a name: the address tells them apart). Compared without regard to case
//! or surrounding spaces, because "Network" and "network " read as the same to a person.

use crate::error::{Code, Invalid};

fn same(a: &str, b: &str) -> bool {
    name_identity(a) == name_identity(b)
}

/// The form in which two names are compared: names with the same identity read the same.
/// (An import checks a whole file's names by it in one pass.)
pub fn name_identity(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Refuses `name` when one of `others` (the names of the other live records of the same
/// family) reads the same.
pub fn ensure_unique_name<'a>(
    noun: &str,
    name: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Result<(), Invalid> {
    if others.into_iter().any(|other| same(other, name)) {
        return Err(Invalid::field(
            Code::DuplicateName,
            "name",
            format!("Another {noun} is already called “{}”; choose a name that tells them apart.", name.trim()),
        ));
    }
    Ok(())
}

/// Refuses a non-empty `email` that another live person already has.
pub fn ensure_unique_email<'a>(email: &str, others: impl IntoIterator<Item = &'a str>) -> Result<(), Invalid> {
    if !email.trim().is_empty() && others.into_iter().any(|other| same(other, email)) {
        return Err(Invalid::field(
            Code::DuplicateEmail,
            "email",
            format!("Another person already has the e-mail address {}.", email.trim()),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differing_only_in_case_or_spaces_clash() {
        let err = ensure_unique_name("group", " network ", ["Service Desk", "Network"]).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::DuplicateName, Some("name")));
        assert!(err.message.contains("“network”"), "{}", err.message);
        ensure_unique_name("group", "Networks", ["Network"]).unwrap();
    }

    #[test]
    fn an_empty_email_never_clashes() {
        ensure_unique_email("", [""]).unwrap();
        assert_eq!(
            ensure_unique_email("Ada@Example.org", ["ada@example.org"]).unwrap_err().field.as_deref(),
            Some("email")
        );
    }
}
