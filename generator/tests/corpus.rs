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

const FOLDERS: [&str; 3] = [
    "graph-docs-2021-07/v1.0",
    "graph-docs-2021-07/beta",
    "graph-docs-2020-04/beta",
];

fn pages_with_output(model: &Model) -> BTreeSet<&str> {
    let mut seen = BTreeSet::new();
    for t in model.types.values() {
        seen.extend(t.sources.iter().map(|s| &*s.path));
        seen.extend(
            t.properties
                .iter()
                .chain(&t.relationships)
                .map(|p| &*p.source.path),
        );
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
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    for folder in FOLDERS {
        let dir = corpus.join(folder);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        let (docs, load_diagnostics) = load_docs(std::slice::from_ref(&dir)).expect("corpus loads");
        let models = build_models(&docs);
        let summary = Summary::of(&models);
        println!(
            "== {folder} ({} load diagnostics)\n{}",
            load_diagnostics.len(),
            summary.render()
        );
        let pages: usize = docs.versions.values().map(Vec::len).sum();
        assert!(pages > 3000, "{folder}: only {pages} pages");
        assert_eq!(summary.pages, pages);
        assert!(
            summary.types > 500 && summary.enums > 200 && summary.endpoints > 1000,
            "{folder}: {summary:?}"
        );
        for model in &models {
            let with_output = pages_with_output(model);
            let silent: Vec<&str> = model
                .pages
                .iter()
                .map(|p| &*p.path)
                .filter(|p| !with_output.contains(p))
                .collect();
            assert!(
                silent.is_empty(),
                "{folder}: pages with neither model items nor a diagnostic: {silent:?}"
            );
            for d in &model.diagnostics {
                assert!(d.source.line >= 1 && d.source.column >= 1, "{d:?}");
            }
        }
        let files = emit_crate(&models, &EmitOptions::default()).expect("the corpus crate emits");
        assert!(
            files.len() > summary.types,
            "{folder}: {} files",
            files.len()
        );
    }
}

/// The front matter fast path (flat `key: value` lines) reads every corpus
/// page's front matter exactly as the YAML library does.
#[test]
fn front_matter_fast_path_agrees_with_the_yaml_library() {
    use graph_docs_codegen::parse::FrontMatter;
    use graph_docs_codegen::source::Location;
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let (mut pages, mut flat, mut disagreeing) = (0, 0, Vec::new());
    for folder in FOLDERS {
        let (docs, _) = load_docs(&[corpus.join(folder)]).expect("corpus loads");
        for file in docs.files() {
            let Some(rest) = file.text.strip_prefix("---\n") else {
                continue;
            };
            let Some(end) = rest.find("\n---") else {
                continue;
            };
            let yaml = &rest[..end + 1];
            let start = Location::start_of(&file.path).offset_lines(1, 1);
            let (mut fast_diagnostics, mut slow_diagnostics) = (Vec::new(), Vec::new());
            let fast = FrontMatter::parse(yaml, &start, &mut fast_diagnostics);
            let slow = FrontMatter::parse_with_yaml_library(yaml, &start, &mut slow_diagnostics);
            pages += 1;
            flat += usize::from(FrontMatter::is_flat(yaml));
            if fast != slow || fast_diagnostics != slow_diagnostics {
                disagreeing.push(file.path.to_string());
            }
        }
    }
    println!("front matter: {pages} pages compared, {flat} of them read by the fast path");
    assert!(pages > 10_000, "only {pages} pages with front matter");
    assert!(
        flat * 10 > pages * 9,
        "only {flat} of {pages} front matters took the fast path"
    );
    assert!(
        disagreeing.is_empty(),
        "the fast path reads these differently: {disagreeing:?}"
    );
}
