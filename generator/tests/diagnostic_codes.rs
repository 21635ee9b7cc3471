//! `docs/diagnostics.md` lists every diagnostic code, and only those: the
//! codes of its table against the constants of `diagnostics::codes`.

use std::collections::BTreeSet;

/// The codes the `codes` module declares, read from its source.
fn declared_codes() -> BTreeSet<String> {
    let source = include_str!("../src/diagnostics.rs");
    let module = &source[source.find("pub mod codes").expect("a codes module")..];
    let constant = regex::Regex::new(r#"pub const [A-Z0-9_]+: &str = "([a-z0-9-]+)";"#).unwrap();
    constant
        .captures_iter(module)
        .map(|c| c[1].to_owned())
        .collect()
}

/// The codes in the first cell of the table rows of `docs/diagnostics.md`.
fn documented_codes() -> BTreeSet<String> {
    let doc = include_str!("../../docs/diagnostics.md");
    let code = regex::Regex::new(r"`([a-z0-9-]+)`").unwrap();
    doc.lines()
        .filter(|line| line.starts_with("| `"))
        .flat_map(|line| {
            let first_cell = line.split('|').nth(1).unwrap_or_default();
            code.captures_iter(first_cell)
                .map(|c| c[1].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_diagnostics_document_lists_every_code_and_only_those() {
    let (declared, documented) = (declared_codes(), documented_codes());
    assert!(
        declared.len() > 30,
        "the codes module was read: {declared:?}"
    );
    let undocumented: Vec<_> = declared.difference(&documented).collect();
    let unknown: Vec<_> = documented.difference(&declared).collect();
    assert!(
        undocumented.is_empty() && unknown.is_empty(),
        "codes missing from docs/diagnostics.md: {undocumented:?}; documented codes that do not exist: {unknown:?}"
    );
}
