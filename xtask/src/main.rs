//! `cargo xtask`: the project's tasks, a thin layer over the generator's
//! command line with this repository's folders as defaults.

use graph_docs_codegen::cli::{run, Defaults};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The binary allocates many small strings per page; mimalloc is markedly
/// faster at that than the system allocator (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_owned)
        .unwrap_or_else(|| PathBuf::from("."));
    let defaults = Defaults {
        docs: vec![root.join("docs-input")],
        out: root.join("generated"),
        workspace_member: Some(root.join("generated")),
        regen_command: "cargo xtask regen".to_owned(),
        todo_baseline: Some(root.join("docs-input/todo-baseline.json")),
        drift_config: Some(root.join("docs-input/drift.yaml")),
        program: "cargo xtask",
    };
    run(&defaults, std::env::args().skip(1))
}
