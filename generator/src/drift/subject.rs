//! What a change is about: one kind of subject per variant, each carrying
//! what that kind has, so a change cannot name a member without its enum or
//! a property without its type.

use crate::extract::todos::TodoKind;
use crate::source::Location;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Cow;
use std::cmp::Ordering;

/// What a change is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// An enum.
    Enum {
        /// The enum's name.
        name: String,
    },
    /// A member of an enum.
    EnumMember {
        /// The enum's name.
        enum_name: String,
        /// The member's name.
        member: String,
    },
    /// One of the lists of an enum that disagree with each other.
    EnumList {
        /// The enum's name.
        enum_name: String,
        /// Where that list is.
        at: Location,
    },
    /// A type.
    Type {
        /// The type's name.
        name: String,
    },
    /// A property or relationship of a type.
    Property {
        /// The type's name.
        type_name: String,
        /// The property's name.
        property: String,
    },
    /// An endpoint.
    Endpoint {
        /// The HTTP method.
        method: String,
        /// The path template.
        path: String,
    },
    /// A placeholder: its kind and what it belongs to (one owner can hold
    /// placeholders of several kinds).
    Placeholder {
        /// The kind of placeholder.
        kind: TodoKind,
        /// What it belongs to (`x.y description`).
        owner: String,
    },
}

/// The report fields a subject fills, in report order.
const FIELD_NAMES: [&str; 6] = [
    "enum",
    "member",
    "type",
    "property",
    "endpoint",
    "placeholder",
];

impl Subject {
    /// The subject as the report's fields, in [`FIELD_NAMES`] order: an
    /// enum member fills `enum` and `member`, an enum list `enum` and
    /// `member` (its location), a property `type` and `property`, an
    /// endpoint `endpoint` (`METHOD path`), a placeholder `placeholder`
    /// (`kind:owner`).
    fn fields(&self) -> [Option<Cow<'_, str>>; 6] {
        fn text(s: &str) -> Option<Cow<'_, str>> {
            Some(Cow::Borrowed(s))
        }
        match self {
            Subject::Enum { name } => [text(name), None, None, None, None, None],
            Subject::EnumMember { enum_name, member } => {
                [text(enum_name), text(member), None, None, None, None]
            }
            Subject::EnumList { enum_name, at } => [
                text(enum_name),
                Some(Cow::Owned(at.to_string())),
                None,
                None,
                None,
                None,
            ],
            Subject::Type { name } => [None, None, text(name), None, None, None],
            Subject::Property {
                type_name,
                property,
            } => [None, None, text(type_name), text(property), None, None],
            Subject::Endpoint { method, path } => [
                None,
                None,
                None,
                None,
                Some(Cow::Owned(format!("{method} {path}"))),
                None,
            ],
            Subject::Placeholder { kind, owner } => [
                None,
                None,
                None,
                None,
                None,
                Some(Cow::Owned(format!("{}:{owner}", kind.as_str()))),
            ],
        }
    }

    /// The subject part of a fingerprint: its fields joined with `.`
    /// (`resultantAppStateDetail.uninstallPendingReboot`).
    pub fn key(&self) -> String {
        self.fields()
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// Subjects sort by their report fields (an absent field first), so reports
/// list changes in the same order whatever kind of subject they have.
impl Ord for Subject {
    fn cmp(&self, other: &Self) -> Ordering {
        self.fields().cmp(&other.fields())
    }
}

impl PartialOrd for Subject {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Written as the fields it fills (`"enum": …, "member": …`), to be
/// flattened into the change.
impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields();
        let mut map = serializer.serialize_map(Some(fields.iter().flatten().count()))?;
        for (name, value) in FIELD_NAMES.iter().zip(&fields) {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(e: &str, m: &str) -> Subject {
        Subject::EnumMember {
            enum_name: e.to_owned(),
            member: m.to_owned(),
        }
    }

    #[test]
    fn keys_join_the_fields_a_subject_fills() {
        assert_eq!(member("color", "red").key(), "color.red");
        let endpoint = Subject::Endpoint {
            method: "GET".to_owned(),
            path: "/me".to_owned(),
        };
        assert_eq!(endpoint.key(), "GET /me");
        let placeholder = Subject::Placeholder {
            kind: TodoKind::TodoDescription,
            owner: "x.y".to_owned(),
        };
        assert_eq!(
            placeholder.key(),
            format!("{}:x.y", TodoKind::TodoDescription.as_str())
        );
    }

    #[test]
    fn json_has_only_the_fields_a_subject_fills() {
        let property = Subject::Property {
            type_name: "user".to_owned(),
            property: "mail".to_owned(),
        };
        assert_eq!(
            serde_json::to_string(&property).unwrap(),
            r#"{"type":"user","property":"mail"}"#
        );
        let list = Subject::EnumList {
            enum_name: "color".to_owned(),
            at: Location {
                path: "a.md".into(),
                line: 3,
                column: 2,
            },
        };
        assert_eq!(
            serde_json::to_string(&list).unwrap(),
            r#"{"enum":"color","member":"a.md:3:2"}"#
        );
    }

    #[test]
    fn subjects_without_an_enum_sort_before_enum_subjects() {
        let ty = Subject::Type {
            name: "a".to_owned(),
        };
        let e = Subject::Enum {
            name: "a".to_owned(),
        };
        assert!(ty < e);
        assert!(
            Subject::Enum {
                name: "color".to_owned()
            } < member("color", "red")
        );
        assert!(member("color", "blue") < member("color", "red"));
    }
}
