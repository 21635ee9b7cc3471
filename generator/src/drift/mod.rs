//! Stage 5: drift. What changed between two models of the same API version
//! (enums, members, types, properties, endpoints), how breaking each change is
//! for clients, and where one docs tree contradicts itself.

mod area;
mod config;
mod pairing;
mod render;
mod rule;
mod rules;
mod subject;

pub use area::{Area, ChangeKind};
pub use config::{BetaPolicy, Config, ConfigError, Ignore};
pub use pairing::{pair_versions, VersionPairs};
pub use render::{render, Format};
pub use rule::Rule;
pub use rules::{consistency, diff_models, diff_sides, Sides};
pub use subject::Subject;

use crate::source::Location;
use serde::Serialize;

/// How much a change matters to clients.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
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
    /// What the change is about (written as the fields its kind fills: `enum`,
    /// `member`, `type`, `property`, `endpoint`, `placeholder`).
    #[serde(flatten)]
    pub subject: Subject,
    /// What changed, for people.
    pub message: String,
    /// Where it was on the old side.
    pub old: Option<Location>,
    /// Where it is on the new side.
    pub new: Option<Location>,
}

/// Which severity makes the run fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
        changes.iter().any(|c| self.fails_on(c))
    }

    /// Whether this one change fails the run.
    pub fn fails_on(self, change: &Change) -> bool {
        let limit = match self {
            FailOn::Breaking => Level::Breaking,
            FailOn::Warning => Level::Warning,
            FailOn::Info => Level::Info,
            FailOn::Never => return false,
        };
        change.severity <= limit
    }
}
