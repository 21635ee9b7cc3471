//! The comparison the generated round-trip tests make: JSON as the model
//! sees it. The model reads a `null` property as absent and does not write
//! absent properties back, so `{"a": null}` and `{}` are the same to it; and
//! a floating-point property read from `1` is written as `1.0`, the same
//! JSON number. What the model writes is read back from its text, as the
//! service would read it: an `Edm.Single` (`f32`) written as `146.7885`
//! is that number, where `serde_json::to_value` would widen it to
//! `146.78849792…`.

use proc_macro2::TokenStream;
use quote::quote;

/// The `comparable` and `written` functions every generated round-trip
/// test file holds.
pub(crate) fn comparable_fn() -> TokenStream {
    quote! {
        /// The JSON `value` writes, read back from its text.
        #[allow(dead_code)]
        fn written<T: ::serde::Serialize>(value: &T) -> ::serde_json::Value {
            let text = ::serde_json::to_string(value).expect("the model serializes");
            ::serde_json::from_str(&text).expect("the model writes JSON")
        }

        /// `value` as the model sees it: every object member that is `null`
        /// removed (the model reads it as absent and does not write absent
        /// fields), and every whole number written as an integer (`1.0` is `1`).
        #[allow(dead_code)]
        fn comparable(value: ::serde_json::Value) -> ::serde_json::Value {
            match value {
                ::serde_json::Value::Object(members) => ::serde_json::Value::Object(
                    members
                        .into_iter()
                        .filter(|(_, v)| !v.is_null())
                        .map(|(k, v)| (k, comparable(v)))
                        .collect(),
                ),
                ::serde_json::Value::Array(items) => {
                    ::serde_json::Value::Array(items.into_iter().map(comparable).collect())
                }
                ::serde_json::Value::Number(n) => match n.as_f64() {
                    ::std::option::Option::Some(f)
                        if n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15 =>
                    {
                        ::serde_json::Value::from(f as i64)
                    }
                    _ => ::serde_json::Value::Number(n),
                },
                other => other,
            }
        }
    }
}
