//! A fixture page for each malformed shape (the pages of the goldens under
//! `tests/goldens`, most in `malformed-pages`): each gives a located
//! diagnostic, and the golden crates built from them compile (they are
//! workspace members).

mod common;

use graph_docs_codegen::{build_models, workspace::load_docs};

fn diagnostics() -> Vec<(String, String)> {
    let (docs, _) = load_docs(&common::golden_pages()).unwrap();
    build_models(&docs)
        .iter()
        .flat_map(|m| {
            m.diagnostics
                .iter()
                .map(|d| (d.source.to_string(), d.code.to_owned()))
        })
        .collect()
}

fn has(all: &[(String, String)], at: &str, code: &str) -> bool {
    all.iter().any(|(s, c)| s.starts_with(at) && c == code)
}

#[test]
fn every_malformed_shape_is_a_located_diagnostic() {
    let all = diagnostics();
    let m = "v1.0/resources/malformed.md";
    for (at, code) in [
        (format!("{m}:15:"), "table-row-shape"),    // missing cells
        (format!("{m}:16:"), "table-row-shape"),    // extra cells
        (format!("{m}:17:"), "html-in-table-cell"), // HTML inside a cell
        (format!("{m}:19:"), "duplicate-property"), // duplicate rows
        (format!("{m}:20:"), "rust-name-adjusted"), // a dot
        (format!("{m}:21:"), "rust-name-adjusted"), // a hyphen
        (format!("{m}:22:"), "rust-name-adjusted"), // an at sign
        (format!("{m}:23:"), "rust-name-adjusted"), // a keyword
        (format!("{m}:24:"), "rust-name-adjusted"), // a leading digit
        (format!("{m}:25:"), "unresolved-type"),    // an unknown type
        (
            "v1.0/resources/widget.md:22:".to_owned(),
            "rust-name-adjusted",
        ), // non-ASCII
        (
            "v1.0/resources/doubled-b.md:1:".to_owned(),
            "type-described-twice",
        ),
        (
            "v1.0/resources/doubled-b.md:10:".to_owned(),
            "property-type-conflict",
        ),
        ("v1.0/resources/selfish.md:5:".to_owned(), "base-type-cycle"),
        ("v1.0/resources/hollow.md:8:".to_owned(), "empty-table"),
        ("v1.0/resources/enums.md:28:".to_owned(), "name-collision"), // ok / OK
        // `withParts` in `?$top=5&withParts` is no `name=value` pair.
        (
            "v1.0/api/widget-list.md:27:".to_owned(),
            "http-request-unreadable",
        ),
        // `{user-id}` where another line wrote `{id | userPrincipalName}`.
        (
            "v1.0/api/widget-list.md:25:".to_owned(),
            "duplicate-endpoint",
        ),
    ] {
        assert!(has(&all, &at, code), "no {code} at {at}: {all:?}");
    }
}

#[test]
fn escaped_pipes_stay_in_their_cell() {
    let (docs, _) = load_docs(&common::golden_pages()).unwrap();
    let models = build_models(&docs);
    let t = models[0].find_type(None, "malformed").unwrap();
    let pipe = t.properties.iter().find(|p| p.name == "pipe").unwrap();
    assert_eq!(pipe.description, "Escaped | pipe.");
}

#[test]
fn equal_names_in_two_namespaces_are_two_types() {
    let (docs, _) = load_docs(&common::golden_pages()).unwrap();
    let models = build_models(&docs);
    let sessions: Vec<_> = models[0]
        .types
        .values()
        .filter(|t| t.name.name == "session")
        .map(|t| t.name.namespace.as_str())
        .collect();
    assert_eq!(sessions.len(), 2);
    assert!(
        sessions.contains(&"microsoft.graph") && sessions.contains(&"microsoft.graph.callRecords"),
        "{sessions:?}"
    );
    let golden = std::fs::read_to_string(
        common::golden("namespaces")
            .crate_dir()
            .join("src/v1_0/call_records/session.rs"),
    )
    .unwrap();
    assert!(
        golden.contains("crate::v1_0::call_records::Modality"),
        "the enum of its own namespace"
    );
}

#[test]
fn possible_values_on_a_complex_typed_property_keep_the_type() {
    use graph_docs_codegen::source::SourceFile;
    let c =
        "# c resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|x|String|d|\n";
    let holder = "# h resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|ref|[c](c.md)|Possible values are: on, off.|\n";
    let model = graph_docs_codegen::build_version(
        "v1.0",
        &[
            SourceFile::new("resources/c.md", c),
            SourceFile::new("resources/h.md", holder),
        ],
    );
    let h = model.find_type(None, "h").unwrap();
    assert!(
        matches!(&h.properties[0].ty, graph_docs_codegen::ir::TypeRef::Complex(q) if q.name == "c"),
        "{:?}",
        h.properties[0].ty
    );
    assert!(model.enums.is_empty());
    assert!(model
        .diagnostics
        .iter()
        .any(|d| d.code == "possible-values-on-type"));
}
