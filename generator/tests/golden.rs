//! Golden tests: the fixture pages under `tests/fixtures` generate exactly the
//! crate under `tests/golden` (a workspace member, so the golden output is
//! compiled and its generated tests run) and exactly `tests/golden/ir.json`.
//!
//! After an intended change, rewrite the goldens with
//! `UPDATE_GOLDEN=1 cargo test -p graph-docs-codegen --test golden` and review the diff.

use graph_docs_codegen::emit::EmitOptions;
use graph_docs_codegen::workspace::{check_crate, load_docs, write_crate};
use graph_docs_codegen::{generate, ir};
use std::path::{Path, PathBuf};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

fn fixtures() -> (Vec<ir::Model>, Vec<graph_docs_codegen::emit::GeneratedFile>) {
    let (docs, load_diagnostics) =
        load_docs(&[tests_dir().join("fixtures")]).expect("fixtures load");
    assert!(load_diagnostics.is_empty(), "{load_diagnostics:?}");
    let options = EmitOptions {
        crate_name: "golden-fixtures".to_owned(),
        regen_command: "UPDATE_GOLDEN=1 cargo test -p graph-docs-codegen --test golden".to_owned(),
        standalone: false,
    };
    generate(&docs, &options).expect("fixtures emit")
}

#[test]
fn fixture_pages_generate_the_golden_crate() {
    let (_, files) = fixtures();
    let out = tests_dir().join("golden");
    if updating() {
        write_crate(&out, &files).expect("golden crate written");
        return;
    }
    let stale = check_crate(&out, &files).expect("golden crate readable");
    let mut report = String::new();
    for (path, diff) in &stale.changed {
        report.push_str(&format!("changed: {path}\n{diff}\n"));
    }
    for path in &stale.missing {
        report.push_str(&format!("missing: {path}\n"));
    }
    for path in &stale.extra {
        report.push_str(&format!("extra: {path}\n"));
    }
    assert!(stale.is_clean(), "the golden crate differs from the fixtures' output:\n{report}\nRun UPDATE_GOLDEN=1 cargo test -p graph-docs-codegen --test golden");
}

#[test]
fn fixture_pages_give_the_golden_ir() {
    let (models, _) = fixtures();
    let json = ir::json::to_json(&models);
    let path = tests_dir().join("golden").join("ir.json");
    if updating() {
        std::fs::write(&path, &json).expect("ir.json written");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("ir.json exists");
    if expected != json {
        let diff = similar::TextDiff::from_lines(&expected, &json)
            .unified_diff()
            .context_radius(2)
            .to_string();
        panic!("the IR of the fixtures changed:\n{diff}\nRun UPDATE_GOLDEN=1 cargo test -p graph-docs-codegen --test golden");
    }
}

/// The text of the generated file at `path`.
fn generated_file<'f>(files: &'f [graph_docs_codegen::emit::GeneratedFile], path: &str) -> &'f str {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.as_str())
        .unwrap_or_else(|| panic!("{path} is generated"))
}

#[test]
fn examples_that_contradict_their_types_are_reported_and_not_made_into_tests() {
    let (models, files) = fixtures();
    let diagnostics = &models[0].diagnostics;
    let found = |code: &str, text: &str| {
        diagnostics.iter().any(|d| {
            d.code == code
                && d.message.contains(text)
                && d.source.path.ends_with("widget-create.md")
        })
    };
    assert!(
        found("example-bad-value", "`widget.3dModel` is `not base64!`"),
        "{diagnostics:#?}"
    );
    assert!(
        found("example-wrong-type", "`widget.enabled` is a string"),
        "{diagnostics:#?}"
    );

    let examples = generated_file(&files, "tests/examples_v1_0.rs");
    // The mistaken response is left out; its request, which is right, stays.
    assert!(examples.contains("fn create_widget_response()"));
    assert!(examples.contains("fn create_widget_docs_mistake_request()"));
    assert!(!examples.contains("fn create_widget_docs_mistake_response()"));

    let endpoints = generated_file(&files, "tests/endpoints_v1_0.rs");
    assert!(endpoints.contains("async fn create_widget()"));
    // A pair whose response contradicts its types, and a collection endpoint
    // whose response example is one object, not a page.
    assert!(!endpoints.contains("async fn create_widget_docs_mistake()"));
    assert!(!endpoints.contains("async fn list_widgets()"));
}
