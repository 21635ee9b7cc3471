//! Diagnostics: every problem found in a page, with a stable code, a message a
//! docs writer understands, and the locations involved.

use crate::source::Location;
use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The page cannot be turned into the model it describes.
    Error,
    /// The model was built, but with a guess or a fallback worth a look.
    Warning,
    /// Worth knowing; nothing was lost.
    Info,
}

impl Severity {
    /// The lowercase name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A second location a diagnostic refers to (the other side of a disagreement).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Related {
    /// What stands at that location.
    pub message: String,
    /// `path:line:col`.
    pub source: Location,
}

/// One problem found in the docs.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// Stable code, e.g. `property-type-conflict`; see [`codes`].
    pub code: &'static str,
    /// A sentence a docs writer understands.
    pub message: String,
    /// Where the problem is.
    pub source: Location,
    /// Other locations involved, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A diagnostic with no related locations.
    pub fn new(
        severity: Severity,
        code: &'static str,
        source: Location,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            source,
            related: Vec::new(),
        }
    }

    /// Adds a related location.
    pub fn with_related(mut self, source: Location, message: impl Into<String>) -> Self {
        self.related.push(Related {
            message: message.into(),
            source,
        });
        self
    }
}

/// The stable diagnostic codes. Tools may match on these strings.
pub mod codes {
    /// The file is not UTF-8 (its bad bytes were replaced).
    pub const INVALID_UTF8: &str = "invalid-utf8";
    /// The front matter is not valid YAML.
    pub const FRONT_MATTER_INVALID: &str = "front-matter-invalid";
    /// A `<!-- { ... } -->` annotation is not valid JSON.
    pub const ANNOTATION_INVALID: &str = "annotation-invalid";
    /// The page describes nothing the generator can use.
    pub const PAGE_WITHOUT_MODEL: &str = "page-without-model";
    /// A table row has fewer or more cells than its header.
    pub const TABLE_ROW_SHAPE: &str = "table-row-shape";
    /// A table has a header and no rows.
    pub const EMPTY_TABLE: &str = "empty-table";
    /// HTML tags inside a table cell were dropped.
    pub const HTML_IN_CELL: &str = "html-in-table-cell";
    /// A property or member name cell is empty.
    pub const EMPTY_NAME: &str = "empty-name";
    /// The same property is listed twice in one table.
    pub const DUPLICATE_PROPERTY: &str = "duplicate-property";
    /// The same enum member is listed twice.
    pub const DUPLICATE_MEMBER: &str = "duplicate-member";
    /// A type cell could not be read as a type.
    pub const TYPE_CELL_UNREADABLE: &str = "type-cell-unreadable";
    /// A type cell names two types (`a or b`).
    pub const TYPE_CELL_AMBIGUOUS: &str = "type-cell-ambiguous";
    /// A property's type names a type no page defines.
    pub const UNRESOLVED_TYPE: &str = "unresolved-type";
    /// Two pages give a property different types.
    pub const PROPERTY_TYPE_CONFLICT: &str = "property-type-conflict";
    /// Two pages disagree on whether a property is a collection.
    pub const PROPERTY_COLLECTION_CONFLICT: &str = "property-collection-conflict";
    /// A create/update page lists a property its resource page does not have.
    pub const PROPERTY_NOT_ON_RESOURCE: &str = "property-not-on-resource";
    /// Two resource pages describe the same type.
    pub const TYPE_DESCRIBED_TWICE: &str = "type-described-twice";
    /// The key a resource annotation names is in no table of the type or its bases.
    pub const KEY_PROPERTY_NOT_LISTED: &str = "key-property-not-listed";
    /// A resource page's title names its type differently from the
    /// `@odata.type` of its JSON representation (the latter is used).
    pub const TYPE_NAME_DIFFERS: &str = "type-name-differs";
    /// Two pages give a type different base types.
    pub const BASE_TYPE_CONFLICT: &str = "base-type-conflict";
    /// A type's base chain loops back on itself.
    pub const BASE_TYPE_CYCLE: &str = "base-type-cycle";
    /// A "Possible values" list on a property whose type is a complex type.
    pub const POSSIBLE_VALUES_ON_TYPE: &str = "possible-values-on-type";
    /// Two lists of the same enum's members disagree.
    pub const ENUM_MEMBERS_DISAGREE: &str = "enum-members-disagree";
    /// Two enum pages give a member different integer values.
    pub const ENUM_VALUE_CONFLICT: &str = "enum-value-conflict";
    /// A property typed `Enumeration` matched no named enum, so one was made up.
    pub const ANONYMOUS_ENUM: &str = "anonymous-enum";
    /// A property typed `Enumeration` matched several named enums.
    pub const ANONYMOUS_ENUM_AMBIGUOUS: &str = "anonymous-enum-ambiguous";
    /// A name is not a Rust identifier as written (keyword, digit, odd characters).
    pub const RUST_NAME_ADJUSTED: &str = "rust-name-adjusted";
    /// Two definitions clash after conversion to Rust names.
    pub const NAME_COLLISION: &str = "name-collision";
    /// The same method and path are documented on two pages.
    pub const DUPLICATE_ENDPOINT: &str = "duplicate-endpoint";
    /// An HTTP request line could not be read.
    pub const HTTP_REQUEST_UNREADABLE: &str = "http-request-unreadable";
    /// An HTTP request line writes a concrete ID where a parameter belongs.
    pub const HTTP_REQUEST_LITERAL_KEY: &str = "http-request-literal-key";
    /// A key of a resource's JSON representation is in no table.
    pub const JSON_REPRESENTATION_MISMATCH: &str = "json-representation-mismatch";
    /// An example sets a property its type does not have.
    pub const EXAMPLE_UNKNOWN_PROPERTY: &str = "example-unknown-property";
    /// An example value has the wrong JSON type.
    pub const EXAMPLE_WRONG_TYPE: &str = "example-wrong-type";
    /// An example enum value is not a member.
    pub const EXAMPLE_ENUM_VALUE: &str = "example-enum-value";
    /// An example date, time, duration, GUID or base64 value is malformed.
    pub const EXAMPLE_BAD_VALUE: &str = "example-bad-value";
    /// An example holds a placeholder (`"String"`) instead of a value.
    pub const EXAMPLE_PLACEHOLDER: &str = "example-placeholder";
    /// An example body is not valid JSON.
    pub const EXAMPLE_JSON_INVALID: &str = "example-json-invalid";
    /// An example body has a comma right before a closing `}` or `]`.
    pub const EXAMPLE_JSON_TRAILING_COMMA: &str = "example-json-trailing-comma";
    /// A page that adds a reference (`POST …/$ref`) describes its request
    /// body as an object; the service takes `{"@odata.id": …}`.
    pub const REF_BODY_NOT_REFERENCE: &str = "ref-body-not-reference";
    /// A request example's URL is none of its page's request lines.
    pub const EXAMPLE_URL_NOT_REQUEST_LINE: &str = "example-url-not-request-line";
    /// A row of a published-text table that cannot be split into cells.
    pub const PUBLISHED_ROW_UNREADABLE: &str = "published-row-unreadable";
    /// A docs tree without version folders is one API version; an example
    /// URL of one of its pages names another.
    pub const API_VERSION_MIXED: &str = "api-version-mixed";
    /// A metadata (CSDL) file is not well-formed XML.
    pub const METADATA_XML_INVALID: &str = "metadata-xml-invalid";
    /// A metadata element the reader does not know where it stands.
    pub const METADATA_UNKNOWN_ELEMENT: &str = "metadata-unknown-element";
    /// A metadata element lacks an attribute it needs (`Name`, `Type`, …).
    pub const METADATA_ATTRIBUTE_MISSING: &str = "metadata-attribute-missing";
    /// A metadata attribute's value cannot be read (`Nullable="yes"`).
    pub const METADATA_ATTRIBUTE_INVALID: &str = "metadata-attribute-invalid";
    /// With `--metadata`: the service metadata types a property, a base
    /// type or an enum member otherwise than the docs (the model follows
    /// the metadata; the message names both sides).
    pub const METADATA_OVERRIDE: &str = "metadata-override";
    /// With `--metadata`: a property, relationship, enum member, type or
    /// enum the metadata has and no page names, added to the model.
    pub const METADATA_ADDED: &str = "metadata-added";
}
