//! The whole corpus (`../shared/corpus`, or `$GRAPH_DOCS_CORPUS`): the
//! pipeline runs over every page without a panic, every page yields model
//! items or a located diagnostic, and every version's crate is emitted.
//! Prints a summary per folder (run with `--nocapture` to see it).

mod common;

use graph_docs_codegen::emit::{emit_crate, EmitOptions};
use graph_docs_codegen::report::Summary;
use graph_docs_codegen::workspace::load_docs;
use graph_docs_codegen::{build_models, ir::Model};
use std::collections::BTreeSet;

const FOLDERS: [&str; 3] = ["graph-docs-2021-07/v1.0", "graph-docs-2021-07/beta", "graph-docs-2020-04/beta"];

fn pages_with_output(model: &Model) -> BTreeSet<&str> {
    let mut seen = BTreeSet::new();
    for t in model.types.values() {
        seen.extend(t.sources.iter().map(|s| &*s.path));
        seen.extend(t.properties.iter().chain(&t.relationships).map(|p| &*p.source.path));
    }
    for e in model.enums.values() {
        seen.extend(e.sources.iter().map(|s| &*s.source.path));
    }
    seen.extend(model.endpoints.iter().map(|e| &*e.source.path));
    seen.extend(model.diagnostics.iter().map(|d| &*d.source.path));
    seen
}

#[test]
fn every_corpus_page_goes_through_the_pipeline() {
    let Some(corpus) = common::corpus_dir() else { return };
    for folder in FOLDERS {
        let dir = corpus.join(folder);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        let (docs, load_diagnostics) = load_docs(&[dir.clone()]).expect("corpus loads");
        let models = build_models(&docs);
        let summary = Summary::of(&models);
        println!("== {folder} ({} load diagnostics)\n{}", load_diagnostics.len(), summary.render());
        let pages: usize = docs.versions.values().map(Vec::len).sum();
        assert!(pages > 3000, "{folder}: only {pages} pages");
        assert_eq!(summary.pages, pages);
        assert!(summary.types > 500 && summary.enums > 200 && summary.endpoints > 1000, "{folder}: {summary:?}");
        for model in &models {
            let with_output = pages_with_output(model);
            let silent: Vec<&str> = model.pages.iter().map(|p| &*p.path).filter(|p| !with_output.contains(p)).collect();
            assert!(silent.is_empty(), "{folder}: pages with neither model items nor a diagnostic: {silent:?}");
            for d in &model.diagnostics {
                assert!(d.source.line >= 1 && d.source.column >= 1, "{d:?}");
            }
        }
        let files = emit_crate(&models, &EmitOptions::default()).expect("the corpus crate emits");
        assert!(files.len() > summary.types, "{folder}: {} files", files.len());
    }
}
