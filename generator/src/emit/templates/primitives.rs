//! Rust types for OData primitives whose wire form std, chrono and uuid do not
//! keep exactly: date-times with 7-digit fractions, times of day, ISO 8601
//! durations and base64 bytes. Text-based ones keep the text they were read
//! from, so a value read from Graph is sent back unchanged.

use ::std::fmt;
use ::std::str::FromStr;

/// Trims trailing zeros of a fractional-seconds part, and the dot if nothing is left.
fn trim_fraction(text: &str) -> ::std::string::String {
    let Some(dot) = text.find('.') else { return text.to_owned() };
    let digits_end = text[dot + 1..].find(|c: char| !c.is_ascii_digit()).map(|i| dot + 1 + i).unwrap_or(text.len());
    let fraction = text[dot + 1..digits_end].trim_end_matches('0');
    if fraction.is_empty() {
        format!("{}{}", &text[..dot], &text[digits_end..])
    } else {
        format!("{}.{}{}", &text[..dot], fraction, &text[digits_end..])
    }
}

/// `Edm.DateTimeOffset`: an RFC 3339 date and time with offset. Keeps the text
/// it was read from, so `2021-07-21T16:45:00.0000000+02:00` serializes back
/// unchanged; compares, orders and hashes by instant and offset.
#[derive(Clone, Debug)]
pub struct DateTimeOffset {
    value: ::chrono::DateTime<::chrono::FixedOffset>,
    text: ::std::string::String,
}

impl DateTimeOffset {
    /// A date-time; its wire form has as many fraction digits as needed and `Z` for UTC.
    pub fn new(value: ::chrono::DateTime<::chrono::FixedOffset>) -> Self {
        let text = trim_fraction(&value.to_rfc3339_opts(::chrono::SecondsFormat::Nanos, true));
        DateTimeOffset { value, text }
    }

    /// The date-time.
    pub fn value(&self) -> ::chrono::DateTime<::chrono::FixedOffset> {
        self.value
    }

    /// The wire form.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl ::std::convert::From<::chrono::DateTime<::chrono::FixedOffset>> for DateTimeOffset {
    fn from(value: ::chrono::DateTime<::chrono::FixedOffset>) -> Self {
        DateTimeOffset::new(value)
    }
}

impl PartialEq for DateTimeOffset {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.value.offset() == other.value.offset()
    }
}

impl Eq for DateTimeOffset {}

impl PartialOrd for DateTimeOffset {
    fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
        ::std::option::Option::Some(self.cmp(other))
    }
}

impl Ord for DateTimeOffset {
    fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
        self.value
            .cmp(&other.value)
            .then_with(|| self.value.offset().local_minus_utc().cmp(&other.value.offset().local_minus_utc()))
    }
}

impl ::std::hash::Hash for DateTimeOffset {
    fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
        self.value.offset().local_minus_utc().hash(state);
    }
}

impl FromStr for DateTimeOffset {
    type Err = ::chrono::ParseError;

    fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
        let value = ::chrono::DateTime::parse_from_rfc3339(text)?;
        Ok(DateTimeOffset { value, text: text.to_owned() })
    }
}

impl fmt::Display for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl ::serde::Serialize for DateTimeOffset {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> ::serde::Deserialize<'de> for DateTimeOffset {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        let text = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(::serde::de::Error::custom)
    }
}

/// `Edm.TimeOfDay`: `hh:mm:ss` with an optional fraction. Keeps the text it was
/// read from; compares by time.
#[derive(Clone, Debug)]
pub struct TimeOfDay {
    value: ::chrono::NaiveTime,
    text: ::std::string::String,
}

impl TimeOfDay {
    /// A time of day; its wire form has as many fraction digits as needed.
    pub fn new(value: ::chrono::NaiveTime) -> Self {
        TimeOfDay { value, text: trim_fraction(&value.format("%H:%M:%S%.9f").to_string()) }
    }

    /// The time.
    pub fn value(&self) -> ::chrono::NaiveTime {
        self.value
    }

    /// The wire form.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl PartialEq for TimeOfDay {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for TimeOfDay {}

impl PartialOrd for TimeOfDay {
    fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
        ::std::option::Option::Some(self.cmp(other))
    }
}

impl Ord for TimeOfDay {
    fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl ::std::hash::Hash for TimeOfDay {
    fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl FromStr for TimeOfDay {
    type Err = ::chrono::ParseError;

    fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
        let value = ::chrono::NaiveTime::parse_from_str(text, "%H:%M:%S%.f")?;
        Ok(TimeOfDay { value, text: text.to_owned() })
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl ::serde::Serialize for TimeOfDay {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> ::serde::Deserialize<'de> for TimeOfDay {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        let text = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(::serde::de::Error::custom)
    }
}

/// `Edm.Duration`: an ISO 8601 duration such as `PT1H30M` or `-P2D`. Keeps the
/// text it was read from, so it serializes back unchanged.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration {
    text: ::std::string::String,
}

/// The error for a text that is not an ISO 8601 duration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationError(pub ::std::string::String);

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not an ISO 8601 duration", self.0)
    }
}

impl ::std::error::Error for DurationError {}

impl Duration {
    /// The duration as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the duration is negative (`-P…`).
    pub fn is_negative(&self) -> bool {
        self.text.starts_with('-')
    }

    /// The parsed duration (its magnitude; see [`Duration::is_negative`]).
    pub fn parsed(&self) -> ::iso8601::Duration {
        let unsigned = self.text.trim_start_matches(['-', '+']);
        ::iso8601::duration(unsigned).unwrap_or(::iso8601::Duration::Weeks(0))
    }

    /// The magnitude as a `std::time::Duration`, with months as 30 days and years as 365.
    pub fn to_std(&self) -> ::std::time::Duration {
        ::std::time::Duration::from(self.parsed())
    }
}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
        let unsigned = text.trim_start_matches(['-', '+']);
        match ::iso8601::duration(unsigned) {
            Ok(_) => Ok(Duration { text: text.to_owned() }),
            Err(_) => Err(DurationError(text.to_owned())),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl ::serde::Serialize for Duration {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> ::serde::Deserialize<'de> for Duration {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        let text = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(::serde::de::Error::custom)
    }
}

/// `Edm.Binary`: bytes, base64-encoded on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Base64Bytes(pub ::std::vec::Vec<u8>);

impl ::serde::Serialize for Base64Bytes {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        use ::base64::Engine as _;
        serializer.serialize_str(&::base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> ::serde::Deserialize<'de> for Base64Bytes {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        use ::base64::Engine as _;
        let text = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
        ::base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .or_else(|_| ::base64::engine::general_purpose::URL_SAFE.decode(text.as_bytes()))
            .map(Base64Bytes)
            .map_err(::serde::de::Error::custom)
    }
}
