//! Names that are not Rust identifiers as written, and names that collide
//! once converted: the generated code stays valid either way, and these
//! diagnostics say what it did.

use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::ir::Model;
use crate::naming::{field_name, type_name};
use crate::source::Location;
use std::collections::BTreeMap;

fn check<'a>(
    owner: &str,
    what: &str,
    items: impl Iterator<Item = (&'a str, &'a Location)>,
    convert: fn(&str) -> String,
    plain: fn(&str) -> String,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<String, (&str, &Location)> = BTreeMap::new();
    for (name, location) in items {
        let rust = convert(name);
        if rust != plain(name) || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(Diagnostic::new(
                Severity::Info,
                codes::RUST_NAME_ADJUSTED,
                location.clone(),
                format!("{what} `{name}` of `{owner}` is not a Rust identifier as written; the generated name is `{rust}`"),
            ));
        }
        match seen.get(&rust) {
            Some((first, first_location)) => out.push(
                Diagnostic::new(
                    Severity::Warning,
                    codes::NAME_COLLISION,
                    location.clone(),
                    if first.eq_ignore_ascii_case(name) && what == "property" {
                        format!("`{name}` of `{owner}` is listed twice (as a property and as a relationship); the struct has one field, typed by the later row")
                    } else {
                        let plural = if what == "property" { "properties" } else { "members" };
                        format!("{plural} `{first}` and `{name}` of `{owner}` both become `{rust}` in Rust; the later one gets a number appended")
                    },
                )
                .with_related((*first_location).clone(), format!("`{first}` is here")),
            ),
            None => {
                seen.insert(rust, (name, location));
            }
        }
    }
}

/// Diagnostics about Rust names of properties and enum members (types and
/// enums are checked in parallel; the order of the result is the model's).
pub fn check_names(model: &Model) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let types: Vec<_> = model.types.values().collect();
    let enums: Vec<_> = model.enums.values().collect();
    let (mut out, members): (Vec<Diagnostic>, Vec<Diagnostic>) = rayon::join(
        || {
            types
                .par_iter()
                .flat_map_iter(|t| {
                    let mut out = Vec::new();
                    let props = t
                        .properties
                        .iter()
                        .chain(&t.relationships)
                        .map(|p| (p.name.as_str(), &p.source));
                    check(
                        &t.name.name,
                        "property",
                        props,
                        field_name,
                        crate::naming::snake_case,
                        &mut out,
                    );
                    out
                })
                .collect()
        },
        || {
            enums
                .par_iter()
                .flat_map_iter(|e| {
                    let mut out = Vec::new();
                    let members = e.members.iter().map(|m| (m.name.as_str(), &m.source));
                    check(
                        &e.name.name,
                        "member",
                        members,
                        type_name,
                        crate::naming::upper_camel_case,
                        &mut out,
                    );
                    out
                })
                .collect()
        },
    );
    out.extend(members);
    out
}
