//! The metadata reader and drift between two metadata files: the shared
//! v1.0 files of 2021-07-13 and 2022-01-21 (`../shared/metadata` or
//! `$GRAPH_DOCS_METADATA`; skipped with a notice when missing, a failure
//! under `CI`), checked against an independent line scan of the XML; the
//! CLI's `--metadata` and `.xml` drift sides on small fixtures; and hostile
//! input for the reader (no panic, every diagnostic inside the text).

mod common;

use graph_docs_codegen::drift::{diff_models, Change, Config};
use graph_docs_codegen::metadata::read_metadata;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What a plain line scan finds in a metadata file: type and enum names,
/// and each one's property and member names, by lowercase `namespace.name`.
#[derive(Default)]
struct Scan {
    /// Entity and complex types: key → (name, lowercase property names).
    types: BTreeMap<String, (String, BTreeSet<String>)>,
    /// Enums: key → (name, member names as written).
    enums: BTreeMap<String, (String, BTreeSet<String>)>,
}

/// The value of `attr="…"` in `line`.
fn attr<'a>(line: &'a str, attr: &str) -> Option<&'a str> {
    let at = line.find(&format!(" {attr}=\""))? + attr.len() + 3;
    let rest = &line[at..];
    Some(&rest[..rest.find('"')?])
}

/// Scans a metadata file line by line (the shared files put one element
/// start on a line); no XML parser involved.
fn scan(text: &str) -> Scan {
    let mut out = Scan::default();
    let mut namespace = String::new();
    // The open type or enum: (is an enum, key).
    let mut open: Option<(bool, String)> = None;
    for line in text.lines().map(str::trim) {
        if line.starts_with("<Schema ") {
            namespace = attr(line, "Namespace").unwrap_or_default().to_owned();
        } else if line.starts_with("<EntityType ")
            || line.starts_with("<ComplexType ")
            || line.starts_with("<EnumType ")
        {
            let name = attr(line, "Name").unwrap().to_owned();
            let key = format!("{namespace}.{name}").to_ascii_lowercase();
            let is_enum = line.starts_with("<EnumType ");
            let map = if is_enum {
                &mut out.enums
            } else {
                &mut out.types
            };
            map.insert(key.clone(), (name, BTreeSet::new()));
            open = (!line.ends_with("/>")).then_some((is_enum, key));
        } else if line.starts_with("</EntityType>")
            || line.starts_with("</ComplexType>")
            || line.starts_with("</EnumType>")
        {
            open = None;
        } else if let Some((is_enum, key)) = &open {
            let item = line.starts_with("<Property ")
                || line.starts_with("<NavigationProperty ")
                || line.starts_with("<Member ");
            if let (true, Some(name)) = (item, attr(line, "Name")) {
                if *is_enum {
                    out.enums.get_mut(key).unwrap().1.insert(name.to_owned());
                } else {
                    let props = &mut out.types.get_mut(key).unwrap().1;
                    props.insert(name.to_ascii_lowercase());
                }
            }
        }
    }
    out
}

/// Added and removed things, as `kind name` strings.
#[derive(Debug, Default, PartialEq, Eq)]
struct AddedRemoved {
    added: BTreeSet<String>,
    removed: BTreeSet<String>,
}

/// What the scans of two files say was added and removed: types and enums,
/// the properties of types on both sides, the members of enums on both.
fn scan_diff(old: &Scan, new: &Scan) -> AddedRemoved {
    let mut out = AddedRemoved::default();
    let sides = [
        (&old.types, &new.types, "type"),
        (&old.enums, &new.enums, "enum"),
    ];
    for (o, n, kind) in sides {
        for (key, (name, items)) in n {
            match o.get(key) {
                None => {
                    out.added.insert(format!("{kind} {name}"));
                }
                Some((_, old_items)) => {
                    let what = if kind == "type" { "property" } else { "member" };
                    for i in items.difference(old_items) {
                        out.added.insert(format!("{what} {name}.{i}"));
                    }
                    for i in old_items.difference(items) {
                        out.removed.insert(format!("{what} {name}.{i}"));
                    }
                }
            }
        }
        for (key, (name, _)) in o {
            if !n.contains_key(key) {
                out.removed.insert(format!("{kind} {name}"));
            }
        }
    }
    out
}

/// The text between the `n`th pair of backticks of a message.
fn quoted(message: &str, n: usize) -> String {
    message
        .split('`')
        .nth(2 * n + 1)
        .unwrap_or_default()
        .to_owned()
}

/// What the drift report says was added and removed. A recased or renamed
/// member is its old spelling removed and its new one added; the sentinel's
/// own rules add or remove `unknownFutureValue`.
fn report_diff(changes: &[Change]) -> AddedRemoved {
    let mut out = AddedRemoved::default();
    for c in changes {
        let json = serde_json::to_value(c).unwrap();
        let field = |f: &str| json[f].as_str().unwrap_or_default().to_owned();
        let property = || {
            format!(
                "property {}.{}",
                field("type"),
                field("property").to_ascii_lowercase()
            )
        };
        let member = |m: &str| format!("member {}.{m}", field("enum"));
        match c.rule.id() {
            "type-added" => {
                out.added.insert(format!("type {}", field("type")));
            }
            "type-removed" => {
                out.removed.insert(format!("type {}", field("type")));
            }
            "enum-added" => {
                out.added.insert(format!("enum {}", field("enum")));
            }
            "enum-removed" => {
                out.removed.insert(format!("enum {}", field("enum")));
            }
            "property-added" => {
                out.added.insert(property());
            }
            "property-removed" => {
                out.removed.insert(property());
            }
            "enum-member-added"
            | "enum-member-inserted-before-sentinel"
            | "enum-sentinel-added" => {
                out.added.insert(member(&field("member")));
            }
            "enum-member-removed" | "enum-sentinel-removed" => {
                out.removed.insert(member(&field("member")));
            }
            "enum-member-case-changed" | "enum-member-renamed" => {
                out.removed.insert(member(&field("member")));
                out.added.insert(member(&quoted(&c.message, 2)));
            }
            _ => {}
        }
    }
    out
}

/// The two shared metadata files, when present.
fn shared_files() -> Option<(PathBuf, PathBuf)> {
    let dir = common::metadata_dir()?;
    Some((
        dir.join("v1.0-2021-07-13.xml"),
        dir.join("v1.0-2022-01-21.xml"),
    ))
}

fn read_file(path: &Path) -> (String, graph_docs_codegen::ir::Model) {
    let text = std::fs::read_to_string(path).unwrap();
    let model = read_metadata(&path.to_string_lossy(), &text, "v1.0");
    (text, model)
}

#[test]
fn the_shared_files_read_without_a_diagnostic_into_what_a_scan_finds() {
    let Some((old, new)) = shared_files() else {
        return;
    };
    for path in [old, new] {
        let (text, model) = read_file(&path);
        assert_eq!(model.diagnostics, Vec::new(), "{}", path.display());
        let s = scan(&text);
        let types: BTreeSet<&String> = model.types.keys().collect();
        assert_eq!(types, s.types.keys().collect());
        let enums: BTreeSet<&String> = model.enums.keys().collect();
        assert_eq!(enums, s.enums.keys().collect());
        for (key, t) in &model.types {
            let props: BTreeSet<String> = t
                .properties
                .iter()
                .chain(&t.relationships)
                .map(|p| p.name.to_ascii_lowercase())
                .collect();
            assert_eq!(props, s.types[key].1, "{key}");
        }
        for (key, e) in &model.enums {
            let members: BTreeSet<String> = e.members.iter().map(|m| m.name.clone()).collect();
            assert_eq!(members, s.enums[key].1, "{key}");
        }
    }
}

#[test]
fn drift_of_the_shared_files_reports_exactly_what_a_scan_finds_added_and_removed() {
    let Some((old, new)) = shared_files() else {
        return;
    };
    let (old_text, old_model) = read_file(&old);
    let (new_text, new_model) = read_file(&new);
    let changes = diff_models(&old_model, &new_model, &Config::default());
    let expected = scan_diff(&scan(&old_text), &scan(&new_text));
    let reported = report_diff(&changes);
    for (what, r, e) in [
        ("added", &reported.added, &expected.added),
        ("removed", &reported.removed, &expected.removed),
    ] {
        let only_reported: Vec<&String> = r.difference(e).collect();
        let only_scanned: Vec<&String> = e.difference(r).collect();
        assert!(
            only_reported.is_empty() && only_scanned.is_empty(),
            "{what}: reported only {only_reported:?}; scanned only {only_scanned:?}"
        );
    }
    assert!(!expected.added.is_empty() && !expected.removed.is_empty());
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(args)
        .output()
        .expect("binary runs")
}

#[test]
fn drift_of_the_shared_files_prints_its_counts_by_severity_and_rule() {
    let Some((old, new)) = shared_files() else {
        return;
    };
    let (_, old_model) = read_file(&old);
    let (_, new_model) = read_file(&new);
    let changes = diff_models(&old_model, &new_model, &Config::default());
    let count = |level: &str| {
        changes
            .iter()
            .filter(|c| c.severity.as_str() == level)
            .count()
    };
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let o = run(&["drift", old, new, "--fail-on", "never"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    let last = text.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "{} breaking, {} warnings, {} info",
            count("breaking"),
            count("warning"),
            count("info")
        )
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(&format!("({}): {} types", "v1.0", new_model.types.len())),
        "{stderr}"
    );
    // The markdown report's tables count each rule.
    let o = run(&[
        "drift",
        old,
        new,
        "--fail-on",
        "never",
        "--format",
        "markdown",
    ]);
    let md = String::from_utf8_lossy(&o.stdout);
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for c in &changes {
        *by_rule
            .entry((c.severity.as_str(), c.rule.id()))
            .or_default() += 1;
    }
    for ((severity, rule), n) in by_rule {
        let section = md.split(&format!("#### {severity}")).nth(1).unwrap();
        let section = section.split("#### ").next().unwrap();
        assert!(
            section.contains(&format!("| `{rule}` | {n} |")),
            "{severity} {rule} {n}"
        );
    }
    // A breaking change fails the run by default.
    assert_eq!(run(&["drift", old, new]).status.code(), Some(1));
}

/// A small metadata document of one schema.
fn fixture(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
{body}
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#
    )
}

const OLD: &str = r#"      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="unknownFutureValue" Value="1" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="widget" BaseType="graph.entity">
        <Property Name="color" Type="graph.color" />
        <Property Name="size" Type="Edm.Int32" />
      </EntityType>
      <ComplexType Name="gone" />"#;

const NEW: &str = r#"      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="unknownFutureValue" Value="1" />
        <Member Name="blue" Value="2" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="widget" BaseType="graph.entity">
        <Property Name="color" Type="graph.color" />
        <Property Name="size" Type="Edm.Int64" />
        <NavigationProperty Name="parts" Type="Collection(graph.entity)" ContainsTarget="true" />
      </EntityType>"#;

/// The 1-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn drift_of_two_small_files_runs_the_rules_on_their_models() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("v1.0-old.xml");
    let new = tmp.path().join("v1.0-new.xml");
    std::fs::write(&old, fixture(OLD)).unwrap();
    std::fs::write(&new, fixture(NEW)).unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let o = run(&["drift", old, new, "--format", "json", "--fail-on", "never"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let changes = report["changes"].as_array().unwrap();
    let fingerprints: BTreeSet<&str> = changes
        .iter()
        .map(|c| c["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(
        fingerprints,
        BTreeSet::from([
            "enum-member-added:v1.0:color.blue",
            "property-added:v1.0:widget.parts",
            "property-type-changed:v1.0:widget.size",
            "type-removed:v1.0:gone",
        ])
    );
    let parts = changes.iter().find(|c| c["property"] == "parts").unwrap();
    let line = line_of(&fixture(NEW), "\"parts\"");
    assert_eq!(parts["new"].as_str().unwrap(), format!("{new}:{line}:9"));
    // Malformed XML stops the run rather than reading as everything removed.
    std::fs::write(tmp.path().join("bad.xml"), "<edmx:Edmx>\n  <oops>\n").unwrap();
    let bad = tmp.path().join("bad.xml");
    let o = run(&["drift", old, bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("metadata-xml-invalid") && stderr.contains("bad.xml:"),
        "{stderr}"
    );
}

#[test]
fn ir_shows_the_metadata_model_and_its_diagnostics() {
    let tmp = tempfile::tempdir().unwrap();
    let meta = tmp.path().join("meta.xml");
    let text = fixture(&format!("{NEW}\n      <Gizmo />"));
    std::fs::write(&meta, &text).unwrap();
    let docs = common::repo_root().join("docs-input/v1.0");
    let meta_arg = format!("v1.0={}", meta.display());
    let o = run(&[
        "ir",
        "--docs",
        docs.to_str().unwrap(),
        "--metadata",
        &meta_arg,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ir: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let metadata = &ir["metadata"];
    assert_eq!(metadata["versions"], serde_json::json!(["v1.0"]));
    let widget = metadata["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "widget")
        .unwrap();
    assert_eq!(widget["base"], "entity");
    assert_eq!(widget["relationships"][0]["contained"], true);
    assert_eq!(widget["properties"][1]["type"], "Int64");
    let entity = metadata["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "entity")
        .unwrap();
    assert_eq!(entity["abstract"], true);
    let diagnostic = &metadata["diagnostics"][0];
    assert_eq!(diagnostic["code"], "metadata-unknown-element");
    let line = line_of(&text, "<Gizmo");
    assert_eq!(diagnostic["source"], format!("{}:{line}:7", meta.display()));
    // The docs' model, typed from the metadata, takes its flags too.
    let docs_entity = ir["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "entity")
        .unwrap();
    assert_eq!(docs_entity["abstract"], true);
    // Without a version, docs of one version give theirs; a missing file is exit 2.
    let o = run(&[
        "ir",
        "--docs",
        docs.to_str().unwrap(),
        "--metadata",
        meta.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let o = run(&[
        "ir",
        "--docs",
        docs.to_str().unwrap(),
        "--metadata",
        "no-such.xml",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_reports_metadata_diagnostics_with_the_docs_and_can_deny_them() {
    let tmp = tempfile::tempdir().unwrap();
    let meta = tmp.path().join("meta.xml");
    std::fs::write(
        &meta,
        fixture(r#"      <ComplexType Name="x" OpenType="maybe" />"#),
    )
    .unwrap();
    let docs = common::repo_root().join("docs-input/v1.0");
    let out = tmp.path().join("crate");
    let (docs, out) = (docs.to_str().unwrap(), out.to_str().unwrap());
    let meta = meta.to_str().unwrap();
    let o = run(&["regen", "--docs", docs, "--out", out, "--metadata", meta]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("metadata-attribute-invalid") && stderr.contains("meta.xml:5:7"),
        "{stderr}"
    );
    let o = run(&[
        "check",
        "--docs",
        docs,
        "--out",
        out,
        "--metadata",
        meta,
        "--deny",
        "metadata-attribute-invalid",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Pieces of CSDL, for documents of arbitrary shape.
const FRAGMENTS: &[&str] = &[
    "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">",
    "</edmx:Edmx>",
    "<edmx:DataServices>",
    "</edmx:DataServices>",
    "<Schema Namespace=\"n\" Alias=\"a\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">",
    "<Schema>",
    "</Schema>",
    "<EntityType Name=\"t\" BaseType=\"a.u\" Abstract=\"true\">",
    "<ComplexType Name=\"u\" OpenType=\"x\">",
    "</EntityType>",
    "</ComplexType>",
    "<EntityType Name=\"t\"/>",
    "<Property Name=\"p\" Type=\"Collection(a.e)\"/>",
    "<Property Name=\"p\" Type=\"Edm.Int32\" Nullable=\"false\"/>",
    "<Property Type=\"a.t\"/>",
    "<NavigationProperty Name=\"n\" Type=\"a.t\" ContainsTarget=\"true\"/>",
    "<EnumType Name=\"e\" IsFlags=\"true\">",
    "</EnumType>",
    "<Member Name=\"m\" Value=\"1\"/>",
    "<Member Name=\"m\" Value=\"z\"/>",
    "<Annotation Term=\"Org.OData.Core.V1.Description\" String=\"d\"/>",
    "<Annotations Target=\"a.t/p\">",
    "</Annotations>",
    "<Key><PropertyRef Name=\"p\"/></Key>",
    "<Other/>",
    "<!-- c -->",
    "<![CDATA[x]]>",
    "&amp;",
    "&bogus;",
    "\"",
    "<",
    ">",
    "\n",
    "  ",
    "é",
    "\u{feff}",
    "\r\n",
];

/// Reads `text`; every diagnostic must point inside it.
fn read_anything(text: &str) {
    let model = read_metadata("fuzz.xml", text, "v1.0");
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &model.diagnostics {
        let line = d.source.line as usize;
        assert!(line >= 1 && line <= lines.len(), "{d:?} in {text:?}");
        let width = lines[line - 1].chars().count() + 1;
        assert!(
            d.source.column >= 1 && d.source.column as usize <= width + 1,
            "{d:?} in {text:?}"
        );
    }
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

/// A fixture with a stretch replaced by arbitrary text.
fn mutated() -> impl Strategy<Value = String> {
    let text = fixture(NEW);
    let len = text.len();
    (0..len, 0..40usize, ".{0,12}").prop_map(move |(at, cut, insert)| {
        let mut t = text.clone();
        let end = (at + cut).min(len);
        t.replace_range(at..end, &insert);
        t
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300),
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn documents_of_csdl_fragments(text in document()) {
        read_anything(&text);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        read_anything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_fixtures(text in mutated()) {
        read_anything(&text);
    }
}
