//! Rust types for property types.

use super::names::{CrateNames, ItemKind};
use crate::ir::Primitive;
use crate::ir::{Property, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type of a primitive.
pub(crate) fn primitive(p: Primitive) -> TokenStream {
    match p {
        Primitive::String | Primitive::Stream => quote! { ::std::string::String },
        Primitive::Boolean => quote! { bool },
        Primitive::Byte => quote! { u8 },
        Primitive::SByte => quote! { i8 },
        Primitive::Int16 => quote! { i16 },
        Primitive::Int32 => quote! { i32 },
        Primitive::Int64 => quote! { i64 },
        Primitive::Single => quote! { f32 },
        Primitive::Double | Primitive::Decimal => quote! { f64 },
        Primitive::DateTimeOffset => quote! { crate::primitives::DateTimeOffset },
        Primitive::Date => quote! { ::chrono::NaiveDate },
        Primitive::TimeOfDay => quote! { crate::primitives::TimeOfDay },
        Primitive::Duration => quote! { crate::primitives::Duration },
        Primitive::Guid => quote! { ::uuid::Uuid },
        Primitive::Binary => quote! { crate::primitives::Base64Bytes },
    }
}

/// The Rust type of a property, without the outer `Option`. Struct types are
/// boxed when single, so recursive types have a finite size.
pub(crate) fn property_type(version: &str, p: &Property, names: &CrateNames) -> TokenStream {
    let untyped = quote! { ::serde_json::Value };
    let (inner, boxed) = match &p.ty {
        TypeRef::Primitive(prim) => (primitive(*prim), false),
        TypeRef::Enum(q) => (
            names.path(version, ItemKind::Enum, q).unwrap_or(untyped),
            false,
        ),
        TypeRef::Complex(q) => match names.path(version, ItemKind::Type, q) {
            Some(path) => (path, true),
            None => (untyped, false),
        },
        TypeRef::Untyped(_) => (untyped, false),
    };
    if p.collection {
        quote! { ::std::vec::Vec<#inner> }
    } else if boxed {
        quote! { ::std::boxed::Box<#inner> }
    } else {
        inner
    }
}
