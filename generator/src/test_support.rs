//! Helpers for the unit tests.

use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// A property-test runner with a fixed seed and 4,096 cases: the same inputs
/// on every run, so a failure reproduces.
pub(crate) fn seeded_runner() -> TestRunner {
    let config = Config {
        cases: 4096,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}
