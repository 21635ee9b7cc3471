//! Merging page facts into a [`Model`].

use super::*;
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::extract::paths::{literal_keys_as_params, PathError, PathSegment};
use crate::extract::todos::TodoFacts;
use crate::extract::type_cell::{split_qualified, TypeCell, TypeName};
use crate::extract::{
    BaseHintKind, EndpointFacts, EnumFacts, EnumOrigin, PageFacts, PropertyFacts, TypeFacts,
    TypeOrigin,
};
use std::collections::{BTreeMap, BTreeSet};

mod bases;
mod endpoints;
mod enums;
mod examples;
mod keys;
mod resolve;
mod types;

use endpoints::build_endpoints;
use enums::build_enums;
use examples::build_examples;
use types::build_types;

/// Builds the model of one API version from the facts of its pages. The
/// result does not depend on the order of `pages`.
pub fn build_model(version: &str, mut pages: Vec<PageFacts>) -> Model {
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let mut model = Model {
        version: version.to_owned(),
        ..Model::default()
    };
    let mut diagnostics = Vec::new();
    for page in &pages {
        diagnostics.extend(page.diagnostics.iter().cloned());
        let ms_prod = page.front_matter.as_ref().and_then(|f| f.get("ms.prod"));
        model.pages.push(PageInfo {
            path: page.path.clone(),
            kind: page.kind,
            title: page.title.clone(),
            workload: super::workload(&page.path, ms_prod),
        });
        let yields = !page.types.is_empty() || !page.enums.is_empty() || !page.endpoints.is_empty();
        if !yields && page.diagnostics.is_empty() {
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                codes::PAGE_WITHOUT_MODEL,
                Location::start_of(&page.path),
                format!(
                    "this page ({}) defines no type, enum or endpoint the generator recognizes",
                    if page.title.is_empty() {
                        "untitled"
                    } else {
                        &page.title
                    }
                ),
            ));
        }
    }

    let all_enums: Vec<&EnumFacts> = pages.iter().flat_map(|p| &p.enums).collect();
    let all_types: Vec<&TypeFacts> = pages.iter().flat_map(|p| &p.types).collect();
    let type_keys: BTreeSet<String> = all_types
        .iter()
        .map(|t| key_of(&t.namespace, &t.name))
        .collect();
    let anonymous = build_enums(&mut model, &all_enums, &type_keys, &mut diagnostics);
    let page_types = page_types(&all_types);
    build_types(
        &mut model,
        &all_types,
        &page_types,
        &anonymous,
        &mut diagnostics,
    );
    build_endpoints(
        &mut model,
        &pages,
        &page_types,
        &anonymous,
        &mut diagnostics,
    );
    build_examples(&mut model, &mut pages);
    diagnostics.extend(super::examples::check_all_example_urls(&pages));
    let mut todos: Vec<TodoFacts> = pages.iter().flat_map(|p| p.todos.iter().cloned()).collect();
    let checked: Vec<_> = {
        use rayon::prelude::*;
        model
            .examples
            .par_iter()
            .map(|example| super::examples::check_example(&model, example))
            .collect()
    };
    for (example, (found, placeholders)) in model.examples.iter_mut().zip(checked) {
        example.verdict = super::examples::verdict(example, &found);
        diagnostics.extend(found);
        todos.extend(placeholders);
    }
    model.exchanges = super::exchanges::pair_examples(&model);
    diagnostics.extend(super::names::check::check_names(&model));
    mark_placeholders(&mut model);
    assign_workloads(&mut model);
    super::names::name_items(&mut model);
    super::names::name_functions(&mut model);
    todos.sort_by(|a, b| (&a.source, a.kind, &a.owner).cmp(&(&b.source, b.kind, &b.owner)));
    todos.dedup();
    model.todos = todos;

    diagnostics.sort();
    diagnostics.dedup();
    model.diagnostics = diagnostics;
    // The page facts are many small allocations: free them in parallel.
    {
        use rayon::prelude::*;
        pages.into_par_iter().for_each(drop);
    }
    model
}

/// The type each resource page describes, by the page's lower-case path, for
/// links whose text is no type name (`[tabs](../resources/teamstab.md)`):
/// the type's key, which is also its key in the model (a resource page's own
/// name is never an alias).
fn page_types(all: &[&TypeFacts]) -> BTreeMap<String, String> {
    let mut by_page = BTreeMap::new();
    for facts in all.iter().filter(|f| f.origin == TypeOrigin::ResourcePage) {
        by_page
            .entry(facts.location.path.to_ascii_lowercase())
            .or_insert_with(|| key_of(&facts.namespace, &facts.name));
    }
    by_page
}

/// Anonymous `Enumeration` properties: (owner key, property lowercase) → enum.
type AnonymousEnums = BTreeMap<(String, String), QualifiedName>;

/// Gives each type, enum and endpoint the workload of the page that
/// defines it (a type's or enum's first source), `core` for none.
fn assign_workloads(model: &mut Model) {
    let pages: BTreeMap<&str, &str> = model
        .pages
        .iter()
        .map(|p| (&*p.path, p.workload.as_str()))
        .collect();
    let of = |path: Option<&str>| {
        path.and_then(|p| pages.get(p))
            .copied()
            .unwrap_or("core")
            .to_owned()
    };
    for t in model.types.values_mut() {
        t.workload = of(t.sources.first().map(|s| &*s.path));
    }
    for e in model.enums.values_mut() {
        e.workload = of(e.sources.first().map(|s| &*s.source.path));
    }
    for e in &mut model.endpoints {
        e.workload = of(Some(&*e.source.path));
    }
}

/// Records which descriptions are placeholders, once every description is
/// final: emission and reports read the kind instead of the text.
fn mark_placeholders(model: &mut Model) {
    for ty in model.types.values_mut() {
        ty.placeholder = Placeholder::of(&ty.description);
        for p in ty.properties.iter_mut().chain(&mut ty.relationships) {
            p.placeholder = Placeholder::of(&p.description);
        }
    }
    for e in model.enums.values_mut() {
        e.placeholder = Placeholder::of(&e.description);
        for m in &mut e.members {
            m.placeholder = Placeholder::of(&m.description);
        }
    }
    for e in &mut model.endpoints {
        for p in &mut e.body_parameters {
            p.placeholder = Placeholder::of(&p.description);
        }
    }
}
