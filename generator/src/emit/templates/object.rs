//! How the model structs are written as JSON objects and read from them. Their
//! `Serialize` and `Deserialize` impls are generated as plain calls to these
//! helpers instead of being derived: serde's derive writes a field visitor and
//! a map visitor for every struct, and type-checking those was most of the
//! crate's compile time. Absent and `null` fields are both `None`; `None` is not
//! written; fields the docs do not list are kept in `additional_properties`.
//!
//! Reading goes through a `serde_json` object first, so an error names the
//! field it is about. If a key appears twice, the last one counts. (With no
//! workload feature on, nothing uses these helpers.)

#![allow(dead_code)]

/// The fields of an object being read into a struct.
pub(crate) struct Fields {
    fields: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    error: ::std::option::Option<::std::string::String>,
}

impl Fields {
    /// Takes field `name`: `None` when it is absent or `null`. A value of the
    /// wrong type is remembered as the object's error, and `None` returned.
    pub(crate) fn take<T: ::serde::de::DeserializeOwned>(
        &mut self,
        name: &str,
    ) -> ::std::option::Option<T> {
        match self.fields.remove(name) {
            ::std::option::Option::None | ::std::option::Option::Some(::serde_json::Value::Null) => {
                ::std::option::Option::None
            }
            ::std::option::Option::Some(value) => match T::deserialize(value) {
                ::std::result::Result::Ok(value) => ::std::option::Option::Some(value),
                ::std::result::Result::Err(error) => {
                    if self.error.is_none() {
                        self.error = ::std::option::Option::Some(format!("field `{name}`: {error}"));
                    }
                    ::std::option::Option::None
                }
            },
        }
    }

    /// The fields not taken, as received.
    pub(crate) fn rest(
        &mut self,
    ) -> ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value> {
        ::std::mem::take(&mut self.fields).into_iter().collect()
    }
}

/// Reads an object and builds a struct from its fields with `build`; fails
/// with the first field that did not read.
pub(crate) fn read<'de, D, T>(
    deserializer: D,
    build: impl FnOnce(&mut Fields) -> T,
) -> ::std::result::Result<T, D::Error>
where
    D: ::serde::Deserializer<'de>,
{
    let fields = <::serde_json::Map<::std::string::String, ::serde_json::Value> as ::serde::Deserialize>::deserialize(deserializer)?;
    let mut fields = Fields { fields, error: ::std::option::Option::None };
    let value = build(&mut fields);
    match fields.error {
        ::std::option::Option::None => ::std::result::Result::Ok(value),
        ::std::option::Option::Some(error) => ::std::result::Result::Err(::serde::de::Error::custom(error)),
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
