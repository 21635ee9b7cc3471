//! What goes into a request body and comes out of a response body: the model
//! types and their derived types (`@odata.type`), PATCH bodies that clear
//! properties, `$ref` references, and raw bytes.

use ::std::marker::PhantomData;

/// A type a success response is read into. An empty body (204, 202) is a
/// success whatever the docs name: a model type then reads as its default
/// (every property `None`), a collection as an empty page, `Option` as `None`.
pub trait ResponseBody: Sized {
    /// Reads the body of a success response (`body` may be empty).
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error>;
}

fn is_empty(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// Reads a JSON body as `T`. When it does not read, it is read again to name
/// where: the error starts with the path of the value that failed
/// (`value[0].settings.theme: invalid type: …`). Only the failing case pays.
pub(crate) fn read_json<T: ::serde::de::DeserializeOwned>(body: &[u8]) -> ::std::result::Result<T, ::serde_json::Error> {
    ::serde_json::from_slice(body).map_err(|error| {
        let mut deserializer = ::serde_json::Deserializer::from_slice(body);
        match ::serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
            ::std::result::Result::Err(traced) if traced.path().iter().next().is_some() => {
                <::serde_json::Error as ::serde::de::Error>::custom(::std::format_args!("{}: {}", traced.path(), traced.inner()))
            }
            _ => error,
        }
    })
}

impl<T: Model> ResponseBody for T {
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        if is_empty(body) {
            return ::std::result::Result::Ok(T::default());
        }
        read_json(body)
    }
}

impl<T: ::serde::de::DeserializeOwned> ResponseBody for ::std::option::Option<T> {
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        if is_empty(body) {
            return ::std::result::Result::Ok(::std::option::Option::None);
        }
        read_json(body)
    }
}

impl ResponseBody for ::serde_json::Value {
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        if is_empty(body) {
            return ::std::result::Result::Ok(::serde_json::Value::Null);
        }
        ::serde_json::from_slice(body)
    }
}

/// No content: whatever the body holds is not read.
impl ResponseBody for () {
    fn from_body(_body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        ::std::result::Result::Ok(())
    }
}

/// The body of endpoints whose content is not JSON (`…/$value`, `…/content`): the bytes as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawBody(pub ::std::vec::Vec<u8>);

impl ResponseBody for RawBody {
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        ::std::result::Result::Ok(RawBody(body.to_vec()))
    }
}

/// Whether `odata_type` (`#microsoft.graph.user`, with or without `#`) names `name`.
fn names_type(odata_type: &str, name: &str) -> bool {
    odata_type.trim_start_matches('#').eq_ignore_ascii_case(name.trim_start_matches('#'))
}

/// A struct of the model: an entity or complex type of the docs.
///
/// A value read where a base type is expected keeps the properties of the
/// derived type its `@odata.type` names in `additional_properties`; [`Model::cast`]
/// reads it as that type, and [`Model::upcast`] turns a derived value into its
/// base for sending, with the derived type's `@odata.type`.
pub trait Model: ::serde::Serialize + ::serde::de::DeserializeOwned + ::std::default::Default {
    /// The type's `@odata.type`: `#microsoft.graph.user`.
    const ODATA_TYPE: &'static str;
    /// The `@odata.type` of every type the docs derive from this one, directly or not.
    const DERIVED: &'static [&'static str] = &[];

    /// The value's `@odata.type` annotation, as received or set.
    fn odata_type(&self) -> ::std::option::Option<&str>;

    /// Whether the value's `@odata.type` names `T` or a type derived from `T`.
    fn is<T: Model>(&self) -> bool {
        match self.odata_type() {
            ::std::option::Option::Some(odata_type) => {
                names_type(odata_type, T::ODATA_TYPE) || T::DERIVED.iter().any(|d| names_type(odata_type, d))
            }
            ::std::option::Option::None => false,
        }
    }

    /// The value as the derived type `T` when its `@odata.type` names `T` (or
    /// a type derived from `T`); `Ok(None)` when it is another type. Nothing is
    /// lost: `T`'s own properties come from `additional_properties`.
    fn cast<T: DerivedFrom<Self>>(&self) -> ::std::result::Result<::std::option::Option<T>, ::serde_json::Error> {
        if !self.is::<T>() {
            return ::std::result::Result::Ok(::std::option::Option::None);
        }
        let value = ::serde_json::to_value(self)?;
        T::deserialize(value).map(::std::option::Option::Some)
    }

    /// The value as its base type `B`, for sending where `B` is expected: its
    /// `@odata.type` is set to this type's unless it already has one, and its
    /// own properties travel in `additional_properties`.
    fn upcast<B: Model>(&self) -> ::std::result::Result<B, ::serde_json::Error>
    where
        Self: DerivedFrom<B>,
    {
        let mut value = ::serde_json::to_value(self)?;
        if let ::serde_json::Value::Object(object) = &mut value {
            object
                .entry("@odata.type")
                .or_insert_with(|| ::serde_json::Value::String(Self::ODATA_TYPE.to_owned()));
        }
        B::deserialize(value)
    }
}

/// `Self` is derived from `B`, directly or not: a value read as `B` may be a `Self`.
pub trait DerivedFrom<B: Model>: Model {}

/// A property of `T` by the name the compiler checks: the constants on the
/// model types (`User::JOB_TITLE`), for [`Patch::clear`].
pub struct Field<T> {
    name: &'static str,
    owner: PhantomData<fn(&T)>,
}

impl<T> Field<T> {
    /// The property whose wire name is `name`.
    pub const fn new(name: &'static str) -> Self {
        Field { name, owner: PhantomData }
    }

    /// The wire name.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

impl<T> Clone for Field<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Field<T> {}

impl<T> ::std::fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        write!(f, "Field({})", self.name)
    }
}

/// The body of an update (PATCH): the properties set on `value`, and the ones
/// cleared, sent as `null`. Nothing else is sent, so the service keeps every
/// other property as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patch<T> {
    value: T,
    cleared: ::std::vec::Vec<&'static str>,
}

impl<T> Patch<T> {
    /// An update that sets what `value` sets (its `Some` fields).
    pub fn new(value: T) -> Self {
        Patch { value, cleared: ::std::vec::Vec::new() }
    }

    /// Also sets `field` to `null` on the service (a value set on it is not sent).
    pub fn clear(mut self, field: Field<T>) -> Self {
        if !self.cleared.contains(&field.name) {
            self.cleared.push(field.name);
        }
        self
    }

    /// The values to set.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The wire names of the cleared properties, in the order they were cleared.
    pub fn cleared(&self) -> &[&'static str] {
        &self.cleared
    }
}

impl<T> ::std::convert::From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Patch::new(value)
    }
}

impl<T: ::serde::Serialize> ::serde::Serialize for Patch<T> {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        let mut value = ::serde_json::to_value(&self.value).map_err(::serde::ser::Error::custom)?;
        if let ::serde_json::Value::Object(object) = &mut value {
            for name in &self.cleared {
                object.insert((*name).to_owned(), ::serde_json::Value::Null);
            }
        }
        ::serde::Serialize::serialize(&value, serializer)
    }
}

/// An OData reference, `{"@odata.id": "<url>"}`: the body of `POST …/$ref`
/// and `PUT …/$ref`, and what `GET …/$ref` answers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
pub struct Reference {
    /// The absolute URL of the object referred to.
    #[serde(rename = "@odata.id")]
    pub odata_id: ::std::string::String,
}

impl Reference {
    /// A reference to the object `id` of the collection at `path` (such as
    /// `/directoryObjects`) under `base_url` (such as the version's `BASE_URL`);
    /// the id is percent-encoded as one segment.
    pub fn to(base_url: &str, path: &str, id: &str) -> Reference {
        Reference {
            odata_id: format!(
                "{}/{}/{}",
                base_url.trim_end_matches('/'),
                path.trim_matches('/'),
                super::encode_path_parameter(id)
            ),
        }
    }
}

/// A single reference (`GET …/manager/$ref`).
impl ResponseBody for Reference {
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        ::serde_json::from_slice(body)
    }
}
