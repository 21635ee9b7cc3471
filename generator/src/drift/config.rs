//! The drift config file (YAML): per-rule severity overrides, beta's policy,
//! and ignored changes, each with a reason.
//!
//! ```yaml
//! beta: looser        # or strict; looser makes every beta change one level milder
//! severity:
//!   enum-member-added: warning
//! ignore:
//!   - fingerprint: "enum-member-removed:beta:resultantAppStateDetail.uninstallPendingReboot"
//!     reason: "never shipped; removed from the docs on purpose"
//! ```

use super::Level;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// One ignored change.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ignore {
    /// The change's fingerprint.
    pub fingerprint: String,
    /// Why it is ignored (required).
    pub reason: String,
}

/// How beta changes are held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BetaPolicy {
    /// Every beta change is one level milder (the default).
    #[default]
    Looser,
    /// Beta is held to the same severities as other versions.
    Strict,
}

/// The config.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `looser` (default) or `strict`.
    #[serde(default)]
    pub beta: BetaPolicy,
    /// Severity per rule id.
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
    /// Ignored changes.
    #[serde(default)]
    pub ignore: Vec<Ignore>,
}

/// A config that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses and validates a config.
    pub fn parse(yaml: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_yaml_ng::from_str(yaml)
            .map_err(|e| ConfigError(format!("invalid drift config: {e}")))?;
        for rule in config.severity.keys() {
            if super::Rule::from_id(rule).is_none() {
                return Err(ConfigError(format!(
                    "`severity` names `{rule}`, which is not a drift rule"
                )));
            }
        }
        for i in &config.ignore {
            if i.reason.trim().is_empty() {
                return Err(ConfigError(format!(
                    "the ignore entry `{}` needs a reason",
                    i.fingerprint
                )));
            }
        }
        Ok(config)
    }

    /// Whether beta changes are one level milder.
    pub fn beta_is_looser(&self) -> bool {
        self.beta == BetaPolicy::Looser
    }

    /// Whether a change is ignored.
    pub fn ignores(&self, fingerprint: &str) -> bool {
        self.ignore.iter().any(|i| i.fingerprint == fingerprint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_overrides_and_ignores_and_rejects_mistakes() {
        let c = Config::parse("beta: strict\nseverity:\n  enum-member-added: warning\nignore:\n  - fingerprint: a\n    reason: b\n").unwrap();
        assert!(!c.beta_is_looser());
        assert_eq!(c.severity["enum-member-added"], Level::Warning);
        assert!(c.ignores("a"));
        assert!(Config::parse("ignore:\n  - fingerprint: a\n    reason: ''\n").is_err());
        assert!(Config::parse("severity:\n  no-such-rule: info\n").is_err());
        assert!(Config::parse("beta: sometimes\n").is_err());
        assert!(Config::parse("").unwrap().beta_is_looser());
    }
}
