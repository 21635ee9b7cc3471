//! Hostile input: property tests that feed the parser, extractor, IR and
//! emitter pages built from markdown fragments and from arbitrary bytes (no
//! panic, and the emitted code always parses as Rust), plus the extreme
//! shapes by name. `PROPTEST_CASES=N` runs more cases.

use graph_docs_codegen::emit::{emit_crate, EmitOptions};
use graph_docs_codegen::ir::build_model;
use graph_docs_codegen::parse::InputFormat;
use graph_docs_codegen::source::SourceFile;
use graph_docs_codegen::{analyze_page, build_version};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "|",
    "||",
    "\\|",
    "\n",
    "\n\n",
    " ",
    "---\n",
    "title: \"x\"\n",
    "doc_type: resourcePageType\n",
    "# x resource type\n",
    "# y enum type\n",
    "## Properties\n",
    "## Members\n",
    "## Relationships\n",
    "## HTTP request\n",
    "## Request body\n",
    "## Response\n",
    "## Permissions\n",
    "### z values\n",
    "|Property|Type|Description|\n|:--|:--|:--|\n",
    "|Member|Value|Description|\n|-|-|-|\n",
    "|Permission type|Permissions|\n|-|-|\n",
    "|a|String|x|\n",
    "|b|[c](c.md) collection|",
    "|type|Enumeration|Possible values are: `a`, `b` and `c`.|\n",
    "|1|2|3|4|5|\n",
    "Collection(",
    ")",
    "Edm.",
    "Int32",
    "String or Int32",
    "Inherits from [x](x.md).",
    "Inherited from [y](y.md)",
    "**TODO: Add Description**",
    "Not yet documented",
    "<!-- {\"blockType\": \"request\", \"name\": \"n\"} -->\n",
    "<!-- { \"blockType\": \"resource\", \"baseType\": \"microsoft.graph.x\" -->\n",
    "```http\nPOST /a/{id}/b\n\n{\"a\": \"String\"}\n```\n",
    "```json\n{\"@odata.type\": \"#microsoft.graph.x\", \"a\": 1}\n```\n",
    "```\n",
    "> ",
    "- ",
    "1. ",
    "    ",
    "`",
    "**",
    "_",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "<br/>",
    "<b>",
    "&amp;",
    "é",
    "漢",
    "\u{feff}",
    "\r\n",
    "\t",
    "Namespace: microsoft.graph.callRecords\n",
    "If successful, this method returns a `201 Created` response code and a [x](x.md) object.",
    "GET /me/x\n",
    "/users/{id | userPrincipalName}/y",
    "root:/{p}:",
    "delta()",
    "$ref",
    "@odata.type",
    "unknownFutureValue",
];

/// Pieces of published text (pages copied from the docs site).
const PUBLISHED_FRAGMENTS: &[&str] = &[
    "\n",
    "\n\n",
    " ",
    "  ",
    "Create thing\n",
    "Properties\n",
    "Relationships\n",
    "HTTP request\n",
    "Request body\n",
    "Response\n",
    "Example\n",
    "Request\n",
    "Permissions\n",
    "Members\n",
    "JSON representation\n",
    "x values\n",
    "Property Type Description\n",
    "Member Value Description\n",
    "Member\n",
    "Header Value\n",
    "Name Description\n",
    "Method Return Type Description\n",
    "Permission type Permissions (from least to most privileged)\n",
    "Delegated (work or school account) A.Read.All\n",
    "Delegated (personal Microsoft account) Not supported.\n",
    "Application ",
    "id String Key.\n",
    "tags String collection\n",
    "apps mobileApp collection Apps.\n",
    "x Collection(microsoft.graph.y) Ys.\n",
    "Collection(",
    "(identifier)",
    "The description only\n",
    "Event ",
    "or ",
    "object ",
    "0 ",
    "0x1F ",
    "Possible values are: a, b, c.\n",
    "POST /things/{id}\n",
    "GET https://graph.microsoft.com/beta/me\n",
    "HTTP/1.1 201 Created\n",
    "Content-Type: application/json\n",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\",
    "\"a\": 1,\n",
    "Namespace: microsoft.graph\n",
    "Note: x\n",
    "If successful, this method returns a 201 Created response code.\n",
    "In the request body, supply a JSON representation of the thing object.\n",
    "é",
    "漢",
    "\u{feff}",
    "\r\n",
    "\t",
    "|",
    "# ",
    "---\n",
];

fn published_page() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PUBLISHED_FRAGMENTS), 0..150)
        .prop_map(|parts| parts.concat())
}

/// Runs the pipeline on `text` read as published text, whatever it looks like.
fn run_published(text: String) {
    let file = SourceFile::new("api/fuzz.txt", text).with_format(Some(InputFormat::PublishedText));
    let model = build_version("beta", std::slice::from_ref(&file));
    emit_crate(&[model], &EmitOptions::default()).expect("the emitted code parses");
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120).prop_map(|parts| parts.concat())
}

fn run(text: String) {
    let file = SourceFile::new("api/fuzz.md", text);
    let model = build_version("v1.0", std::slice::from_ref(&file));
    emit_crate(&[model], &EmitOptions::default()).expect("the emitted code parses");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300),
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn pages_of_markdown_fragments(text in page()) {
        run(text);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        run(String::from_utf8_lossy(&bytes).into_owned());
    }

    #[test]
    fn published_text_of_fragments(text in published_page()) {
        run_published(text);
    }

    #[test]
    fn arbitrary_bytes_as_published_text(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        run_published(String::from_utf8_lossy(&bytes).into_owned());
    }

    #[test]
    fn markdown_fragments_as_published_text(text in page()) {
        run_published(text);
    }

    #[test]
    fn several_pages_together(a in page(), b in page()) {
        let files = [SourceFile::new("resources/a.md", a), SourceFile::new("resources/b.md", b)];
        let model = build_version("beta", &files);
        emit_crate(&[model], &EmitOptions::default()).expect("the emitted code parses");
    }
}

#[test]
fn extreme_published_text() {
    run_published("Property Type Description\n".repeat(50_000));
    run_published(format!(
        "T\n\nProperties\n\nProperty Type Description\nid {}\n",
        "String collection ".repeat(100_000)
    ));
    run_published(format!("T\n\n{{{}", "\n".repeat(200_000)));
    run_published(format!("T\n\nHTTP/1.1 200 OK\n\n{}", "[".repeat(100_000)));
    run_published(format!(
        "T\n\nMethod Return Type Description\n{}\n",
        "a b ".repeat(50_000)
    ));
    run_published(format!("T\n\n{}", "x values\n\n".repeat(50_000)));
}

#[test]
fn a_megabyte_of_pipes() {
    run("|".repeat(1 << 20));
    run(format!("## Properties\n{}", "|".repeat(1 << 20)));
}

#[test]
fn a_table_with_a_hundred_thousand_columns() {
    let header = format!("|Property|Type|Description|{}\n", "x|".repeat(100_000));
    let separator = format!("|{}\n", "-|".repeat(100_003));
    let row = format!("|a|String|d|{}\n", "v|".repeat(100_000));
    run(format!(
        "# wide resource type\n\n## Properties\n{header}{separator}{row}"
    ));
}

#[test]
fn deeply_nested_lists_and_quotes() {
    // Each about a megabyte of input at most (a list 1,000 levels deep is 1 MB of indentation).
    run(format!("{}deep", "> ".repeat(20_000)));
    let mut list = String::new();
    for depth in 0..1_000 {
        list.push_str(&"  ".repeat(depth));
        list.push_str("- item\n");
    }
    run(list);
    run(format!("{}x{}", "[".repeat(50_000), "]".repeat(50_000)));
    run(format!("{}x", "*".repeat(100_000)));
}

#[test]
fn bom_and_crlf_give_the_same_facts_as_lf() {
    let lf = "# w resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|Int32|Read-only.|\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let a = analyze_page(&SourceFile::new("p.md", lf));
    let b = analyze_page(&SourceFile::new("p.md", crlf));
    assert_eq!(a.types, b.types);
    let m = build_model("v1.0", vec![b]);
    assert_eq!(
        m.types.values().next().unwrap().properties[0].source.line,
        6
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.md"),
        b"# x resource type\n\xff\xfe broken\n",
    )
    .unwrap();
    let (docs, diagnostics) =
        graph_docs_codegen::workspace::load_docs(&[dir.path().to_owned()]).unwrap();
    assert_eq!(
        docs.files().count(),
        1,
        "the rest of the page is still read"
    );
    let d = diagnostics
        .iter()
        .find(|d| d.code == "invalid-utf8")
        .expect("a diagnostic");
    assert_eq!(d.severity, graph_docs_codegen::diagnostics::Severity::Error);
    assert!(d.message.contains("bad.md"), "{}", d.message);
    assert_eq!((d.source.line, &*d.source.path), (2, "bad.md"));
}

#[test]
fn bidirectional_overrides_never_reach_doc_comments() {
    let page = "# d resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|Id \u{202E} evil \u{2066}x\u{2069}.|\n";
    let model = build_version("v1.0", &[SourceFile::new("resources/d.md", page)]);
    let files = emit_crate(&[model], &EmitOptions::default()).unwrap();
    for f in &files {
        assert!(
            !f.contents
                .chars()
                .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{}",
            f.path
        );
    }
}

#[test]
fn a_namespace_named_like_a_generated_module_gets_its_own_name() {
    let types = "# t resource type\n\nNamespace: microsoft.graph.api\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n";
    let api = "# Get t\n\n## HTTP request\n```http\nGET /ts/{id}\n```\n";
    let model = build_version(
        "v1.0",
        &[
            SourceFile::new("resources/t.md", types),
            SourceFile::new("api/t-get.md", api),
        ],
    );
    let files = emit_crate(&[model], &EmitOptions::default()).expect("distinct paths");
    assert!(files.iter().any(|f| f.path == "src/v1_0/api/mod.rs"));
    assert!(
        files.iter().any(|f| f.path == "src/v1_0/api2/mod.rs"),
        "{:?}",
        files.iter().map(|f| &f.path).collect::<Vec<_>>()
    );
}
