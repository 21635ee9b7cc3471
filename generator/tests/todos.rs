//! Placeholders: every one in the seeds is found at its line (checked
//! against an independent scan of the seed text), the corpus has no false
//! positives on the word "todo", the generated code marks what upstream never
//! documented, and the CLI report and budget work.

mod common;

use graph_docs_codegen::emit::{emit_crate, EmitOptions};
use graph_docs_codegen::extract::todos::TodoKind;
use graph_docs_codegen::{build_version, workspace::load_docs};
use std::collections::BTreeSet;
use std::process::Command;

use common::seed;

/// Lines (1-based) of the seed text that an independent scan says hold a placeholder of each family.
fn scan(text: &str) -> (BTreeSet<u32>, BTreeSet<u32>, BTreeSet<u32>, BTreeSet<u32>) {
    let mut todo = BTreeSet::new();
    let mut empty_description = BTreeSet::new();
    let mut empty_front = BTreeSet::new();
    let mut example = BTreeSet::new();
    let mut in_code = false;
    for (i, line) in text.lines().enumerate() {
        let n = i as u32 + 1;
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if line.contains("**TODO") {
            todo.insert(n);
        }
        if line.starts_with('|') && line.trim_end().ends_with("||") {
            empty_description.insert(n);
        }
        if line == "author: \"\"" || line == "ms.prod: \"\"" {
            empty_front.insert(n);
        }
        let t = line.trim();
        if in_code && !t.starts_with("\"@odata") {
            for placeholder in ["\"String\"", "\"Integer\"", "\"String (timestamp)\""] {
                if t.ends_with(&format!("{placeholder},")) || t.ends_with(placeholder) {
                    example.insert(n);
                }
            }
        }
    }
    (todo, empty_description, empty_front, example)
}

#[test]
fn every_seed_placeholder_is_found_at_its_line() {
    for (prefix, version) in [
        ("000_", "beta"),
        ("002_", "beta"),
        ("003_", "beta"),
        ("004_", "v1.0"),
    ] {
        let Some(page) = seed(prefix) else { return };
        let (todo, empty_description, empty_front, example) = scan(&page.text);
        let model = build_version(version, std::slice::from_ref(&page));
        let lines = |kinds: &[TodoKind]| -> BTreeSet<u32> {
            model
                .todos
                .iter()
                .filter(|t| kinds.contains(&t.kind))
                .map(|t| t.source.line)
                .collect()
        };
        assert_eq!(
            lines(&[
                TodoKind::TodoDescription,
                TodoKind::TodoPermissions,
                TodoKind::TodoFrontMatter,
                TodoKind::TodoProse
            ]),
            todo,
            "{prefix}: TODO placeholders"
        );
        assert_eq!(
            lines(&[TodoKind::MissingDescription]),
            empty_description,
            "{prefix}: empty descriptions"
        );
        assert_eq!(
            lines(&[TodoKind::EmptyFrontMatter]),
            empty_front,
            "{prefix}: empty front matter"
        );
        assert_eq!(
            lines(&[TodoKind::ExamplePlaceholder]),
            example,
            "{prefix}: example placeholders"
        );
        assert!(!todo.is_empty(), "{prefix} has placeholders");
    }
    // Seed 000: what each belongs to.
    let Some(page) = seed("000_") else { return };
    let model = build_version("beta", &[page]);
    let owners: Vec<&str> = model.todos.iter().map(|t| t.owner.as_str()).collect();
    assert!(owners.contains(&"the page's `author`"));
    assert!(owners.contains(&"`mobileAppInstallStatus.deviceName` description"));
    assert!(owners.iter().any(|o| o.starts_with("the Delegated (personal Microsoft account) permission of `POST /deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses`")));
}

#[test]
fn seed_001_the_published_page_has_real_text_instead() {
    let Some(page) = seed("001_") else { return };
    let model = build_version("beta", &[page]);
    assert!(
        model
            .todos
            .iter()
            .all(|t| t.kind == TodoKind::ExamplePlaceholder
                || t.kind == TodoKind::MissingDescription),
        "{:?}",
        model.todos
    );
}

#[test]
fn generated_code_marks_what_upstream_never_documented() {
    let Some(page) = seed("000_") else { return };
    let model = build_version("beta", &[page]);
    let files = emit_crate(&[model], &EmitOptions::default()).unwrap();
    let text = |suffix: &str| {
        files
            .iter()
            .find(|f| f.path.ends_with(suffix))
            .map(|f| f.contents.clone())
            .unwrap()
    };
    let status = text("mobile_app_install_status.rs");
    let marker = "/// Undocumented upstream: the description of this property is the placeholder";
    assert_eq!(status.matches(marker).count(), 13, "{status}");
    assert!(
        status.contains("`000_06ca370aaa124003.txt`"),
        "the marker names the page"
    );
    // Every endpoint file, one module per file.
    let api: String = files
        .iter()
        .filter(|f| f.path.contains("/api/"))
        .map(|f| f.contents.as_str())
        .collect();
    assert!(
        api.contains(
            "/// Undocumented upstream: the application permissions are a placeholder or empty"
        ),
        "{api}"
    );
    assert!(
        api.contains("application: crate::client::Scopes::Unknown"),
        "unknown, not an empty list"
    );
}

#[test]
fn the_word_todo_in_ordinary_prose_is_not_a_placeholder() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let dir = corpus.join("graph-docs-2021-07/v1.0");
    let (docs, _) = load_docs(std::slice::from_ref(&dir)).unwrap();
    let models = graph_docs_codegen::build_models(&docs);
    let mut counts = std::collections::BTreeMap::new();
    for m in &models {
        for t in &m.todos {
            *counts.entry(t.kind.as_str()).or_insert(0usize) += 1;
            if matches!(
                t.kind,
                TodoKind::TodoDescription
                    | TodoKind::TodoPermissions
                    | TodoKind::TodoFrontMatter
                    | TodoKind::TodoProse
            ) {
                let file = docs.files().find(|f| f.path == t.source.path).unwrap();
                let line = file
                    .text
                    .lines()
                    .nth(t.source.line as usize - 1)
                    .unwrap_or("");
                assert!(
                    line.contains("TODO"),
                    "not a placeholder: {} {line}",
                    t.source
                );
            }
        }
        // The To Do API's pages talk about todoTask and todoTaskList: no placeholder there.
        let todo_api: Vec<_> = m
            .todos
            .iter()
            .filter(|t| {
                t.source.path.contains("todo")
                    && t.kind != TodoKind::MissingDescription
                    && t.kind != TodoKind::ExamplePlaceholder
            })
            .collect();
        assert!(todo_api.is_empty(), "{todo_api:?}");
    }
    println!("v1.0 corpus placeholders by kind: {counts:?}");
    assert!(counts.get("todo-permissions").copied().unwrap_or(0) > 0);
}

#[test]
fn corpus_placeholder_counts_per_kind() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    for folder in ["graph-docs-2021-07/beta", "graph-docs-2020-04/beta"] {
        let (docs, _) = load_docs(&[corpus.join(folder)]).unwrap();
        let models = graph_docs_codegen::build_models(&docs);
        let report = graph_docs_codegen::report::todos::render(
            &models,
            graph_docs_codegen::report::todos::Format::Json,
            "",
        );
        let json: serde_json::Value = serde_json::from_str(&report).unwrap();
        println!(
            "{folder}: {} placeholders, by kind {}",
            json["total"], json["by_kind"]
        );
        assert!(
            json["by_kind"]["not-yet-documented"].as_u64().unwrap_or(0) > 100,
            "{folder}: {}",
            json["by_kind"]
        );
    }
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(args)
        .current_dir(common::repo_root())
        .output()
        .unwrap()
}

#[test]
fn todos_report_formats_and_budget() {
    let docs = common::repo_root().join("docs-input");
    let docs = docs.to_str().unwrap();
    let json = cli(&["todos", "--docs", docs, "--format", "json"]);
    assert!(json.status.success());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(report["total"].as_u64().unwrap() > 50);
    assert!(report["by_kind"]["todo-permissions"].as_u64().unwrap() >= 3);
    let github =
        String::from_utf8(cli(&["todos", "--docs", docs, "--format", "github"]).stdout).unwrap();
    assert!(
        github.lines().next().unwrap().starts_with("::notice file="),
        "{github}"
    );
    let markdown =
        String::from_utf8(cli(&["todos", "--docs", docs, "--format", "markdown"]).stdout).unwrap();
    assert!(markdown.starts_with("### Placeholders upstream left:"));
    let text = String::from_utf8(cli(&["todos", "--docs", docs]).stdout).unwrap();
    let total = report["total"].as_u64().unwrap();
    assert!(
        text.contains(&format!("\n{total} placeholders on ")),
        "the text report ends with the same total: {text}"
    );

    // A budget below the count fails with exit 1.
    let over = cli(&["todos", "--docs", docs, "--max-todos", "3"]);
    assert_eq!(over.status.code(), Some(1));

    // A baseline catches a new placeholder and names it.
    let tmp = tempfile::tempdir().unwrap();
    let baseline = tmp.path().join("baseline.json");
    assert!(cli(&[
        "todos",
        "--docs",
        docs,
        "--write-baseline",
        baseline.to_str().unwrap()
    ])
    .status
    .success());
    let copy = tmp.path().join("docs");
    copy_dir(&common::repo_root().join("docs-input"), &copy);
    let page = copy.join("v1.0/resources/intune-apps-userappinstallstatus.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let changed = text.replacen(
        "|userName|String|",
        "|userName|String|**TODO: Add Description** ",
        1,
    );
    assert_ne!(text, changed);
    std::fs::write(&page, changed).unwrap();
    let grown = cli(&[
        "todos",
        "--docs",
        copy.to_str().unwrap(),
        "--todo-baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(grown.status.code(), Some(1));
    let err = String::from_utf8_lossy(&grown.stderr);
    assert!(
        err.contains("new:") && err.contains("`userAppInstallStatus.userName` description"),
        "{err}"
    );
    let same = cli(&[
        "todos",
        "--docs",
        docs,
        "--todo-baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
