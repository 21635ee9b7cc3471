//! Benchmarks of each stage over a whole corpus folder (default
//! `../shared/corpus/graph-docs-2021-07/beta`; set `GRAPH_DOCS_BENCH_DIR`).
//! `pulldown_cmark_only` is the yardstick: the markdown parser alone on the
//! same bytes, on one core. Run with `cargo bench -p graph-docs-codegen`.

use graph_docs_codegen::emit::{emit_crate, EmitOptions};
use graph_docs_codegen::extract::{extract_page, PageFacts};
use graph_docs_codegen::ir::{build_model, Model};
use graph_docs_codegen::parse::{parse_page, Page};
use graph_docs_codegen::source::SourceFile;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The same allocator as the binaries, so the figures are the commands'.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    if files().is_empty() {
        eprintln!("NOTICE: no corpus pages found; set GRAPH_DOCS_BENCH_DIR");
        return;
    }
    divan::main();
}

fn dir() -> PathBuf {
    std::env::var_os("GRAPH_DOCS_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../shared/corpus/graph-docs-2021-07/beta")
        })
}

fn files() -> &'static [SourceFile] {
    static FILES: OnceLock<Vec<SourceFile>> = OnceLock::new();
    FILES.get_or_init(
        || match graph_docs_codegen::workspace::load_docs(&[dir()]) {
            Ok((docs, _)) => docs.files().cloned().collect(),
            Err(_) => Vec::new(),
        },
    )
}

fn pages() -> &'static [Page] {
    static PAGES: OnceLock<Vec<Page>> = OnceLock::new();
    PAGES.get_or_init(|| files().par_iter().map(parse_page).collect())
}

fn facts() -> &'static [PageFacts] {
    static FACTS: OnceLock<Vec<PageFacts>> = OnceLock::new();
    FACTS.get_or_init(|| pages().par_iter().map(extract_page).collect())
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| build_model("beta", facts().to_vec()))
}

#[divan::bench(sample_count = 10)]
fn pulldown_cmark_only() -> usize {
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    files()
        .iter()
        .map(|f| pulldown_cmark::Parser::new_ext(&f.text, options).count())
        .sum()
}

#[divan::bench(sample_count = 10)]
fn parse_one_core() -> usize {
    files().iter().map(|f| parse_page(f).blocks.len()).sum()
}

#[divan::bench(sample_count = 10)]
fn parse() -> usize {
    files().par_iter().map(|f| parse_page(f).blocks.len()).sum()
}

#[divan::bench(sample_count = 10)]
fn extract() -> usize {
    pages()
        .par_iter()
        .map(|p| extract_page(p).types.len())
        .sum()
}

#[divan::bench(sample_count = 10)]
fn ir(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| facts().to_vec())
        .bench_values(|f| build_model("beta", f).types.len());
}

#[divan::bench(sample_count = 10)]
fn whole_ir_command() -> usize {
    graph_docs_codegen::build_version("beta", files())
        .types
        .len()
}

/// The floor under the `ir` command: reading the folder and running
/// pulldown-cmark on every page on all cores, nothing else. When this alone
/// takes longer than `pulldown_cmark_only`, no `ir` command can meet a 1×
/// target.
#[divan::bench(sample_count = 10)]
fn floor_read_and_pulldown() -> std::io::Result<usize> {
    let (docs, _) =
        graph_docs_codegen::workspace::load_docs(&[dir()]).map_err(std::io::Error::other)?;
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    let files: Vec<&SourceFile> = docs.files().collect();
    Ok(files
        .par_iter()
        .map(|f| pulldown_cmark::Parser::new_ext(&f.text, options).count())
        .sum())
}

/// The `ir` JSON of the model, written to a sink.
#[divan::bench(sample_count = 10)]
fn ir_json() -> std::io::Result<()> {
    graph_docs_codegen::ir::json::write_json(std::slice::from_ref(model()), &mut std::io::sink())
}

/// The `ir` command end to end, in process: the folder read, the model built
/// and the JSON written (to a sink instead of a file).
#[divan::bench(sample_count = 10)]
fn ir_command_in_process() -> std::io::Result<()> {
    let (docs, _) =
        graph_docs_codegen::workspace::load_docs(&[dir()]).map_err(std::io::Error::other)?;
    let models = graph_docs_codegen::build_models(&docs);
    graph_docs_codegen::ir::json::write_json(&models, &mut std::io::BufWriter::new(std::io::sink()))
}

#[divan::bench(sample_count = 5)]
fn emit() -> usize {
    emit_crate(std::slice::from_ref(model()), &EmitOptions::default())
        .map(|f| f.len())
        .unwrap_or(0)
}

/// `drift` of 2020-04 beta → 2021-07 beta (both folders read, modelled and
/// compared), as the command runs it.
#[divan::bench(sample_count = 5)]
fn drift_beta_pair() -> usize {
    let corpus = dir().join("../..");
    let (old, new) = rayon::join(
        || {
            graph_docs_codegen::workspace::load_side(
                corpus
                    .join("graph-docs-2020-04/beta")
                    .to_str()
                    .unwrap_or(""),
            )
        },
        || {
            graph_docs_codegen::workspace::load_side(
                corpus
                    .join("graph-docs-2021-07/beta")
                    .to_str()
                    .unwrap_or(""),
            )
        },
    );
    let (Ok((old, _)), Ok((new, _))) = (old, new) else {
        return 0;
    };
    let (old, new) = rayon::join(
        || graph_docs_codegen::build_models(&old),
        || graph_docs_codegen::build_models(&new),
    );
    graph_docs_codegen::drift::diff_models(&old[0], &new[0], &Default::default()).len()
}
