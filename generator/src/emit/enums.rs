//! Open enums: documented members plus a catch-all that keeps any other value.

use super::docs::{describe, doc_attrs};
use super::names::{ident, ItemName};
use crate::ir::EnumDef;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

fn enum_doc(e: &EnumDef) -> TokenStream {
    let page = e.sources.first().map(|s| &*s.source.path).unwrap_or("");
    let mut text = if e.description.trim().is_empty() {
        "The docs give no description of this enum.".to_owned()
    } else {
        describe(&e.description, e.placeholder.as_ref(), "enum", page)
    };
    if e.synthesized {
        text.push_str("\n\nNo page names this enum: the docs type the property `Enumeration` and list its values.");
    }
    text.push_str("\n\nOpen: a value the docs do not list deserializes into the catch-all variant and serializes back unchanged.");
    if e.members
        .iter()
        .any(|m| m.name.eq_ignore_ascii_case("unknownFutureValue"))
    {
        text.push_str(
            "\n\nEvolvable: Graph sends members added after `unknownFutureValue` only to a \
             request that asks for them (`Operation::include_unknown_enum_members`, the \
             `Prefer: include-unknown-enum-members` header), and `unknownFutureValue` otherwise.",
        );
    }
    let mut pages: Vec<&str> = e.sources.iter().map(|s| &*s.source.path).collect();
    pages.sort();
    pages.dedup();
    text.push_str(&format!(
        "\n\nDocs: {}",
        pages
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    doc_attrs(&text)
}

/// One variant per member, with its doc.
fn variant_defs(e: &EnumDef, variants: &[Ident]) -> TokenStream {
    let defs = e.members.iter().zip(variants).map(|(m, v)| {
        let mut text = if m.description.trim().is_empty() {
            format!("`{}`", m.name)
        } else {
            describe(
                &m.description,
                m.placeholder.as_ref(),
                "member",
                &m.source.path,
            )
        };
        if let Some(value) = m.value {
            text.push_str(&format!("\n\nDocumented value: {value}."));
        }
        let doc = doc_attrs(&text);
        quote! { #doc #v, }
    });
    quote! { #(#defs)* }
}

/// `documented_value`, and `from_documented_value` when the docs give the
/// members integer values.
fn value_fns(e: &EnumDef, variants: &[Ident]) -> TokenStream {
    let valued: Vec<(&Ident, Literal)> = e
        .members
        .iter()
        .zip(variants)
        .filter_map(|(m, v)| m.value.map(|value| (v, Literal::i64_unsuffixed(value))))
        .collect();
    if valued.is_empty() {
        return quote! {
            #[doc = " The integer value the docs give for this member; the docs give none for this enum."]
            pub fn documented_value(&self) -> ::std::option::Option<i64> {
                ::std::option::Option::None
            }
        };
    }
    // Two members may share a value: the first one listed answers `from_documented_value`.
    let mut seen = std::collections::BTreeSet::new();
    let from_arms: Vec<_> = valued
        .iter()
        .filter(|(_, lit)| seen.insert(lit.to_string()))
        .map(|(v, lit)| quote! { #lit => ::std::option::Option::Some(Self::#v), })
        .collect();
    let to_arms = valued
        .iter()
        .map(|(v, lit)| quote! { Self::#v => ::std::option::Option::Some(#lit), });
    quote! {
        #[doc = " The integer value the docs give for this member, if any."]
        pub fn documented_value(&self) -> ::std::option::Option<i64> {
            match self {
                #(#to_arms)*
                _ => ::std::option::Option::None,
            }
        }

        #[doc = " The member whose documented integer value is `value`."]
        pub fn from_documented_value(value: i64) -> ::std::option::Option<Self> {
            match value {
                #(#from_arms)*
                _ => ::std::option::Option::None,
            }
        }
    }
}

/// `From<&str>`, `FromStr`, `Display` and serde's traits: the wire value
/// both ways, any value the docs do not list kept in the catch-all.
fn conversion_impls(
    name: &Ident,
    wires: &[&str],
    variants: &[Ident],
    catch_all: &Ident,
) -> TokenStream {
    quote! {
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#variants,)*
                    other => Self::#catch_all(::std::string::ToString::to_string(other)),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value.as_str()))
            }
        }
    }
}

/// Emits the enum and its impls.
pub(crate) fn emit_enum(e: &EnumDef, item: &ItemName) -> TokenStream {
    let name = ident(item.ident);
    let (variant_names, catch_all_name) =
        crate::ir::variant_names(e.members.iter().map(|m| m.name.as_str()));
    let catch_all = ident(&catch_all_name);
    let variants: Vec<Ident> = variant_names.iter().map(|v| ident(v)).collect();
    let wires: Vec<&str> = e.members.iter().map(|m| m.name.as_str()).collect();
    let doc = enum_doc(e);
    let variant_defs = variant_defs(e, &variants);
    let value_fns = value_fns(e, &variants);
    let conversions = conversion_impls(&name, &wires, &variants, &catch_all);
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #variant_defs
            #[doc = " A value the docs do not list, kept as received."]
            #catch_all(::std::string::String),
        }

        impl #name {
            #[doc = " Every member the docs list, in their order."]
            pub const DOCUMENTED: &'static [Self] = &[#(Self::#variants),*];

            #[doc = " The value as sent on the wire."]
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#catch_all(value) => value.as_str(),
                }
            }

            #[doc = " Whether the docs list this value."]
            pub fn is_documented(&self) -> bool {
                !matches!(self, Self::#catch_all(_))
            }

            #value_fns
        }

        #conversions
    }
}
