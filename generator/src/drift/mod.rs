//! Stage 5: drift. What changed between two models of the same API version
//! (enums, members, types, properties, endpoints), how breaking each change is
//! for clients, and where one docs tree contradicts itself.

mod config;
mod render;
mod rule;
mod rules;

pub use config::{BetaPolicy, Config, ConfigError, Ignore};
pub use render::render;
pub use rule::Rule;
pub use rules::{consistency, diff_models};

use crate::source::Location;
use serde::Serialize;

/// How much a change matters to clients.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Existing clients can break.
    Breaking,
    /// Clients may see something they do not expect.
    Warning,
    /// Nothing breaks.
    Info,
}

impl Level {
    /// `breaking`, `warning`, `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Breaking => "breaking",
            Level::Warning => "warning",
            Level::Info => "info",
        }
    }

    /// One level milder (beta's looser policy).
    pub fn milder(self) -> Level {
        match self {
            Level::Breaking => Level::Warning,
            Level::Warning | Level::Info => Level::Info,
        }
    }
}

/// One change.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Change {
    /// Stable identity without locations: `rule:version:subject`. Ignore
    /// entries name it.
    pub fingerprint: String,
    /// The rule (serialized as its stable id, e.g. `enum-member-removed`).
    pub rule: Rule,
    /// Severity after policy and overrides.
    pub severity: Level,
    /// API version.
    pub version: String,
    /// The enum concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#enum: Option<String>,
    /// The enum member concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The type concerned, if any.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub ty: Option<String>,
    /// The property concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
    /// The endpoint concerned (`METHOD path`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The placeholder concerned, as `kind:owner` (`todo-description:x.y description`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// What changed, for people.
    pub message: String,
    /// Where it was on the old side.
    pub old: Option<Location>,
    /// Where it is on the new side.
    pub new: Option<Location>,
}

/// Which severity makes the run fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail on breaking changes.
    Breaking,
    /// Fail on warnings and breaking changes.
    Warning,
    /// Fail on any change.
    Info,
    /// Never fail on changes.
    Never,
}

impl FailOn {
    /// Whether `changes` hold one that fails the run.
    pub fn fails(self, changes: &[Change]) -> bool {
        let limit = match self {
            FailOn::Breaking => Level::Breaking,
            FailOn::Warning => Level::Warning,
            FailOn::Info => Level::Info,
            FailOn::Never => return false,
        };
        changes.iter().any(|c| c.severity <= limit)
    }
}
