//! A docs tree without version folders is one API version: `--api-version`,
//! else the version most of its example URLs name (an `api-version-mixed`
//! warning at each page whose URLs name another), else `default`. Trees with
//! version folders keep one version per folder.

mod common;

use graph_docs_codegen::build_models;
use graph_docs_codegen::ir::Model;
use graph_docs_codegen::workspace::load_docs;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Each type's name with its property and relationship names, lowercased.
fn type_shapes(model: &Model) -> BTreeMap<String, Vec<String>> {
    model
        .types
        .iter()
        .map(|(key, t)| {
            let mut names: Vec<String> = t
                .properties
                .iter()
                .chain(&t.relationships)
                .map(|p| p.name.to_ascii_lowercase())
                .collect();
            names.sort();
            (key.clone(), names)
        })
        .collect()
}

fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn the_v1_corpus_without_its_version_folder_is_one_version_v1() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let with_folder = corpus.join("graph-docs-2021-07/v1.0");
    let tmp = tempfile::tempdir().unwrap();
    for part in ["api", "resources"] {
        copy_folder(&with_folder.join(part), &tmp.path().join(part));
    }
    let (flat_docs, diagnostics) = load_docs(&[tmp.path().to_owned()]).unwrap();
    assert_eq!(
        flat_docs.versions.keys().collect::<Vec<_>>(),
        ["v1.0"],
        "api and resource pages are one version"
    );
    let flat = build_models(&flat_docs);
    let (foldered_docs, _) = load_docs(&[with_folder]).unwrap();
    let foldered = build_models(&foldered_docs);
    assert_eq!(foldered.len(), 1);
    assert!(foldered[0].types.len() > 500);
    assert_eq!(type_shapes(&flat[0]), type_shapes(&foldered[0]));
    assert_eq!(flat[0].enums.len(), foldered[0].enums.len());
    assert_eq!(flat[0].endpoints.len(), foldered[0].endpoints.len());

    // The pages whose examples call beta are named, at such a URL.
    let mixed: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code == "api-version-mixed")
        .collect();
    assert!(!mixed.is_empty(), "the v1.0 corpus has pages calling beta");
    for d in &mixed {
        let text = &flat_docs.versions["v1.0"]
            .iter()
            .find(|f| f.path == d.source.path)
            .expect("a page of the tree")
            .text;
        let line = text.lines().nth(d.source.line as usize - 1).unwrap();
        let at: String = line.chars().skip(d.source.column as usize - 1).collect();
        let url = at
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        assert!(
            url.starts_with("graph.microsoft.com/")
                && !url.starts_with("graph.microsoft.com/v1.0/"),
            "{}: {at}",
            d.source
        );
    }
}

/// A tree of `pages` (path, text) under a fresh temporary folder.
fn tree(pages: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for (path, text) in pages {
        let path = tmp.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    tmp
}

const ENUM_PAGE: &str = "# color enum type\n\n## Members\n|Member|\n|-|\n|red|\n|green|\n";

fn list_page(version: &str) -> String {
    format!("# List colors\n\n## HTTP request\n\n```http\nGET /colors\n```\n\n## Example\n\n```http\nGET https://graph.microsoft.com/{version}/colors\n```\n")
}

fn ir_json(args: &[&str]) -> serde_json::Value {
    let o = run(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("ir prints JSON")
}

#[test]
fn urls_that_disagree_are_warned_about_and_api_version_decides() {
    let beta_list = list_page("beta");
    let docs = tree(&[
        ("resources/color.md", ENUM_PAGE),
        ("api/a-list.md", &list_page("v1.0")),
        ("api/b-list.md", &list_page("v1.0")),
        ("api/c-list.md", &beta_list),
    ]);
    let dir = docs.path().to_str().unwrap();
    let json = ir_json(&["ir", "--docs", dir]);
    assert_eq!(json["versions"], serde_json::json!(["v1.0"]));
    let mixed: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "api-version-mixed")
        .collect();
    assert_eq!(mixed.len(), 1, "{mixed:?}");
    assert_eq!(mixed[0]["severity"], "warning");
    let url_line = beta_list
        .lines()
        .position(|l| l.contains("graph.microsoft.com/beta"))
        .unwrap();
    assert_eq!(
        mixed[0]["source"],
        format!("api/c-list.md:{}:5", url_line + 1),
        "at the URL after `GET `"
    );
    let message = mixed[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`beta`")
            && message.contains("`v1.0`")
            && message.contains("--api-version"),
        "{message}"
    );

    let forced = ir_json(&["ir", "--docs", dir, "--api-version", "beta"]);
    assert_eq!(forced["versions"], serde_json::json!(["beta"]));
    assert!(
        !forced["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "api-version-mixed"),
        "the version was chosen: nothing to warn about"
    );
    assert!(forced["enums"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "color" && e["version"] == "beta"));
}

#[test]
fn a_tree_without_versioned_urls_is_default_and_the_flag_is_checked() {
    let docs = tree(&[("resources/color.md", ENUM_PAGE)]);
    let dir = docs.path().to_str().unwrap();
    assert_eq!(
        ir_json(&["ir", "--docs", dir])["versions"],
        serde_json::json!(["default"])
    );

    let o = run(&["ir", "--docs", dir, "--api-version", "latest"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("not an API version name"),
        "{}",
        stderr(&o)
    );

    let foldered = tree(&[("v1.0/resources/color.md", ENUM_PAGE)]);
    let o = run(&[
        "ir",
        "--docs",
        foldered.path().to_str().unwrap(),
        "--api-version",
        "beta",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("version folders (`v1.0`)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn drift_takes_an_api_version_per_side() {
    let old = tree(&[("resources/color.md", ENUM_PAGE)]);
    let new = tree(&[(
        "resources/color.md",
        &ENUM_PAGE.replace("|green|\n", "|green|\n|blue|\n"),
    )]);
    let (old_dir, new_dir) = (old.path().to_str().unwrap(), new.path().to_str().unwrap());
    let drift = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["drift", old_dir, new_dir, "--format", "json"];
        args.extend(extra);
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let versions = |report: &serde_json::Value| -> Vec<String> {
        report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["version"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(versions(&drift(&[])), ["default"]);
    assert_eq!(versions(&drift(&["--api-version", "v1.0"])), ["v1.0"]);
    assert_eq!(
        versions(&drift(&[
            "--api-version",
            "v1.0",
            "--new-api-version",
            "beta"
        ])),
        ["beta"],
        "the new side's version names the changes"
    );
    let both = drift(&["--old-api-version", "v1.0", "--new-api-version", "v1.0"]);
    assert_eq!(versions(&both), ["v1.0"]);
    assert_eq!(both["changes"][0]["member"], "blue");
}
