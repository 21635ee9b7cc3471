//! Fidelity on hand-written pages: one fixture page per pattern under
//! `tests/fixtures-fidelity` (enum tables under `### x values` headings,
//! enums pages of one-column tables, every "Possible values" phrasing, enums
//! defined only by such a sentence, padded tables with escaped pipes, bold and
//! linked names, Read-only/Nullable/Optional/Required notes, every Type cell
//! spelling, a cell naming two types, equal names in two namespaces, titles
//! that name a type differently from its `@odata.type`, `Json` properties,
//! example objects of a derived type, open types, bold one-cell rows
//! heading groups of rows, an endpoint documented on its own page and on an
//! Intune copy, a reference request whose body is described as an object, and
//! examples whose URL is or is not a request line), each checked against the
//! model the library builds; and the crate emitted from them parses as Rust.

mod common;

use graph_docs_codegen::diagnostics::Diagnostic;
use graph_docs_codegen::emit::{EmitOptions, GeneratedFile};
use graph_docs_codegen::extract::type_cell::Primitive;
use graph_docs_codegen::ir::{key_of, EnumDef, Model, Property, TypeDef, TypeRef};
use graph_docs_codegen::workspace::load_docs;
use std::path::{Path, PathBuf};

const GRAPH: &str = "microsoft.graph";
const CALL_RECORDS: &str = "microsoft.graph.callRecords";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures-fidelity")
}

/// The v1.0 model of the fidelity fixtures and the crate emitted from them.
fn generated() -> (Model, Vec<GeneratedFile>) {
    let (docs, load_diagnostics) = load_docs(&[fixtures_dir()]).expect("fidelity fixtures load");
    assert!(load_diagnostics.is_empty(), "{load_diagnostics:?}");
    let options = EmitOptions {
        crate_name: "fidelity-fixtures".to_owned(),
        regen_command: "cargo test -p graph-docs-codegen --test fidelity".to_owned(),
        standalone: true,
        ..EmitOptions::default()
    };
    let (mut models, files) =
        graph_docs_codegen::generate(&docs, &options).expect("fidelity fixtures emit");
    assert_eq!(models.len(), 1, "one version");
    (models.remove(0), files)
}

fn model() -> Model {
    generated().0
}

fn ty<'m>(model: &'m Model, namespace: &str, name: &str) -> &'m TypeDef {
    model
        .types
        .get(&key_of(namespace, name))
        .unwrap_or_else(|| panic!("no type {namespace}.{name}: {:?}", model.types.keys()))
}

fn en<'m>(model: &'m Model, namespace: &str, name: &str) -> &'m EnumDef {
    model
        .enums
        .get(&key_of(namespace, name))
        .unwrap_or_else(|| panic!("no enum {namespace}.{name}: {:?}", model.enums.keys()))
}

fn members(e: &EnumDef) -> Vec<&str> {
    e.members.iter().map(|m| m.name.as_str()).collect()
}

fn prop<'t>(t: &'t TypeDef, name: &str) -> &'t Property {
    t.properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no property {name} on {}", t.name.name))
}

fn names(t: &TypeDef) -> Vec<&str> {
    t.properties.iter().map(|p| p.name.as_str()).collect()
}

fn enum_ref(namespace: &str, name: &str) -> TypeRef {
    TypeRef::Enum(graph_docs_codegen::ir::QualifiedName::new(namespace, name))
}

fn complex_ref(name: &str) -> TypeRef {
    TypeRef::Complex(graph_docs_codegen::ir::QualifiedName::new(GRAPH, name))
}

/// The messages of the diagnostics with `code` in pages whose path ends
/// with `page` (any page for `""`), in the model's order.
fn messages<'m>(model: &'m Model, code: &str, page: &str) -> Vec<&'m str> {
    model
        .diagnostics
        .iter()
        .filter(|d| d.code == code && d.source.path.ends_with(page))
        .map(|d| d.message.as_str())
        .collect()
}

/// The 1-based line and column where `needle` first occurs in a fixture page.
fn position_of(page: &str, needle: &str) -> (u32, u32) {
    position_in(&format!("v1.0/resources/{page}"), needle)
}

/// The 1-based line and column where `needle` first occurs in the fixture
/// page at `path` (relative to the fixtures folder).
fn position_in(path: &str, needle: &str) -> (u32, u32) {
    let text = std::fs::read_to_string(fixtures_dir().join(path)).expect("fixture readable");
    text_position(&text, needle).unwrap_or_else(|| panic!("`{needle}` is not in {path}"))
}

/// The 1-based line and column where `needle` first occurs in `text`.
fn text_position(text: &str, needle: &str) -> Option<(u32, u32)> {
    text.lines().enumerate().find_map(|(i, line)| {
        line.find(needle)
            .map(|col| (i as u32 + 1, line[..col].chars().count() as u32 + 1))
    })
}

/// The diagnostics with `code` in pages whose path ends with `page`.
fn found<'m>(model: &'m Model, code: &str, page: &str) -> Vec<&'m Diagnostic> {
    model
        .diagnostics
        .iter()
        .filter(|d| d.code == code && d.source.path.ends_with(page))
        .collect()
}

#[test]
fn enum_table_under_a_values_heading_in_a_resource_page() {
    let model = model();
    let mood = en(&model, GRAPH, "kioskMood");
    assert_eq!(
        members(mood),
        ["calm", "busy", "closed", "unknownFutureValue"]
    );
    assert_eq!(
        mood.members.iter().map(|m| m.value).collect::<Vec<_>>(),
        [Some(0), Some(1), Some(2), Some(3)]
    );
    assert_eq!(mood.members[1].description, "A queue has formed.");
    assert_eq!(
        mood.members[0].source.line,
        position_of("enum-table-under-values-heading.md", "|calm|").0
    );
    let kiosk = ty(&model, GRAPH, "kiosk");
    // The member table is not read as more properties.
    assert_eq!(names(kiosk), ["id", "mood"]);
    assert_eq!(prop(kiosk, "mood").ty, enum_ref(GRAPH, "kioskMood"));
}

#[test]
fn enums_page_of_one_column_tables() {
    let model = model();
    assert_eq!(
        members(en(&model, GRAPH, "lampShade")),
        ["round", "square", "conical"]
    );
    assert_eq!(
        members(en(&model, GRAPH, "lampPower")),
        ["mains", "battery", "solar", "unknownFutureValue"]
    );
    // A heading with a trailing space, and a level-4 heading.
    assert_eq!(members(en(&model, GRAPH, "lampGlow")), ["warm", "cold"]);
    assert_eq!(members(en(&model, GRAPH, "lampBase")), ["heavy", "clamp"]);
    assert!(en(&model, GRAPH, "lampPower")
        .members
        .iter()
        .all(|m| m.value.is_none()));
    assert_eq!(
        en(&model, GRAPH, "lampPower").members[2].source.line,
        position_of("enums-page-one-column-tables.md", "| solar").0
    );
}

#[test]
fn every_possible_values_phrasing() {
    let model = model();
    let book = ty(&model, GRAPH, "phrasebook");
    for (property, enum_name, expected) in [
        ("tone", "phraseTone", &["soft", "loud", "shrill"][..]), // "Possible values are:", code spans
        ("pace", "phrasePace", &["slow", "steady", "fast"]), // "The possible values are", plain, "and"
        ("pitch", "phrasePitch", &["low", "middle", "high"]), // "Possible values:", bold, "or"
        ("script", "phraseScript", &["latin", "cyrillic", "runic"]), // "supported values for x are"
        ("accent", "phraseAccent", &["plain", "rolled"]), // value - description; words between are not values
        ("dialect", "phraseDialect", &["north", "south", "inland"]), // <li> items
        ("mood", "phraseMood", &["happy", "sad", "neutral"]), // "Allowed values:", notes with commas and periods
    ] {
        assert_eq!(
            members(en(&model, GRAPH, enum_name)),
            expected,
            "{property}"
        );
        assert_eq!(
            prop(book, property).ty,
            enum_ref(GRAPH, enum_name),
            "{property}"
        );
        assert!(!prop(book, property).collection, "{property}");
    }
    // The text after the list is still read.
    assert_eq!(prop(book, "dialect").read_only, Some(true));
    assert_eq!(prop(book, "pitch").optional, Some(true));
}

#[test]
fn enums_whose_only_definition_is_a_sentence() {
    let model = model();
    let lantern = ty(&model, GRAPH, "lantern");
    let fuel = en(&model, GRAPH, "lanternFuel");
    assert_eq!(
        members(fuel),
        ["oil", "gas", "candle", "unknownFutureValue"]
    );
    assert_eq!(
        fuel.sources
            .iter()
            .map(|s| s.kind.as_str())
            .collect::<Vec<_>>(),
        ["possible-values"]
    );
    assert!(!fuel.synthesized);
    assert_eq!(prop(lantern, "fuel").ty, enum_ref(GRAPH, "lanternFuel"));
    // `Enumeration`: an enum named for its owner and property, and a note saying so.
    let wick = en(&model, GRAPH, "lanternWick");
    assert_eq!(members(wick), ["trimmed", "charred"]);
    assert!(wick.synthesized);
    assert_eq!(prop(lantern, "wick").ty, enum_ref(GRAPH, "lanternWick"));
    let (line, _) = position_of("enum-only-from-sentence.md", "|wick|");
    assert!(
        model
            .diagnostics
            .iter()
            .any(|d| d.code == "anonymous-enum" && d.source.line == line),
        "{:?}",
        model.diagnostics
    );
    // A String with a list stays a String: no enum is invented for it.
    assert_eq!(
        prop(lantern, "label").ty,
        TypeRef::Primitive(Primitive::String)
    );
    assert!(model
        .enums
        .values()
        .all(|e| !e.members.iter().any(|m| m.name == "front")));
}

#[test]
fn padded_tables_with_escaped_pipes() {
    let model = model();
    let shelf = ty(&model, GRAPH, "shelf");
    assert_eq!(names(shelf), ["width", "separator", "tiers"]);
    assert_eq!(
        prop(shelf, "width").ty,
        TypeRef::Primitive(Primitive::Int32)
    );
    assert_eq!(
        prop(shelf, "separator").description,
        "Either a | b or a single character."
    );
    assert_eq!(
        prop(shelf, "tiers").description,
        "Names of the tiers, left | right."
    );
    assert_eq!(
        (&prop(shelf, "tiers").ty, prop(shelf, "tiers").collection),
        (&TypeRef::Primitive(Primitive::String), true)
    );
    // An escaped pipe is not a cell boundary: no row-shape warning.
    assert!(
        !model
            .diagnostics
            .iter()
            .any(|d| d.code == "table-row-shape"),
        "{:?}",
        model.diagnostics
    );
}

#[test]
fn bold_linked_and_code_names() {
    let model = model();
    assert_eq!(
        names(ty(&model, GRAPH, "banner")),
        ["headline", "caption", "slogan", "motto"]
    );
}

#[test]
fn read_only_nullable_optional_and_required_notes() {
    let model = model();
    let ledger = ty(&model, GRAPH, "ledger");
    for (name, read_only, nullable, optional) in [
        ("id", Some(true), Some(false), Some(false)),
        ("memo", None, Some(true), Some(true)),
        ("footer", None, None, Some(true)), // "Optional field."
        ("stamp", None, None, Some(true)),  // `(Optional) String`
        ("owner", None, None, Some(false)),
        ("remark", None, None, None), // "optional" in prose is no note
        ("mixed", None, None, None),  // both: no claim
    ] {
        let p = prop(ledger, name);
        assert_eq!(
            (p.read_only, p.nullable, p.optional),
            (read_only, nullable, optional),
            "{name}"
        );
    }
    assert_eq!(
        prop(ledger, "stamp").ty,
        TypeRef::Primitive(Primitive::String)
    );
    // The IR JSON carries the note.
    let json: serde_json::Value = serde_json::from_str(&graph_docs_codegen::ir::json::to_json(
        std::slice::from_ref(&model),
    ))
    .unwrap();
    let ledger_json = json["types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "ledger")
        .unwrap();
    let memo = ledger_json["properties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "memo")
        .unwrap();
    assert_eq!(memo["optional"], serde_json::json!(true));
}

#[test]
fn every_type_cell_spelling() {
    let model = model();
    let parcel = ty(&model, GRAPH, "parcel");
    let string = TypeRef::Primitive(Primitive::String);
    for (name, expected, collection) in [
        ("id", string.clone(), false), // String (identifier)
        ("weight", TypeRef::Primitive(Primitive::Int32), false), // Edm.Int32
        (
            "sentAt",
            TypeRef::Primitive(Primitive::DateTimeOffset),
            false,
        ), // Edm.DateTimeOffset
        ("origin", complex_ref("kiosk"), false), // microsoft.graph.kiosk
        ("labels", string.clone(), true), // String collection
        ("stops", complex_ref("kiosk"), true), // Collection(microsoft.graph.kiosk)
        ("racks", complex_ref("shelf"), true), // [shelf](…) collection
        ("flags", complex_ref("banner"), true), // Collection of [banner](…)
        ("codes", string.clone(), true), // Collection(Edm.String)
        ("hint", string.clone(), false), // (Optional) String
    ] {
        let p = prop(parcel, name);
        assert_eq!((&p.ty, p.collection), (&expected, collection), "{name}");
    }
    let notes: Vec<_> = model
        .diagnostics
        .iter()
        .filter(|d| d.source.path.contains("type-cells.md"))
        .collect();
    assert!(
        notes
            .iter()
            .all(|d| !d.code.starts_with("type-cell") && d.code != "unresolved-type"),
        "{notes:?}"
    );
}

#[test]
fn a_type_cell_naming_two_types_is_a_diagnostic_and_untyped_json() {
    let (model, files) = generated();
    let payload = prop(ty(&model, GRAPH, "hybrid"), "payload");
    assert!(
        matches!(&payload.ty, TypeRef::Untyped(_)),
        "{:?}",
        payload.ty
    );
    let (line, column) = position_of("type-cell-two-types.md", "[kiosk](");
    let found: Vec<_> = model
        .diagnostics
        .iter()
        .filter(|d| d.code == "type-cell-ambiguous")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (
            found[0].source.path.as_ref(),
            found[0].source.line,
            found[0].source.column
        ),
        ("v1.0/resources/type-cell-two-types.md", line, column)
    );
    assert!(
        found[0].message.contains("kiosk") && found[0].message.contains("shelf"),
        "{}",
        found[0].message
    );
    // The emitted field is untyped JSON.
    let hybrid = files
        .iter()
        .find(|f| f.path.ends_with("v1_0/hybrid.rs"))
        .expect("hybrid.rs emitted");
    let field = struct_field(&hybrid.contents, "Hybrid", "payload");
    assert_eq!(field, "::std::option::Option<::serde_json::Value>");
}

#[test]
fn equal_names_in_two_namespaces_are_two_types_and_two_enums() {
    let (model, files) = generated();
    let graph = ty(&model, GRAPH, "beacon");
    let calls = ty(&model, CALL_RECORDS, "beacon");
    assert_eq!(names(graph), ["colour", "band"]);
    assert_eq!(names(calls), ["signal", "band"]);
    assert_eq!(
        members(en(&model, GRAPH, "beaconBand")),
        ["near", "far", "horizon"]
    );
    assert_eq!(
        members(en(&model, CALL_RECORDS, "beaconBand")),
        ["narrow", "wide"]
    );
    // Each `band` is the enum of its own namespace.
    assert_eq!(prop(graph, "band").ty, enum_ref(GRAPH, "beaconBand"));
    assert_eq!(prop(calls, "band").ty, enum_ref(CALL_RECORDS, "beaconBand"));
    let calls_file = files
        .iter()
        .find(|f| f.path.ends_with("v1_0/call_records/beacon.rs"))
        .expect("callRecords beacon emitted");
    let graph_file = files
        .iter()
        .find(|f| f.path.ends_with("v1_0/beacon.rs"))
        .expect("graph beacon emitted");
    assert!(struct_field(&calls_file.contents, "Beacon", "band")
        .contains("crate::v1_0::call_records::BeaconBand"));
    assert!(
        struct_field(&graph_file.contents, "Beacon", "band").contains("crate::v1_0::BeaconBand")
    );
    assert!(!struct_field(&graph_file.contents, "Beacon", "band").contains("call_records"));
}

#[test]
fn a_type_is_named_as_its_annotation_names_it_and_found_by_its_title_too() {
    let model = model();
    // The title says `Gauge`; the annotation's `@odata.type` is the wire name.
    let gauge = ty(&model, GRAPH, "dashboardGauge");
    assert_eq!(gauge.name.name, "dashboardGauge");
    assert_eq!(gauge.aliases, ["Gauge"]);
    assert!(!model.types.contains_key(&key_of(GRAPH, "Gauge")));
    // A Type cell may use either name.
    let dashboard = ty(&model, GRAPH, "dashboard");
    assert_eq!(prop(dashboard, "gauges").ty, complex_ref("dashboardGauge"));
    assert!(prop(dashboard, "gauges").collection);
    assert_eq!(
        prop(dashboard, "mainGauge").ty,
        complex_ref("dashboardGauge")
    );
    assert_eq!(
        model.find_type(None, "gauge").map(|t| t.name.name.as_str()),
        Some("dashboardGauge")
    );
    // The difference is told, at the title, with the annotation related.
    let told: Vec<_> = model
        .diagnostics
        .iter()
        .filter(|d| {
            d.code == "type-name-differs" && d.source.path.ends_with("/title-shortens-type-name.md")
        })
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(
        (told[0].source.path.as_ref(), told[0].source.line),
        (
            "v1.0/resources/title-shortens-type-name.md",
            position_of("title-shortens-type-name.md", "# Gauge").0
        )
    );
    assert_eq!(
        told[0].related[0].source.line,
        position_of("title-shortens-type-name.md", "```json").0 + 1
    );
}

#[test]
fn a_title_name_taken_by_another_page_or_an_enum_is_no_alias() {
    let model = model();
    // Two titles say `Gauge`: the first page in path order keeps the name.
    assert!(ty(&model, GRAPH, "spareGauge").aliases.is_empty());
    assert_eq!(ty(&model, GRAPH, "dashboardGauge").aliases, ["Gauge"]);
    // A title that says `kioskMood`, an enum's name: Type cells mean the enum.
    assert!(ty(&model, GRAPH, "moodPanel").aliases.is_empty());
    assert_eq!(
        prop(ty(&model, GRAPH, "kiosk"), "mood").ty,
        enum_ref(GRAPH, "kioskMood")
    );
    assert!(model.find_type(None, "kioskMood").is_none());
    let told = |page: &str| messages(&model, "type-name-differs", page);
    // Each page is told that its title differs and that the name stays another's.
    assert!(told("/title-taken-by-another-page.md").contains(
        &"the title's name `Gauge` is also the name another page gives `dashboardGauge`; pages that say `Gauge` do not mean `spareGauge`"
    ));
    assert!(told("/title-names-an-enum.md").contains(
        &"the title's name `kioskMood` is also an enum; pages that say `kioskMood` do not mean `moodPanel`"
    ));
}

#[test]
fn names_that_differ_only_in_case_keep_the_wire_spelling_unless_it_lost_its_capitals() {
    let model = model();
    // Title `GaugeNeedle`, annotation `gaugeNeedle`: the annotation's.
    assert_eq!(ty(&model, GRAPH, "gaugeNeedle").name.name, "gaugeNeedle");
    // Title `dialFace`, annotation `dialface`: the title's.
    assert_eq!(ty(&model, GRAPH, "dialFace").name.name, "dialFace");
    assert!(ty(&model, GRAPH, "dialFace").aliases.is_empty());
    assert_eq!(
        prop(ty(&model, GRAPH, "dashboard"), "face").ty,
        complex_ref("dialFace")
    );
}

#[test]
fn json_typed_properties_are_untyped_json() {
    let (model, files) = generated();
    let reading = prop(ty(&model, GRAPH, "dashboardGauge"), "reading");
    assert!(
        matches!(&reading.ty, TypeRef::Untyped(name) if name == "Json"),
        "{:?}",
        reading.ty
    );
    let file = files
        .iter()
        .find(|f| f.path.ends_with("/dashboard_gauge.rs"))
        .expect("a file for dashboardGauge");
    assert_eq!(
        struct_field(&file.contents, "DashboardGauge", "reading"),
        "::std::option::Option<::serde_json::Value>"
    );
    // The page that describes `Json` gives an alias, not an empty struct.
    let json = files
        .iter()
        .find(|f| f.path.ends_with("/json.rs"))
        .expect("a file for Json");
    assert!(
        json.contents
            .contains("pub type Json = ::serde_json::Value;"),
        "{}",
        json.contents
    );
}

#[test]
fn example_objects_are_checked_as_the_derived_type_they_name() {
    let model = model();
    let unknown = messages(&model, "example-unknown-property", "");
    // `glow` is a property of redNeedle, which the first needle says it is.
    assert!(!unknown.iter().any(|m| m.contains("`glow`")), "{unknown:?}");
    // A dashboard is not a needle: the second needle is checked as a needle.
    assert_eq!(
        unknown,
        ["the example sets `shine`, which is not a property of `gaugeNeedle`"]
    );
}

#[test]
fn open_types_take_properties_their_page_does_not_list() {
    let (model, files) = generated();
    let face = ty(&model, GRAPH, "dialFace");
    assert!(face.open);
    assert!(!ty(&model, GRAPH, "dashboard").open);
    let unknown = messages(&model, "example-unknown-property", "");
    assert!(
        !unknown.iter().any(|m| m.contains("`sparkle`")),
        "{unknown:?}"
    );
    // The properties it does list are still checked.
    let wrong = messages(&model, "example-wrong-type", "");
    assert_eq!(
        wrong,
        ["`dialFace.color` is a number in this example, but its type `String` needs a JSON string"]
    );
    let file = files
        .iter()
        .find(|f| f.path.ends_with("/dial_face.rs"))
        .expect("a file for dialFace");
    assert!(
        file.contents
            .contains("/// An open type: objects may carry properties the docs do not list,"),
        "{}",
        file.contents
    );
}

#[test]
fn response_and_request_body_types_are_found_by_the_page_their_link_goes_to() {
    let model = model();
    let get = model
        .endpoints
        .iter()
        .find(|e| e.method.as_str() == "GET" && e.path == "/dashboards/{id}")
        .expect("GET /dashboards/{id}");
    assert_eq!(get.response.ty.as_deref(), Some("board"));
    let dashboard = graph_docs_codegen::ir::QualifiedName::new(GRAPH, "dashboard");
    assert_eq!(get.response.resolved, Some(dashboard.clone()));
    // The same for a request body: its table is the dashboard's, not a `board`.
    let update = model
        .endpoints
        .iter()
        .find(|e| e.method.as_str() == "PATCH" && e.path == "/dashboards/{id}")
        .expect("PATCH /dashboards/{id}");
    assert_eq!(update.request_body.as_deref(), Some("board"));
    assert_eq!(update.request_body_type, Some(dashboard));
    assert!(model.find_type(None, "board").is_none());
    assert!(names(ty(&model, GRAPH, "dashboard")).contains(&"face"));
}

#[test]
fn bold_rows_of_one_cell_head_groups_and_are_no_properties() {
    let model = model();
    let console = ty(&model, GRAPH, "console");
    assert_eq!(names(console), ["brightness", "volume", "muted"]);
    // The heading below a row is not read as more of its description.
    assert_eq!(
        prop(console, "brightness").description,
        "How bright, from 0 to 100."
    );
    assert_eq!(
        console
            .relationships
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["mainPanel"]
    );
    assert_eq!(console.relationships[0].ty, complex_ref("kiosk"));
}

#[test]
fn a_guid_written_into_a_request_line_is_read_as_a_parameter() {
    let (model, files) = generated();
    let deletes: Vec<&str> = model
        .endpoints
        .iter()
        .filter(|e| e.method.as_str() == "DELETE" && e.path.starts_with("/dashboards/"))
        .map(|e| e.path.as_str())
        .collect();
    // Read as a parameter, the line is the same endpoint as the next one.
    assert_eq!(deletes, ["/dashboards/{dashboard-id}"]);
    assert_eq!(
        messages(&model, "http-request-literal-key", "dashboard-delete.md"),
        [
            "`DELETE /dashboards/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0` writes the ID \
          `0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0` where a parameter belongs; it is read as \
          `{dashboard-id}`"
        ]
    );
    let found = model
        .diagnostics
        .iter()
        .find(|d| d.code == "http-request-literal-key")
        .unwrap();
    assert_eq!((found.source.line, found.source.column), (19, 1));
    assert_eq!(
        messages(&model, "duplicate-endpoint", "dashboard-delete.md").len(),
        1
    );
    let file = files
        .iter()
        .find(|f| f.path.ends_with("api/dashboards.rs"))
        .expect("the dashboards module");
    assert!(
        file.contents.contains("pub fn delete(dashboard_id: &str)"),
        "{}",
        file.contents
    );
    assert!(!file.contents.contains("0f1e2d3c"), "{}", file.contents);
}

#[test]
fn commas_before_a_closing_bracket_are_reported_and_read_past() {
    let (model, files) = generated();
    let found: Vec<(u32, u32)> = model
        .diagnostics
        .iter()
        .filter(|d| d.code == "example-json-trailing-comma")
        .map(|d| {
            assert!(d.source.path.ends_with("dashboard-get-mine.md"), "{d:?}");
            (d.source.line, d.source.column)
        })
        .collect();
    // After the `@odata.type` and after the `}` below it; the `,}` inside
    // the `id` string is text.
    assert_eq!(found, [(53, 53), (54, 4)]);
    assert!(messages(&model, "example-json-invalid", "dashboard-get-mine.md").is_empty());
    let example = model
        .examples
        .iter()
        .find(|x| x.source.path.ends_with("dashboard-get-mine.md") && x.body.is_some())
        .expect("the response example");
    let body: serde_json::Value =
        serde_json::from_str(example.body.as_deref().unwrap()).expect("read without the commas");
    assert_eq!(body["id"], "a,}");
    // Read, the example is a generated round-trip test like any other.
    let tests = files
        .iter()
        .find(|f| f.path.ends_with("tests/examples_v1_0.rs"))
        .expect("example tests");
    assert!(
        tests.contents.contains("fn get_my_dashboard_response()"),
        "{}",
        tests.contents
    );
}

#[test]
fn a_key_the_annotation_names_and_no_table_lists_is_added_once() {
    let model = model();
    let lamp = ty(&model, GRAPH, "lamp");
    assert_eq!(names(lamp), ["id", "brightness"]);
    let id = prop(lamp, "id");
    assert_eq!(id.ty, TypeRef::Primitive(Primitive::String));
    assert!(!id.collection);
    // At the JSON representation the annotation heads: its first line.
    let fence = position_of("key-property-unlisted.md", "```json");
    assert_eq!((id.source.line, id.source.column), (fence.0 + 1, 1));
    // The derived lamp inherits the key rather than getting its own.
    let desk = ty(&model, GRAPH, "deskLamp");
    assert_eq!(desk.base.as_ref().map(|b| b.name.as_str()), Some("lamp"));
    assert_eq!(names(desk), ["brightness", "armLength"]);
    assert_eq!(
        messages(
            &model,
            "key-property-not-listed",
            "key-property-unlisted.md"
        ),
        [
            "the resource annotation of this JSON representation names `id` as the key of \
             `lamp` (`keyProperty`), but no table lists it, on this page or a base type's; the \
             model adds `id` as a string"
        ]
    );
    assert!(messages(
        &model,
        "key-property-not-listed",
        "key-property-inherited.md"
    )
    .is_empty());
    // A type whose table lists the key its annotation names is left alone.
    let dashboard = ty(&model, GRAPH, "dashboard");
    assert_eq!(names(dashboard)[0], "id");
    assert_eq!(names(dashboard).iter().filter(|n| **n == "id").count(), 1);
}

#[test]
fn a_derived_from_sentence_names_the_base_type() {
    let model = model();
    let floor = ty(&model, GRAPH, "floorLamp");
    assert_eq!(floor.base.as_ref().map(|b| b.name.as_str()), Some("lamp"));
    // The sentence is still the description: only a paragraph that starts
    // with "Derived from" or "Inherits from" is left out of it.
    assert!(floor
        .description
        .starts_with("The floorLamp resource is derived from"));
    let inherited: Vec<&str> = model
        .ancestors(floor)
        .iter()
        .flat_map(|a| a.properties.iter().map(|p| p.name.as_str()))
        .collect();
    assert_eq!(inherited, ["id", "brightness"]);
}

/// The endpoint of `method` whose path has the shape of `path`.
fn endpoint<'m>(
    model: &'m Model,
    method: &str,
    path: &str,
) -> &'m graph_docs_codegen::ir::Endpoint {
    let shape = graph_docs_codegen::ir::path_shape(path);
    model
        .endpoints
        .iter()
        .find(|e| {
            e.method.as_str() == method && graph_docs_codegen::ir::path_shape(&e.path) == shape
        })
        .unwrap_or_else(|| panic!("no endpoint {method} {path}"))
}

#[test]
fn the_page_the_resource_methods_table_links_to_wins_a_duplicated_endpoint() {
    let model = model();
    // In path order the Intune copy comes first, and it answers 200 with
    // the windmill; the windmill's own page, which its Methods table links
    // to as "Update windmill", answers 204 with nothing.
    let copy = "v1.0/api/intune-energy-windmill-update.md";
    let own = "v1.0/api/windmill-update.md";
    assert!(copy < own);
    let update = endpoint(&model, "PATCH", "/windmills/{id}");
    assert_eq!(&*update.source.path, own);
    assert_eq!(update.response.status, Some(204));
    assert_eq!(update.response.ty, None);
    assert_eq!(update.request_body, None);
    assert_eq!(
        update
            .body_parameters
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["speed"]
    );
    // The other page is a diagnostic at its request line that names the
    // page the model follows, the Methods table that decided, and what the
    // two pages disagree on.
    let [duplicate] = found(
        &model,
        "duplicate-endpoint",
        "intune-energy-windmill-update.md",
    )[..] else {
        panic!("one duplicate-endpoint on the Intune copy");
    };
    let line = position_in(copy, "PATCH /windmills/");
    assert_eq!((duplicate.source.line, duplicate.source.column), line);
    assert_eq!(&*duplicate.related[0].source.path, own);
    let message = &duplicate.message;
    for part in [
        "is also documented on v1.0/api/windmill-update.md",
        "the model follows that page",
        "the Methods table of v1.0/resources/windmill.md, the resource page of `windmill`",
        "(\"Update windmill\")",
        "only by v1.0/resources/intune-energy-windmill.md",
        "the success status (200 here, 204 there)",
        "the response body (`windmill` here, none there)",
        "the permissions",
    ] {
        assert!(message.contains(part), "`{part}` is not in: {message}");
    }
}

#[test]
fn without_a_methods_table_the_page_of_the_resources_area_wins() {
    let model = model();
    // Neither get page is linked from a Methods table; the windmill's own
    // resource page is not an Intune page, so the page of its area wins
    // over the Intune copy that comes first in path order.
    let get = endpoint(&model, "GET", "/windmills/{id}");
    assert_eq!(&*get.source.path, "v1.0/api/windmill-get.md");
    assert_eq!(
        get.permissions.application,
        Some(graph_docs_codegen::extract::Scopes::Scopes(vec![
            "Farm.Read.All".to_owned()
        ]))
    );
    let messages = messages(
        &model,
        "duplicate-endpoint",
        "intune-energy-windmill-get.md",
    );
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0]
            .contains("it belongs to the same area (`fixtures`) as v1.0/resources/windmill.md")
            && messages[0].contains("this page to `intune-energy`"),
        "{}",
        messages[0]
    );
}

#[test]
fn which_page_wins_does_not_depend_on_the_order_pages_are_read_in() {
    let dir = fixtures_dir().join("v1.0");
    let mut files: Vec<graph_docs_codegen::source::SourceFile> = ["api", "resources"]
        .iter()
        .flat_map(|sub| {
            std::fs::read_dir(dir.join(sub))
                .expect("fixture folder")
                .flatten()
        })
        .map(|entry| {
            let path = entry.path();
            let name = path.strip_prefix(&dir).expect("under the folder");
            graph_docs_codegen::source::SourceFile::new(
                name.to_string_lossy().replace('\\', "/"),
                std::fs::read_to_string(&path).expect("fixture readable"),
            )
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let forward = graph_docs_codegen::build_version("v1.0", &files);
    files.reverse();
    let backward = graph_docs_codegen::build_version("v1.0", &files);
    assert_eq!(forward.endpoints, backward.endpoints);
    assert_eq!(forward.diagnostics, backward.diagnostics);
    let update = endpoint(&backward, "PATCH", "/windmills/{id}");
    assert_eq!(&*update.source.path, "api/windmill-update.md");
}

#[test]
fn a_reference_request_whose_body_is_described_as_an_object_is_reported() {
    let model = model();
    let page = "v1.0/api/windmill-post-neighbors.md";
    let [reported] = found(
        &model,
        "ref-body-not-reference",
        "windmill-post-neighbors.md",
    )[..] else {
        panic!("one ref-body-not-reference on the neighbors page");
    };
    // At the sentence that names the body's type.
    let sentence = position_in(page, "In the request body, supply");
    assert_eq!((reported.source.line, reported.source.column), sentence);
    assert_eq!(
        reported.severity,
        graph_docs_codegen::diagnostics::Severity::Warning
    );
    for part in [
        "`windmill` object",
        "`POST /windmills/{id}/neighbors/$ref`",
        "\"@odata.id\"",
    ] {
        assert!(
            reported.message.contains(part),
            "`{part}` is not in: {}",
            reported.message
        );
    }
    // A page that describes the body as a reference is not reported.
    assert!(found(&model, "ref-body-not-reference", "windmill-post-keepers.md").is_empty());
}

#[test]
fn an_example_whose_url_is_none_of_the_request_lines_is_reported() {
    let model = model();
    let page = "v1.0/api/windmill-post-neighbors.md";
    let [reported] = found(
        &model,
        "example-url-not-request-line",
        "windmill-post-neighbors.md",
    )[..] else {
        panic!("one example-url-not-request-line on the neighbors page");
    };
    // At the example's first line, which leaves out the `/$ref`.
    let first_line = position_in(page, "POST https://graph.microsoft.com/v1.0/windmills/");
    assert_eq!((reported.source.line, reported.source.column), first_line);
    for part in [
        "`POST /windmills/{id}/neighbors`",
        "`POST /windmills/{id}/neighbors/$ref`",
    ] {
        assert!(
            reported.message.contains(part),
            "`{part}` is not in: {}",
            reported.message
        );
    }
    // Concrete IDs, other capitals, a trailing slash, a query, and a user's
    // ID for `/me` are the request lines they write.
    for quiet in ["windmill-get.md", "windmill-post-keepers.md"] {
        assert!(
            found(&model, "example-url-not-request-line", quiet).is_empty(),
            "{quiet}"
        );
    }
}

#[test]
fn seed_003_posts_an_object_to_a_reference_and_its_example_leaves_out_the_ref() {
    let Some(seed) = common::seed("003_") else {
        return;
    };
    let model = graph_docs_codegen::build_version("beta", std::slice::from_ref(&seed));
    let at = |d: &Diagnostic| (d.source.line, d.source.column);
    let body = found(&model, "ref-body-not-reference", "");
    let sentence = text_position(&seed.text, "In the request body, supply").expect("the sentence");
    assert_eq!(body.iter().map(|d| at(d)).collect::<Vec<_>>(), [sentence]);
    let example = found(&model, "example-url-not-request-line", "");
    let call = text_position(&seed.text, "POST https://").expect("the example");
    assert_eq!(example.iter().map(|d| at(d)).collect::<Vec<_>>(), [call]);
    assert!(
        example[0].message.contains("/deviceStatuses/$ref`"),
        "{}",
        example[0].message
    );
}

#[test]
fn no_other_warnings_on_the_fixture_pages() {
    let model = model();
    let mut warnings: Vec<(String, &str)> = model
        .diagnostics
        .iter()
        .filter(|d| d.severity <= graph_docs_codegen::diagnostics::Severity::Warning)
        .map(|d| (d.source.path.to_string(), d.code))
        .collect();
    warnings.sort();
    // The two-types cell, the face's number in an example, the needle that
    // says it is a dashboard, and the neighbors page's object body and
    // example without `/$ref`: each fixture's own deliberate mistake.
    assert_eq!(
        warnings,
        [
            (
                "v1.0/api/dashboard-delete.md".to_owned(),
                "http-request-literal-key"
            ),
            ("v1.0/api/dashboard-get.md".to_owned(), "example-wrong-type"),
            (
                "v1.0/api/gauge-list.md".to_owned(),
                "example-unknown-property"
            ),
            (
                "v1.0/api/windmill-post-neighbors.md".to_owned(),
                "example-url-not-request-line"
            ),
            (
                "v1.0/api/windmill-post-neighbors.md".to_owned(),
                "ref-body-not-reference"
            ),
            (
                "v1.0/resources/type-cell-two-types.md".to_owned(),
                "type-cell-ambiguous"
            ),
        ]
    );
}

#[test]
fn the_emitted_crate_parses_as_rust() {
    let (_, files) = generated();
    let rust: Vec<&GeneratedFile> = files.iter().filter(|f| f.path.ends_with(".rs")).collect();
    // One file per type and enum at least.
    let model = model();
    assert!(
        rust.len() >= model.types.len() + model.enums.len(),
        "{} files",
        rust.len()
    );
    for file in rust {
        if let Err(e) = syn::parse_file(&file.contents) {
            panic!(
                "{} does not parse as Rust: {e}\n{}",
                file.path, file.contents
            );
        }
    }
}

/// The type of `field` in `struct name` of a Rust file, without spaces.
fn struct_field(contents: &str, name: &str, field: &str) -> String {
    let file = syn::parse_file(contents).expect("parses as Rust");
    for item in file.items {
        if let syn::Item::Struct(s) = item {
            if s.ident == name {
                for f in s.fields {
                    if f.ident.as_ref().is_some_and(|i| i == field) {
                        let ty = f.ty;
                        return quote::quote!(#ty).to_string().split_whitespace().collect();
                    }
                }
            }
        }
    }
    panic!("no field {field} in struct {name}:\n{contents}");
}
