//! Stage 3: the intermediate model. Facts from every page of one API version
//! are merged into sorted maps of types, enums and endpoints; every
//! disagreement between pages becomes a diagnostic with both locations.

mod build;
mod duplicates;
pub mod example_urls;
pub mod examples;
mod exchanges;
pub mod json;
mod names;
mod path;
pub mod subset;
mod workloads;

pub use build::{build_model, build_model_with_metadata, UNDOCUMENTED};
pub(crate) use names::name_items;
pub use names::{field_names, variant_names, FunctionName, RustName, RESERVED_MODULES};
pub use path::{PathPart, PathSegment, PathTemplate, QueryPair, QueryTemplate};
pub use workloads::{gate, workload, FOUNDATION, GENERAL};

use crate::diagnostics::Diagnostic;
pub use crate::extract::type_cell::Primitive;
pub use crate::extract::DEFAULT_NAMESPACE;
pub use crate::extract::{ExampleKind, NamedRow, PageKind, PermissionFacts, Scopes};
pub use crate::parse::HttpMethod;
use crate::source::Location;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A namespace-qualified type or enum name, spelled as the docs spell it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualifiedName {
    /// `microsoft.graph`, `microsoft.graph.callRecords`, …
    pub namespace: String,
    /// `mobileAppInstallStatus`.
    pub name: String,
}

impl QualifiedName {
    /// Builds a name.
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        QualifiedName {
            namespace: namespace.into(),
            name: name.into(),
        }
    }

    /// The map key: lowercase `namespace.name` (the docs are not consistent
    /// about case, and Graph itself is not case-sensitive here).
    pub fn key(&self) -> String {
        key_of(&self.namespace, &self.name)
    }
}

/// The map key for a namespace and name.
pub fn key_of(namespace: &str, name: &str) -> String {
    format!(
        "{}.{}",
        namespace.to_ascii_lowercase(),
        name.to_ascii_lowercase()
    )
}

/// What makes two request lines the same endpoint: the path without case,
/// every `{parameter}` written `{}` (`/users/{id | userPrincipalName}` and
/// `/users/{user-id}` address the same thing).
pub fn path_shape(path: &str) -> String {
    let mut shape = String::with_capacity(path.len());
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    shape.push('{');
                }
                depth += 1;
            }
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    shape.push('}');
                }
            }
            _ if depth > 0 => {}
            _ => shape.push(c.to_ascii_lowercase()),
        }
    }
    shape
}

/// `Json` (`microsoft.graph.Json`): Graph's name for any JSON value (a
/// workbook range's `values` is an array of arrays), so a property of this
/// type is untyped JSON rather than the empty object its page describes.
pub fn is_any_json(namespace: Option<&str>, name: &str) -> bool {
    name.eq_ignore_ascii_case("json")
        && namespace.is_none_or(|ns| ns.eq_ignore_ascii_case(crate::extract::DEFAULT_NAMESPACE))
}

/// What a property's type refers to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    /// An OData primitive.
    Primitive(Primitive),
    /// An enum of the model.
    Enum(QualifiedName),
    /// A complex or entity type of the model.
    Complex(QualifiedName),
    /// A type the model cannot resolve: emitted as untyped JSON. Holds the
    /// Type cell as written.
    Untyped(String),
}

impl TypeRef {
    /// What a message says a property of this type is: `` `String` ``,
    /// enum `` `importance` ``, type `` `recipient` ``, untyped JSON, each
    /// "a collection of …" when `collection`.
    pub fn described(&self, collection: bool) -> String {
        let one = match self {
            TypeRef::Primitive(p) => format!("`{}`", p.as_str()),
            TypeRef::Enum(q) => format!("enum `{}`", q.name),
            TypeRef::Complex(q) => format!("type `{}`", q.name),
            TypeRef::Untyped(text) => format!("untyped JSON (`{text}`)"),
        };
        if collection {
            format!("a collection of {one}")
        } else {
            one
        }
    }

    /// The docs' spelling: `String`, `Int32`, `resultantAppState`.
    pub fn docs_spelling(&self) -> String {
        match self {
            TypeRef::Primitive(p) => p.as_str().to_owned(),
            TypeRef::Enum(q) | TypeRef::Complex(q) => q.name.clone(),
            TypeRef::Untyped(text) => text.clone(),
        }
    }
}

/// A placeholder upstream left where a description belongs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placeholder {
    /// A TODO marker (`TODO: Add Description`), and the text around it.
    Todo {
        /// The marker as written.
        marker: String,
        /// The description without the marker (may be empty).
        rest: String,
    },
    /// "Not yet documented".
    NotYetDocumented,
    /// No description at all.
    Missing,
}

impl Placeholder {
    /// The placeholder a description is, if it is one.
    pub fn of(description: &str) -> Option<Placeholder> {
        use crate::extract::todos::{description_placeholder, without_placeholder, TodoKind};
        Some(match description_placeholder(description)? {
            (TodoKind::TodoDescription, marker) => Placeholder::Todo {
                marker,
                rest: without_placeholder(description),
            },
            (TodoKind::NotYetDocumented, _) => Placeholder::NotYetDocumented,
            _ => Placeholder::Missing,
        })
    }
}

/// A property or relationship of a type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// The wire name.
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Whether it is a collection.
    pub collection: bool,
    /// Description.
    pub description: String,
    /// The placeholder the description is, if it is one (set when the
    /// model is complete).
    pub placeholder: Option<Placeholder>,
    /// `Some(true)` when the docs say read-only.
    pub read_only: Option<bool>,
    /// When the docs say whether it is nullable.
    pub nullable: Option<bool>,
    /// When the docs say "Optional." (`true`) or "Required." (`false`).
    pub optional: Option<bool>,
    /// A contained navigation property (CSDL `ContainsTarget`): the
    /// related entities live under this one's path and nowhere else. Only
    /// the metadata says so; pages leave it `false`.
    pub contained: bool,
    /// Where it was defined (the authoritative row).
    pub source: Location,
}

/// A complex or entity type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeDef {
    /// Its name.
    pub name: QualifiedName,
    /// Its base type, if any.
    pub base: Option<QualifiedName>,
    /// Description.
    pub description: String,
    /// The placeholder the description is, if it is one.
    pub placeholder: Option<Placeholder>,
    /// Properties in table order.
    pub properties: Vec<Property>,
    /// Relationships (navigation properties) in table order.
    pub relationships: Vec<Property>,
    /// An open type (`"openType": true`): objects may carry properties it
    /// does not list. Types derived from an open type are open too.
    pub open: bool,
    /// An abstract type (CSDL `Abstract="true"`): no value is of this type
    /// itself, only of types derived from it. Only the metadata says so;
    /// pages leave it `false`.
    pub is_abstract: bool,
    /// Other names pages use for it (a title's `Chart` for `workbookChart`),
    /// sorted; look-ups by these names find it. None is another type's or
    /// an enum's name, and none names two types.
    pub aliases: Vec<String>,
    /// Every page that describes it, the authoritative one first.
    pub sources: Vec<Location>,
    /// Its Rust names (set by the naming pass).
    pub rust: RustName,
    /// The workload (Cargo feature): [`FOUNDATION`] for the types every
    /// workload needs, else that of the page named after it, else of its
    /// first source.
    pub workload: String,
}

/// An enum member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumMember {
    /// Its name (the wire value).
    pub name: String,
    /// Its documented integer value.
    pub value: Option<i64>,
    /// Description.
    pub description: String,
    /// The placeholder the description is, if it is one.
    pub placeholder: Option<Placeholder>,
    /// Where it is listed.
    pub source: Location,
}

/// How a page lists an enum's members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EnumListKind {
    /// A table of members (an enum's own page, or a section of one).
    MembersTable,
    /// A "Possible values are …" sentence in a property's description.
    PossibleValues,
    /// An `EnumType` of the service's metadata (CSDL).
    Metadata,
}

impl EnumListKind {
    /// `members-table`, `possible-values` or `metadata`: the name the `ir` JSON gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            EnumListKind::MembersTable => "members-table",
            EnumListKind::PossibleValues => "possible-values",
            EnumListKind::Metadata => "metadata",
        }
    }
}

/// One place an enum's members are listed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EnumSource {
    /// How the members are listed there.
    pub kind: EnumListKind,
    /// Where.
    pub source: Location,
}

/// An enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumDef {
    /// Its name.
    pub name: QualifiedName,
    /// Description.
    pub description: String,
    /// The placeholder the description is, if it is one.
    pub placeholder: Option<Placeholder>,
    /// Members in the order of the list the model took.
    pub members: Vec<EnumMember>,
    /// Every list of its members, the one the model took first.
    pub sources: Vec<EnumSource>,
    /// True when no page names this enum: it was made up for a property typed `Enumeration`.
    pub synthesized: bool,
    /// A flags enum (CSDL `IsFlags="true"`): a value is a comma-separated
    /// set of members. Only the metadata says so; pages leave it `false`.
    pub flags: bool,
    /// Its Rust names (set by the naming pass).
    pub rust: RustName,
    /// The workload (Cargo feature): [`FOUNDATION`] when another
    /// workload's type holds it, else that of its own page, else of the page
    /// that lists it first.
    pub workload: String,
}

/// The success response of an endpoint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseDef {
    /// Status code.
    pub status: Option<u16>,
    /// Body type, as the docs spell it.
    pub ty: Option<String>,
    /// The body type in the model, when it has it.
    pub resolved: Option<QualifiedName>,
    /// Whether the body is a collection.
    pub collection: bool,
}

/// An endpoint: one method and path template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `POST`.
    pub method: HttpMethod,
    /// The path template as the model writes it (an ID written into the
    /// path read as the parameter it stands for), query included.
    pub path: String,
    /// The page title.
    pub title: String,
    /// The path, read: segments, parameters and query pairs.
    pub template: PathTemplate,
    /// Request body type, as the docs spell it.
    pub request_body: Option<String>,
    /// The request body type in the model, when it has it.
    pub request_body_type: Option<QualifiedName>,
    /// An action's body parameters (its Parameters table).
    pub body_parameters: Vec<Property>,
    /// Optional query parameters.
    pub query_parameters: Vec<NamedRow>,
    /// Request headers.
    pub headers: Vec<NamedRow>,
    /// Success response.
    pub response: ResponseDef,
    /// Permissions.
    pub permissions: PermissionFacts,
    /// For a `/me/…` path, the `/users/{id}/…` path it is an alias of.
    pub alias_of: Option<String>,
    /// Its function's Rust names (set by the naming pass).
    pub function: FunctionName,
    /// The workload (Cargo feature) of its page.
    pub workload: String,
    /// Where the request line is.
    pub source: Location,
}

/// A request or response example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// Request or response.
    pub kind: ExampleKind,
    /// The annotation's name.
    pub name: Option<String>,
    /// The model type the body holds, when known.
    pub ty: Option<QualifiedName>,
    /// Whether the body is a collection.
    pub collection: bool,
    /// The first line: `POST https://…` for a request, `HTTP/1.1 201 Created` for a response.
    pub first_line: String,
    /// The JSON body, as written.
    pub body: Option<String>,
    /// The body read as JSON, when it is JSON: read once, here.
    pub json: Option<serde_json::Value>,
    /// What checking the body against its type found.
    pub verdict: Verdict,
    /// Where the body starts.
    pub source: Location,
}

/// What checking an example body as some model type found: whether a
/// generated test can take it as the service's word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// There is no body.
    NoBody,
    /// The body is not JSON.
    NotJson,
    /// Some value is a placeholder (`"String"`), not a real one.
    Placeholders,
    /// The body contradicts the docs' own types: a value of the wrong JSON
    /// type or a malformed one, or a page of a collection without a `value`
    /// array. A test would fail on the docs' mistake, not on the crate.
    Contradicts,
    /// Real values the type can hold (or no type to check them against).
    Concrete,
}

/// A request example, the response example that answers it, and the
/// endpoint the request's URL calls, with what checking both bodies as the
/// endpoint's types found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// The endpoint, by index in [`Model::endpoints`].
    pub endpoint: usize,
    /// The request example, by index in [`Model::examples`].
    pub request: usize,
    /// The response example, by index in [`Model::examples`].
    pub response: usize,
    /// The request body read as the endpoint's request body type (never a
    /// collection); `None` when the model has no such type.
    pub request_verdict: Option<Verdict>,
    /// The response body read as the endpoint's response type; `None` when
    /// the model has no such type.
    pub response_verdict: Option<Verdict>,
}

/// What the model knows of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageInfo {
    /// Path.
    pub path: Arc<str>,
    /// Kind.
    pub kind: PageKind,
    /// Title.
    pub title: String,
    /// The workload the page belongs to (a Cargo feature of the generated
    /// crate): `intune-apps` from an `intune-apps-…` file name, else the
    /// front matter's `ms.prod`, else [`GENERAL`].
    pub workload: String,
}

/// The model of one API version.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// `v1.0`, `beta`, …
    pub version: String,
    /// Types by [`QualifiedName::key`].
    pub types: BTreeMap<String, TypeDef>,
    /// Enums by [`QualifiedName::key`].
    pub enums: BTreeMap<String, EnumDef>,
    /// Endpoints sorted by path then method.
    pub endpoints: Vec<Endpoint>,
    /// Examples in page order.
    pub examples: Vec<Example>,
    /// Request and response examples paired with the endpoint they call,
    /// in example order.
    pub exchanges: Vec<Exchange>,
    /// Pages read, sorted by path.
    pub pages: Vec<PageInfo>,
    /// Placeholders upstream left in the pages, sorted by location.
    pub todos: Vec<crate::extract::todos::TodoFacts>,
    /// Diagnostics, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Types by key and by lower-case name, their aliases included, for
/// look-ups in a loop; built by [`Model::type_lookup`].
pub struct TypeLookup<'m> {
    by_key: std::collections::HashMap<String, &'m TypeDef>,
    by_name: std::collections::HashMap<String, &'m TypeDef>,
}

impl<'m> TypeLookup<'m> {
    /// A type by name: by its key or an alias's in `namespace` first, then
    /// the first type in key order with that name in any namespace, then the
    /// first with that alias.
    pub fn find(&self, namespace: Option<&str>, name: &str) -> Option<&'m TypeDef> {
        if let Some(ns) = namespace {
            if let Some(t) = self.by_key.get(&key_of(ns, name)) {
                return Some(t);
            }
        }
        self.by_name.get(&name.to_ascii_lowercase()).copied()
    }
}

impl Model {
    /// Looks a type up by name, case-insensitively, in `namespace` or else in
    /// any namespace, by its own name or else by an alias. Builds an index
    /// each call: for many look-ups, use [`Model::type_lookup`].
    pub fn find_type(&self, namespace: Option<&str>, name: &str) -> Option<&TypeDef> {
        self.type_lookup().find(namespace, name)
    }

    /// An index for many [`Model::find_type`] look-ups.
    pub fn type_lookup(&self) -> TypeLookup<'_> {
        let mut by_name = std::collections::HashMap::with_capacity(self.types.len());
        for t in self.types.values() {
            by_name.entry(t.name.name.to_ascii_lowercase()).or_insert(t);
        }
        for t in self.types.values() {
            for alias in &t.aliases {
                by_name.entry(alias.to_ascii_lowercase()).or_insert(t);
            }
        }
        let by_key = self
            .type_keys()
            .into_iter()
            .filter_map(|(key, name)| Some((key, self.types.get(&name.key())?)))
            .collect();
        TypeLookup { by_key, by_name }
    }

    /// Every key a type is found by, its own and its aliases' (the model
    /// keeps only aliases that are no other type's or enum's name), to the
    /// type's name.
    pub fn type_keys(&self) -> BTreeMap<String, QualifiedName> {
        let mut keys: BTreeMap<String, QualifiedName> = self
            .types
            .iter()
            .map(|(k, t)| (k.clone(), t.name.clone()))
            .collect();
        for t in self.types.values() {
            for alias in &t.aliases {
                keys.entry(key_of(&t.name.namespace, alias))
                    .or_insert_with(|| t.name.clone());
            }
        }
        keys
    }

    /// Whether `ty` or one of its base types is open: OData requires a type
    /// derived from an open type to be open.
    pub fn is_open(&self, ty: &TypeDef) -> bool {
        ty.open || self.ancestors(ty).iter().any(|a| a.open)
    }

    /// The chain of base types of `ty`, nearest first, stopping at unknown
    /// types and at cycles.
    pub fn ancestors(&self, ty: &TypeDef) -> Vec<&TypeDef> {
        let mut out: Vec<&TypeDef> = Vec::new();
        let mut seen = std::collections::BTreeSet::from([ty.name.key()]);
        let mut current = ty;
        while let Some(base) = &current.base {
            let Some(next) = self.types.get(&base.key()) else {
                break;
            };
            if !seen.insert(next.name.key()) {
                break;
            }
            out.push(next);
            current = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::path_shape;

    #[test]
    fn paths_differing_in_parameter_names_spacing_or_case_have_one_shape() {
        let shape = path_shape("/users/{id | userPrincipalName}/calendars/{id}");
        assert_eq!(shape, "/users/{}/calendars/{}");
        assert_eq!(
            path_shape("/Users/{id|userPrincipalName}/Calendars/{calendar-id}"),
            shape
        );
        assert_eq!(path_shape("/users/{user-id}/calendars/{{id}}"), shape);
        // Literal text and queries still tell endpoints apart.
        assert_ne!(
            path_shape("/users/{id}/calendars"),
            path_shape("/users/{id}/calendar")
        );
        assert_eq!(
            path_shape("/sites/{site-id}/lists/{list-id}?expand=fields"),
            "/sites/{}/lists/{}?expand=fields"
        );
        // An unclosed brace swallows the rest, as one parameter.
        assert_eq!(path_shape("/a/{b/c"), "/a/{");
    }
}
