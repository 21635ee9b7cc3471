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
mod metadata;
mod resolve;
mod types;
mod workloads;

use endpoints::build_endpoints;
use enums::build_enums;
use examples::build_examples;
pub use metadata::UNDOCUMENTED;
use types::build_types;
use workloads::assign_workloads;

/// Builds the model of one API version from the facts of its pages. The
/// result does not depend on the order of `pages`.
pub fn build_model(version: &str, pages: Vec<PageFacts>) -> Model {
    build_model_with_metadata(version, pages, None)
}

/// [`build_model`], with the types and enums of the service's metadata
/// (`--metadata`) merged into the pages' when given: properties, base
/// types and enum members typed as the metadata says, what no page names
/// added, each change an info diagnostic (`metadata-override`,
/// `metadata-added`). The merge comes before endpoints, examples, naming
/// and workloads, which see the merged model. `None` is `build_model`.
pub fn build_model_with_metadata(
    version: &str,
    mut pages: Vec<PageFacts>,
    metadata: Option<&Model>,
) -> Model {
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let mut model = Model {
        version: version.to_owned(),
        ..Model::default()
    };
    let mut diagnostics = Vec::new();
    record_pages(&mut model, &pages, &mut diagnostics);
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
    if let Some(metadata) = metadata {
        metadata::merge_metadata(&mut model, metadata, &mut diagnostics);
    }
    build_endpoints(
        &mut model,
        &pages,
        &page_types,
        &anonymous,
        &mut diagnostics,
    );
    build_examples(&mut model, &mut pages);
    diagnostics.extend(super::example_urls::check_all_example_urls(&pages));
    let mut todos: Vec<TodoFacts> = pages.iter().flat_map(|p| p.todos.iter().cloned()).collect();
    check_examples(&mut model, &mut diagnostics, &mut todos);
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
    // Saves 9% of the `ir` command's wall time (benches/fast_paths.sh drop).
    if cfg!(library_drop) {
        drop(pages);
    } else {
        use rayon::prelude::*;
        pages.into_par_iter().for_each(drop);
    }
    model
}

/// Records each page (its workload from the file name or `ms.prod`) and its
/// own diagnostics; a page that yields nothing and says nothing is
/// `page-without-model`.
fn record_pages(model: &mut Model, pages: &[PageFacts], diagnostics: &mut Vec<Diagnostic>) {
    for page in pages {
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
            let title = if page.title.is_empty() {
                "untitled"
            } else {
                &page.title
            };
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                codes::PAGE_WITHOUT_MODEL,
                Location::start_of(&page.path),
                format!("this page ({title}) defines no type, enum or endpoint the generator recognizes"),
            ));
        }
    }
}

/// Checks every example body against the model (in parallel): its
/// findings, the placeholders it holds, and its verdict.
fn check_examples(
    model: &mut Model,
    diagnostics: &mut Vec<Diagnostic>,
    todos: &mut Vec<TodoFacts>,
) {
    use rayon::prelude::*;
    let checked: Vec<_> = model
        .examples
        .par_iter()
        .map(|example| super::examples::check_example(model, example))
        .collect();
    for (example, (found, placeholders)) in model.examples.iter_mut().zip(checked) {
        example.verdict = super::examples::verdict(example, &found);
        diagnostics.extend(found);
        todos.extend(placeholders);
    }
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

/// Small in-test pages for the builders' tests, and look-ups in the model
/// they build.
#[cfg(test)]
mod test_pages {
    use crate::diagnostics::Diagnostic;
    use crate::ir::{key_of, Model, TypeDef};
    use crate::source::SourceFile;

    /// The model of `pages`, each a (path, text) pair, as version `v1.0`.
    pub(super) fn model_of(pages: &[(&str, &str)]) -> Model {
        let files: Vec<SourceFile> = pages
            .iter()
            .map(|(path, text)| SourceFile::new(*path, *text))
            .collect();
        crate::build_version("v1.0", &files)
    }

    /// A `# {name} resource type` page in `microsoft.graph`: `intro` under
    /// the title, then a Properties table of `rows` (`name|Type|Description`).
    pub(super) fn resource(name: &str, intro: &str, rows: &[&str]) -> String {
        let mut page = format!(
            "# {name} resource type\n\nNamespace: microsoft.graph\n\n{intro}\n\n## Properties\n\
             |Property|Type|Description|\n|:---|:---|:---|\n"
        );
        for row in rows {
            page.push_str(&format!("|{row}|\n"));
        }
        page
    }

    /// The diagnostics of `model` with `code`.
    pub(super) fn with_code<'m>(model: &'m Model, code: &str) -> Vec<&'m Diagnostic> {
        model
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .collect()
    }

    /// The type `name` of `microsoft.graph`; the test fails without it.
    pub(super) fn type_named<'m>(model: &'m Model, name: &str) -> &'m TypeDef {
        model
            .types
            .get(&key_of(crate::extract::DEFAULT_NAMESPACE, name))
            .unwrap_or_else(|| panic!("no type `{name}` in {:?}", model.types.keys()))
    }
}

#[cfg(test)]
mod tests {
    use super::test_pages::{model_of, resource, with_code};
    use crate::diagnostics::{codes, Severity};

    #[test]
    fn a_page_that_yields_nothing_is_reported_as_page_without_model() {
        let thing = resource("thing", "A thing.", &["size|Int32|How big."]);
        let model = model_of(&[
            (
                "concepts/overview.md",
                "# Overview\n\nWhat the API is about.\n",
            ),
            ("resources/thing.md", &thing),
        ]);
        let found = with_code(&model, codes::PAGE_WITHOUT_MODEL);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&*found[0].source.path, "concepts/overview.md");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(
            found[0].message.contains("(Overview)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_model_does_not_depend_on_the_order_of_pages() {
        let a = resource(
            "thingA",
            "",
            &[
                "x|String|",
                "kind|thingKind|Possible values are: `on`, `off`.",
            ],
        );
        let b = resource(
            "thingA",
            "Also thingA.",
            &["x|Int32|Differs.", "y|mystery|Unknown type."],
        );
        let api =
            "# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\nGET /me/things\n```\n";
        let pages = [
            ("resources/a.md", a.as_str()),
            ("resources/b.md", b.as_str()),
            ("api/thing-get.md", api),
        ];
        let forward = model_of(&pages);
        let mut reversed_pages = pages;
        reversed_pages.reverse();
        let reversed = model_of(&reversed_pages);
        // The pages disagree, so the order they were merged in could show.
        assert!(!forward.diagnostics.is_empty());
        assert_eq!(format!("{forward:?}"), format!("{reversed:?}"));
    }

    #[test]
    fn diagnostics_are_sorted_and_pages_listed_by_path() {
        let b = resource(
            "thingB",
            "",
            &["y|mystery|Unknown.", "z|mystery|Unknown too."],
        );
        let a = resource("thingA", "", &["x|enigma|Unknown."]);
        let model = model_of(&[
            ("resources/b.md", &b),
            ("concepts/overview.md", "# Overview\n\nNo model here.\n"),
            ("resources/a.md", &a),
        ]);
        // Found first (an info, from reading the pages) but sorted after the
        // warnings found later (types resolved).
        assert_eq!(with_code(&model, codes::PAGE_WITHOUT_MODEL).len(), 1);
        assert_eq!(with_code(&model, codes::UNRESOLVED_TYPE).len(), 3);
        assert!(
            model.diagnostics.windows(2).all(|w| w[0] < w[1]),
            "{:?}",
            model.diagnostics
        );
        let paths: Vec<&str> = model.pages.iter().map(|p| &*p.path).collect();
        assert_eq!(
            paths,
            ["concepts/overview.md", "resources/a.md", "resources/b.md"]
        );
    }
}
