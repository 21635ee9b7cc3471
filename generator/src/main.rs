//! `graph-docs-codegen`: the generator's command line, for any docs tree.

use graph_docs_codegen::cli::{run, Defaults};
use std::path::PathBuf;
use std::process::ExitCode;

/// The binary allocates many small strings per page; mimalloc is markedly
/// faster at that than the system allocator (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let defaults = Defaults {
        docs: vec![PathBuf::from("docs-input")],
        out: PathBuf::from("generated"),
        workspace_member: None,
        regen_command: "graph-docs-codegen regen".to_owned(),
        todo_baseline: None,
        drift_config: Some(PathBuf::from("drift.yaml")),
        program: "graph-docs-codegen",
    };
    run(&defaults, std::env::args().skip(1))
}
