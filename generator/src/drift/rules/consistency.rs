//! Drift inside one docs tree: enum lists that disagree between the pages of
//! a version, and members of a `v1.0` enum that beta lacks.

use super::Differ;
use crate::diagnostics::codes;
use crate::drift::{Change, Config, Level, Rule, Subject};
use crate::ir::Model;

/// Drift inside one docs tree: the same enum listed differently on
/// different pages of a version, and members of a `v1.0` enum that the same
/// enum in `beta` lacks.
pub fn consistency(models: &[Model], config: &Config) -> Vec<Change> {
    let mut out = Vec::new();
    for m in models {
        out.extend(enum_lists_disagree(m, config));
    }
    let v1 = models.iter().find(|m| m.version == "v1.0");
    let beta = models.iter().find(|m| m.version == "beta");
    if let (Some(v1), Some(beta)) = (v1, beta) {
        out.extend(members_missing_in_beta(v1, beta, config));
    }
    out.sort();
    out
}

/// `enum-lists-disagree`: one per `enum-members-disagree` diagnostic of the
/// model (the extraction already compared the pages).
fn enum_lists_disagree(m: &Model, config: &Config) -> Vec<Change> {
    let mut d = Differ {
        sides: super::Sides::Versions,
        version: &m.version,
        config,
        out: Vec::new(),
    };
    for diag in m
        .diagnostics
        .iter()
        .filter(|d| d.code == codes::ENUM_MEMBERS_DISAGREE)
    {
        // The diagnostic names the enum first, in backticks.
        let name = diag.message.split('`').nth(1).unwrap_or("").to_owned();
        let s = Subject::EnumList {
            enum_name: name,
            at: diag.source.clone(),
        };
        let taken = diag.related.first().map(|r| r.source.clone());
        d.push(
            Rule::EnumListsDisagree,
            Level::Warning,
            s,
            diag.message.clone(),
            taken,
            Some(diag.source.clone()),
        );
    }
    d.out
}

/// `enum-member-missing-in-beta`: each member of a `v1.0` enum that the
/// same enum in `beta` lacks (reported as beta's).
fn members_missing_in_beta(v1: &Model, beta: &Model, config: &Config) -> Vec<Change> {
    let mut d = Differ {
        sides: super::Sides::Versions,
        version: "beta",
        config,
        out: Vec::new(),
    };
    for (key, e) in &v1.enums {
        let Some(b) = beta.enums.get(key) else {
            continue;
        };
        for m in &e.members {
            if !b.members.iter().any(|x| x.name == m.name) {
                let s = Subject::EnumMember {
                    enum_name: e.name.name.clone(),
                    member: m.name.clone(),
                };
                d.push(
                    Rule::EnumMemberMissingInBeta,
                    Level::Warning,
                    s,
                    format!(
                        "member `{}` of `{}` is in v1.0 but not in beta",
                        m.name, e.name.name
                    ),
                    Some(m.source.clone()),
                    b.sources.first().map(|s| s.source.clone()),
                );
            }
        }
    }
    d.out
}
