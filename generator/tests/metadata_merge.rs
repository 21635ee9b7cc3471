//! Types from the metadata (`ir::build_model_with_metadata`): a small docs
//! tree merged with a "metadata" model. The metadata model is built here
//! from pages standing in for the service's `$metadata` (the XML reader is
//! another module's job; the merge only sees a `Model` of types and enums,
//! each item located). Checked: properties typed as the metadata says,
//! base types, enum members and values (`unknownFutureValue` kept in the
//! metadata's place), what no page names added and described so, referred
//! metadata-only types pulled in and unreferenced ones not, every change an
//! info diagnostic naming both sides, examples validated against the merged
//! model, `None` giving `build_model`'s model, each version of a docs set
//! taking its own metadata, and the merged crate emitting Rust that parses.

use graph_docs_codegen::diagnostics::{codes, Diagnostic, Severity};
use graph_docs_codegen::emit::{emit_crate, EmitOptions};
use graph_docs_codegen::extract::type_cell::Primitive;
use graph_docs_codegen::ir::{key_of, EnumDef, Model, TypeDef, TypeRef, Verdict, UNDOCUMENTED};
use graph_docs_codegen::source::SourceFile;
use graph_docs_codegen::{build_version, build_version_with_metadata};

const GRAPH: &str = "microsoft.graph";

/// A resource page of `microsoft.graph`: `intro`, then Properties and
/// (when any) Relationships tables of `name|Type|Description` rows.
fn resource(name: &str, intro: &str, properties: &[&str], relationships: &[&str]) -> String {
    let mut page = format!(
        "# {name} resource type\n\nNamespace: microsoft.graph\n\n{intro}\n\n## Properties\n\
         |Property|Type|Description|\n|:---|:---|:---|\n"
    );
    for row in properties {
        page.push_str(&format!("|{row}|\n"));
    }
    if !relationships.is_empty() {
        page.push_str("\n## Relationships\n|Relationship|Type|Description|\n|:---|:---|:---|\n");
        for row in relationships {
            page.push_str(&format!("|{row}|\n"));
        }
    }
    page
}

/// An enums page: `### name values` tables of `member|value|description` rows.
fn enums(lists: &[(&str, &[&str])]) -> String {
    let mut page = "# Enum values\n\nNamespace: microsoft.graph\n\n".to_owned();
    for (name, rows) in lists {
        page.push_str(&format!(
            "### {name} values\n\n|Member|Value|Description|\n|:---|:---|:---|\n"
        ));
        for row in *rows {
            page.push_str(&format!("|{row}|\n"));
        }
        page.push('\n');
    }
    page
}

/// The list page: its response example sets `receivedCount` as a number
/// (the docs say String) and `importance` to a member only the metadata
/// has and to one nobody has.
const LIST_MESSAGES: &str = r#"---
title: "List messages"
doc_type: apiPageType
---

# List messages

Namespace: microsoft.graph

## HTTP request
<!-- { "blockType": "ignored" } -->
```http
GET /me/messages
```

## Response
If successful, this method returns a `200 OK` response code and a collection of [message](../resources/message.md) objects in the response body.

## Example

### Request
<!-- { "blockType": "request", "name": "list_messages" } -->
```http
GET https://graph.microsoft.com/v1.0/me/messages
```

### Response
<!-- {
  "blockType": "response",
  "@odata.type": "microsoft.graph.message",
  "isCollection": true
} -->
```http
HTTP/1.1 200 OK
Content-Type: application/json

{
  "value": [
    {"id": "1", "subject": "Hi", "importance": "urgent", "receivedCount": 3, "size": 10},
    {"id": "2", "subject": "Ho", "importance": "critical"}
  ]
}
```
"#;

/// The docs tree: `message` (no base stated; `importance` a String,
/// `size` Int32, `receivedCount` String, `categories` one String,
/// `subject` not nullable), `entity`, `widget` (which the metadata lacks),
/// `importance` (`high` valued 5), and the list page.
fn docs_pages() -> Vec<SourceFile> {
    let message = resource(
        "message",
        "A message.",
        &[
            "importance|String|How important. Possible values are: `low`, `normal`, `high`.",
            "size|Int32|The size in bytes.",
            "receivedCount|String|How many times it arrived.",
            "categories|String|The categories.",
            "subject|String|The subject. Not nullable.",
        ],
        &[],
    );
    let entity = resource(
        "entity",
        "The base of entities.",
        &["id|String|The key."],
        &[],
    );
    let widget = resource(
        "widget",
        "Not in the metadata.",
        &["size|Int32|Docs only."],
        &[],
    );
    let importance = enums(&[(
        "importance",
        &["low|0|Low.", "normal|1|Normal.", "high|5|High."],
    )]);
    vec![
        SourceFile::new("resources/message.md", message),
        SourceFile::new("resources/entity.md", entity),
        SourceFile::new("resources/widget.md", widget),
        SourceFile::new("resources/enums.md", importance),
        SourceFile::new("api/message-list.md", LIST_MESSAGES),
    ]
}

/// The stand-in metadata: `message` derives from `entity`, types
/// `importance` as the enum, `size` Int64, `receivedCount` Int32,
/// `categories` a collection, `subject` nullable, and has a `flag`
/// (`followupFlag`, which holds the enum `followupFlagStatus`) and an
/// `attachments` relationship; `importance` has `high` = 2, then
/// `unknownFutureValue` and `urgent` after it; `unusedThing` is named by
/// nothing.
fn metadata() -> Model {
    let message = resource(
        "message",
        "Inherits from [entity](entity.md).",
        &[
            "importance|importance|",
            "size|Int64|",
            "receivedCount|Int32|",
            "categories|String collection|",
            "subject|String|Nullable.",
            "flag|followupFlag|",
        ],
        &["attachments|attachment collection|"],
    );
    let pages = [
        ("metadata/message.md", message),
        (
            "metadata/entity.md",
            resource("entity", "", &["id|String|"], &[]),
        ),
        (
            "metadata/attachment.md",
            resource(
                "attachment",
                "Inherits from [entity](entity.md).",
                &["name|String|"],
                &[],
            ),
        ),
        (
            "metadata/followupflag.md",
            resource(
                "followupFlag",
                "",
                &["status|followupFlagStatus|", "dueDateTime|DateTimeOffset|"],
                &[],
            ),
        ),
        (
            "metadata/unusedthing.md",
            resource("unusedThing", "", &["x|String|"], &[]),
        ),
        (
            "metadata/enums.md",
            enums(&[
                (
                    "importance",
                    &[
                        "low|0|",
                        "normal|1|",
                        "high|2|",
                        "unknownFutureValue|3|",
                        "urgent|4|",
                    ],
                ),
                ("followupFlagStatus", &["notFlagged|0|", "flagged|1|"]),
            ]),
        ),
    ];
    let files: Vec<SourceFile> = pages
        .into_iter()
        .map(|(path, text)| SourceFile::new(path, text))
        .collect();
    build_version("v1.0", &files)
}

fn merged() -> Model {
    build_version_with_metadata("v1.0", &docs_pages(), Some(&metadata()))
}

fn ty<'m>(model: &'m Model, name: &str) -> &'m TypeDef {
    model
        .types
        .get(&key_of(GRAPH, name))
        .unwrap_or_else(|| panic!("no type {name}: {:?}", model.types.keys()))
}

fn en<'m>(model: &'m Model, name: &str) -> &'m EnumDef {
    model
        .enums
        .get(&key_of(GRAPH, name))
        .unwrap_or_else(|| panic!("no enum {name}: {:?}", model.enums.keys()))
}

fn property<'m>(t: &'m TypeDef, name: &str) -> &'m graph_docs_codegen::ir::Property {
    t.properties
        .iter()
        .chain(&t.relationships)
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no property {name} on {}", t.name.name))
}

/// The diagnostics with `code` whose message starts with `` `subject` ``.
fn about<'m>(model: &'m Model, code: &str, subject: &str) -> Vec<&'m Diagnostic> {
    let start = format!("`{subject}`");
    model
        .diagnostics
        .iter()
        .filter(|d| d.code == code && d.message.starts_with(&start))
        .collect()
}

/// The one diagnostic with `code` about `subject`.
fn one<'m>(model: &'m Model, code: &str, subject: &str) -> &'m Diagnostic {
    let found = about(model, code, subject);
    assert_eq!(
        found.len(),
        1,
        "{code} about {subject}: {:#?}",
        model.diagnostics
    );
    found[0]
}

fn assert_both_sides(d: &Diagnostic, docs_path: &str, metadata_path: &str) {
    assert_eq!(d.severity, Severity::Info, "{d:?}");
    assert_eq!(&*d.source.path, docs_path, "{d:?}");
    assert!(
        d.message.contains(&format!("({metadata_path}:")),
        "{}",
        d.message
    );
    assert!(
        d.related.iter().any(|r| &*r.source.path == metadata_path),
        "{d:?}"
    );
}

#[test]
fn properties_are_typed_as_the_metadata_types_them() {
    let model = merged();
    let message = ty(&model, "message");
    let importance = property(message, "importance");
    assert_eq!(
        importance.ty,
        TypeRef::Enum(en(&model, "importance").name.clone())
    );
    // The docs' description and location stay.
    let docs_only = build_version("v1.0", &docs_pages());
    let documented = property(ty(&docs_only, "message"), "importance");
    assert_eq!(documented.ty, TypeRef::Primitive(Primitive::String));
    assert!(importance.description.starts_with("How important."));
    assert_eq!(importance.description, documented.description);
    assert_eq!(importance.source, documented.source);
    assert_eq!(
        property(message, "size").ty,
        TypeRef::Primitive(Primitive::Int64)
    );
    assert_eq!(
        property(message, "receivedCount").ty,
        TypeRef::Primitive(Primitive::Int32)
    );
    assert!(property(message, "categories").collection);
    assert_eq!(property(message, "subject").nullable, Some(true));
    assert_eq!(
        message.base.as_ref().map(|b| b.name.as_str()),
        Some("entity")
    );

    let d = one(&model, codes::METADATA_OVERRIDE, "message.importance");
    assert_both_sides(d, "resources/message.md", "metadata/message.md");
    assert!(
        d.message.contains("the docs say `String`")
            && d.message
                .contains("says enum `importance`; typed as the metadata says"),
        "{}",
        d.message
    );
    let size = one(&model, codes::METADATA_OVERRIDE, "message.size");
    assert!(
        size.message.contains("`Int32`") && size.message.contains("`Int64`"),
        "{}",
        size.message
    );
    let categories = one(&model, codes::METADATA_OVERRIDE, "message.categories");
    assert!(
        categories.message.contains("a collection of `String`"),
        "{}",
        categories.message
    );
    let subject = one(&model, codes::METADATA_OVERRIDE, "message.subject");
    assert!(
        subject.message.contains("the docs say not nullable")
            && subject.message.contains("says nullable"),
        "{}",
        subject.message
    );
    let base = one(&model, codes::METADATA_OVERRIDE, "message");
    assert_both_sides(base, "resources/message.md", "metadata/message.md");
    assert!(
        base.message.contains("derives from no type") && base.message.contains("from `entity`")
    );

    // Docs types the metadata lacks stay as the docs say.
    assert_eq!(
        property(ty(&model, "widget"), "size").ty,
        TypeRef::Primitive(Primitive::Int32)
    );
    assert!(about(&model, codes::METADATA_OVERRIDE, "widget.size").is_empty());
}

#[test]
fn what_no_page_names_is_added_and_described_as_undocumented() {
    let model = merged();
    let message = ty(&model, "message");
    let flag = property(message, "flag");
    assert_eq!(flag.description, UNDOCUMENTED);
    assert_eq!(&*flag.source.path, "metadata/message.md");
    let attachments = property(message, "attachments");
    assert!(attachments.collection && message.relationships.contains(attachments));
    // Inherited from the metadata's `entity`, and listed on the docs' own
    // `entity`: not added to `message`.
    assert!(message.properties.iter().all(|p| p.name != "id"));
    let added = one(&model, codes::METADATA_ADDED, "message.flag");
    assert_both_sides(added, "resources/message.md", "metadata/message.md");
    assert!(
        added.message.contains("type `followupFlag`"),
        "{}",
        added.message
    );

    // Referred to, so added, with what they refer to; `unusedThing` is not.
    for name in ["followupFlag", "attachment"] {
        let t = ty(&model, name);
        assert!(t.description.starts_with(UNDOCUMENTED), "{name}");
        assert!(t
            .properties
            .iter()
            .all(|p| p.description.starts_with(UNDOCUMENTED)));
        assert!(!t.workload.is_empty(), "{name} has a workload");
        assert!(!t.rust.ident.is_empty(), "{name} is named");
    }
    assert_eq!(
        ty(&model, "attachment")
            .base
            .as_ref()
            .map(|b| b.name.as_str()),
        Some("entity")
    );
    let status = en(&model, "followupFlagStatus");
    assert!(status.description.starts_with(UNDOCUMENTED));
    assert!(!model.types.contains_key(&key_of(GRAPH, "unusedThing")));
    let pulled = one(&model, codes::METADATA_ADDED, "followupFlagStatus");
    assert_eq!(&*pulled.source.path, "metadata/enums.md");
    assert!(
        pulled.message.contains("this enum")
            && pulled
                .message
                .contains("`followupFlag.status` refers to it"),
        "{}",
        pulled.message
    );
    assert!(pulled
        .related
        .iter()
        .any(|r| &*r.source.path == "metadata/followupflag.md"));
}

#[test]
fn enum_members_and_values_come_from_the_metadata() {
    let model = merged();
    let importance = en(&model, "importance");
    let members: Vec<(&str, Option<i64>)> = importance
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.value))
        .collect();
    assert_eq!(
        members,
        [
            ("low", Some(0)),
            ("normal", Some(1)),
            ("high", Some(2)),
            ("unknownFutureValue", Some(3)),
            ("urgent", Some(4)),
        ]
    );
    assert_eq!(importance.members[0].description, "Low.");
    assert_eq!(importance.members[4].description, UNDOCUMENTED);
    let value = one(&model, codes::METADATA_OVERRIDE, "importance.high");
    assert_both_sides(value, "resources/enums.md", "metadata/enums.md");
    assert!(
        value.message.contains("value 5") && value.message.contains("says 2"),
        "{}",
        value.message
    );
    let urgent = one(&model, codes::METADATA_ADDED, "importance.urgent");
    assert_both_sides(urgent, "resources/enums.md", "metadata/enums.md");
    assert!(urgent.message.contains("(value 4)"), "{}", urgent.message);
}

#[test]
fn examples_are_checked_against_the_merged_model() {
    let docs_only = build_version("v1.0", &docs_pages());
    let wrong_type = |m: &Model| {
        m.diagnostics
            .iter()
            .filter(|d| d.code == codes::EXAMPLE_WRONG_TYPE)
            .count()
    };
    let enum_values = |m: &Model| -> Vec<String> {
        m.diagnostics
            .iter()
            .filter(|d| d.code == codes::EXAMPLE_ENUM_VALUE)
            .map(|d| d.message.clone())
            .collect()
    };
    let response = |m: &Model| {
        m.examples
            .iter()
            .find(|e| e.first_line.starts_with("HTTP/1.1"))
            .map(|e| e.verdict)
    };
    // The docs say `receivedCount` is a String and `importance` any string.
    assert_eq!(wrong_type(&docs_only), 1, "{:#?}", docs_only.diagnostics);
    assert!(enum_values(&docs_only).is_empty());
    assert_eq!(response(&docs_only), Some(Verdict::Contradicts));

    let model = merged();
    assert_eq!(wrong_type(&model), 0, "{:#?}", model.diagnostics);
    let found = enum_values(&model);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("critical") && !found[0].contains("urgent"),
        "{found:?}"
    );
    assert_eq!(response(&model), Some(Verdict::Concrete));
}

#[test]
fn without_metadata_the_model_is_build_models() {
    let with_none = build_version_with_metadata("v1.0", &docs_pages(), None);
    let plain = build_version("v1.0", &docs_pages());
    assert_eq!(format!("{with_none:?}"), format!("{plain:?}"));
    assert!(plain
        .diagnostics
        .iter()
        .all(|d| d.code != codes::METADATA_OVERRIDE && d.code != codes::METADATA_ADDED));
}

#[test]
fn the_merged_model_emits_a_crate_that_parses() {
    let model = merged();
    let options = EmitOptions {
        crate_name: "metadata-merge".to_owned(),
        standalone: true,
        ..EmitOptions::default()
    };
    let files = emit_crate(&[model], &options).expect("the merged model emits");
    let rust: Vec<_> = files.iter().filter(|f| f.path.ends_with(".rs")).collect();
    for name in ["followup_flag", "attachment", "followup_flag_status"] {
        assert!(
            rust.iter().any(|f| f.path.contains(name)),
            "no file for {name}: {:?}",
            rust.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
    }
    for file in rust {
        if let Err(e) = syn::parse_file(&file.contents) {
            panic!("{} does not parse: {e}\n{}", file.path, file.contents);
        }
    }
}

#[test]
fn each_version_takes_its_own_metadata() {
    let mut docs = graph_docs_codegen::DocsSet::default();
    for file in docs_pages() {
        docs.add("v1.0", file);
    }
    let for_v1 = std::collections::BTreeMap::from([("v1.0".to_owned(), metadata())]);
    let models = graph_docs_codegen::build_models_with_metadata(&docs, &for_v1);
    assert_eq!(format!("{:?}", models[0]), format!("{:?}", merged()));
    let for_beta = std::collections::BTreeMap::from([("beta".to_owned(), metadata())]);
    let models = graph_docs_codegen::build_models_with_metadata(&docs, &for_beta);
    assert_eq!(
        format!("{:?}", models[0]),
        format!("{:?}", build_version("v1.0", &docs_pages()))
    );
}
