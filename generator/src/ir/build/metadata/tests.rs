//! The merge's edge cases on small models: aliases, `Json`, spelling,
//! member placement, docs-only members, and base cycles.

use super::super::test_pages::{model_of, resource, type_named, with_code};
use crate::diagnostics::codes;
use crate::ir::{key_of, Model, QualifiedName, TypeRef};
use crate::source::SourceFile;

/// The v1.0 model of `pages` with `metadata` merged in.
fn merged(pages: &[(&str, &str)], metadata: &Model) -> Model {
    let files: Vec<SourceFile> = pages
        .iter()
        .map(|(path, text)| SourceFile::new(*path, *text))
        .collect();
    crate::build_version_with_metadata("v1.0", &files, Some(metadata))
}

/// A page titled `Chart` whose annotation names `workbookChart`.
fn chart_page() -> String {
    let mut page = resource("Chart", "", &["name|String|The name."]);
    page.push_str(
        "\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \
         \"@odata.type\": \"microsoft.graph.workbookChart\"\n}-->\n```json\n{}\n```\n",
    );
    page
}

#[test]
fn a_metadata_type_named_as_a_docs_alias_is_that_type() {
    let docs_book = resource("book", "", &["chart|Chart|Its chart."]);
    let chart = chart_page();
    let meta_book = resource("book", "", &["chart|Chart|", "cover|Chart|"]);
    let meta_chart = resource("Chart", "", &["name|String|", "height|Double|"]);
    let metadata = model_of(&[
        ("metadata/book.md", &meta_book),
        ("metadata/chart.md", &meta_chart),
    ]);
    let model = merged(
        &[
            ("resources/book.md", &docs_book),
            ("resources/chart.md", &chart),
        ],
        &metadata,
    );
    // One type: the docs' `workbookChart`, with the metadata's extra property.
    assert!(!model
        .types
        .contains_key(&key_of("microsoft.graph", "chart")));
    let chart = type_named(&model, "workbookChart");
    assert!(chart.properties.iter().any(|p| p.name == "height"));
    let book = type_named(&model, "book");
    for p in &book.properties {
        assert_eq!(p.ty, TypeRef::Complex(chart.name.clone()), "{}", p.name);
    }
    assert!(with_code(&model, codes::METADATA_OVERRIDE).is_empty());
}

#[test]
fn json_stays_untyped_and_spelling_follows_the_metadata() {
    let docs = resource(
        "thing",
        "",
        &[
            "data|Json|Anything.",
            "Size|Int32|How big.",
            "extra|String|Docs only.",
        ],
    );
    let meta = resource("thing", "", &["data|microsoft.graph.Json|", "size|Int32|"]);
    let mut metadata = model_of(&[("metadata/thing.md", &meta)]);
    // As a metadata reader gives it: `graph.Json` is a complex type there.
    if let Some(t) = metadata.types.get_mut(&key_of("microsoft.graph", "thing")) {
        t.properties[0].ty = TypeRef::Complex(QualifiedName::new("microsoft.graph", "Json"));
    }
    let model = merged(&[("resources/thing.md", &docs)], &metadata);
    let thing = type_named(&model, "thing");
    let names: Vec<&str> = thing.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["data", "size", "extra"]);
    assert!(matches!(thing.properties[0].ty, TypeRef::Untyped(_)));
    assert!(!model.types.contains_key(&key_of("microsoft.graph", "json")));
    let found = with_code(&model, codes::METADATA_OVERRIDE);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("spell it `Size`") && found[0].message.contains("`size`"),
        "{}",
        found[0].message
    );
}

#[test]
fn members_are_added_where_the_metadata_lists_them_and_docs_only_ones_stay() {
    let docs = "# Enum values\n\nNamespace: microsoft.graph\n\n### color values\n\n\
                |Member|Value|Description|\n|:---|:---|:---|\n|green|1|Green.|\n|mauve|7|Docs only.|\n";
    let meta = "# Enum values\n\nNamespace: microsoft.graph\n\n### color values\n\n\
                |Member|Value|Description|\n|:---|:---|:---|\n|red|0||\n|green|1||\n\
                |unknownFutureValue|2||\n|blue|3||\n";
    let metadata = model_of(&[("metadata/enums.md", meta)]);
    let model = merged(&[("resources/enums.md", docs)], &metadata);
    let color = &model.enums[&key_of("microsoft.graph", "color")];
    let members: Vec<&str> = color.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        members,
        ["red", "green", "unknownFutureValue", "blue", "mauve"]
    );
    assert_eq!(with_code(&model, codes::METADATA_ADDED).len(), 3);
    assert!(with_code(&model, codes::METADATA_OVERRIDE).is_empty());
}

#[test]
fn a_metadata_base_loop_is_broken_with_a_warning() {
    let a = resource("alpha", "", &["x|String|"]);
    let b = resource("beta", "", &["y|String|"]);
    let mut metadata = model_of(&[("metadata/alpha.md", &a), ("metadata/beta.md", &b)]);
    // A metadata that loops: alpha → beta → alpha.
    let alpha = metadata.types[&key_of("microsoft.graph", "alpha")]
        .name
        .clone();
    let beta = metadata.types[&key_of("microsoft.graph", "beta")]
        .name
        .clone();
    if let Some(t) = metadata.types.get_mut(&alpha.key()) {
        t.base = Some(beta.clone());
    }
    if let Some(t) = metadata.types.get_mut(&beta.key()) {
        t.base = Some(alpha);
    }
    let model = merged(
        &[("resources/alpha.md", &a), ("resources/beta.md", &b)],
        &metadata,
    );
    assert_eq!(with_code(&model, codes::BASE_TYPE_CYCLE).len(), 1);
    assert!(model.types.values().all(|t| model.ancestors(t).len() <= 1));
}

#[test]
fn an_added_property_is_reported_at_the_page_named_after_its_type() {
    let copy = resource("thing", "", &["size|Int32|How big."]);
    let own = resource("thing", "", &["size|Int32|How big."]);
    let meta = resource("thing", "", &["size|Int32|", "colour|String|"]);
    let metadata = model_of(&[("metadata/thing.md", &meta)]);
    let model = merged(
        &[
            ("resources/intune-copy-thing.md", &copy),
            ("resources/thing.md", &own),
        ],
        &metadata,
    );
    let added = with_code(&model, codes::METADATA_ADDED);
    assert_eq!(added.len(), 1, "{added:#?}");
    assert_eq!(&*added[0].source.path, "resources/thing.md");
}
