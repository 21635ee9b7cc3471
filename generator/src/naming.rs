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

/// `UpperCamelCase` for types and enum variants: `mobileAppInstallStatus` →
/// `MobileAppInstallStatus`. Never empty, never a keyword, never starts with a digit.
pub fn type_name(name: &str) -> String {
    let mut ident = ascii_words(name).to_upper_camel_case();
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
    let mut ident = ascii_words(name).to_snake_case();
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
