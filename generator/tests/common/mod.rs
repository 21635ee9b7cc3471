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

/// A golden: a directory under `generator/tests/goldens/`, named after the
/// behaviour it pins, holding fixture pages (`pages/`) and what they generate
/// (`ir.json`, `crate/`). `tests/golden.rs` checks them.
#[derive(Clone, Debug)]
pub struct Golden {
    /// The directory's name: the behaviour.
    pub name: String,
    /// The directory.
    pub dir: PathBuf,
}

impl Golden {
    /// The docs tree of its pages (`pages/v1.0/...`).
    pub fn pages(&self) -> PathBuf {
        self.dir.join("pages")
    }

    /// The generated crate, a workspace member.
    pub fn crate_dir(&self) -> PathBuf {
        self.dir.join("crate")
    }
}

/// `generator/tests/goldens`.
pub fn goldens_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goldens")
}

/// Every golden, by name: each directory under [`goldens_dir`] is one.
pub fn goldens() -> Vec<Golden> {
    let dir = goldens_dir();
    let mut found: Vec<Golden> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| Golden {
            name: e.file_name().to_string_lossy().into_owned(),
            dir: e.path(),
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// The golden named `name`.
pub fn golden(name: &str) -> Golden {
    goldens()
        .into_iter()
        .find(|g| g.name == name)
        .unwrap_or_else(|| panic!("no golden named `{name}` under {}", goldens_dir().display()))
}

/// The page folders of every golden, for tests that read all fixture pages
/// at once. A page kept in several goldens is the same page in each (a test
/// of `tests/golden.rs`), so loading reads it once, from the first folder.
pub fn golden_pages() -> Vec<PathBuf> {
    goldens().iter().map(Golden::pages).collect()
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

/// The service's metadata files: `$GRAPH_DOCS_METADATA`, else
/// `../shared/metadata`, with the same rules as [`corpus_dir`].
pub fn metadata_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("GRAPH_DOCS_METADATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared_dir().join("metadata"));
    required(dir, "metadata")
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
