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

/// The header and rows of the first table of a markdown page of `text`.
pub(crate) fn first_table(text: &str) -> (crate::parse::Row, Vec<crate::parse::Row>) {
    let page = crate::parse::parse_page(&crate::source::SourceFile::new("t.md", text));
    match page.blocks.into_iter().next() {
        Some(crate::parse::Block::Table { header, rows, .. }) => (header, rows),
        other => panic!("no table: {other:?}"),
    }
}
