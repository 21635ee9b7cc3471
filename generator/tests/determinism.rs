//! The same output bytes whatever order the pages are read in, and however
//! many threads read them.

mod common;

use graph_docs_codegen::emit::{emit_crate, EmitOptions};
use graph_docs_codegen::source::SourceFile;
use graph_docs_codegen::workspace::load_docs;
use graph_docs_codegen::{build_version, ir};

fn output(
    files: &[(String, Vec<SourceFile>)],
) -> (String, Vec<graph_docs_codegen::emit::GeneratedFile>) {
    let models: Vec<ir::Model> = files.iter().map(|(v, f)| build_version(v, f)).collect();
    let emitted = emit_crate(&models, &EmitOptions::default()).expect("emits");
    (ir::json::to_json(&models), emitted)
}

/// A deterministic shuffle (no randomness in tests): rotate and interleave.
fn reorder(files: &[SourceFile], seed: usize) -> Vec<SourceFile> {
    let mut out: Vec<SourceFile> = files.to_vec();
    out.rotate_left(seed % files.len().max(1));
    let (a, b) = out.split_at(out.len() / 2);
    b.iter().rev().chain(a.iter()).cloned().collect()
}

#[test]
fn page_order_and_thread_count_do_not_change_the_output() {
    let root = common::repo_root();
    let mut folders = vec![root.join("docs-input")];
    folders.extend(common::golden_pages());
    let (docs, _) = load_docs(&folders).expect("docs load");
    let sorted: Vec<(String, Vec<SourceFile>)> = docs
        .versions
        .iter()
        .map(|(v, f)| (v.clone(), f.clone()))
        .collect();
    let expected = output(&sorted);
    assert!(!expected.1.is_empty());
    for seed in 1..4 {
        let shuffled: Vec<(String, Vec<SourceFile>)> = sorted
            .iter()
            .rev()
            .map(|(v, f)| (v.clone(), reorder(f, seed)))
            .collect();
        assert_ne!(
            shuffled[0]
                .1
                .iter()
                .map(|f| f.path.clone())
                .collect::<Vec<_>>(),
            sorted
                .iter()
                .next_back()
                .unwrap()
                .1
                .iter()
                .map(|f| f.path.clone())
                .collect::<Vec<_>>(),
            "the reorder must actually change the order"
        );
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(seed)
            .build()
            .expect("thread pool");
        let got = pool.install(|| output(&shuffled));
        assert_eq!(got.0, expected.0, "IR JSON differs for reorder {seed}");
        assert_eq!(
            got.1, expected.1,
            "generated files differ for reorder {seed}"
        );
    }
}

#[test]
fn two_folders_with_the_same_page_path_give_the_same_output_in_either_order() {
    let tmp = tempfile::tempdir().unwrap();
    for (dir, member) in [("a", "x"), ("b", "y")] {
        let path = tmp.path().join(dir).join("v1.0/resources");
        std::fs::create_dir_all(&path).unwrap();
        std::fs::write(
            path.join("e.md"),
            format!("# e enum type\n\n## Members\n|Member|\n|-|\n|{member}|\n"),
        )
        .unwrap();
    }
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let (one, d1) = load_docs(&[a.clone(), b.clone()]).unwrap();
    let (two, d2) = load_docs(&[b, a]).unwrap();
    let json = |docs: &graph_docs_codegen::DocsSet| {
        ir::json::to_json(&graph_docs_codegen::build_models(docs))
    };
    assert_eq!(json(&one), json(&two));
    assert!(
        d1.iter().chain(&d2).all(|d| d.code == "duplicate-page") && d1.len() == 1 && d2.len() == 1
    );
}
