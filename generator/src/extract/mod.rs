//! Stage 2: a parsed [`Page`] → the facts it states (types, enums, endpoints,
//! examples), each with the location it came from. Pure.

mod api;
mod base_hints;
mod description_notes;
mod enums;
mod examples;
pub mod paths;
mod permissions;
pub mod placeholders;
pub mod possible_values;
mod reference_bodies;
mod resource;
mod response;
mod sections;
mod tables;
pub mod todos;
pub mod type_cell;

use crate::diagnostics::Diagnostic;
use crate::parse::{FrontMatter, Page};
use crate::source::Location;
use std::sync::Arc;
use type_cell::TypeCell;

pub use api::{EndpointFacts, NamedRow};
pub use examples::{ExampleFacts, ExampleKind};
pub use permissions::{PermissionFacts, Scopes};
pub use resource::odata_type_of;

/// What kind of page this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// `# x resource type`.
    Resource,
    /// `# x enum type`, or a page of `### x values` sections.
    Enum,
    /// An API operation page.
    Api,
    /// Anything else (overviews, concepts).
    Other,
}

/// Where a list of type properties came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeOrigin {
    /// The type's own resource page (authoritative).
    ResourcePage,
    /// A create/update page's request-body table.
    RequestBody,
}

/// How a base-type hint was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BaseHintKind {
    /// `"baseType"` in the resource annotation.
    Annotation,
    /// An "Inherits from [x]" sentence.
    InheritsSentence,
    /// An "Inherited from [x]" note in a property's description.
    InheritedCell,
}

/// A clue to a type's base type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseHint {
    /// The base type's name (namespace removed).
    pub name: String,
    /// How it was found.
    pub kind: BaseHintKind,
    /// Where.
    pub location: Location,
}

/// A property row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PropertyFacts {
    /// The wire name.
    pub name: String,
    /// The parsed type cell; `None` when it could not be read (a diagnostic says why).
    pub type_cell: Option<TypeCell>,
    /// The type cell's text as written.
    pub type_text: String,
    /// The description text.
    pub description: String,
    /// `Some(true)` when the description says "Read-only".
    pub read_only: Option<bool>,
    /// `Some(true)`/`Some(false)` when the description says "Nullable"/"Not nullable".
    pub nullable: Option<bool>,
    /// `Some(true)`/`Some(false)` when the description says "Optional."/"Required."
    /// (or the Type cell says `(Optional)`/`(Required)`); `None` when it says neither or both.
    pub optional: Option<bool>,
    /// A "Possible values are" list in the description.
    pub possible_values: Option<Vec<String>>,
    /// The row's location.
    pub location: Location,
    /// The type cell's location.
    pub type_location: Location,
    /// The description cell's location (the row, when the table has no Description column).
    pub description_location: Location,
}

/// A type described by a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeFacts {
    /// The type's name as spelled.
    pub name: String,
    /// Its namespace (`microsoft.graph` unless the page says otherwise).
    pub namespace: String,
    /// Where these facts come from.
    pub origin: TypeOrigin,
    /// The page's description of the type.
    pub description: String,
    /// Clues to the base type.
    pub base_hints: Vec<BaseHint>,
    /// Properties table rows.
    pub properties: Vec<PropertyFacts>,
    /// Relationships table rows.
    pub relationships: Vec<PropertyFacts>,
    /// `"openType": true` in the resource annotation: objects may carry
    /// properties the page does not list (OData's dynamic properties).
    pub open: bool,
    /// `keyProperty` in the resource annotation, where the annotation is.
    pub key_property: Option<(String, Location)>,
    /// For a request body's table: the page the body type's link goes to, the
    /// type's own page when the link text is no type name.
    pub linked_page: Option<String>,
    /// Other names pages use for it: a resource page's title name when the
    /// annotation's `@odata.type` spells the type differently.
    pub aliases: Vec<String>,
    /// Where the type is introduced (title or table).
    pub location: Location,
}

/// Where an enum's member list came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EnumOrigin {
    /// A `## Members` table or `### x values` table.
    MembersTable,
    /// A "Possible values are" sentence on a property of `owner`.
    PossibleValues {
        /// The type that has the property.
        owner: String,
        /// The property.
        property: String,
        /// Whether the property's type cell said `Enumeration` (no enum name).
        anonymous: bool,
    },
}

/// An enum member as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberFacts {
    /// The member name.
    pub name: String,
    /// Its integer value, when the table has a Value column.
    pub value: Option<i64>,
    /// Its description.
    pub description: String,
    /// Where.
    pub location: Location,
    /// Where the description cell is (the row, when the table has no Description column).
    pub description_location: Location,
}

/// One list of an enum's members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumFacts {
    /// The enum's name (for anonymous lists, the owner type and property joined).
    pub name: String,
    /// Its namespace.
    pub namespace: String,
    /// Where the list came from.
    pub origin: EnumOrigin,
    /// Description of the enum (enum pages only).
    pub description: String,
    /// The members, in the order listed.
    pub members: Vec<MemberFacts>,
    /// Where the list is.
    pub location: Location,
}

/// A row of a resource page's Methods table that links to an api page: the
/// page documents that method of the resource.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodLink {
    /// The link's text (`Update user`).
    pub text: String,
    /// The page it goes to, relative to the docs folder and lower case
    /// (`api/user-update.md`).
    pub page: String,
    /// Where the link's cell is.
    pub location: Location,
}

/// Everything one page states.
#[derive(Clone, Debug)]
pub struct PageFacts {
    /// Path relative to the docs root.
    pub path: Arc<str>,
    /// Kind of page.
    pub kind: PageKind,
    /// The `# Title`.
    pub title: String,
    /// The page's namespace.
    pub namespace: String,
    /// The front matter.
    pub front_matter: Option<FrontMatter>,
    /// Types described.
    pub types: Vec<TypeFacts>,
    /// Enum member lists.
    pub enums: Vec<EnumFacts>,
    /// Endpoints (api pages).
    pub endpoints: Vec<EndpointFacts>,
    /// Request/response examples.
    pub examples: Vec<ExampleFacts>,
    /// The links of a resource page's Methods table, in table order.
    pub method_links: Vec<MethodLink>,
    /// Placeholders upstream left in the page.
    pub todos: Vec<todos::TodoFacts>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// The namespace pages use when they do not say.
pub const DEFAULT_NAMESPACE: &str = "microsoft.graph";

/// Extracts the facts of one page.
pub fn extract_page(page: &Page) -> PageFacts {
    let sections = sections::Sections::new(page);
    let kind = sections.kind();
    let mut facts = PageFacts {
        path: page.path.clone(),
        kind,
        title: sections.title().to_owned(),
        namespace: sections.namespace(),
        front_matter: page.front_matter.clone(),
        types: Vec::new(),
        enums: Vec::new(),
        endpoints: Vec::new(),
        examples: Vec::new(),
        method_links: Vec::new(),
        todos: Vec::new(),
        diagnostics: page.diagnostics.clone(),
    };
    match kind {
        PageKind::Resource => resource::extract_resource(&sections, &mut facts),
        PageKind::Api => api::extract_api(&sections, &mut facts),
        PageKind::Enum | PageKind::Other => {}
    }
    enums::extract_enum_tables(&sections, &mut facts);
    if kind != PageKind::Api {
        examples::extract_examples(&sections, &mut facts);
    }
    todos::find_todos(page, &mut facts);
    facts
}
