//! How the model structs are written as JSON objects and read from them. Their
//! `Serialize` and `Deserialize` impls are generated as plain calls to these
//! helpers instead of being derived: serde's derive writes a field visitor and
//! a map visitor for every struct, and type-checking those was most of the
//! crate's compile time. Absent and `null` fields are both `None`; `None` is not
//! written; fields the docs do not list are kept in `additional_properties`.
//!
//! Reading goes member by member, as serde's derive does; if a member appears
//! twice, the last one counts. `Debug` and `PartialEq` go through the JSON a
//! struct writes, for the same reason: derived, they were a fifth of the
//! crate's check time. (With no workload feature on, nothing uses these
//! helpers.)

#![allow(dead_code)]

/// A struct read from a JSON object one member at a time, as serde's derive
/// reads it, but with one small generic function per struct instead of a
/// field visitor and a map visitor.
pub(crate) trait ReadFields: ::std::default::Default {
    /// Reads the value of member `name` from `map` into its field; a member
    /// the docs do not list goes to `additional_properties`.
    fn read_field<'de, A: ::serde::de::MapAccess<'de>>(
        &mut self,
        name: &str,
        map: &mut A,
    ) -> ::std::result::Result<(), A::Error>;
}

/// Reads an object into `T`, member by member.
pub(crate) fn read<'de, D, T>(deserializer: D) -> ::std::result::Result<T, D::Error>
where
    D: ::serde::Deserializer<'de>,
    T: ReadFields,
{
    deserializer.deserialize_map(ObjectVisitor(::std::marker::PhantomData))
}

/// Reads the value of a member into its field: `None` when `null`. The
/// field's type is the value's, so each call needs no inference.
pub(crate) fn set<'de, A, T>(
    field: &mut ::std::option::Option<T>,
    map: &mut A,
) -> ::std::result::Result<(), A::Error>
where
    A: ::serde::de::MapAccess<'de>,
    T: ::serde::Deserialize<'de>,
{
    *field = map.next_value()?;
    ::std::result::Result::Ok(())
}

/// Keeps a member the docs do not list in `rest`, as received.
pub(crate) fn keep<'de, A: ::serde::de::MapAccess<'de>>(
    rest: &mut ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
    name: &str,
    map: &mut A,
) -> ::std::result::Result<(), A::Error> {
    let value = map.next_value()?;
    rest.insert(name.to_owned(), value);
    ::std::result::Result::Ok(())
}

struct ObjectVisitor<T>(::std::marker::PhantomData<T>);

impl<'de, T: ReadFields> ::serde::de::Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: ::serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> ::std::result::Result<T, A::Error> {
        let mut value = T::default();
        // One buffer for every member name of the object: no allocation per member.
        let mut name = ::std::string::String::new();
        while map.next_key_seed(MemberName(&mut name))?.is_some() {
            value.read_field(&name, &mut map)?;
        }
        ::std::result::Result::Ok(value)
    }
}

/// Reads a member name into a reused buffer.
struct MemberName<'a>(&'a mut ::std::string::String);

impl<'de> ::serde::de::DeserializeSeed<'de> for MemberName<'_> {
    type Value = ();

    fn deserialize<D: ::serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> ::std::result::Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> ::serde::de::Visitor<'de> for MemberName<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        formatter.write_str("a member name")
    }

    fn visit_str<E: ::serde::de::Error>(self, name: &str) -> ::std::result::Result<(), E> {
        self.0.clear();
        self.0.push_str(name);
        ::std::result::Result::Ok(())
    }
}

/// An object being written from a struct's fields.
pub(crate) struct Writer<M: ::serde::ser::SerializeMap> {
    map: M,
    error: ::std::option::Option<M::Error>,
}

/// Starts writing an object.
pub(crate) fn write<S: ::serde::Serializer>(
    serializer: S,
) -> ::std::result::Result<Writer<S::SerializeMap>, S::Error> {
    let map = serializer.serialize_map(::std::option::Option::None)?;
    ::std::result::Result::Ok(Writer { map, error: ::std::option::Option::None })
}

impl<M: ::serde::ser::SerializeMap> Writer<M> {
    /// Writes field `name` when it is `Some`; after an error, writes nothing more.
    pub(crate) fn field<T: ::serde::Serialize>(
        &mut self,
        name: &str,
        value: &::std::option::Option<T>,
    ) {
        if let (::std::option::Option::Some(value), ::std::option::Option::None) = (value, &self.error) {
            if let ::std::result::Result::Err(error) = self.map.serialize_entry(name, value) {
                self.error = ::std::option::Option::Some(error);
            }
        }
    }

    /// Writes the fields the docs do not list and ends the object.
    pub(crate) fn end(
        mut self,
        rest: &::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
    ) -> ::std::result::Result<M::Ok, M::Error> {
        if let ::std::option::Option::Some(error) = self.error {
            return ::std::result::Result::Err(error);
        }
        for (name, value) in rest {
            self.map.serialize_entry(name, value)?;
        }
        self.map.end()
    }
}

/// `Debug` of a model struct: its name and the JSON it writes, pretty-printed
/// with `{:#?}`.
pub(crate) fn debug<T: ::serde::Serialize>(
    value: &T,
    name: &str,
    formatter: &mut ::std::fmt::Formatter<'_>,
) -> ::std::fmt::Result {
    let json = if formatter.alternate() {
        ::serde_json::to_string_pretty(value)
    } else {
        ::serde_json::to_string(value)
    };
    match json {
        ::std::result::Result::Ok(json) => ::std::write!(formatter, "{name} {json}"),
        ::std::result::Result::Err(_) => ::std::write!(formatter, "{name} {{ .. }}"),
    }
}

/// `PartialEq` of model structs: equal when they write the same JSON (a
/// date-time is then compared as written, not as an instant).
pub(crate) fn equal<T: ::serde::Serialize>(left: &T, right: &T) -> bool {
    match (::serde_json::to_value(left), ::serde_json::to_value(right)) {
        (::std::result::Result::Ok(left), ::std::result::Result::Ok(right)) => left == right,
        _ => false,
    }
}
