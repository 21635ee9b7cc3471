//! The `ir` JSON export, documented in `generator/docs/ir-json.md`. Other
//! tools read it, so changes are additive and bump
//! [`SCHEMA_VERSION`] when they are not.

use super::{EnumDef, Model, Property, TypeDef};
use crate::diagnostics::Diagnostic;
use crate::extract::PermissionFacts;
use crate::source::Location;
use serde::Serialize;

/// Version of the export's shape.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole export: every API version's items in flat arrays, each item
/// naming its version.
#[derive(Serialize)]
pub struct IrExport<'m> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// API versions present, sorted.
    pub versions: Vec<&'m str>,
    /// Types, sorted by version, namespace and name.
    pub types: Vec<TypeJson<'m>>,
    /// Enums, sorted the same way.
    pub enums: Vec<EnumJson<'m>>,
    /// Endpoints, sorted by version, path and method.
    pub endpoints: Vec<EndpointJson<'m>>,
    /// Diagnostics, sorted by version, then location.
    pub diagnostics: Vec<DiagnosticJson<'m>>,
    /// Placeholders upstream left in the pages, sorted by version, then location.
    pub todos: Vec<TodoJson<'m>>,
    /// The models read from `--metadata` files; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<MetadataJson<'m>>,
}

/// The models of the service's metadata (`--metadata`), in the shape of
/// the docs' own.
#[derive(Serialize)]
pub struct MetadataJson<'m> {
    /// API versions present, sorted.
    pub versions: Vec<&'m str>,
    /// Types, sorted by version, namespace and name.
    pub types: Vec<TypeJson<'m>>,
    /// Enums, sorted the same way.
    pub enums: Vec<EnumJson<'m>>,
    /// What reading the files found, sorted by version, then location.
    pub diagnostics: Vec<DiagnosticJson<'m>>,
}

/// `skip_serializing_if` for the flags only the metadata sets.
fn is_false(b: &bool) -> bool {
    !*b
}

/// A placeholder.
#[derive(Serialize)]
pub struct TodoJson<'m> {
    /// API version.
    pub version: &'m str,
    /// The placeholder.
    #[serde(flatten)]
    pub todo: &'m crate::extract::todos::TodoFacts,
}

/// A type.
#[derive(Serialize)]
pub struct TypeJson<'m> {
    /// API version.
    pub version: &'m str,
    /// Namespace.
    pub namespace: &'m str,
    /// Name as the docs spell it.
    pub name: &'m str,
    /// Base type name, or null.
    pub base: Option<&'m str>,
    /// Description.
    pub description: &'m str,
    /// Properties.
    pub properties: Vec<PropertyJson<'m>>,
    /// Relationships.
    pub relationships: Vec<PropertyJson<'m>>,
    /// Other names pages use for it, sorted.
    pub aliases: &'m [String],
    /// `"openType": true`: objects may carry properties it does not list.
    pub open: bool,
    /// An abstract type (metadata only; absent when false).
    #[serde(rename = "abstract", skip_serializing_if = "is_false")]
    pub is_abstract: bool,
    /// Every page describing it.
    pub sources: &'m [Location],
    /// The workload (Cargo feature of the generated crate): `core` for
    /// what several workloads share.
    pub workload: &'m str,
}

/// A property or relationship.
#[derive(Serialize)]
pub struct PropertyJson<'m> {
    /// Wire name.
    pub name: &'m str,
    /// Type, as the docs spell it (`String`, `Int32`, `resultantAppState`).
    #[serde(rename = "type")]
    pub ty: String,
    /// `primitive`, `enum`, `complex` or `untyped`.
    pub type_kind: &'static str,
    /// Collection flag.
    pub collection: bool,
    /// Description.
    pub description: &'m str,
    /// True/false when the docs say, else null.
    pub read_only: Option<bool>,
    /// True/false when the docs say, else null.
    pub nullable: Option<bool>,
    /// True for "Optional.", false for "Required.", else null.
    pub optional: Option<bool>,
    /// A contained navigation property (metadata only; absent when false).
    #[serde(skip_serializing_if = "is_false")]
    pub contained: bool,
    /// `path:line:col`.
    pub source: &'m Location,
}

/// An enum member.
#[derive(Serialize)]
pub struct MemberJson<'m> {
    /// Name.
    pub name: &'m str,
    /// Integer value or null.
    pub value: Option<i64>,
    /// Description.
    pub description: &'m str,
    /// `path:line:col`.
    pub source: &'m Location,
}

/// One list of an enum's members.
#[derive(Serialize)]
pub struct EnumSourceJson<'m> {
    /// `members-table` or `possible-values`.
    pub kind: &'static str,
    /// `path:line:col`.
    pub source: &'m Location,
}

/// An enum.
#[derive(Serialize)]
pub struct EnumJson<'m> {
    /// API version.
    pub version: &'m str,
    /// Namespace.
    pub namespace: &'m str,
    /// Name.
    pub name: &'m str,
    /// Description.
    pub description: &'m str,
    /// Members.
    pub members: Vec<MemberJson<'m>>,
    /// Every list of its members; the first is the one the model took.
    pub sources: Vec<EnumSourceJson<'m>>,
    /// True when made up for an `Enumeration` property.
    pub synthesized: bool,
    /// A flags enum (metadata only; absent when false).
    #[serde(skip_serializing_if = "is_false")]
    pub flags: bool,
    /// The workload (Cargo feature of the generated crate): `core` for
    /// what several workloads share.
    pub workload: &'m str,
}

/// An endpoint's response.
#[derive(Serialize)]
pub struct ResponseJson<'m> {
    /// Status code or null.
    pub status: Option<u16>,
    /// Body type or null.
    #[serde(rename = "type")]
    pub ty: Option<&'m str>,
    /// The model's type for the body, or null when no page defines it.
    pub resolved: Option<&'m str>,
    /// Collection flag.
    pub collection: bool,
}

/// An endpoint.
#[derive(Serialize)]
pub struct EndpointJson<'m> {
    /// API version.
    pub version: &'m str,
    /// Method.
    pub method: &'m str,
    /// Path template.
    pub path: &'m str,
    /// Page title.
    pub title: &'m str,
    /// Path parameter names, in order.
    pub path_params: &'m [String],
    /// Request body type or null.
    pub request_body: Option<&'m str>,
    /// An action's body parameters.
    pub body_parameters: Vec<PropertyJson<'m>>,
    /// Optional query parameters.
    pub query_parameters: Vec<NamedRowJson<'m>>,
    /// Request headers.
    pub headers: Vec<NamedRowJson<'m>>,
    /// Response.
    pub response: ResponseJson<'m>,
    /// Permissions.
    pub permissions: &'m PermissionFacts,
    /// For a `/me/…` path, the `/users/{id}/…` path it is an alias of.
    pub alias_of: Option<&'m str>,
    /// `path:line:col`.
    pub source: &'m Location,
    /// The workload (Cargo feature of the generated crate) of its page.
    pub workload: &'m str,
}

/// A query parameter or header row.
#[derive(Serialize)]
pub struct NamedRowJson<'m> {
    /// Name.
    pub name: &'m str,
    /// Description or value.
    pub description: &'m str,
    /// Whether the row says Required.
    pub required: bool,
    /// `path:line:col`.
    pub source: &'m Location,
}

fn named_rows(rows: &[crate::extract::NamedRow]) -> Vec<NamedRowJson<'_>> {
    rows.iter()
        .map(|r| NamedRowJson {
            name: &r.name,
            description: &r.description,
            required: r.required,
            source: &r.location,
        })
        .collect()
}

/// A diagnostic.
#[derive(Serialize)]
pub struct DiagnosticJson<'m> {
    /// API version.
    pub version: &'m str,
    /// The diagnostic.
    #[serde(flatten)]
    pub diagnostic: &'m Diagnostic,
}

fn property(p: &Property) -> PropertyJson<'_> {
    PropertyJson {
        name: &p.name,
        ty: p.ty.docs_spelling(),
        type_kind: match p.ty {
            super::TypeRef::Primitive(_) => "primitive",
            super::TypeRef::Enum(_) => "enum",
            super::TypeRef::Complex(_) => "complex",
            super::TypeRef::Untyped(_) => "untyped",
        },
        collection: p.collection,
        description: &p.description,
        read_only: p.read_only,
        nullable: p.nullable,
        optional: p.optional,
        contained: p.contained,
        source: &p.source,
    }
}

fn type_json<'m>(version: &'m str, t: &'m TypeDef) -> TypeJson<'m> {
    TypeJson {
        version,
        namespace: &t.name.namespace,
        name: &t.name.name,
        base: t.base.as_ref().map(|b| b.name.as_str()),
        description: &t.description,
        properties: t.properties.iter().map(property).collect(),
        relationships: t.relationships.iter().map(property).collect(),
        aliases: &t.aliases,
        open: t.open,
        is_abstract: t.is_abstract,
        sources: &t.sources,
        workload: &t.workload,
    }
}

fn enum_json<'m>(version: &'m str, e: &'m EnumDef) -> EnumJson<'m> {
    EnumJson {
        version,
        namespace: &e.name.namespace,
        name: &e.name.name,
        description: &e.description,
        members: e
            .members
            .iter()
            .map(|m| MemberJson {
                name: &m.name,
                value: m.value,
                description: &m.description,
                source: &m.source,
            })
            .collect(),
        sources: e
            .sources
            .iter()
            .map(|s| EnumSourceJson {
                kind: s.kind.as_str(),
                source: &s.source,
            })
            .collect(),
        synthesized: e.synthesized,
        flags: e.flags,
        workload: &e.workload,
    }
}

/// Models sorted by version.
fn by_version(models: &[Model]) -> Vec<&Model> {
    let mut models: Vec<&Model> = models.iter().collect();
    models.sort_by(|a, b| a.version.cmp(&b.version));
    models
}

/// The diagnostics of `models`, each naming its version.
fn diagnostics_json<'m>(models: &[&'m Model]) -> Vec<DiagnosticJson<'m>> {
    models
        .iter()
        .flat_map(|m| {
            m.diagnostics.iter().map(|d| DiagnosticJson {
                version: &m.version,
                diagnostic: d,
            })
        })
        .collect()
}

/// The export of the docs' models and, when there are any, the models of
/// the service's metadata.
pub fn export_with_metadata<'m>(models: &'m [Model], metadata: &'m [Model]) -> IrExport<'m> {
    let mut out = export(models);
    if !metadata.is_empty() {
        let metadata = by_version(metadata);
        out.metadata = Some(MetadataJson {
            versions: metadata.iter().map(|m| m.version.as_str()).collect(),
            types: metadata
                .iter()
                .flat_map(|m| m.types.values().map(|t| type_json(&m.version, t)))
                .collect(),
            enums: metadata
                .iter()
                .flat_map(|m| m.enums.values().map(|e| enum_json(&m.version, e)))
                .collect(),
            diagnostics: diagnostics_json(&metadata),
        });
    }
    out
}

/// Builds the export of several versions' models.
pub fn export(models: &[Model]) -> IrExport<'_> {
    let models = by_version(models);
    IrExport {
        schema_version: SCHEMA_VERSION,
        versions: models.iter().map(|m| m.version.as_str()).collect(),
        types: models
            .iter()
            .flat_map(|m| m.types.values().map(|t| type_json(&m.version, t)))
            .collect(),
        enums: models
            .iter()
            .flat_map(|m| m.enums.values().map(|e| enum_json(&m.version, e)))
            .collect(),
        endpoints: models
            .iter()
            .flat_map(|m| {
                m.endpoints.iter().map(|e| EndpointJson {
                    version: &m.version,
                    method: e.method.as_str(),
                    path: &e.path,
                    title: &e.title,
                    path_params: &e.template.params,
                    request_body: e.request_body.as_deref(),
                    body_parameters: e.body_parameters.iter().map(property).collect(),
                    query_parameters: named_rows(&e.query_parameters),
                    headers: named_rows(&e.headers),
                    alias_of: e.alias_of.as_deref(),
                    response: ResponseJson {
                        status: e.response.status,
                        ty: e.response.ty.as_deref(),
                        resolved: e.response.resolved.as_ref().map(|q| q.name.as_str()),
                        collection: e.response.collection,
                    },
                    permissions: &e.permissions,
                    source: &e.source,
                    workload: &e.workload,
                })
            })
            .collect(),
        diagnostics: diagnostics_json(&models),
        todos: models
            .iter()
            .flat_map(|m| {
                m.todos.iter().map(|t| TodoJson {
                    version: &m.version,
                    todo: t,
                })
            })
            .collect(),
        metadata: None,
    }
}

/// The export as pretty JSON with a trailing newline.
pub fn to_json(models: &[Model]) -> String {
    let mut bytes = Vec::new();
    write_json(models, &mut bytes).expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Writes the export as pretty JSON with a trailing newline.
pub fn write_json<W: std::io::Write>(models: &[Model], out: &mut W) -> std::io::Result<()> {
    write_export(&export(models), out)
}

/// Writes an export as pretty JSON with a trailing newline.
pub fn write_export<W: std::io::Write>(export: &IrExport, out: &mut W) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, export)?;
    out.write_all(b"\n")
}
