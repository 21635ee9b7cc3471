//! Published text (pages copied from the docs site): seed 001 gives seed
//! 000's model plus its real descriptions and permissions, at the lines of the
//! text file; format detection and the forcing flag; drift from 000 to 001;
//! and the whole corpus rendered as the site shows it gives the same types,
//! properties and enum members as the markdown.

mod common;

use common::render_published::render_published;
use common::seed;
use graph_docs_codegen::drift::{diff_models, Config, Subject};
use graph_docs_codegen::extract::todos::description_placeholder;
use graph_docs_codegen::extract::{ExampleKind, PageFacts, Scopes};
use graph_docs_codegen::parse::{detect_format, parse_published, Block, InputFormat};
use graph_docs_codegen::source::SourceFile;
use graph_docs_codegen::{analyze_page, build_version};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::process::Command;

/// The 1-based number of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> u32 {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}")) as u32
        + 1
}

/// `(name, type name, collection)` of every property of every type of a page.
fn properties(facts: &PageFacts) -> Vec<(String, String, Option<String>, bool)> {
    let mut out = Vec::new();
    for t in &facts.types {
        for p in t.properties.iter().chain(&t.relationships) {
            let ty = p.type_cell.as_ref().map(|c| format!("{:?}", c.name));
            out.push((
                t.name.clone(),
                p.name.clone(),
                ty,
                p.type_cell.as_ref().is_some_and(|c| c.collection),
            ));
        }
    }
    out
}

#[test]
fn seed_001_gives_seed_000s_model_with_real_descriptions_and_permissions() {
    let (Some(s000), Some(s001)) = (seed("000_"), seed("001_")) else {
        return;
    };
    let (f000, f001) = (analyze_page(&s000), analyze_page(&s001));
    let names = |f: &PageFacts| f.types.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&f001), names(&f000));
    assert_eq!(names(&f001), ["mobileAppInstallStatus"]);
    assert_eq!(properties(&f001), properties(&f000));
    assert_eq!(properties(&f001).len(), 13);
    for p in &f001.types[0].properties {
        assert_eq!(
            description_placeholder(&p.description),
            None,
            "{} has a real description",
            p.name
        );
    }
    let text = &s001.text;
    let device_name = f001.types[0]
        .properties
        .iter()
        .find(|p| p.name == "deviceName")
        .unwrap();
    assert_eq!(
        (device_name.location.line, device_name.location.column),
        (line_of(text, "deviceName "), 1)
    );
    assert_eq!(device_name.description, "Device name");
    let type_column = text
        .lines()
        .nth(device_name.location.line as usize - 1)
        .unwrap()
        .find(" String")
        .unwrap() as u32
        + 2;
    assert_eq!(
        (
            device_name.type_location.line,
            device_name.type_location.column
        ),
        (device_name.location.line, type_column)
    );

    let model = build_version("beta", std::slice::from_ref(&s001));
    let paths: Vec<&str> = model.endpoints.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, common::DEVICE_STATUSES_PATHS);
    let e = &model.endpoints[0];
    assert_eq!(
        e.source.line,
        line_of(
            text,
            "POST /deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses"
        )
    );
    assert_eq!((e.method.as_str(), e.response.status), ("POST", Some(201)));
    assert_eq!(e.request_body.as_deref(), Some("mobileAppInstallStatus"));
    assert_eq!(
        e.response.ty.as_deref(),
        Some("mobileAppInstallStatus"),
        "from the sentence, without a link"
    );
    let scope = Some(Scopes::Scopes(vec![
        "DeviceManagementApps.ReadWrite.All".to_owned()
    ]));
    assert_eq!(e.permissions.delegated_work_or_school, scope);
    assert_eq!(e.permissions.application, scope);
    assert_eq!(e.permissions.delegated_personal, Some(Scopes::NotSupported));
    let headers: Vec<(&str, u32)> = e
        .headers
        .iter()
        .map(|h| (h.name.as_str(), h.location.line))
        .collect();
    assert_eq!(
        headers,
        [
            ("Authorization", line_of(text, "Authorization ")),
            ("Accept", line_of(text, "Accept "))
        ]
    );
    assert!(e.headers[0].required);

    // The examples: raw HTTP text, bodies from the first `{` to its closing `}`.
    let examples = &f001.examples;
    assert_eq!(
        examples.iter().map(|x| x.kind).collect::<Vec<_>>(),
        [ExampleKind::Request, ExampleKind::Response]
    );
    assert_eq!(
        examples[0].name, examples[1].name,
        "the response pairs with its request"
    );
    let request_line = line_of(text, "POST https://graph.microsoft.com/beta/");
    let response_line = line_of(text, "HTTP/1.1 201 Created");
    assert_eq!(examples[0].location.line, request_line);
    assert_eq!(examples[1].location.line, response_line);
    assert!(examples[0]
        .first_line
        .starts_with("POST https://graph.microsoft.com/beta/deviceAppManagement/"));
    assert_eq!(examples[1].first_line, "HTTP/1.1 201 Created");
    let lines: Vec<&str> = text.lines().collect();
    for (example, from) in examples.iter().zip([request_line, response_line]) {
        let open = from as usize
            + lines[from as usize..]
                .iter()
                .position(|l| l.starts_with('{'))
                .unwrap();
        let close = open
            + lines[open..]
                .iter()
                .position(|l| l.starts_with('}'))
                .unwrap();
        let expected: serde_json::Value =
            serde_json::from_str(&lines[open..=close].join("\n")).unwrap();
        let body: serde_json::Value =
            serde_json::from_str(example.body.as_deref().unwrap()).unwrap();
        assert_eq!(body, expected);
        assert_eq!(example.body_location.line, open as u32 + 1);
    }
    assert!(
        model
            .diagnostics
            .iter()
            .all(|d| d.code != "published-row-unreadable"),
        "{:?}",
        model.diagnostics
    );
}

/// The cells of the rows of the first table of a published page.
fn rows(text: &str) -> Vec<Vec<String>> {
    let page = parse_published(&SourceFile::new("t.txt", text));
    page.blocks
        .iter()
        .find_map(|b| match b {
            Block::Table { rows, .. } => Some(
                rows.iter()
                    .map(|r| r.cells.iter().map(|c| c.content.text.clone()).collect())
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn rows_split_into_cells_by_rules() {
    let props = rows(
        "T\n\nProperties\n\nProperty Type Description\ntags String collection The tags.\napps mobileApp collection\n\
         id String (identifier) Key. Read-only.\nsize Int64\nwhen DateTimeOffset When. Possible values are: a, b.\n",
    );
    let cells = |r: &[&str]| r.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        props,
        [
            cells(&["tags", "String collection", "The tags."]),
            cells(&["apps", "mobileApp collection", ""]),
            cells(&["id", "String (identifier)", "Key. Read-only."]),
            cells(&["size", "Int64", ""]),
            cells(&["when", "DateTimeOffset", "When. Possible values are: a, b."]),
        ]
    );
    let permissions = rows(
        "T\n\nPermission type Permissions (from least to most privileged)\nDelegated (work or school account) A.Read, B.Read.All\n\
         Delegated (personal Microsoft account) Not supported.\nApplication A.Read.All\n",
    );
    assert_eq!(
        permissions[0],
        cells(&["Delegated (work or school account)", "A.Read, B.Read.All"])
    );
    assert_eq!(
        permissions[1],
        cells(&["Delegated (personal Microsoft account)", "Not supported."])
    );
    assert_eq!(permissions[2], cells(&["Application", "A.Read.All"]));
    let members = rows("T\n\nMembers\n\nMember Value Description\nfirst 0 The first.\nsecond 1\nthird The third.\n");
    assert_eq!(
        members,
        [
            cells(&["first", "0", "The first."]),
            cells(&["second", "1", ""]),
            cells(&["third", "", "The third."])
        ]
    );

    // A row the rules cannot split is a located diagnostic, and the rest is read.
    let page = parse_published(&SourceFile::new(
        "t.txt",
        "T\n\nProperty Type Description\nok String Fine.\n(Optional) String x\nlast Int32\n",
    ));
    let d = page
        .diagnostics
        .iter()
        .find(|d| d.code == "published-row-unreadable")
        .expect("reported");
    assert_eq!((d.source.line, d.source.column), (5, 1));
    assert_eq!(
        rows("T\n\nProperty Type Description\nok String Fine.\n(Optional) String x\nlast Int32\n")
            .len(),
        2
    );
}

#[test]
fn formats_are_detected_per_file() {
    for (prefix, format) in [
        ("000_", InputFormat::Markdown),
        ("001_", InputFormat::PublishedText),
        ("002_", InputFormat::Markdown),
        ("003_", InputFormat::Markdown),
        ("004_", InputFormat::Markdown),
    ] {
        let Some(page) = seed(prefix) else { return };
        assert_eq!(detect_format(&page.text), format, "{prefix}");
    }
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(args)
        .current_dir(common::repo_root())
        .output()
        .expect("binary runs")
}

#[test]
fn the_input_format_flag_forces_the_format() {
    let Some(s001) = seed("001_") else { return };
    // A `# ` line makes auto-detection say markdown; forcing reads it as published text.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copied.txt");
    std::fs::write(&file, format!("{}\n# copied from the site\n", s001.text)).unwrap();
    let file = file.to_str().unwrap();
    let props = |args: &[&str]| {
        let o = run(args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        json["types"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["properties"].as_array().unwrap().len())
            .sum::<usize>()
    };
    assert_eq!(
        props(&["ir", "--docs", file]),
        0,
        "auto-detected as markdown"
    );
    assert_eq!(
        props(&["ir", "--docs", file, "--input-format", "published"]),
        13
    );
    let o = run(&["ir", "--docs", file, "--input-format", "published"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["versions"],
        serde_json::json!(["beta"]),
        "the version comes from the example URL"
    );
    assert!(json["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["source"].as_str().unwrap().starts_with("copied.txt:")));
    assert_eq!(
        props(&["ir", "--docs", file, "--input-format", "markdown"]),
        0
    );
    let o = run(&["ir", "--docs", file, "--input-format", "rtf"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The members of a "Possible values are:" list on the line that starts with `row`.
fn possible_values(text: &str, row: &str) -> BTreeSet<String> {
    let line = text
        .lines()
        .find(|l| l.trim_start_matches('|').starts_with(row))
        .unwrap();
    let list = line.split("Possible values are:").nth(1).unwrap();
    let list = &list[..list.find(".|").or_else(|| list.rfind('.')).unwrap()];
    list.split(',')
        .map(|v| v.trim().trim_matches('`').to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

#[test]
fn drift_from_000_to_001_reports_added_members_and_filled_placeholders() {
    let (Some(s000), Some(s001)) = (seed("000_"), seed("001_")) else {
        return;
    };
    let added: BTreeSet<String> = possible_values(&s001.text, "installStateDetail ")
        .difference(&possible_values(&s000.text, "installStateDetail|"))
        .cloned()
        .collect();
    assert!(added.len() >= 5, "{added:?}");
    let (old, new) = (
        build_version("beta", std::slice::from_ref(&s000)),
        build_version("beta", std::slice::from_ref(&s001)),
    );
    let changes = diff_models(&old, &new, &Config::default());
    let reported: BTreeSet<String> = changes
        .iter()
        .filter(|c| c.rule == "enum-member-added")
        .filter_map(|c| match &c.subject {
            Subject::EnumMember { enum_name, member } if enum_name == "resultantAppStateDetail" => {
                Some(member.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(reported, added);

    // The placeholders 001 filled, from the seed texts: every property row of
    // 000 whose description is `TODO: Add Description` (001 describes them
    // all), and the permissions rows 000 left as TODO.
    let todo_rows: BTreeSet<String> = s000
        .text
        .lines()
        .filter(|l| l.starts_with('|') && l.contains("**TODO: Add Description**"))
        .filter_map(|l| l.split('|').nth(1).map(|n| n.trim().to_owned()))
        .collect();
    assert!(todo_rows.len() >= 13, "{todo_rows:?}");
    assert!(
        s001.text.lines().all(|l| !l.contains("TODO")),
        "001 has no placeholders left"
    );
    let filled: BTreeSet<String> = changes
        .iter()
        .filter(|c| c.rule == "placeholder-filled")
        .filter_map(|c| match &c.subject {
            Subject::Placeholder { kind, owner } => Some(format!("{}:{owner}", kind.as_str())),
            _ => None,
        })
        .collect();
    for name in &todo_rows {
        let wanted = format!("todo-description:`mobileAppInstallStatus.{name}` description");
        assert!(
            filled.contains(&wanted),
            "{wanted} is not reported: {filled:?}"
        );
    }
    let permission_rows = s000
        .text
        .lines()
        .filter(|l| l.starts_with('|') && l.contains("TODO: Provide applicable permissions"))
        .count();
    assert_eq!(permission_rows, 3);
    assert!(
        filled.iter().any(|p| p.starts_with("todo-permissions:")),
        "{filled:?}"
    );
    // Nothing 001 still holds is reported as filled.
    assert!(new.todos.is_empty(), "{:?}", new.todos);

    // The same through the command line, on the two files.
    let seeds = common::seeds_dir().unwrap();
    let path = |prefix: &str| {
        std::fs::read_dir(&seeds)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
    };
    let (a, b) = (path("000_"), path("001_"));
    let o = run(&[
        "drift",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let changes = json["changes"].as_array().unwrap();
    let members: BTreeSet<String> = changes
        .iter()
        .filter(|c| c["rule"] == "enum-member-added" && c["enum"] == "resultantAppStateDetail")
        .map(|c| c["member"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(members, added);
    let placeholders: BTreeSet<String> = changes
        .iter()
        .filter(|c| c["rule"] == "placeholder-filled")
        .map(|c| c["placeholder"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(placeholders, filled);
}

/// A property as the corpus comparison sees it: owner, name, type, collection.
type PropertyRow = (String, String, Option<String>, bool);

/// What the corpus comparison looks at: properties, enums with their members,
/// and type names.
type PageSummary = (Vec<PropertyRow>, Vec<(String, Vec<String>)>, Vec<String>);

/// What the corpus comparison looks at: types with their properties' names
/// and types, and enum member lists.
fn summary(facts: &PageFacts) -> PageSummary {
    let enums = facts
        .enums
        .iter()
        .map(|e| {
            (
                e.name.clone(),
                e.members.iter().map(|m| m.name.clone()).collect(),
            )
        })
        .collect();
    let types = facts.types.iter().map(title_named).collect();
    let properties = properties(facts)
        .into_iter()
        .map(|(owner, name, ty, collection)| {
            let owner = facts
                .types
                .iter()
                .find(|t| t.name == owner)
                .map_or(owner, title_named);
            (owner, name, ty, collection)
        })
        .collect();
    (properties, enums, types)
}

/// A type's name as its page's title gives it, without case: published text
/// has no annotations, so where a page's `@odata.type` names the type
/// otherwise (kept as an alias) or in another case, only the title's name can
/// agree.
fn title_named(t: &graph_docs_codegen::extract::TypeFacts) -> String {
    t.aliases.first().unwrap_or(&t.name).to_ascii_lowercase()
}

#[test]
fn the_corpus_as_the_site_shows_it_gives_the_same_model() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let started = std::time::Instant::now();
    let (mut agree_all, mut total_all) = (0, 0);
    let mut report = Vec::new();
    for folder in [
        "graph-docs-2021-07/v1.0",
        "graph-docs-2021-07/beta",
        "graph-docs-2020-04/beta",
    ] {
        let (docs, _) =
            graph_docs_codegen::workspace::load_docs(&[corpus.join(folder)]).expect("corpus loads");
        let files: Vec<&SourceFile> = docs.files().collect();
        let not_markdown: Vec<&str> = files
            .iter()
            .filter(|f| detect_format(&f.text) != InputFormat::Markdown)
            .map(|f| &*f.path)
            .collect();
        assert!(
            not_markdown.is_empty(),
            "{folder}: markdown pages detected as published text: {not_markdown:?}"
        );
        let unreadable = std::sync::atomic::AtomicUsize::new(0);
        let differ: Vec<(String, String)> = files
            .par_iter()
            .filter_map(|file| {
                let markdown = summary(&analyze_page(file));
                let rendered = SourceFile::new(file.path.to_string(), render_published(&file.text))
                    .with_format(Some(InputFormat::PublishedText));
                let facts = analyze_page(&rendered);
                let rows = facts
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == "published-row-unreadable")
                    .count();
                unreadable.fetch_add(rows, std::sync::atomic::Ordering::Relaxed);
                let published = summary(&facts);
                (markdown != published)
                    .then(|| (file.path.to_string(), difference(&markdown, &published)))
            })
            .collect();
        let agree = files.len() - differ.len();
        println!(
            "{folder}: {agree} of {} pages agree ({} rows unreadable)",
            files.len(),
            unreadable.into_inner()
        );
        agree_all += agree;
        total_all += files.len();
        report.extend(
            differ
                .into_iter()
                .map(|(p, d)| format!("{folder}/{p}: {d}")),
        );
    }
    for line in report.iter().take(50) {
        println!("  {line}");
    }
    println!(
        "all: {agree_all} of {total_all} pages agree ({:.2}%), {:.1?}",
        100.0 * agree_all as f64 / total_all as f64,
        started.elapsed()
    );
    assert!(
        agree_all * 100 >= total_all * 99,
        "{agree_all} of {total_all} pages agree; the first differences:\n{}",
        report
            .iter()
            .take(50)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

type Summary = (
    Vec<(String, String, Option<String>, bool)>,
    Vec<(String, Vec<String>)>,
    Vec<String>,
);

/// The first thing that differs, for the report.
fn difference(markdown: &Summary, published: &Summary) -> String {
    if markdown.2 != published.2 {
        return format!("types {:?} vs {:?}", markdown.2, published.2);
    }
    if markdown.0 != published.0 {
        let only_md: Vec<_> = markdown
            .0
            .iter()
            .filter(|p| !published.0.contains(p))
            .take(3)
            .collect();
        let only_pub: Vec<_> = published
            .0
            .iter()
            .filter(|p| !markdown.0.contains(p))
            .take(3)
            .collect();
        return format!("properties: markdown {only_md:?} vs published {only_pub:?}");
    }
    let only_md: Vec<_> = markdown
        .1
        .iter()
        .filter(|e| !published.1.contains(e))
        .take(2)
        .collect();
    let only_pub: Vec<_> = published
        .1
        .iter()
        .filter(|e| !markdown.1.contains(e))
        .take(2)
        .collect();
    if only_md.is_empty() && only_pub.is_empty() {
        let names = |s: &Summary| s.1.iter().map(|e| e.0.clone()).collect::<Vec<_>>();
        return format!(
            "enum lists in another order or number: markdown {:?} vs published {:?}",
            names(markdown),
            names(published)
        );
    }
    format!("enums: markdown {only_md:?} vs published {only_pub:?}")
}
