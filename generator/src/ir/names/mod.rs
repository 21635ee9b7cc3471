//! The naming pass: the Rust name of every type, enum and endpoint function
//! of one model, decided once and kept in the model's own entries (as
//! typify keeps each type's Rust name in its entry). Emission reads them;
//! nothing else decides a name. Field and variant names, and the
//! diagnostics about names that are not Rust identifiers or that collide,
//! are in [`check`].

pub(super) mod check;
mod functions;
mod items;

pub(super) use functions::name_functions;
pub(crate) use items::name_items;

/// The Rust names of a type or an enum.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RustName {
    /// The item's identifier: `MobileApp`.
    pub ident: String,
    /// The file and module it lives in: `mobile_app`.
    pub module: String,
    /// The namespace module, for namespaces other than `microsoft.graph`.
    pub namespace_module: Option<String>,
}

/// The Rust name of an endpoint's function.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunctionName {
    /// The module path below `api`: `["device_app_management", "mobile_apps"]`.
    pub module: Vec<String>,
    /// The function: `list`, `get_by_id`, `create`.
    pub name: String,
    /// The Rust names of its string arguments: the path's parameters, then
    /// the query's ([`crate::ir::PathTemplate::arguments`]), none `body`.
    pub arguments: Vec<String>,
}

/// Names that item modules may not take in a version module.
pub const RESERVED_MODULES: &[&str] = &["mod", "primitives", "client", "api", "tests"];

/// Field names no property may take: the struct's own fields.
const RESERVED_FIELDS: &[&str] = &["odata_type", "additional_properties"];

/// The Rust field names of a struct's properties (wire names, in order):
/// snake case, a keyword escaped, a name taken twice numbered in order.
/// [`check`] reports the names this changes.
pub fn field_names<'a>(wire: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let names = crate::naming::unique_names(
        wire.into_iter()
            .enumerate()
            .map(|(i, w)| (i, crate::naming::field_name(w))),
        RESERVED_FIELDS,
        false,
    );
    (0..names.len()).map(|i| names[&i].clone()).collect()
}

/// The Rust variant names of an enum's members (wire names, in order), and
/// the name of its catch-all variant for values the docs do not list
/// (`Undocumented`, numbered if a member takes it).
pub fn variant_names<'a>(wire: impl IntoIterator<Item = &'a str>) -> (Vec<String>, String) {
    let names = crate::naming::unique_names(
        wire.into_iter()
            .enumerate()
            .map(|(i, w)| (i, crate::naming::type_name(w))),
        &[],
        false,
    );
    let taken: Vec<&str> = names.values().map(String::as_str).collect();
    let catch_all = crate::naming::unique_names([(0, "Undocumented".to_owned())], &taken, false)
        .remove(&0)
        .unwrap_or_default();
    (
        (0..names.len()).map(|i| names[&i].clone()).collect(),
        catch_all,
    )
}
