//! Golden tests, one per behaviour. Each directory under `tests/goldens/` is
//! named after the behaviour it pins and holds, side by side:
//!
//! - `pages/`: a few fixture pages, as a docs tree (`pages/v1.0/...`);
//! - `ir.json`: the model of just those pages, diagnostics and TODOs included;
//! - `crate/`: the crate generated from them. The workspace's members include
//!   `generator/tests/goldens/*/crate`, so every golden crate compiles, is
//!   linted, and its generated tests run, beside hand-written tests
//!   (`crate/tests/*.rs` files opening with `//! Hand-written`), which the
//!   update leaves alone.
//!
//! Any other file fails the test, a generated file the pages no longer
//! generate among them. A failure names each golden that differs, with a diff
//! per file. Adding a golden is adding a directory with its `pages/` and
//! running the update, which writes `crate/` (then `cargo` once without
//! `--locked`, for `Cargo.lock`). Hand-written tests come after: a `crate/`
//! folder without its `Cargo.toml` stops cargo loading the workspace.
//!
//! After an intended change, rewrite every golden with
//! `UPDATE_GOLDEN=1 cargo test -p graph-docs-codegen --test golden` and review the diff.

mod common;

use common::{golden, goldens, Golden};
use graph_docs_codegen::emit::{EmitOptions, GeneratedFile};
use graph_docs_codegen::workspace::{is_generated, load_docs, write_crate};
use graph_docs_codegen::{generate, ir};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const UPDATE_COMMAND: &str = "UPDATE_GOLDEN=1 cargo test -p graph-docs-codegen --test golden";
/// How a hand-written test of a golden crate begins.
const HAND_WRITTEN: &str = "//! Hand-written";
/// The model's JSON, beside the pages.
const IR_FILE: &str = "ir.json";
/// At most this many diff lines are shown per file.
const DIFF_LINES: usize = 60;

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// What a golden's pages generate.
struct Output {
    /// The model of each version.
    models: Vec<ir::Model>,
    /// The crate's files, paths relative to `crate/`.
    crate_files: Vec<GeneratedFile>,
    /// The models as `ir.json` holds them.
    ir_json: String,
}

impl Output {
    /// Every file the golden's directory must hold, by path relative to it.
    fn expected(&self) -> BTreeMap<String, &str> {
        let mut files: BTreeMap<String, &str> = self
            .crate_files
            .iter()
            .map(|f| (format!("crate/{}", f.path), f.contents.as_str()))
            .collect();
        files.insert(IR_FILE.to_owned(), &self.ir_json);
        files
    }

    /// The text of the generated crate file at `path` (relative to `crate/`).
    fn crate_file(&self, path: &str) -> &str {
        self.crate_files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.contents.as_str())
            .unwrap_or_else(|| panic!("{path} is generated"))
    }
}

/// Loads a golden's pages and generates what they give.
fn output(golden: &Golden) -> Output {
    let name = &golden.name;
    let (docs, load_diagnostics) =
        load_docs(&[golden.pages()]).unwrap_or_else(|e| panic!("golden `{name}`: {e}"));
    assert!(
        load_diagnostics.is_empty(),
        "golden `{name}`: {load_diagnostics:?}"
    );
    assert!(
        docs.files().next().is_some(),
        "golden `{name}` has no pages under pages/"
    );
    let options = EmitOptions {
        crate_name: format!("golden-{name}"),
        regen_command: UPDATE_COMMAND.to_owned(),
        standalone: false,
        ..EmitOptions::default()
    };
    let (models, crate_files) =
        generate(&docs, &options).unwrap_or_else(|e| panic!("golden `{name}`: {e:?}"));
    let ir_json = ir::json::to_json(&models);
    Output {
        models,
        crate_files,
        ir_json,
    }
}

/// How one file of a golden differs from what its pages generate.
#[derive(Debug, PartialEq)]
enum Finding {
    /// The contents differ: a unified diff, golden → generated.
    Changed(String),
    /// The pages generate it and the golden lacks it.
    Missing,
    /// A generated file (it has the header) the pages no longer generate.
    NoLongerGenerated,
    /// Neither a page, nor generated, nor a hand-written test.
    Unexpected,
}

/// Every file under `dir` (hidden entries and `target` folders skipped), as
/// `/`-separated paths relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let entry = entry.unwrap_or_else(|e| panic!("{}: {e}", d.display()));
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "target" {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path);
                let parts: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
                found.push(parts.join("/"));
            }
        }
    }
    found.sort();
    found
}

/// Whether `rel` (relative to the golden) is an input: a page, or a
/// hand-written test of the crate.
fn is_input(rel: &str, contents: Option<&str>) -> bool {
    if rel.starts_with("pages/") {
        return rel.ends_with(".md");
    }
    let hand_written_test = rel
        .strip_prefix("crate/tests/")
        .is_some_and(|name| name.ends_with(".rs") && !name.contains('/'));
    hand_written_test && contents.is_some_and(|c| c.starts_with(HAND_WRITTEN) && !is_generated(c))
}

/// A unified diff of a file, golden → generated, cut at [`DIFF_LINES`] lines.
fn unified_diff(path: &str, golden: &str, generated: &str) -> String {
    let text = similar::TextDiff::from_lines(golden, generated)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{path} (golden)"),
            &format!("b/{path} (generated)"),
        )
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= DIFF_LINES {
        return text;
    }
    let more = lines.len() - DIFF_LINES;
    format!(
        "{}\n... ({more} more diff lines)\n",
        lines[..DIFF_LINES].join("\n")
    )
}

/// Every file of `dir` that is not what the pages generate, by path relative to it.
fn compare(dir: &Path, output: &Output) -> BTreeMap<String, Finding> {
    let expected = output.expected();
    let mut findings = BTreeMap::new();
    for (rel, generated) in &expected {
        let path = dir.join(rel);
        let finding = match fs::read_to_string(&path) {
            Ok(on_disk) if on_disk == *generated => continue,
            Ok(on_disk) => Finding::Changed(unified_diff(rel, &on_disk, generated)),
            Err(_) if !path.exists() => Finding::Missing,
            Err(e) => Finding::Changed(format!("unreadable: {e}\n")),
        };
        findings.insert(rel.clone(), finding);
    }
    for rel in files_under(dir) {
        if expected.contains_key(&rel) {
            continue;
        }
        let contents = fs::read_to_string(dir.join(&rel)).ok();
        if is_input(&rel, contents.as_deref()) {
            continue;
        }
        let finding = if contents.as_deref().is_some_and(is_generated) {
            Finding::NoLongerGenerated
        } else {
            Finding::Unexpected
        };
        findings.insert(rel, finding);
    }
    findings
}

/// Rewrites a golden's output: the crate (stale generated files removed,
/// hand-written ones kept) and `ir.json`.
fn update(golden: &Golden, output: &Output) {
    write_crate(&golden.crate_dir(), &output.crate_files)
        .unwrap_or_else(|e| panic!("golden `{}`: {e}", golden.name));
    fs::write(golden.dir.join(IR_FILE), &output.ir_json)
        .unwrap_or_else(|e| panic!("golden `{}`: {e}", golden.name));
}

/// The findings of one golden as text. A diff already shown for an earlier
/// golden (`shown`: path and diff → that golden) is named, not repeated, so a
/// change to code every crate holds reads once.
fn report(
    name: &str,
    findings: &BTreeMap<String, Finding>,
    shown: &mut BTreeMap<(String, String), String>,
) -> String {
    let mut text = format!("golden `{name}` differs from what its pages generate:\n");
    for (rel, finding) in findings {
        let line = match finding {
            Finding::Changed(diff) => match shown.get(&(rel.clone(), diff.clone())) {
                Some(first) => format!("changed: {rel} (the same change as in `{first}`)\n"),
                None => {
                    shown.insert((rel.clone(), diff.clone()), name.to_owned());
                    format!("changed: {rel}\n{diff}")
                }
            },
            Finding::Missing => format!("missing: {rel}\n"),
            Finding::NoLongerGenerated => format!("no longer generated: {rel}\n"),
            Finding::Unexpected => format!(
                "unexpected: {rel} (not a page, not generated, not a hand-written test opening with `{HAND_WRITTEN}`)\n"
            ),
        };
        text.push_str("  ");
        text.push_str(&line);
    }
    text
}

#[test]
fn every_golden_is_what_its_pages_generate() {
    let all = goldens();
    assert!(
        !all.is_empty(),
        "no goldens under {}",
        common::goldens_dir().display()
    );
    let mut shown = BTreeMap::new();
    let mut differing = Vec::new();
    let mut text = String::new();
    for golden in &all {
        let output = output(golden);
        if updating() {
            update(golden, &output);
        }
        let findings = compare(&golden.dir, &output);
        if !findings.is_empty() {
            differing.push(golden.name.as_str());
            text.push_str(&report(&golden.name, &findings, &mut shown));
            text.push('\n');
        }
    }
    let advice = if updating() {
        // What is left after an update is no output of the generator.
        format!("The update rewrites generated output only: remove the files above (or open a test with `{HAND_WRITTEN}`).")
    } else {
        format!("If the change is intended, run `{UPDATE_COMMAND}` and review the diff.")
    };
    assert!(
        differing.is_empty(),
        "{} of {} goldens differ: {}\n\n{text}{advice}",
        differing.len(),
        all.len(),
        differing.join(", ")
    );
}

#[test]
fn a_page_kept_in_several_goldens_is_the_same_page_in_each() {
    let mut first: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut differ = Vec::new();
    for golden in goldens() {
        for rel in files_under(&golden.pages()) {
            let text = fs::read_to_string(golden.pages().join(&rel)).expect("page readable");
            match first.get(&rel) {
                Some((name, seen)) if *seen != text => {
                    differ.push(format!("{rel}: `{name}` and `{}`", golden.name))
                }
                Some(_) => {}
                None => {
                    first.insert(rel, (golden.name.clone(), text));
                }
            }
        }
    }
    assert!(
        differ.is_empty(),
        "copies of a page differ (edit every copy): {differ:#?}"
    );
}

/// Copies the pages of `golden` into a fresh golden directory under `root`.
fn golden_copy(golden: &Golden, root: &Path) -> Golden {
    let copy = Golden {
        name: golden.name.clone(),
        dir: root.join(&golden.name),
    };
    for rel in files_under(&golden.pages()) {
        let to = copy.pages().join(&rel);
        fs::create_dir_all(to.parent().expect("a page is in a folder")).unwrap();
        fs::copy(golden.pages().join(&rel), to).unwrap();
    }
    copy
}

#[test]
fn stale_missing_changed_and_unknown_files_are_each_found() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = golden_copy(&golden("namespaces"), tmp.path());
    let output = output(&copy);
    update(&copy, &output);
    assert_eq!(compare(&copy.dir, &output), BTreeMap::new());

    let header = output.crate_file("src/lib.rs").lines().next().unwrap();
    let write = |rel: &str, text: &str| {
        let path = copy.dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap()
    };
    write(
        "crate/src/v1_0/gone.rs",
        &format!("{header}\npub struct Gone;\n"),
    );
    write("crate/tests/hand.rs", &format!("{HAND_WRITTEN}: kept.\n"));
    write("notes.txt", "scratch\n");
    write(IR_FILE, "{}\n");
    fs::remove_file(copy.crate_dir().join("src/lib.rs")).unwrap();
    let found = compare(&copy.dir, &output);
    let kinds: BTreeMap<&str, &str> = found
        .iter()
        .map(|(rel, f)| {
            let kind = match f {
                Finding::Changed(diff) if diff.contains("+++ b/ir.json (generated)") => "changed",
                Finding::Changed(_) => "changed, no diff",
                Finding::Missing => "missing",
                Finding::NoLongerGenerated => "no longer generated",
                Finding::Unexpected => "unexpected",
            };
            (rel.as_str(), kind)
        })
        .collect();
    let expected = BTreeMap::from([
        ("crate/src/lib.rs", "missing"),
        ("crate/src/v1_0/gone.rs", "no longer generated"),
        (IR_FILE, "changed"),
        ("notes.txt", "unexpected"),
    ]);
    assert_eq!(kinds, expected);

    // The update restores the output and removes the stale generated file;
    // the unknown file is left for a person to decide.
    update(&copy, &output);
    let left: Vec<String> = compare(&copy.dir, &output).into_keys().collect();
    assert_eq!(left, ["notes.txt"]);
    assert!(copy.crate_dir().join("tests/hand.rs").exists());
}

#[test]
fn examples_that_contradict_their_types_are_reported_and_not_made_into_tests() {
    let output = output(&golden("request-bodies-and-examples"));
    let diagnostics = &output.models[0].diagnostics;
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

    let examples = output.crate_file("tests/examples_v1_0.rs");
    // The mistaken response is left out; its request, which is right, stays.
    assert!(examples.contains("fn create_widget_response()"));
    assert!(examples.contains("fn create_widget_docs_mistake_request()"));
    assert!(!examples.contains("fn create_widget_docs_mistake_response()"));

    // A pair whose response contradicts its types is no endpoint test.
    let endpoints = output.crate_file("tests/endpoints_v1_0.rs");
    assert!(endpoints.contains("async fn create_widget()"));
    assert!(!endpoints.contains("async fn create_widget_docs_mistake()"));
}

#[test]
fn a_collection_whose_example_is_one_object_is_no_endpoint_test() {
    let output = output(&golden("request-lines-and-queries"));
    let endpoints = output.crate_file("tests/endpoints_v1_0.rs");
    assert!(endpoints.contains("async fn list_widgets_filtered()"));
    assert!(!endpoints.contains("async fn list_widgets()"));
}
