//! graph-docs-codegen: turns Microsoft Graph reference pages into a typed Rust
//! crate.
//!
//! The pipeline, one module per stage, all pure (no I/O):
//! [`parse`] (pulldown-cmark → located blocks) → [`extract`] (blocks → facts:
//! property tables, enum lists, HTTP requests, examples) → [`ir`] (facts of
//! every page → one model per API version, disagreements as diagnostics) →
//! [`emit`] (model → Rust files via quote and prettyplease).
//! [`workspace`] is the only module that touches the file system, and [`cli`]
//! is the command line shared by the binary and `cargo xtask`.

pub mod cli;
pub mod diagnostics;
pub mod drift;
pub mod emit;
pub mod extract;
pub mod ir;
pub mod metadata;
pub mod naming;
pub mod parse;
pub mod report;
pub mod source;
pub mod workspace;

#[cfg(test)]
mod test_support;

use rayon::prelude::*;
use source::SourceFile;
use std::collections::BTreeMap;

/// The pages of a docs tree, grouped by API version.
#[derive(Clone, Debug, Default)]
pub struct DocsSet {
    /// Pages by version (`v1.0`, `beta`), each list sorted by path.
    pub versions: BTreeMap<String, Vec<SourceFile>>,
}

impl DocsSet {
    /// Adds a page to a version, keeping the list sorted. Paths are unique
    /// within a version: of two pages with the same path, the one whose text
    /// sorts first is kept (whatever the order they come in) and `false` is
    /// returned.
    pub fn add(&mut self, version: &str, file: SourceFile) -> bool {
        let files = self.versions.entry(version.to_owned()).or_default();
        let at = files.partition_point(|f| f.path < file.path);
        if let Some(existing) = files.get_mut(at).filter(|f| f.path == file.path) {
            if file.text < existing.text {
                *existing = file;
            }
            return false;
        }
        files.insert(at, file);
        true
    }

    /// Parses every page as `format` (`None`: each page's format is detected
    /// from its text).
    pub fn set_format(&mut self, format: Option<parse::InputFormat>) {
        for file in self.versions.values_mut().flatten() {
            file.format = format;
        }
    }

    /// Every page.
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        self.versions.values().flatten()
    }
}

/// Parses and extracts one page.
pub fn analyze_page(file: &SourceFile) -> extract::PageFacts {
    extract::extract_page(&parse::parse_page(file))
}

/// Builds the model of one API version (pages are analyzed in parallel).
pub fn build_version(version: &str, files: &[SourceFile]) -> ir::Model {
    build_version_with_metadata(version, files, None)
}

/// [`build_version`] with the types and enums of the service metadata of
/// that version merged in (see [`ir::build_model_with_metadata`]).
pub fn build_version_with_metadata(
    version: &str,
    files: &[SourceFile],
    metadata: Option<&ir::Model>,
) -> ir::Model {
    let facts: Vec<extract::PageFacts> = files.par_iter().map(analyze_page).collect();
    ir::build_model_with_metadata(version, facts, metadata)
}

/// Builds the model of every version of a docs set, sorted by version.
pub fn build_models(docs: &DocsSet) -> Vec<ir::Model> {
    build_models_with_metadata(docs, &BTreeMap::new())
}

/// [`build_models`], each version with the metadata model `metadata` holds
/// for it (by version name) merged in; a version without one is built from
/// its pages alone.
pub fn build_models_with_metadata(
    docs: &DocsSet,
    metadata: &BTreeMap<String, ir::Model>,
) -> Vec<ir::Model> {
    docs.versions
        .iter()
        .map(|(version, files)| build_version_with_metadata(version, files, metadata.get(version)))
        .collect()
}

/// The whole pipeline: docs → crate files.
pub fn generate(
    docs: &DocsSet,
    options: &emit::EmitOptions,
) -> Result<(Vec<ir::Model>, Vec<emit::GeneratedFile>), emit::EmitError> {
    let models = build_models(docs);
    let files = emit::emit_crate(&models, options)?;
    Ok((models, files))
}
