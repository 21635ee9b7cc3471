//! Drift: the corpus pair (2020-04 beta → 2021-07 beta) against an
//! independent scan of both versions' enum pages; the rules on fixture pairs;
//! docs-input's two versions; exit codes and formats.

mod common;

use graph_docs_codegen::drift::{consistency, diff_models, Config, FailOn, Level, Subject};
use graph_docs_codegen::source::SourceFile;
use graph_docs_codegen::{build_models, build_version, workspace::load_docs};
use std::collections::{BTreeMap, BTreeSet};

/// Enum pages of a folder, read without the generator: `# x enum type` and
/// the first column of the Members table.
fn scan_enum_pages(dir: &std::path::Path) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join("resources")).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let Some(title) = text
            .lines()
            .find(|l| l.starts_with("# ") && l.ends_with(" enum type"))
        else {
            continue;
        };
        let name = title[2..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_ascii_lowercase();
        let mut members = Vec::new();
        let mut in_members = false;
        let mut rows = 0;
        for line in text.lines() {
            if line.starts_with("## ") {
                in_members = line.trim() == "## Members";
                continue;
            }
            if in_members && line.starts_with('|') {
                rows += 1;
                if rows > 2 {
                    let cell = line
                        .trim_start_matches('|')
                        .split('|')
                        .next()
                        .unwrap()
                        .trim()
                        .to_owned();
                    if !cell.is_empty() {
                        members.push(cell);
                    }
                }
            }
        }
        out.insert(name, members);
    }
    out
}

#[test]
fn corpus_enum_member_drift_matches_the_enum_pages() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let (old_dir, new_dir) = (
        corpus.join("graph-docs-2020-04/beta"),
        corpus.join("graph-docs-2021-07/beta"),
    );
    let (old_pages, new_pages) = (scan_enum_pages(&old_dir), scan_enum_pages(&new_dir));
    let mut expected = BTreeSet::new();
    for (name, old) in &old_pages {
        let Some(new) = new_pages.get(name) else {
            continue;
        };
        for m in old.iter().filter(|m| !new.contains(m)) {
            expected.insert((name.clone(), m.clone(), "removed"));
        }
        for m in new.iter().filter(|m| !old.contains(m)) {
            expected.insert((name.clone(), m.clone(), "added"));
        }
    }
    assert!(
        expected.len() > 20,
        "the pair has member changes: {}",
        expected.len()
    );

    let (old, _) = load_docs(&[old_dir]).unwrap();
    let (new, _) = load_docs(&[new_dir]).unwrap();
    let (old, new) = (build_models(&old), build_models(&new));
    let changes = diff_models(&old[0], &new[0], &Config::default());
    let mut reported = BTreeSet::new();
    for c in &changes {
        let Subject::EnumMember {
            enum_name: e,
            member,
        } = &c.subject
        else {
            continue;
        };
        let e = e.to_ascii_lowercase();
        match c.rule.id() {
            "enum-member-added"
            | "enum-member-inserted-before-sentinel"
            | "enum-sentinel-added" => {
                reported.insert((e, member.clone(), "added"));
            }
            "enum-member-removed" | "enum-sentinel-removed" => {
                reported.insert((e, member.clone(), "removed"));
            }
            "enum-member-case-changed" | "enum-member-renamed" => {
                // The message names both: `old` … `new`.
                let names: Vec<&str> = c.message.split('`').skip(1).step_by(2).collect();
                reported.insert((e.clone(), names[0].to_owned(), "removed"));
                reported.insert((e, names[2].to_owned(), "added"));
            }
            "enum-member-value-changed" | "enum-sentinel-moved" => {}
            other => panic!("unexpected member rule {other}"),
        }
    }
    let missing: Vec<_> = expected.difference(&reported).collect();
    let extra: Vec<_> = reported.difference(&expected).collect();
    assert!(
        missing.is_empty(),
        "member changes on the enum pages that drift did not report: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "member changes drift reported that the enum pages do not show: {extra:?}"
    );
    println!(
        "{} member changes, {} changes in all",
        expected.len(),
        changes.len()
    );
}

fn page(path: &str, text: &str) -> SourceFile {
    SourceFile::new(path, text)
}

fn enum_page(name: &str, members: &[(&str, i64)]) -> SourceFile {
    let rows: String = members
        .iter()
        .map(|(m, v)| format!("|{m}|{v}|x|\n"))
        .collect();
    page(
        &format!("resources/{name}.md"),
        &format!("# {name} enum type\n\nNamespace: microsoft.graph\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n{rows}"),
    )
}

fn resource(name: &str, rows: &[(&str, &str, &str)], base: Option<&str>) -> SourceFile {
    let rows: String = rows
        .iter()
        .map(|(p, t, d)| format!("|{p}|{t}|{d}|\n"))
        .collect();
    let base = base
        .map(|b| format!("\nInherits from [{b}]({b}.md).\n"))
        .unwrap_or_default();
    page(
        &format!("resources/{name}.md"),
        &format!("# {name} resource type\n\nNamespace: microsoft.graph\n{base}\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n{rows}"),
    )
}

fn api(name: &str, line: &str, permission: &str) -> SourceFile {
    page(
        &format!("api/{name}.md"),
        &format!(
            "# {name}\n\n## Permissions\n|Permission type|Permissions|\n|:---|:---|\n|Application|{permission}|\n\n## HTTP request\n```http\n{line}\n```\n"
        ),
    )
}

fn rules(version: &str, old: Vec<SourceFile>, new: Vec<SourceFile>) -> Vec<(String, Level)> {
    let (old, new) = (build_version(version, &old), build_version(version, &new));
    diff_models(&old, &new, &Config::default())
        .into_iter()
        .map(|c| (c.rule.id().to_owned(), c.severity))
        .collect()
}

fn has(changes: &[(String, Level)], rule: &str, level: Level) -> bool {
    changes.iter().any(|(r, l)| r == rule && *l == level)
}

#[test]
fn enum_rules() {
    let user = |ty: &str, ro: &str| resource("thing", &[("state", ty, ro)], None);
    // Sent (writable property): removing a member is breaking; adding is info.
    let old = vec![
        enum_page("color", &[("red", 0), ("green", 1), ("blue", 2)]),
        user("color", "Writable."),
    ];
    let new = vec![
        enum_page("color", &[("red", 0), ("green", 1), ("cyan", 3)]),
        user("color", "Writable."),
    ];
    let c = rules("v1.0", old.clone(), new);
    assert!(has(&c, "enum-member-removed", Level::Breaking), "{c:?}");
    assert!(
        has(&c, "enum-member-added", Level::Warning),
        "received too, so a warning: {c:?}"
    );
    // Only received (read-only): removal is a warning.
    let ro_old = vec![
        enum_page("color", &[("red", 0), ("blue", 2)]),
        user("color", "Read-only."),
    ];
    let ro_new = vec![
        enum_page("color", &[("red", 0)]),
        user("color", "Read-only."),
    ];
    assert!(has(
        &rules("v1.0", ro_old, ro_new),
        "enum-member-removed",
        Level::Warning
    ));
    // Value change, case change, rename candidate.
    let c = rules(
        "v1.0",
        vec![enum_page(
            "color",
            &[("red", 0), ("Green", 1), ("blue", 2), ("teal", 7)],
        )],
        vec![enum_page(
            "color",
            &[("red", 5), ("green", 1), ("cyan", 7), ("blue", 2)],
        )],
    );
    assert!(
        has(&c, "enum-member-value-changed", Level::Breaking),
        "{c:?}"
    );
    assert!(
        has(&c, "enum-member-case-changed", Level::Breaking),
        "{c:?}"
    );
    assert!(has(&c, "enum-member-renamed", Level::Breaking), "{c:?}");
    // Enum added and removed.
    let c = rules(
        "v1.0",
        vec![enum_page("a", &[("x", 0)])],
        vec![enum_page("b", &[("x", 0)])],
    );
    assert!(
        has(&c, "enum-added", Level::Info) && has(&c, "enum-removed", Level::Breaking),
        "{c:?}"
    );
}

#[test]
fn sentinel_rules() {
    let base = [("a", 0), ("b", 1), ("unknownFutureValue", 2)];
    // After the sentinel: safe.
    let c = rules(
        "v1.0",
        vec![enum_page("e", &base)],
        vec![enum_page(
            "e",
            &[("a", 0), ("b", 1), ("unknownFutureValue", 2), ("c", 3)],
        )],
    );
    assert_eq!(c, vec![("enum-member-added".to_owned(), Level::Info)]);
    // Before the sentinel: breaking.
    let c = rules(
        "v1.0",
        vec![enum_page("e", &base)],
        vec![enum_page(
            "e",
            &[("a", 0), ("b", 1), ("c", 3), ("unknownFutureValue", 2)],
        )],
    );
    assert!(
        has(&c, "enum-member-inserted-before-sentinel", Level::Breaking),
        "{c:?}"
    );
    // Sentinel added, removed, moved.
    let c = rules(
        "v1.0",
        vec![enum_page("e", &[("a", 0), ("b", 1)])],
        vec![enum_page("e", &base)],
    );
    assert!(has(&c, "enum-sentinel-added", Level::Warning), "{c:?}");
    let c = rules(
        "v1.0",
        vec![enum_page("e", &base)],
        vec![enum_page("e", &[("a", 0), ("b", 1)])],
    );
    assert!(has(&c, "enum-sentinel-removed", Level::Breaking), "{c:?}");
    let c = rules(
        "v1.0",
        vec![enum_page("e", &base)],
        vec![enum_page(
            "e",
            &[("a", 0), ("unknownFutureValue", 2), ("b", 1)],
        )],
    );
    assert!(has(&c, "enum-sentinel-moved", Level::Breaking), "{c:?}");
    // Beta is one level milder.
    let c = rules(
        "beta",
        vec![enum_page("e", &base)],
        vec![enum_page("e", &[("a", 0), ("b", 1)])],
    );
    assert!(has(&c, "enum-sentinel-removed", Level::Warning), "{c:?}");
}

#[test]
fn type_property_and_endpoint_rules() {
    let old = vec![
        resource(
            "thing",
            &[
                ("a", "String", ""),
                ("b", "Int32", ""),
                ("c", "String", ""),
                ("d", "String", ""),
                ("e", "String collection", ""),
                ("gone", "String", ""),
            ],
            Some("entity"),
        ),
        resource("entity", &[("id", "String", "")], None),
        resource("old", &[("x", "String", "")], None),
        resource("moved", &[("m", "String", "")], Some("entity")),
        resource("plain", &[("p", "String", "")], None),
        enum_page("kind", &[("k", 0)]),
        resource("user", &[("k", "kind", "")], None),
        api("get", "GET /things/{id}", "Thing.Read.All"),
        api("delete", "DELETE /things/{id}", "Thing.ReadWrite.All"),
    ];
    let new = vec![
        resource(
            "thing",
            &[
                ("a", "String", ""),
                ("b", "Int64", ""),
                ("c", "kind", ""),
                ("d", "String", ""),
                ("e", "String", ""),
                ("fresh", "String", ""),
            ],
            None,
        ),
        resource("entity", &[("id", "String", "")], None),
        resource("new", &[("x", "String", "")], None),
        resource("moved", &[("m", "String", "")], Some("thing")),
        resource("plain", &[("p", "String", "")], Some("entity")),
        enum_page("kind", &[("k", 0)]),
        resource("user", &[("k", "String", "")], None),
        api("get", "GET /things/{id}", "Thing.Read"),
        api("post", "POST /things", "Thing.ReadWrite.All"),
    ];
    let c = rules("v1.0", old, new);
    for (rule, level) in [
        ("type-added", Level::Info),
        ("type-removed", Level::Breaking),
        ("base-type-changed", Level::Breaking),
        ("base-type-unstated", Level::Warning),
        ("base-type-stated", Level::Info),
        ("property-added", Level::Info),
        ("property-removed", Level::Breaking),
        ("property-type-changed", Level::Breaking),
        ("property-collection-changed", Level::Breaking),
        ("property-became-enum", Level::Warning),
        ("property-no-longer-enum", Level::Warning),
        ("endpoint-added", Level::Info),
        ("endpoint-removed", Level::Breaking),
        ("endpoint-permissions-changed", Level::Warning),
    ] {
        assert!(has(&c, rule, level), "{rule} {level:?}: {c:?}");
    }
}

#[test]
fn permissions_listed_in_another_order_are_a_reorder_not_a_change() {
    let old = vec![
        api("list", "GET /things", "Thing.Read.All, Thing.ReadWrite.All"),
        api(
            "get",
            "GET /things/{id}",
            "Thing.Read.All, Thing.ReadWrite.All",
        ),
        api(
            "delete",
            "DELETE /things/{id}",
            "Thing.ReadWrite.All, Thing.ReadWrite.All",
        ),
    ];
    let new = vec![
        api("list", "GET /things", "Thing.ReadWrite.All, Thing.Read.All"),
        api("get", "GET /things/{id}", "Thing.ReadWrite.All, Thing.Read"),
        api("delete", "DELETE /things/{id}", "Thing.ReadWrite.All"),
    ];
    let (old, new) = (build_version("v1.0", &old), build_version("v1.0", &new));
    let changes = diff_models(&old, &new, &Config::default());
    // In rule order, as every drift report is.
    let found: Vec<(&str, Level, &str)> = changes
        .iter()
        .map(|c| (c.rule.id(), c.severity, c.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "endpoint-permissions-changed",
                Level::Warning,
                "the permissions of `DELETE /things/{id}` changed (application: \
                 Thing.ReadWrite.All, Thing.ReadWrite.All → Thing.ReadWrite.All)"
            ),
            (
                "endpoint-permissions-changed",
                Level::Warning,
                "the permissions of `GET /things/{id}` changed (application: added \
                 `Thing.Read`, removed `Thing.Read.All`)"
            ),
            (
                "endpoint-permissions-reordered",
                Level::Info,
                "the permissions of `GET /things` are listed in another order (application: \
                 Thing.Read.All, Thing.ReadWrite.All → Thing.ReadWrite.All, Thing.Read.All)"
            ),
        ]
    );
}

#[test]
fn renaming_a_path_parameter_is_no_endpoint_change() {
    let old = vec![api("get", "GET /things/{id}", "Thing.Read.All")];
    let new = vec![api("get", "GET /Things/{thing-id}", "Thing.Read.All")];
    let c = rules("v1.0", old, new);
    assert!(
        !c.iter().any(|(rule, _)| rule.starts_with("endpoint-")),
        "{c:?}"
    );
    // A different literal segment still is.
    let old = vec![api("get", "GET /things/{id}", "Thing.Read.All")];
    let new = vec![api("get", "GET /thingies/{id}", "Thing.Read.All")];
    let c = rules("v1.0", old, new);
    assert!(has(&c, "endpoint-removed", Level::Breaking), "{c:?}");
    assert!(has(&c, "endpoint-added", Level::Info), "{c:?}");
}

#[test]
fn a_request_line_written_in_full_on_its_page_is_a_rewrite_not_a_removal() {
    let relative = "POST /workbook/names/add";
    let full = "POST /me/drive/items/{id}/workbook/names/add\nPOST /me/drive/root:/{item-path}:/workbook/names/add";
    let old = vec![api("nameditem-add", relative, "Files.ReadWrite")];
    let new = vec![api("nameditem-add", full, "Files.ReadWrite")];
    let (o, n) = (build_version("v1.0", &old), build_version("v1.0", &new));
    let changes = diff_models(&o, &n, &Config::default());
    let rewritten: Vec<_> = changes
        .iter()
        .filter(|c| c.rule.id() == "endpoint-path-rewritten")
        .collect();
    assert_eq!(rewritten.len(), 1, "{changes:?}");
    assert_eq!(rewritten[0].severity, Level::Info);
    let message = &rewritten[0].message;
    assert!(
        message.starts_with("`POST /workbook/names/add` is now written in full on its page: ")
            && message.contains("`POST /me/drive/items/{id}/workbook/names/add`")
            && message.contains("`POST /me/drive/root:/{item-path}:/workbook/names/add`"),
        "{message}"
    );
    assert!(
        !changes.iter().any(|c| c.rule.id() == "endpoint-removed"),
        "{changes:?}"
    );

    // The longer paths on another page, or with another method, are no rewrite.
    let elsewhere = vec![api("workbook-add", full, "Files.ReadWrite")];
    let c = rules("v1.0", old.clone(), elsewhere);
    assert!(has(&c, "endpoint-removed", Level::Breaking), "{c:?}");
    assert!(!has(&c, "endpoint-path-rewritten", Level::Info), "{c:?}");
    let other_method = vec![api(
        "nameditem-add",
        "GET /me/drive/items/{id}/workbook/names/add",
        "Files.ReadWrite",
    )];
    let c = rules("v1.0", old.clone(), other_method);
    assert!(has(&c, "endpoint-removed", Level::Breaking), "{c:?}");
    // Nor is a path that only ends with the same characters, not segments.
    let glued = vec![api(
        "nameditem-add",
        "POST /me/drive/items/{id}/myworkbook/names/add",
        "Files.ReadWrite",
    )];
    let c = rules("v1.0", old, glued);
    assert!(has(&c, "endpoint-removed", Level::Breaking), "{c:?}");
}

#[test]
fn overrides_and_ignores() {
    let old = vec![enum_page("color", &[("red", 0), ("blue", 2)])];
    let new = vec![enum_page("color", &[("red", 0)])];
    let (o, n) = (build_version("v1.0", &old), build_version("v1.0", &new));
    let plain = diff_models(&o, &n, &Config::default());
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].fingerprint, "enum-member-removed:v1.0:color.blue");
    let config = Config::parse("severity:\n  enum-member-removed: info\n").unwrap();
    assert_eq!(diff_models(&o, &n, &config)[0].severity, Level::Info);
    let config = Config::parse(
        "ignore:\n  - fingerprint: enum-member-removed:v1.0:color.blue\n    reason: on purpose\n",
    )
    .unwrap();
    assert!(diff_models(&o, &n, &config).is_empty());
    assert!(FailOn::Breaking.fails(&plain) && !FailOn::Never.fails(&plain));
}

#[test]
fn docs_input_versions_and_consistency() {
    let root = common::repo_root().join("docs-input");
    let (docs, _) = load_docs(&[root]).unwrap();
    let models = build_models(&docs);
    let found = consistency(&models, &Config::default());
    // beta's create and resource pages list 27 members where its enum page lists 36.
    assert!(
        found.iter().any(|c| c.rule == "enum-lists-disagree"
            && matches!(&c.subject, Subject::EnumList { enum_name, .. } if enum_name == "resultantAppStateDetail")),
        "{found:?}"
    );
    // Every v1.0 member of resultantAppStateDetail is in beta: nothing missing.
    assert!(
        !found
            .iter()
            .any(|c| c.rule == "enum-member-missing-in-beta"),
        "{found:?}"
    );
    // v1.0 → beta as two versions of one API: the 9 members beta adds.
    let v1 = models.iter().find(|m| m.version == "v1.0").unwrap();
    let beta = models.iter().find(|m| m.version == "beta").unwrap();
    let changes = diff_models(v1, beta, &Config::default());
    let added: Vec<_> = changes
        .iter()
        .filter(|c| c.rule == "enum-member-added")
        .collect();
    assert_eq!(added.len(), 9, "{changes:?}");
}

fn cli(args: &[&str], cwd: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

fn write(dir: &std::path::Path, file: &SourceFile) {
    let path = dir.join(&*file.path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, &file.text).unwrap();
}

#[test]
fn cli_formats_exit_codes_and_git_revisions() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old/v1.0"), tmp.path().join("new/v1.0"));
    write(&old, &enum_page("color", &[("red", 0), ("blue", 2)]));
    write(&new, &enum_page("color", &[("red", 0)]));
    let (o, n) = (old.to_str().unwrap(), new.to_str().unwrap());
    let breaking = cli(&["drift", o, n], tmp.path());
    assert_eq!(
        breaking.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&breaking.stderr)
    );
    let text = String::from_utf8(breaking.stdout).unwrap();
    assert!(
        text.contains("enum-member-removed") && text.contains("1 breaking"),
        "{text}"
    );
    assert_eq!(
        cli(&["drift", o, n, "--fail-on", "never"], tmp.path())
            .status
            .code(),
        Some(0)
    );
    assert_eq!(cli(&["drift", o, o], tmp.path()).status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_slice(&cli(&["drift", o, n, "--format", "json"], tmp.path()).stdout)
            .unwrap();
    let change = &json["changes"][0];
    assert_eq!(
        (change["rule"].as_str(), change["severity"].as_str()),
        (Some("enum-member-removed"), Some("breaking"))
    );
    assert_eq!(
        (change["enum"].as_str(), change["member"].as_str()),
        (Some("color"), Some("blue"))
    );
    assert!(
        change["old"]
            .as_str()
            .unwrap()
            .starts_with("resources/color.md:"),
        "paths are relative to the side named: {change}"
    );
    assert!(change["new"].is_null());
    let github =
        String::from_utf8(cli(&["drift", o, n, "--format", "github"], tmp.path()).stdout).unwrap();
    assert!(github.starts_with("::error file="), "{github}");
    let markdown =
        String::from_utf8(cli(&["drift", o, n, "--format", "markdown"], tmp.path()).stdout)
            .unwrap();
    assert!(
        markdown.starts_with("### Docs drift: 1 breaking"),
        "{markdown}"
    );
    // A tool error is exit 2, not a finding.
    assert_eq!(
        cli(&["drift", o, "/no/such/folder"], tmp.path())
            .status
            .code(),
        Some(2)
    );
    let bad = tmp.path().join("bad.yaml");
    std::fs::write(&bad, "severity:\n  nonsense: info\n").unwrap();
    assert_eq!(
        cli(
            &["drift", o, n, "--config", bad.to_str().unwrap()],
            tmp.path()
        )
        .status
        .code(),
        Some(2)
    );

    // git:REV:PATH: the old side from a commit of a repository.
    let repo = tmp.path().join("repo");
    write(
        &repo.join("docs/v1.0"),
        &enum_page("color", &[("red", 0), ("blue", 2)]),
    );
    let git = |args: &[&str]| {
        let o = std::process::Command::new("git")
            .args(args)
            .current_dir(&repo)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-qm",
        "docs",
    ]);
    write(&repo.join("docs/v1.0"), &enum_page("color", &[("red", 0)]));
    let out = cli(
        &["drift", "git:HEAD:docs", "docs", "--format", "json"],
        &repo,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["changes"][0]["fingerprint"],
        "enum-member-removed:v1.0:color.blue"
    );
}

/// A fixture pair with changes in several areas and of every severity,
/// written under `tmp` as `old/v1.0` and `new/v1.0`.
fn write_release_pair(tmp: &std::path::Path) -> (String, String) {
    let (old, new) = (tmp.join("old/v1.0"), tmp.join("new/v1.0"));
    for file in [
        resource("thing", &[("a", "String", ""), ("b", "Int32", "")], None),
        resource("gone", &[("x", "String", "")], None),
        enum_page("color", &[("red", 0), ("blue", 2)]),
        resource("user", &[("c", "color", "")], None),
        api("get", "GET /things/{id}", "Thing.Read.All"),
        api("delete", "DELETE /things/{id}", "Thing.ReadWrite.All"),
    ] {
        write(&old, &file);
    }
    for file in [
        resource(
            "thing",
            &[
                ("a", "String", ""),
                ("b", "Int64", ""),
                ("fresh", "String", ""),
            ],
            None,
        ),
        resource("fresh", &[("x", "String", "")], None),
        enum_page("color", &[("red", 0), ("green", 1)]),
        resource("user", &[("c", "color", "")], None),
        api("get", "GET /things/{id}", "Thing.Read"),
        api("post", "POST /things", "Thing.ReadWrite.All"),
    ] {
        write(&new, &file);
    }
    let side = |p: std::path::PathBuf| p.to_str().unwrap().to_owned();
    (side(old), side(new))
}

/// The JSON report's changes as `(fingerprint, severity, message)`.
fn json_changes(o: &str, n: &str, cwd: &std::path::Path) -> Vec<(String, String, String)> {
    let out = cli(&["drift", o, n, "--format", "json"], cwd);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let field = |f: &str| c[f].as_str().unwrap().to_owned();
            (field("fingerprint"), field("severity"), field("message"))
        })
        .collect()
}

#[test]
fn cli_changelog_puts_breaking_changes_first_and_lists_every_change_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (o, n) = write_release_pair(tmp.path());
    let changes = json_changes(&o, &n, tmp.path());
    let levels: BTreeSet<&str> = changes.iter().map(|(_, l, _)| l.as_str()).collect();
    assert_eq!(levels.len(), 3, "the pair has every severity: {changes:?}");
    let out = cli(&["drift", &o, &n, "--format", "changelog"], tmp.path());
    assert_eq!(out.status.code(), Some(1), "breaking changes fail the run");
    let notes = String::from_utf8(out.stdout).unwrap();
    let sections: Vec<&str> = notes.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(sections[0], "### Breaking changes", "{notes}");
    for area in [
        "### Types",
        "### Properties",
        "### Enums and members",
        "### Endpoints",
        "### Permissions",
    ] {
        assert!(sections.contains(&area), "{area}: {notes}");
    }
    println!("{notes}");
    let lines: Vec<&str> = notes.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(lines.len(), changes.len(), "{notes}");
    // Each change's message starts one line (capitalized), among the first
    // lines, under the breaking heading, when it is breaking and only then.
    let breaking = changes.iter().filter(|(_, l, _)| l == "breaking").count();
    for (fingerprint, level, message) in &changes {
        let at = lines
            .iter()
            .position(|l| {
                l.get(3..)
                    .is_some_and(|rest| rest.starts_with(&message[1..]))
            })
            .unwrap_or_else(|| panic!("{fingerprint}: {notes}"));
        assert_eq!(level == "breaking", at < breaking, "{fingerprint}: {notes}");
    }
    // The formats are drift's own: the placeholder report has neither.
    let todos = cli(
        &["todos", "--docs", &o, "--format", "changelog"],
        tmp.path(),
    );
    assert_eq!(todos.status.code(), Some(2));
    let same = cli(&["drift", &o, &o, "--format", "changelog"], tmp.path());
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8(same.stdout)
        .unwrap()
        .contains("No changes."));
}

#[test]
fn cli_junit_has_a_test_case_per_change_and_fails_what_fail_on_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let (o, n) = write_release_pair(tmp.path());
    let changes = json_changes(&o, &n, tmp.path());
    let count = |levels: &[&str]| {
        changes
            .iter()
            .filter(|(_, l, _)| levels.contains(&l.as_str()))
            .count()
    };
    for (fail_on, failing) in [
        ("breaking", count(&["breaking"])),
        ("warning", count(&["breaking", "warning"])),
        ("never", 0),
    ] {
        let out = cli(
            &["drift", &o, &n, "--format", "junit", "--fail-on", fail_on],
            tmp.path(),
        );
        assert_eq!(out.status.code(), Some(if failing > 0 { 1 } else { 0 }));
        let xml = String::from_utf8(out.stdout).unwrap();
        println!("--fail-on {fail_on}:\n{xml}");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        let attr = |name: &str| root.attribute(name).unwrap().parse::<usize>().unwrap();
        assert_eq!((attr("tests"), attr("failures")), (changes.len(), failing));
        let cases: BTreeSet<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .map(|n| n.attribute("name").unwrap())
            .collect();
        let fingerprints: BTreeSet<&str> = changes.iter().map(|(f, _, _)| f.as_str()).collect();
        assert_eq!(cases, fingerprints);
        let failures = doc.descendants().filter(|n| n.has_tag_name("failure"));
        assert_eq!(failures.count(), failing, "{fail_on}: {xml}");
    }
}

#[test]
fn v1_members_missing_from_beta_are_reported() {
    let v1 = build_version(
        "v1.0",
        &[enum_page("color", &[("red", 0), ("green", 1), ("blue", 2)])],
    );
    let beta = build_version("beta", &[enum_page("color", &[("red", 0), ("green", 1)])]);
    let found = consistency(&[v1, beta], &Config::default());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].rule.id(), &found[0].subject),
        (
            "enum-member-missing-in-beta",
            &Subject::EnumMember {
                enum_name: "color".to_owned(),
                member: "blue".to_owned()
            }
        )
    );
    assert!(
        found[0].old.is_some() && found[0].new.is_some(),
        "both locations"
    );
}

/// docs/drift.md names every rule, and its rule table names nothing that is
/// not one.
#[test]
fn the_documented_drift_rules_are_the_rule_enum() {
    use graph_docs_codegen::drift::Rule;
    let section = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/drift.md"))
        .expect("docs/drift.md");
    let backticked = |text: &str| -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    let mentioned = backticked(&section);
    for rule in Rule::ALL {
        assert!(
            mentioned.iter().any(|m| m == rule.id()),
            "docs/drift.md does not name `{}` ({})",
            rule.id(),
            rule.meaning()
        );
    }
    let table_ids: Vec<String> = section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .flat_map(|l| backticked(l.split('|').nth(1).unwrap_or("")))
        .collect();
    assert!(!table_ids.is_empty(), "the rule table");
    for id in &table_ids {
        assert!(
            Rule::from_id(id).is_some(),
            "the rule table of docs/drift.md names `{id}`, which is no rule"
        );
    }
}

/// Beside the metadata, the same rules and fingerprints, worded as what
/// each side says; no endpoint rules (the metadata has no endpoints). The
/// "metadata" here is a second docs model: what it was read from does not
/// change the wording.
#[test]
fn docs_beside_metadata_say_which_side_has_what() {
    use graph_docs_codegen::drift::{diff_sides, Sides};
    let docs = build_version(
        "v1.0",
        &[
            resource(
                "message",
                &[("importance", "String", ""), ("onlyDocs", "String", "")],
                None,
            ),
            resource("documentedOnly", &[("x", "String", "")], None),
            enum_page("color", &[("red", 0)]),
            api("get", "GET /messages/{id}", "Mail.Read"),
        ],
    );
    let metadata = build_version(
        "v1.0",
        &[
            resource(
                "message",
                &[
                    ("importance", "importance", ""),
                    ("toRecipients", "recipient collection", ""),
                ],
                None,
            ),
            enum_page("importance", &[("low", 0), ("high", 1)]),
            enum_page("color", &[("red", 0), ("green", 1)]),
            resource("recipient", &[("address", "String", "")], None),
        ],
    );
    let changes = diff_sides(
        &docs,
        &metadata,
        Sides::DocsThenMetadata,
        &Config::default(),
    );
    let said = |fingerprint: &str| {
        changes
            .iter()
            .find(|c| c.fingerprint == fingerprint)
            .map(|c| c.message.clone())
            .unwrap_or_else(|| panic!("no {fingerprint} in {changes:#?}"))
    };
    assert_eq!(
        said("property-became-enum:v1.0:message.importance"),
        "property `message.importance`: the docs say `String`, the metadata says enum `importance`"
    );
    assert_eq!(
        said("property-removed:v1.0:message.onlyDocs"),
        "property `message.onlyDocs` is documented but not in the metadata"
    );
    assert_eq!(
        said("property-added:v1.0:message.toRecipients"),
        "property `message.toRecipients` is in the metadata but not documented"
    );
    assert_eq!(
        said("type-removed:v1.0:documentedOnly"),
        "type `documentedOnly` is documented but not in the metadata"
    );
    assert_eq!(
        said("enum-member-added:v1.0:color.green"),
        "member `green` of `color` is in the metadata but not documented"
    );
    assert!(
        changes
            .iter()
            .all(|c| !c.rule.id().starts_with("endpoint-")),
        "{changes:#?}"
    );
    // The other way round, the same fingerprints, the sides swapped in the words.
    let reversed = diff_sides(
        &metadata,
        &docs,
        Sides::MetadataThenDocs,
        &Config::default(),
    );
    let message = |fingerprint: &str| {
        reversed
            .iter()
            .find(|c| c.fingerprint == fingerprint)
            .map(|c| c.message.clone())
    };
    assert_eq!(
        message("property-added:v1.0:message.onlyDocs").as_deref(),
        Some("property `message.onlyDocs` is documented but not in the metadata")
    );
    assert_eq!(
        message("property-no-longer-enum:v1.0:message.importance").as_deref(),
        Some("property `message.importance`: the docs say `String`, the metadata says enum `importance`")
    );
}

/// A property moved to a base type stays a field of the derived type's
/// struct: no removal there, an addition on the base.
#[test]
fn a_property_moved_to_a_base_type_is_no_removal() {
    let old = vec![
        resource("thing", &[("x", "String", "An x.")], Some("entity")),
        resource("entity", &[("id", "String", "The id.")], None),
    ];
    let new = vec![
        resource("thing", &[], Some("entity")),
        resource(
            "entity",
            &[("id", "String", "The id."), ("x", "String", "An x.")],
            None,
        ),
    ];
    let (old, new) = (build_version("v1.0", &old), build_version("v1.0", &new));
    let fingerprints: Vec<String> = diff_models(&old, &new, &Config::default())
        .into_iter()
        .map(|c| c.fingerprint)
        .collect();
    assert_eq!(fingerprints, ["property-added:v1.0:entity.x"]);
}
