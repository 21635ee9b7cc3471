//! `--metadata [VERSION=]FILE` (`ir`, `regen`, `check`) and metadata files
//! as `drift` sides: which API version a file is, and reading it.

use crate::diagnostics::Severity;
use crate::ir::Model;
use crate::workspace::read_metadata_spec;
use clap::Args;
use std::path::{Path, PathBuf};

/// The service's metadata to read beside the docs.
#[derive(Debug, Args)]
pub struct MetadataArgs {
    /// The service's metadata (CSDL XML) of an API version, which types the docs' model (repeatable). Without `VERSION=`: the docs' one version (`drift`: the version its file name starts with, `v1.0-2022-01-21.xml`).
    #[arg(long = "metadata", value_name = "[VERSION=]FILE", value_parser = parse_metadata)]
    pub metadata: Vec<MetadataSpec>,
}

/// One `--metadata` flag.
#[derive(Clone, Debug)]
pub struct MetadataSpec {
    /// The version named before `=`, if any.
    pub version: Option<String>,
    /// The file.
    pub path: PathBuf,
}

/// Reads `[VERSION=]FILE`: a prefix before `=` that is a version name
/// (`v1.0=meta.xml`) names the version; anything else is all path.
fn parse_metadata(text: &str) -> Result<MetadataSpec, String> {
    let spec = match text.split_once('=') {
        Some((version, path)) if crate::source::is_version_name(version) => MetadataSpec {
            version: Some(version.to_owned()),
            path: PathBuf::from(path),
        },
        _ => MetadataSpec {
            version: None,
            path: PathBuf::from(text),
        },
    };
    if spec.path.as_os_str().is_empty() {
        return Err("name a metadata file: `--metadata [VERSION=]FILE`".to_owned());
    }
    Ok(spec)
}

impl MetadataArgs {
    /// Reads every file, each as the model of its version: the one it
    /// names, else the docs' only version (`docs_versions`). Errors when a
    /// file cannot be read or its version cannot be told.
    pub fn read(&self, docs_versions: &[&str]) -> Result<Vec<Model>, String> {
        let mut models = Vec::with_capacity(self.metadata.len());
        for spec in &self.metadata {
            let version = match (&spec.version, docs_versions) {
                (Some(v), _) => v.clone(),
                (None, [one]) => (*one).to_owned(),
                (None, []) => version_of_file(&spec.path, None),
                (None, many) => {
                    return Err(format!(
                        "{}: the docs have several API versions ({}); say which this metadata is: `--metadata VERSION={}`",
                        spec.path.display(),
                        many.join(", "),
                        spec.path.display()
                    ))
                }
            };
            models.push(read_file(&spec.path.to_string_lossy(), &version)?);
        }
        Ok(models)
    }
}

/// The API version of a metadata file that is a drift side: `given`
/// (`--api-version` and its one-side forms), else the first `-`-separated
/// part of its file name when that is a version name (`v1.0-2022-01-21.xml`
/// is `v1.0`), else `default`.
pub fn version_of_file(path: &Path, given: Option<&str>) -> String {
    if let Some(v) = given {
        return v.to_owned();
    }
    // The file name after any `git:REV:` and folders.
    let text = path.to_string_lossy();
    let name = text.rsplit(['/', '\\', ':']).next().unwrap_or_default();
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.split('-')
        .next()
        .filter(|s| crate::source::is_version_name(s))
        .unwrap_or("default")
        .to_owned()
}

/// `metadata meta.xml (v1.0): 1,024 types, 320 enums; 0 errors, 2 warnings`.
pub fn summary_line(path: &Path, model: &Model) -> String {
    let count = |severity: Severity| {
        model
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    format!(
        "metadata {} ({}): {}, {}; {}, {}",
        path.display(),
        model.version,
        crate::report::counted(model.types.len(), "type", "types"),
        crate::report::counted(model.enums.len(), "enum", "enums"),
        crate::report::counted(count(Severity::Error), "error", "errors"),
        crate::report::counted(count(Severity::Warning), "warning", "warnings"),
    )
}

/// A drift side that is a metadata file, as the model of its version;
/// stops (an error) when the file is not XML, so that a broken file is not
/// read as every type removed.
pub fn read_side(spec: &str, given_version: Option<&str>) -> Result<Model, String> {
    let model = read_file(spec, &version_of_file(Path::new(spec), given_version))?;
    for d in model
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        eprintln!("{}", crate::report::render_line(d, ""));
    }
    Ok(model)
}

/// Reads one metadata file (a path or `git:REV:PATH`) as the model of
/// `version` and prints its summary line; an error when the file cannot be
/// read, or when it has errors and nothing could be read from it (a broken
/// file must not pass for a service without types).
fn read_file(spec: &str, version: &str) -> Result<Model, String> {
    let model = read_metadata_spec(spec, version).map_err(|e| e.to_string())?;
    eprintln!("{}", summary_line(Path::new(spec), &model));
    let mut errors = model
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .peekable();
    if model.types.is_empty() && model.enums.is_empty() && errors.peek().is_some() {
        let lines: Vec<String> = errors.map(|d| crate::report::render_line(d, "")).collect();
        return Err(lines.join("\n"));
    }
    Ok(model)
}

/// Where the docs and the metadata of the same version disagree: drift with
/// the docs as the old side, worded as such (`build_with` has made sure
/// each metadata file is of a docs version).
pub(super) fn disagreements(
    models: &[Model],
    metadata: &[Model],
    config: &crate::drift::Config,
) -> Vec<crate::drift::Change> {
    crate::drift::pair_versions(models, metadata)
        .diff(crate::drift::Sides::DocsThenMetadata, config)
}

/// Prints how many places the docs and the metadata disagree, by rule, and
/// applies `max`: `false` when there are more.
pub(super) fn disagreement_budget(changes: &[crate::drift::Change], max: Option<usize>) -> bool {
    let mut by_rule: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for c in changes {
        *by_rule.entry(c.rule.id()).or_default() += 1;
    }
    let rules: Vec<String> = by_rule
        .iter()
        .map(|(rule, n)| format!("{rule} {n}"))
        .collect();
    let budget = max.map(|m| format!(" (budget {m})")).unwrap_or_default();
    eprintln!(
        "docs beside the metadata: {} disagreements{budget}{}{}",
        changes.len(),
        if rules.is_empty() { "" } else { ": " },
        rules.join(", ")
    );
    match max {
        Some(m) if changes.len() > m => {
            eprintln!(
                "the docs and the metadata disagree in more places than the budget allows; \
                 `drift DOCS METADATA.xml` lists them"
            );
            false
        }
        _ => true,
    }
}

/// The docs' models of each version, typed from that version's metadata
/// when there is one, and, when `keep_docs_only` and there is metadata, the
/// docs' own models beside them, for what compares the docs with the
/// metadata. Two metadata files of one version, or one of a version the
/// docs lack, are errors.
pub(super) fn build_with(
    docs: &crate::DocsSet,
    metadata: &[Model],
    keep_docs_only: bool,
) -> Result<(Vec<Model>, Vec<Model>), String> {
    let mut by_version: std::collections::BTreeMap<String, Model> = Default::default();
    for m in metadata {
        if !docs.versions.contains_key(&m.version) {
            let versions: Vec<&str> = docs.versions.keys().map(String::as_str).collect();
            return Err(format!(
                "metadata of version `{}`, but the docs have {}: name the version with `--metadata VERSION=FILE`",
                m.version,
                versions.join(", ")
            ));
        }
        if by_version.insert(m.version.clone(), m.clone()).is_some() {
            return Err(format!(
                "two metadata files of version `{}`: give one per version",
                m.version
            ));
        }
    }
    if by_version.is_empty() {
        return Ok((crate::build_models(docs), Vec::new()));
    }
    if !keep_docs_only {
        return Ok((
            crate::build_models_with_metadata(docs, &by_version),
            Vec::new(),
        ));
    }
    Ok(rayon::join(
        || crate::build_models_with_metadata(docs, &by_version),
        || crate::build_models(docs),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_prefix_names_the_version_and_anything_else_is_path() {
        let s = parse_metadata("v1.0=a/meta.xml").unwrap();
        assert_eq!(
            (s.version.as_deref(), s.path),
            (Some("v1.0"), PathBuf::from("a/meta.xml"))
        );
        let s = parse_metadata("x=y.xml").unwrap();
        assert_eq!((s.version, s.path), (None, PathBuf::from("x=y.xml")));
        assert!(parse_metadata("beta=").is_err());
    }

    #[test]
    fn a_files_version_is_given_else_its_names_else_default() {
        let p = Path::new("dir/v1.0-2022-01-21.xml");
        assert_eq!(version_of_file(p, None), "v1.0");
        assert_eq!(version_of_file(p, Some("beta")), "beta");
        assert_eq!(version_of_file(Path::new("beta.xml"), None), "beta");
        assert_eq!(version_of_file(Path::new("metadata.xml"), None), "default");
    }
}
