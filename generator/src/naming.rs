//! Rust names for docs names: case conversion, keywords, odd characters and
//! collisions, all in one place.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::{BTreeMap, BTreeSet};

/// Every Rust keyword, strict and reserved, in all editions.
pub const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `word` is a Rust keyword.
pub fn is_keyword(word: &str) -> bool {
    RUST_KEYWORDS.contains(&word)
}

/// Replaces every character that cannot be part of an identifier by a word
/// break, spelling non-ASCII characters as `uXXXX` so distinct names stay distinct.
fn ascii_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_ascii() {
            out.push('_');
        } else {
            out.push_str(&format!("_u{:04x}_", c as u32));
        }
    }
    out
}

/// heck's `to_snake_case`, with a fast path for the usual shape of docs
/// names (ASCII lower camel case, `deviceName`), which the `ir` checks and the
/// emitters convert by the hundred thousand.
pub fn snake_case(name: &str) -> String {
    match lower_camel_words(name) {
        Some(words) => {
            let mut out = String::with_capacity(name.len() + 4);
            for (i, word) in words.enumerate() {
                if i > 0 {
                    out.push('_');
                }
                out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            }
            out
        }
        None => name.to_snake_case(),
    }
}

/// heck's `to_upper_camel_case`, with the same fast path as [`snake_case`].
pub fn upper_camel_case(name: &str) -> String {
    match lower_camel_words(name) {
        Some(words) => {
            let mut out = String::with_capacity(name.len());
            for word in words {
                let mut chars = word.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.extend(chars.map(|c| c.to_ascii_lowercase()));
            }
            out
        }
        None => name.to_upper_camel_case(),
    }
}

/// The words of a name made of ASCII letters that starts lower-case and has
/// no two upper-case letters in a row (`deviceName` → `device`, `Name`), split
/// before each upper-case letter, as heck splits them; `None` for any other name.
fn lower_camel_words(name: &str) -> Option<impl Iterator<Item = &str> + '_> {
    // Saves 4% of the `ir` command's instructions (benches/fast_paths.sh case).
    if cfg!(library_case) {
        return None;
    }
    let bytes = name.as_bytes();
    if !bytes.first()?.is_ascii_lowercase()
        || !bytes.iter().all(u8::is_ascii_alphabetic)
        || bytes
            .windows(2)
            .any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())
    {
        return None;
    }
    let uppers = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_uppercase())
        .map(|(i, _)| i);
    let mut starts = std::iter::once(0).chain(uppers).peekable();
    Some(std::iter::from_fn(move || {
        let start = starts.next()?;
        let end = starts.peek().copied().unwrap_or(name.len());
        Some(&name[start..end])
    }))
}

/// `UpperCamelCase` for types and enum variants: `mobileAppInstallStatus` →
/// `MobileAppInstallStatus`. Never empty, never a keyword, never starts with a digit.
pub fn type_name(name: &str) -> String {
    let mut ident = upper_camel_case(&ascii_words(name));
    if ident.is_empty() {
        ident = "Unnamed".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, 'N');
    }
    if is_keyword(&ident) {
        ident.push('_');
    }
    ident
}

/// `snake_case` for fields and modules: `@odata.type` → `odata_type`,
/// `type` → `type_`. Never empty, never a keyword, never starts with a digit.
pub fn field_name(name: &str) -> String {
    let mut ident = snake_case(&ascii_words(name));
    if ident.is_empty() {
        ident = "field".to_owned();
    }
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert_str(0, "n_");
    }
    if is_keyword(&ident) || ident == "_" {
        ident.push('_');
    }
    ident
}

/// A path parameter's argument name: like [`field_name`], with `|` (a value
/// that is one thing or another) read as `or`:
/// `{id | userPrincipalName}` → `id_or_user_principal_name`.
pub fn parameter_name(name: &str) -> String {
    if name.contains('|') {
        field_name(&name.replace('|', " or "))
    } else {
        field_name(name)
    }
}

/// A module (and file) name: like [`field_name`].
pub fn module_name(name: &str) -> String {
    field_name(name)
}

/// The module for an API version: `v1.0` → `v1_0`, `beta` → `beta`.
pub fn version_module(version: &str) -> String {
    field_name(version)
}

/// Gives each key a distinct name. Candidates are taken in key order; a
/// candidate already used (compared case-insensitively when
/// `case_insensitive`, as file names must be) gets `2`, `3`, … appended.
/// `reserved` names are never handed out.
pub fn unique_names<K: Ord + Clone>(
    candidates: impl IntoIterator<Item = (K, String)>,
    reserved: &[&str],
    case_insensitive: bool,
) -> BTreeMap<K, String> {
    let norm = |s: &str| {
        if case_insensitive {
            s.to_ascii_lowercase()
        } else {
            s.to_owned()
        }
    };
    let mut used: BTreeSet<String> = reserved.iter().map(|s| norm(s)).collect();
    let mut sorted: Vec<(K, String)> = candidates.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = BTreeMap::new();
    for (key, candidate) in sorted {
        let mut name = candidate.clone();
        let mut n = 2;
        while !used.insert(norm(&name)) {
            name = format!("{candidate}{n}");
            n += 1;
        }
        out.insert(key, name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_case_conversion_agrees_with_heck() {
        use proptest::prelude::*;
        crate::test_support::seeded_runner()
            .run(&"[a-z][a-zA-Z]{0,12}|[a-zA-Z0-9_. ]{0,10}", |name| {
                prop_assert_eq!(snake_case(&name), name.to_snake_case());
                prop_assert_eq!(upper_camel_case(&name), name.to_upper_camel_case());
                Ok(())
            })
            .unwrap();
        for name in [
            "deviceName",
            "aB",
            "a",
            "odataType",
            "userPrincipalName",
            "x",
        ] {
            assert!(lower_camel_words(name).is_some(), "{name}");
            assert_eq!(snake_case(name), name.to_snake_case());
            assert_eq!(upper_camel_case(name), name.to_upper_camel_case());
        }
    }

    #[test]
    fn case_conversion() {
        assert_eq!(
            type_name("mobileAppInstallStatus"),
            "MobileAppInstallStatus"
        );
        assert_eq!(
            type_name("managedDeviceMobileAppConfigurationUserStatus"),
            "ManagedDeviceMobileAppConfigurationUserStatus"
        );
        assert_eq!(field_name("installStateDetail"), "install_state_detail");
        assert_eq!(field_name("@odata.type"), "odata_type");
        assert_eq!(version_module("v1.0"), "v1_0");
    }

    #[test]
    fn parameters_naming_one_value_or_another_read_or() {
        assert_eq!(
            parameter_name("id | userPrincipalName"),
            "id_or_user_principal_name"
        );
        assert_eq!(
            parameter_name("Id|userPrincipalName"),
            "id_or_user_principal_name"
        );
        assert_eq!(parameter_name("user-id"), "user_id");
        assert_eq!(parameter_name("type"), "type_");
    }

    #[test]
    fn keywords_digits_and_odd_characters() {
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(field_name("3dModel"), "n_3d_model");
        assert_eq!(type_name("3dModel"), "N3dModel");
        assert_eq!(field_name(""), "field");
        assert_eq!(type_name("--"), "Unnamed");
        assert_eq!(field_name("x-ms-id"), "x_ms_id");
        assert_ne!(type_name("café"), type_name("cafe"));
        for word in RUST_KEYWORDS {
            assert!(!is_keyword(&field_name(word)), "{word}");
            assert!(!is_keyword(&type_name(word)), "{word}");
        }
    }

    #[test]
    fn collisions_are_resolved_in_key_order() {
        let names = unique_names(
            [
                (2, "Ok".to_owned()),
                (1, "Ok".to_owned()),
                (3, "ok".to_owned()),
            ],
            &["Undocumented"],
            true,
        );
        assert_eq!(names[&1], "Ok");
        assert_eq!(names[&2], "Ok2");
        assert_eq!(names[&3], "ok3");
        let names = unique_names([(1, "Undocumented".to_owned())], &["Undocumented"], false);
        assert_eq!(names[&1], "Undocumented2");
    }
}
