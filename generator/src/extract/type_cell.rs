//! Reading a table's Type cell: `String`, `Edm.Int32`, `[x](link) collection`,
//! `Collection(microsoft.graph.x)`, `Collection of x`, `String (identifier)`,
//! `(Optional) String`, `Enumeration`, …

use crate::parse::Inline;
use serde::Serialize;

/// The OData primitive types the docs use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Primitive {
    /// `String`
    String,
    /// `Boolean`
    Boolean,
    /// `Byte` (unsigned 8-bit)
    Byte,
    /// `SByte` (signed 8-bit)
    SByte,
    /// `Int16`
    Int16,
    /// `Int32`
    Int32,
    /// `Int64`
    Int64,
    /// `Single`
    Single,
    /// `Double`
    Double,
    /// `Decimal`
    Decimal,
    /// `DateTimeOffset`
    DateTimeOffset,
    /// `Date`
    Date,
    /// `TimeOfDay`
    TimeOfDay,
    /// `Duration`
    Duration,
    /// `Guid`
    Guid,
    /// `Binary` (base64 in JSON)
    Binary,
    /// `Stream`
    Stream,
}

impl Primitive {
    /// Every primitive.
    pub const ALL: [Primitive; 17] = [
        Primitive::String,
        Primitive::Boolean,
        Primitive::Byte,
        Primitive::SByte,
        Primitive::Int16,
        Primitive::Int32,
        Primitive::Int64,
        Primitive::Single,
        Primitive::Double,
        Primitive::Decimal,
        Primitive::DateTimeOffset,
        Primitive::Date,
        Primitive::TimeOfDay,
        Primitive::Duration,
        Primitive::Guid,
        Primitive::Binary,
        Primitive::Stream,
    ];

    /// The canonical OData spelling (`Int32`, `DateTimeOffset`).
    pub fn as_str(self) -> &'static str {
        match self {
            Primitive::String => "String",
            Primitive::Boolean => "Boolean",
            Primitive::Byte => "Byte",
            Primitive::SByte => "SByte",
            Primitive::Int16 => "Int16",
            Primitive::Int32 => "Int32",
            Primitive::Int64 => "Int64",
            Primitive::Single => "Single",
            Primitive::Double => "Double",
            Primitive::Decimal => "Decimal",
            Primitive::DateTimeOffset => "DateTimeOffset",
            Primitive::Date => "Date",
            Primitive::TimeOfDay => "TimeOfDay",
            Primitive::Duration => "Duration",
            Primitive::Guid => "Guid",
            Primitive::Binary => "Binary",
            Primitive::Stream => "Stream",
        }
    }

    /// Recognizes a primitive name, with or without `Edm.`, in any case, and
    /// a few spellings the docs use loosely (`Integer`, `Bool`, `DateTime`).
    pub fn from_docs(name: &str) -> Option<Primitive> {
        let name = name
            .strip_prefix("Edm.")
            .or_else(|| name.strip_prefix("edm."))
            .unwrap_or(name);
        let lower = name.to_ascii_lowercase();
        if let Some(p) = Primitive::ALL
            .iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(&lower))
        {
            return Some(*p);
        }
        Some(match lower.as_str() {
            "bool" => Primitive::Boolean,
            "int" | "integer" => Primitive::Int32,
            "long" => Primitive::Int64,
            "float" => Primitive::Single,
            "datetime" => Primitive::DateTimeOffset,
            "uuid" => Primitive::Guid,
            "base64" | "base64binary" => Primitive::Binary,
            _ => return None,
        })
    }
}

/// What a type cell names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeName {
    /// A primitive.
    Primitive(Primitive),
    /// `Enumeration`: an enum without a name, its members listed in prose.
    Enumeration,
    /// A named complex, entity or enum type, with its namespace if the cell
    /// qualified it (`microsoft.graph.callRecords.session`).
    Named {
        /// Namespace given in the cell, if any.
        namespace: Option<String>,
        /// The type's name as spelled.
        name: String,
    },
}

/// A parsed type cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeCell {
    /// The type named.
    pub name: TypeName,
    /// `X collection`, `Collection(X)` or `Collection of X`.
    pub collection: bool,
    /// A note such as `identifier` in `String (identifier)` or `Optional` in
    /// `(Optional) String`.
    pub note: Option<String>,
}

/// Why a type cell could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeCellError {
    /// The cell is empty.
    Empty,
    /// The cell names two or more types (`a or b`).
    Ambiguous(Vec<String>),
    /// The cell is not a type name.
    Unreadable(String),
}

/// Reads a type cell.
pub fn parse_type_cell(cell: &Inline) -> Result<TypeCell, TypeCellError> {
    parse_type_text(&cell.text)
}

/// Reads a type cell from its plain text: notes and collection markers are
/// taken off, in this order, until a single type name is left.
pub fn parse_type_text(text: &str) -> Result<TypeCell, TypeCellError> {
    let mut text = text.trim().trim_matches('`').trim().to_owned();
    if text.is_empty() {
        return Err(TypeCellError::Empty);
    }
    let mut note = take_leading_note(&mut text);
    let mut collection = take_collection_of(&mut text);
    collection |= take_collection_call(&mut text);
    // A trailing note wins over a leading one.
    if let Some(trailing) = take_trailing_note(&mut text) {
        note = Some(trailing);
    }
    collection |= take_collection_suffixes(&mut text);
    collection |= take_collection_call(&mut text);
    drop_kind_word(&mut text);
    if text.eq_ignore_ascii_case("untyped json") {
        text = "Json".to_owned();
    }
    let alternatives = alternatives_of(&text);
    if alternatives.len() > 1 {
        return Err(TypeCellError::Ambiguous(alternatives));
    }
    let word = text.trim_end_matches('.');
    if !is_type_identifier(word) {
        return Err(TypeCellError::Unreadable(text));
    }
    Ok(TypeCell {
        name: type_name_of(word),
        collection,
        note,
    })
}

/// Takes a leading parenthetical note off the text: `(Optional) String`.
fn take_leading_note(text: &mut String) -> Option<String> {
    let rest = text.strip_prefix('(')?;
    let (inner, after) = rest.split_once(')')?;
    if inner.trim().is_empty() || after.trim().is_empty() {
        return None;
    }
    let note = inner.trim().to_owned();
    *text = after.trim().to_owned();
    Some(note)
}

/// Takes a leading `Collection of ` off the text; whether there was one.
fn take_collection_of(text: &mut String) -> bool {
    let Some(rest) = text
        .get(..14)
        .filter(|p| p.eq_ignore_ascii_case("collection of "))
        .and_then(|_| text.get(14..))
    else {
        return false;
    };
    *text = rest.trim().to_owned();
    true
}

/// Replaces `Collection(X)` by `X`; whether the text was one.
fn take_collection_call(text: &mut String) -> bool {
    match strip_collection_call(text) {
        Some(inner) => {
            *text = inner;
            true
        }
        None => false,
    }
}

/// Takes a trailing parenthetical note off the text: `String (identifier)`.
fn take_trailing_note(text: &mut String) -> Option<String> {
    let open = text.find('(')?;
    if !text.ends_with(')') || open == 0 {
        return None;
    }
    let note = text[open + 1..text.len() - 1].trim().to_owned();
    *text = text[..open].trim().to_owned();
    Some(note)
}

/// Takes ` collection`, ` Collection` and ` array` off the end of the text
/// (each in turn); whether any was there.
fn take_collection_suffixes(text: &mut String) -> bool {
    let mut collection = false;
    for suffix in [" collection", " Collection", " array"] {
        if let Some(stripped) = text.strip_suffix(suffix) {
            *text = stripped.trim().to_owned();
            collection = true;
        }
    }
    collection
}

/// `itemAnalytics resource`, `JSON object`, `Untyped JSON object`: the
/// word after the name says what kind of thing it is, not another type, and
/// is dropped.
fn drop_kind_word(text: &mut String) {
    for suffix in [" resource", " object", " objects"] {
        let cut = text.len().saturating_sub(suffix.len());
        if text.len() > suffix.len()
            && text.is_char_boundary(cut)
            && text[cut..].eq_ignore_ascii_case(suffix)
        {
            *text = text[..cut].trim().to_owned();
            break;
        }
    }
}

/// The types a cell names when it lists several (`a or b`, `a, b`, `a | b`,
/// `a/b`); one entry when it names one.
fn alternatives_of(text: &str) -> Vec<String> {
    text.split([',', '|', '/'])
        .flat_map(|part| part.split(" or "))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// What a single type identifier names: a primitive, `Enumeration`, or a
/// named type.
fn type_name_of(word: &str) -> TypeName {
    if let Some(p) = Primitive::from_docs(word) {
        TypeName::Primitive(p)
    } else if word.eq_ignore_ascii_case("enumeration") || word.eq_ignore_ascii_case("enum") {
        TypeName::Enumeration
    } else {
        split_qualified(word)
    }
}

/// Splits `microsoft.graph.x` into namespace and name; a bare name has no namespace.
pub fn split_qualified(word: &str) -> TypeName {
    let word = word.trim_start_matches('#');
    match word.rfind('.') {
        Some(dot) if dot > 0 => TypeName::Named {
            namespace: Some(word[..dot].to_owned()),
            name: word[dot + 1..].to_owned(),
        },
        _ => TypeName::Named {
            namespace: None,
            name: word.to_owned(),
        },
    }
}

fn strip_collection_call(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("collection(") && text.ends_with(')') {
        Some(text["collection(".len()..text.len() - 1].trim().to_owned())
    } else {
        None
    }
}

fn is_type_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !word.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> TypeName {
        TypeName::Named {
            namespace: None,
            name: name.into(),
        }
    }

    #[test]
    fn a_trailing_resource_or_object_word_is_not_part_of_the_name() {
        assert_eq!(
            parse_type_text("itemAnalytics resource").unwrap().name,
            named("itemAnalytics")
        );
        assert_eq!(parse_type_text("JSON object").unwrap().name, named("JSON"));
        assert_eq!(
            parse_type_text("Untyped JSON object").unwrap().name,
            named("Json")
        );
        let cell = parse_type_text("Collection of itemAnalytics objects").unwrap();
        assert_eq!((cell.name, cell.collection), (named("itemAnalytics"), true));
        // Only as a last word after something: alone, it is the name.
        assert_eq!(parse_type_text("object").unwrap().name, named("object"));
        assert!(parse_type_text("user or group object").is_err());
    }

    #[test]
    fn primitives_in_every_spelling() {
        assert_eq!(
            parse_type_text("String").unwrap().name,
            TypeName::Primitive(Primitive::String)
        );
        assert_eq!(
            parse_type_text("Edm.Int32").unwrap().name,
            TypeName::Primitive(Primitive::Int32)
        );
        assert_eq!(
            parse_type_text("dateTimeOffset").unwrap().name,
            TypeName::Primitive(Primitive::DateTimeOffset)
        );
        for p in Primitive::ALL {
            assert_eq!(
                parse_type_text(p.as_str()).unwrap().name,
                TypeName::Primitive(p)
            );
        }
    }

    #[test]
    fn collections_and_notes() {
        let c = parse_type_text("String collection").unwrap();
        assert!(c.collection);
        assert_eq!(c.name, TypeName::Primitive(Primitive::String));
        let c = parse_type_text("Collection(microsoft.graph.mobileApp)").unwrap();
        assert!(c.collection);
        assert_eq!(
            c.name,
            TypeName::Named {
                namespace: Some("microsoft.graph".into()),
                name: "mobileApp".into()
            }
        );
        let c = parse_type_text("String (identifier)").unwrap();
        assert_eq!(c.note.as_deref(), Some("identifier"));
        assert!(!c.collection);
        assert_eq!(
            parse_type_text("mobileApp collection").unwrap().name,
            named("mobileApp")
        );
    }

    #[test]
    fn collection_of_x() {
        let c = parse_type_text("Collection of driveItem").unwrap();
        assert!(c.collection);
        assert_eq!(c.name, named("driveItem"));
        let c = parse_type_text("collection of microsoft.graph.site").unwrap();
        assert!(c.collection);
        assert_eq!(
            c.name,
            TypeName::Named {
                namespace: Some("microsoft.graph".into()),
                name: "site".into()
            }
        );
        assert!(matches!(
            parse_type_text("collection of"),
            Err(TypeCellError::Unreadable(_))
        ));
        // Non-ASCII around the 14th byte is not a panic.
        assert!(parse_type_text("collection ofé x").is_err());
    }

    #[test]
    fn leading_optional_note() {
        let c = parse_type_text("(Optional) String").unwrap();
        assert_eq!(c.name, TypeName::Primitive(Primitive::String));
        assert_eq!(c.note.as_deref(), Some("Optional"));
        assert!(!c.collection);
        let c = parse_type_text("(Required) part collection").unwrap();
        assert_eq!(
            (c.name, c.note.as_deref(), c.collection),
            (named("part"), Some("Required"), true)
        );
        assert!(matches!(
            parse_type_text("(Optional)"),
            Err(TypeCellError::Unreadable(_))
        ));
    }

    #[test]
    fn enumeration_and_errors() {
        assert_eq!(
            parse_type_text("Enumeration").unwrap().name,
            TypeName::Enumeration
        );
        assert_eq!(parse_type_text(""), Err(TypeCellError::Empty));
        assert!(
            matches!(parse_type_text("String or Int32"), Err(TypeCellError::Ambiguous(v)) if v.len() == 2)
        );
        assert!(matches!(
            parse_type_text("see below!"),
            Err(TypeCellError::Unreadable(_))
        ));
    }
}
