//! Structs for complex and entity types.

use super::docs::{describe, doc_attrs};
use super::names::{ident, CrateNames, ItemKind};
use super::types::property_type;
use super::SerdeImpls;
use crate::ir::{Model, Property, TypeDef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// A property as it appears on a struct: its own or inherited.
struct Field<'m> {
    property: &'m Property,
    inherited_from: Option<&'m str>,
    /// The feature it is compiled under besides the struct's: another
    /// workload's, whose type it holds.
    gate: Option<&'m str>,
}

/// Every property of `ty` including inherited ones: the farthest base's first,
/// a property redefined lower down replacing the inherited one in place.
fn fields<'m>(model: &'m Model, ty: &'m TypeDef) -> Vec<Field<'m>> {
    let mut chain: Vec<&TypeDef> = model.ancestors(ty);
    chain.reverse();
    chain.push(ty);
    let mut out: Vec<Field<'m>> = Vec::new();
    for pass in 0..2 {
        for t in &chain {
            let list = if pass == 0 {
                &t.properties
            } else {
                &t.relationships
            };
            for p in list {
                let inherited_from = (t.name != ty.name).then_some(t.name.name.as_str());
                let field = Field {
                    property: p,
                    inherited_from,
                    gate: model.property_gate(&ty.workload, &p.ty),
                };
                match out
                    .iter_mut()
                    .find(|f| f.property.name.eq_ignore_ascii_case(&p.name))
                {
                    Some(existing) => *existing = field,
                    None => out.push(field),
                }
            }
        }
    }
    out.retain(|f| f.property.name != "@odata.type");
    out
}

/// The docs of `ty`'s item; `any_json` for Graph's `Json`, which is an alias.
fn struct_doc(model: &Model, ty: &TypeDef, any_json: bool) -> TokenStream {
    let page = ty.sources.first().map(|s| &*s.path).unwrap_or("");
    let mut text = describe(&ty.description, ty.placeholder.as_ref(), "type", page);
    if let Some(base) = &ty.base {
        text.push_str(&format!("\n\nBase type: `{}`.", base.name));
    }
    if any_json {
        text.push_str(
            "\n\nAny JSON value (a number, a string, an array, an object): \
             properties of this type are `serde_json::Value` too.",
        );
    } else if model.is_open(ty) {
        text.push_str(
            "\n\nAn open type: objects may carry properties the docs do not list, \
             kept in `additional_properties`.",
        );
    }
    let mut pages: Vec<&str> = ty.sources.iter().map(|s| &*s.path).collect();
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

fn field_doc(field: &Field<'_>) -> TokenStream {
    let p = field.property;
    let mut text = describe(
        &p.description,
        p.placeholder.as_ref(),
        "property",
        &p.source.path,
    );
    if let Some(base) = field.inherited_from {
        text.push_str(&format!("\n\nInherited from `{base}`."));
    }
    doc_attrs(&text)
}

/// What the structs of one model need to know of the others: the types
/// derived from each type, and the types that are PATCH bodies.
#[derive(Debug, Default)]
pub(crate) struct Hierarchy {
    /// Type key → the `@odata.type` of every type derived from it, sorted.
    derived: BTreeMap<String, Vec<String>>,
    /// Keys of the types some endpoint takes as a PATCH body.
    patch_bodies: BTreeSet<String>,
}

impl Hierarchy {
    /// Works out the hierarchy of `model`'s types.
    pub(crate) fn new(model: &Model) -> Hierarchy {
        let mut derived: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for ty in model.types.values() {
            for ancestor in model.ancestors(ty) {
                derived
                    .entry(ancestor.name.key())
                    .or_default()
                    .push(odata_type(ty));
            }
        }
        for list in derived.values_mut() {
            list.sort();
        }
        let patch_bodies = model
            .endpoints
            .iter()
            .filter(|e| e.method == crate::ir::HttpMethod::Patch)
            .filter_map(|e| e.request_body_type.as_ref().map(|q| q.key()))
            .collect();
        Hierarchy {
            derived,
            patch_bodies,
        }
    }
}

/// The `@odata.type` of a type: `#microsoft.graph.user`.
fn odata_type(ty: &TypeDef) -> String {
    format!("#{}.{}", ty.name.namespace, ty.name.name)
}

/// Emits the struct for `ty` (for Graph's `Json`, any JSON value, an alias
/// of `serde_json::Value`).
pub(crate) fn emit_struct(
    model: &Model,
    ty: &TypeDef,
    names: &CrateNames,
    hierarchy: &Hierarchy,
    serde_impls: SerdeImpls,
) -> TokenStream {
    let item = names.item(&model.version, ItemKind::Type, &ty.name);
    if crate::ir::is_any_json(Some(&ty.name.namespace), &ty.name.name)
        && ty.properties.is_empty()
        && ty.relationships.is_empty()
    {
        let name = ident(item.ident);
        let doc = struct_doc(model, ty, true);
        return quote! {
            #doc
            pub type #name = ::serde_json::Value;
        };
    }
    let fields = fields(model, ty);
    let mut tokens = struct_tokens(
        &model.version,
        item.ident,
        struct_doc(model, ty, false),
        &fields,
        names,
        &TokenStream::new(),
        StructImpls {
            serde: serde_impls,
            read: true,
        },
    );
    let name = ident(item.ident);
    tokens.extend(model_impl(model, ty, &name, names, hierarchy));
    if hierarchy.patch_bodies.contains(&ty.name.key()) {
        tokens.extend(field_constants(&name, &fields));
    }
    tokens
}

/// `Model` (its `@odata.type` and the types derived from it) and a
/// `DerivedFrom` for each of its base types.
fn model_impl(
    model: &Model,
    ty: &TypeDef,
    name: &proc_macro2::Ident,
    names: &CrateNames,
    hierarchy: &Hierarchy,
) -> TokenStream {
    let own = odata_type(ty);
    let derived = hierarchy
        .derived
        .get(&ty.name.key())
        .map(Vec::as_slice)
        .unwrap_or_default();
    let bases = model.ancestors(ty).into_iter().filter_map(|a| {
        let base = names.path(&model.version, ItemKind::Type, &a.name)?;
        let cfg = field_cfg(crate::ir::gate(&ty.workload, &a.workload));
        Some(quote! { #cfg impl crate::client::DerivedFrom<#base> for #name {} })
    });
    let derived = (!derived.is_empty()).then(|| {
        quote! { const DERIVED: &'static [&'static str] = &[#(#derived),*]; }
    });
    quote! {
        impl crate::client::Model for #name {
            const ODATA_TYPE: &'static str = #own;
            #derived
            fn odata_type(&self) -> ::std::option::Option<&str> {
                self.odata_type.as_deref()
            }
        }
        #(#bases)*
    }
}

/// A `Field` constant per property (`User::JOB_TITLE`), for the PATCH
/// bodies' `Patch::clear`.
fn field_constants(name: &proc_macro2::Ident, fields: &[Field<'_>]) -> TokenStream {
    let rust_names = field_idents(fields);
    let constants = fields.iter().zip(&rust_names).map(|(f, field)| {
        let constant = ident(
            &field
                .to_string()
                .trim_start_matches("r#")
                .to_ascii_uppercase(),
        );
        let wire = f.property.name.as_str();
        let doc = format!(" The `{wire}` property, for [`crate::client::Patch::clear`].");
        let cfg = field_cfg(f.gate);
        quote! {
            #[doc = #doc]
            #cfg
            pub const #constant: crate::client::Field<Self> = crate::client::Field::new(#wire);
        }
    });
    quote! {
        impl #name {
            #(#constants)*
        }
    }
}

/// `#[cfg(feature = "…")]` for a gated field, nothing for another.
fn field_cfg(gate: Option<&str>) -> TokenStream {
    gate.map(super::features::cfg).unwrap_or_default()
}

/// The Rust names of the fields, in order.
fn field_idents(fields: &[Field<'_>]) -> Vec<proc_macro2::Ident> {
    crate::ir::field_names(fields.iter().map(|f| f.property.name.as_str()))
        .iter()
        .map(|name| ident(name))
        .collect()
}

/// Emits a struct of `properties` that is no model type (an action's body
/// parameters, only ever sent: `Serialize` without `Deserialize`), with `cfg`
/// on the struct and on each of its impls.
pub(crate) fn emit_plain_struct(
    version: &str,
    ident: &str,
    doc: &str,
    properties: &[Property],
    names: &CrateNames,
    cfg: &TokenStream,
) -> TokenStream {
    let fields: Vec<Field<'_>> = properties
        .iter()
        .map(|property| Field {
            property,
            inherited_from: None,
            // The struct's own `cfg` has the features of its fields.
            gate: None,
        })
        .collect();
    struct_tokens(
        version,
        ident,
        doc_attrs(doc),
        &fields,
        names,
        cfg,
        StructImpls {
            serde: SerdeImpls::Generated,
            read: false,
        },
    )
}

fn struct_tokens(
    version: &str,
    ident_name: &str,
    doc: TokenStream,
    fields: &[Field<'_>],
    names: &CrateNames,
    cfg: &TokenStream,
    impls: StructImpls,
) -> TokenStream {
    let name = ident(ident_name);
    let derive = impls.serde != SerdeImpls::Generated;
    let idents = field_idents(fields);
    let wires: Vec<&str> = fields.iter().map(|f| f.property.name.as_str()).collect();
    let cfgs: Vec<TokenStream> = fields.iter().map(|f| field_cfg(f.gate)).collect();
    let field_tokens = fields
        .iter()
        .zip(&idents)
        .zip(&cfgs)
        .map(|((f, field), cfg)| {
            let doc = field_doc(f);
            let ty = property_type(version, f.property, names);
            let serde = derive.then(|| serde_attr(&f.property.name));
            quote! {
                #doc
                #cfg
                #serde
                pub #field: ::std::option::Option<#ty>,
            }
        });
    let (derives, odata_serde, rest_serde) = derive_attrs(impls.serde);
    let definition = quote! {
        #doc
        #cfg
        #derives
        pub struct #name {
            #[doc = " The `@odata.type` annotation: the concrete type of the object, such as"]
            #[doc = " `#microsoft.graph.x`. Kept so derived types survive a round trip."]
            #odata_serde
            pub odata_type: ::std::option::Option<::std::string::String>,
            #(#field_tokens)*
            #[doc = " Properties the docs do not list, kept as received."]
            #rest_serde
            pub additional_properties: ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
        }
    };
    if derive {
        return definition;
    }
    let through_json = debug_and_eq_impls(&name, ident_name, cfg);
    let serialize = serialize_impl(&name, &idents, &wires, &cfgs);
    let deserialize = impls
        .read
        .then(|| deserialize_impl(&name, &idents, &wires, &cfgs, cfg));
    quote! {
        #definition
        #through_json
        #cfg
        #serialize
        #deserialize
    }
}

/// The struct's derive, and the serde attributes of its `odata_type` and
/// `additional_properties` fields: only `Clone` and `Default` with
/// generated impls; serde's derive too, and those attributes, for the read
/// benchmark's copies.
fn derive_attrs(serde: SerdeImpls) -> (TokenStream, TokenStream, TokenStream) {
    if serde == SerdeImpls::Generated {
        let none = TokenStream::new();
        return (quote! { #[derive(Clone, Default)] }, none.clone(), none);
    }
    let rest = if serde == SerdeImpls::Derive {
        quote! { #[serde(flatten)] }
    } else {
        quote! { #[serde(skip)] }
    };
    (
        quote! { #[derive(Clone, Debug, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)] },
        serde_attr("@odata.type"),
        rest,
    )
}

/// Which impls a struct gets besides its definition.
#[derive(Clone, Copy)]
struct StructImpls {
    /// Generated `object` calls, or serde's derive (the read benchmark's copies).
    serde: SerdeImpls,
    /// Whether it is read from JSON: a model type is, an action's body (only
    /// ever sent) is not.
    read: bool,
}

/// `Debug` and `PartialEq` through the JSON the struct writes (`object::debug`
/// and `object::equal`): one call each instead of one per field, which is
/// what made the derives a fifth of the crate's check time.
fn debug_and_eq_impls(
    name: &proc_macro2::Ident,
    ident_name: &str,
    cfg: &TokenStream,
) -> TokenStream {
    quote! {
        #cfg
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                crate::object::debug(self, #ident_name, formatter)
            }
        }

        #cfg
        impl ::std::cmp::PartialEq for #name {
            fn eq(&self, other: &Self) -> bool {
                crate::object::equal(self, other)
            }
        }
    }
}

/// The field attribute of serde's derive (`SerdeImpls::Derive…`): the wire
/// name, and `None` left out.
fn serde_attr(wire: &str) -> TokenStream {
    quote! { #[serde(rename = #wire, skip_serializing_if = "::std::option::Option::is_none")] }
}

/// `Serialize` as calls to the crate's `object` helpers: one line per field,
/// in field order (a gated field's under its `cfg`), `None` left out, then the undocumented properties.
fn serialize_impl(
    name: &proc_macro2::Ident,
    idents: &[proc_macro2::Ident],
    wires: &[&str],
    cfgs: &[TokenStream],
) -> TokenStream {
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                let mut object = crate::object::write(serializer)?;
                object.field("@odata.type", &self.odata_type);
                #(#cfgs object.field(#wires, &self.#idents);)*
                object.end(&self.additional_properties)
            }
        }
    }
}

/// `Deserialize` through the crate's `object` helpers: a `read_field` that
/// matches a member's wire name to its field (a gated field under its `cfg`)
/// and keeps any other member as an undocumented property; both impls under
/// the struct's `cfg`.
fn deserialize_impl(
    name: &proc_macro2::Ident,
    idents: &[proc_macro2::Ident],
    wires: &[&str],
    cfgs: &[TokenStream],
    cfg: &TokenStream,
) -> TokenStream {
    quote! {
        #cfg
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                crate::object::read(deserializer)
            }
        }

        #cfg
        impl crate::object::ReadFields for #name {
            fn read_field<'de, A: ::serde::de::MapAccess<'de>>(
                &mut self,
                name: &str,
                map: &mut A,
            ) -> ::std::result::Result<(), A::Error> {
                match name {
                    "@odata.type" => crate::object::set(&mut self.odata_type, map),
                    #(#cfgs #wires => crate::object::set(&mut self.#idents, map),)*
                    _ => crate::object::keep(&mut self.additional_properties, name, map),
                }
            }
        }
    }
}
