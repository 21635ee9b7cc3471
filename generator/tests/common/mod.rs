//! Shared helpers of the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The two request paths of seeds 000 and 001 ("Create deviceStatuses").
pub const DEVICE_STATUSES_PATHS: [&str; 2] = [
    "/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses",
    "/deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses",
];

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("generator/ has a parent")
        .to_owned()
}

/// `../shared` beside the repository, or `$GRAPH_DOCS_SHARED`.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("GRAPH_DOCS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"))
}

/// The corpus folder: `$GRAPH_DOCS_CORPUS`, else `../shared/corpus`. `None`
/// (after printing a notice) when it is missing outside CI; a panic when it is
/// missing and `CI` is set.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("GRAPH_DOCS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared_dir().join("corpus"));
    required(dir, "corpus")
}

/// The seeds folder, with the same rules as [`corpus_dir`].
pub fn seeds_dir() -> Option<PathBuf> {
    required(shared_dir().join("seeds"), "seeds")
}

fn required(dir: PathBuf, what: &str) -> Option<PathBuf> {
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "the {what} folder {} is missing, and CI is set: it must be there",
            dir.display()
        );
    }
    eprintln!("NOTICE: skipping: the {what} folder {} is missing (set GRAPH_DOCS_CORPUS / GRAPH_DOCS_SHARED)", dir.display());
    None
}

/// The seed page whose file name starts with `prefix`, as a source file named
/// by its file name; `None` when the seeds folder is missing (outside CI).
pub fn seed(prefix: &str) -> Option<graph_docs_codegen::source::SourceFile> {
    let dir = seeds_dir()?;
    let path = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })?;
    Some(graph_docs_codegen::source::SourceFile::new(
        path.file_name()?.to_string_lossy(),
        std::fs::read_to_string(&path).ok()?,
    ))
}
pub mod render_published;
