//! The only module with file-system I/O: reading docs trees, writing the
//! generated crate, and comparing it with what is on disk.

use crate::diagnostics::{Diagnostic, Severity};
use crate::emit::{GeneratedFile, GENERATED_MARKER};
use crate::source::{Location, SourceFile};
use crate::DocsSet;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// An I/O problem, naming the path.
#[derive(Debug)]
pub struct IoError {
    /// The path involved.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for IoError {}

fn io_err(path: &Path, e: impl fmt::Display) -> IoError {
    IoError {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

/// Re-exported from [`crate::source`], where it lives, for the modules that
/// still name it here.
mod git;
mod versions;

use versions::{versions_of_root, RootPages};

fn components(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Reads a file as a page. Invalid UTF-8 is replaced and reported.
fn read_page(
    path: &Path,
    display: String,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<SourceFile, IoError> {
    let bytes = fs::read(path).map_err(|e| io_err(path, e))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let file = SourceFile::new(display.clone(), text.clone());
            let index = crate::source::LineIndex::new(file.path.clone(), &file.text);
            diagnostics.push(Diagnostic::new(
                Severity::Error,
                crate::diagnostics::codes::INVALID_UTF8,
                index.location(&file.text, valid.min(file.text.len())),
                format!("{display} is not valid UTF-8 (first bad byte at offset {valid}); bad bytes were replaced"),
            ));
            text
        }
    };
    Ok(SourceFile::new(display, text))
}

/// Reads docs trees and single files. In a folder, pages are the `.md` files
/// (recursively, `target` and hidden folders skipped); a file named directly
/// is read whatever its extension. Page paths are relative to the folder
/// named (or the file's name), so output does not depend on where the tree is.
/// A tree without version folders is one API version, read from its example
/// URLs (see [`load_docs_as`]).
pub fn load_docs(paths: &[PathBuf]) -> Result<(DocsSet, Vec<Diagnostic>), IoError> {
    load_docs_as(paths, None)
}

/// [`load_docs`], with `api_version` (a version name, such as `v1.0`) as the
/// version of each tree without version folders instead of the one its
/// example URLs name. A tree with version folders and an `api_version` is an
/// error: its folders already say.
pub fn load_docs_as(
    paths: &[PathBuf],
    api_version: Option<&str>,
) -> Result<(DocsSet, Vec<Diagnostic>), IoError> {
    let mut docs = DocsSet::default();
    let mut diagnostics = Vec::new();
    for root in paths {
        let meta = fs::metadata(root).map_err(|e| io_err(root, e))?;
        let (pages, duplicate) = if meta.is_file() {
            let page = read_named_file(root, &mut diagnostics)?;
            (vec![page], "this page was named twice; it was read once")
        } else {
            (
                read_folder(root, &mut diagnostics)?,
                "two docs folders hold a page at this path; only one of them was read (name folders whose pages have distinct paths)",
            )
        };
        for (version, mut files) in versions_of_root(root, pages, api_version, &mut diagnostics)? {
            // In the order the set keeps, so each page is added at the end.
            files.sort_by(|a, b| a.path.cmp(&b.path));
            for file in files {
                let location = Location::start_of(&file.path);
                if !docs.add(&version, file) {
                    diagnostics.push(Diagnostic::new(
                        Severity::Warning,
                        "duplicate-page",
                        location,
                        duplicate,
                    ));
                }
            }
        }
    }
    Ok((docs, diagnostics))
}

/// A file named directly: its page is named by the file's name, and the
/// path as given may name its version.
fn read_named_file(
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(Vec<String>, SourceFile), IoError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = read_page(path, name, diagnostics)?;
    Ok((components(path), file))
}

/// The pages of a folder, each with the components that may name its
/// version: those below the root, or the root's own name; never those of
/// where the tree happens to sit.
fn read_folder(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Result<RootPages, IoError> {
    let root_components: Vec<String> = components(root).last().cloned().into_iter().collect();
    let mut found = Vec::new();
    walk(root, &mut found)?;
    // Any fixed order will do (the pages are sorted by their relative
    // path later); comparing bytes is much cheaper than comparing paths.
    found.sort_unstable_by(|a, b| {
        a.as_os_str()
            .as_encoded_bytes()
            .cmp(b.as_os_str().as_encoded_bytes())
    });
    // Read in parallel; the result does not depend on the order.
    use rayon::prelude::*;
    /// A page read from disk: its version components, the file, and what reading it found.
    type ReadPage = (Vec<String>, SourceFile, Vec<Diagnostic>);
    let read: Vec<Result<ReadPage, IoError>> = found
        .par_iter()
        .map(|path| {
            let rel = path.strip_prefix(root).unwrap_or(path);
            let rel_components = components(rel);
            let display = rel_components.join("/");
            let mut page_diagnostics = Vec::new();
            let file = read_page(path, display, &mut page_diagnostics)?;
            let mut all = root_components.clone();
            all.extend(rel_components);
            Ok((all, file, page_diagnostics))
        })
        .collect();
    let mut pages = Vec::with_capacity(read.len());
    for r in read {
        let (components, file, page_diagnostics) = r?;
        diagnostics.extend(page_diagnostics);
        pages.push((components, file));
    }
    Ok(pages)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), IoError> {
    for entry in fs::read_dir(dir).map_err(|e| io_err(dir, e))? {
        let entry = entry.map_err(|e| io_err(dir, e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let ty = entry.file_type().map_err(|e| io_err(&path, e))?;
        if ty.is_dir() {
            if !name.starts_with('.') && name != "target" {
                walk(&path, out)?;
            }
        } else if ty.is_file() && name.ends_with(".md") && !is_repository_file(&name) {
            out.push(path);
        }
    }
    Ok(())
}

/// Files of a docs folder that are not reference pages.
fn is_repository_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "readme.md" | "changelog.md" | "license.md" | "contributing.md" | "toc.md"
    )
}

/// Reads one side of a drift comparison: a folder or file, or
/// `git:REV:PATH` (the docs at a revision of the repository in the working
/// directory, e.g. `git:origin/main:docs-input`).
pub fn load_side(spec: &str) -> Result<(DocsSet, Vec<Diagnostic>), IoError> {
    load_side_as(spec, None)
}

/// [`load_side`], with the API version of a side without version folders
/// given, as in [`load_docs_as`].
pub fn load_side_as(
    spec: &str,
    api_version: Option<&str>,
) -> Result<(DocsSet, Vec<Diagnostic>), IoError> {
    match spec.strip_prefix("git:") {
        Some(rest) => git::load_git(rest, api_version),
        None => load_docs_as(&[PathBuf::from(spec)], api_version),
    }
}

/// Whether a drift side names a metadata file rather than docs: a file
/// (not `git:…`) whose name ends in `.xml`.
pub fn is_metadata_file(spec: &str) -> bool {
    spec.to_ascii_lowercase().ends_with(".xml")
        && (spec.starts_with("git:") || Path::new(spec).is_file())
}

/// Reads a metadata file given as a path or as `git:REV:PATH` (the file at
/// a revision of the repository the command runs in) into the model of
/// `version`.
pub fn read_metadata_spec(spec: &str, version: &str) -> Result<crate::ir::Model, IoError> {
    let Some(rest) = spec.strip_prefix("git:") else {
        return read_metadata_file(Path::new(spec), version);
    };
    let (file, diagnostics) = git::read_git_file(rest)?;
    let mut model = crate::metadata::read_metadata(&file.path, &file.text, version);
    model.diagnostics.extend(diagnostics);
    model.diagnostics.sort();
    Ok(model)
}

/// Reads a metadata (CSDL) file into the model of `version` (see
/// [`crate::metadata`]); its locations name the path as given. Invalid
/// UTF-8 is replaced and reported, as for pages.
pub fn read_metadata_file(path: &Path, version: &str) -> Result<crate::ir::Model, IoError> {
    let display = path.to_string_lossy().replace('\\', "/");
    let mut diagnostics = Vec::new();
    let file = read_page(path, display, &mut diagnostics)?;
    let mut model = crate::metadata::read_metadata(&file.path, &file.text, version);
    model.diagnostics.extend(diagnostics);
    model.diagnostics.sort();
    Ok(model)
}

/// Whether a file on disk was written by the generator (its header says so).
pub fn is_generated(contents: &str) -> bool {
    contents
        .lines()
        .take(2)
        .any(|l| l.contains(GENERATED_MARKER))
}

/// Rejects any generated path that could leave the output folder.
fn safe_relative(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Generated files already on disk under `out` (`target` and hidden folders skipped).
fn generated_on_disk(out: &Path) -> Result<BTreeMap<String, String>, IoError> {
    let mut found = BTreeMap::new();
    if !out.exists() {
        return Ok(found);
    }
    let mut stack = vec![out.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| io_err(&dir, e))? {
            let entry = entry.map_err(|e| io_err(&dir, e))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().map_err(|e| io_err(&path, e))?.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    stack.push(path);
                }
                continue;
            }
            // Hidden files (our own `.x.codegen-tmp` staging files among them) are never generated output.
            if name.starts_with('.') {
                if name.ends_with(".codegen-tmp") {
                    let _ = fs::remove_file(&path);
                }
                continue;
            }
            let Ok(contents) = fs::read_to_string(&path) else {
                continue;
            };
            if is_generated(&contents) {
                let rel = components(path.strip_prefix(out).unwrap_or(&path)).join("/");
                found.insert(rel, contents);
            }
        }
    }
    Ok(found)
}

/// What a write changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written because they were new or changed.
    pub written: Vec<String>,
    /// Stale generated files removed.
    pub removed: Vec<String>,
    /// Files already up to date.
    pub unchanged: usize,
}

/// Writes the generated files under `out`: only changed files are rewritten
/// (each through a temporary file and a rename), generated files that are no
/// longer produced are removed, and files without the generated header are
/// never overwritten or removed.
pub fn write_crate(out: &Path, files: &[GeneratedFile]) -> Result<WriteReport, IoError> {
    let existing = generated_on_disk(out)?;
    let mut report = WriteReport::default();
    // Check everything before touching anything.
    for f in files {
        if !safe_relative(&f.path) {
            return Err(io_err(
                &out.join(&f.path),
                "refusing to write outside the output folder",
            ));
        }
        let target = out.join(&f.path);
        if target.exists() && !existing.contains_key(&f.path) {
            let same = fs::read_to_string(&target)
                .map(|c| c == f.contents)
                .unwrap_or(false);
            if !same {
                return Err(io_err(
                    &target,
                    "exists and was not generated (no generated header); refusing to overwrite it",
                ));
            }
        }
    }
    // Stage every changed file beside its target first; only when all are
    // written are they renamed into place, so a failure (a full disk, a
    // permission) leaves the previous crate untouched.
    let mut staged: Vec<(PathBuf, PathBuf, usize)> = Vec::new();
    let stage = |staged: &mut Vec<(PathBuf, PathBuf, usize)>| -> Result<(), IoError> {
        for (i, f) in files.iter().enumerate() {
            if existing.get(&f.path) == Some(&f.contents) {
                continue;
            }
            let target = out.join(&f.path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(|e| io_err(parent, e))?;
            }
            let tmp = target.with_file_name(format!(
                ".{}.codegen-tmp",
                target
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ));
            staged.push((tmp.clone(), target, i));
            fs::write(&tmp, &f.contents).map_err(|e| io_err(&tmp, e))?;
        }
        Ok(())
    };
    if let Err(e) = stage(&mut staged) {
        for (tmp, _, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
        return Err(e);
    }
    report.unchanged = files.len() - staged.len();
    for (tmp, target, i) in &staged {
        fs::rename(tmp, target).map_err(|e| io_err(target, e))?;
        report.written.push(files[*i].path.clone());
    }
    let produced: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for path in existing.keys().filter(|p| !produced.contains(p.as_str())) {
        let target = out.join(path);
        match fs::remove_file(&target) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err(&target, e)),
        }
        report.removed.push(path.clone());
        // Remove folders left empty.
        let mut dir = target.parent();
        while let Some(d) = dir {
            if d == out || fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(report)
}

/// How the crate on disk differs from what the docs generate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Staleness {
    /// Files whose contents differ, with a short unified diff (disk → expected).
    pub changed: Vec<(String, String)>,
    /// Files that should exist and do not.
    pub missing: Vec<String>,
    /// Generated files on disk that should no longer exist.
    pub extra: Vec<String>,
}

impl Staleness {
    /// Whether the crate on disk is up to date.
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }
}

/// Compares the crate under `out` with `files` without writing anything.
pub fn check_crate(out: &Path, files: &[GeneratedFile]) -> Result<Staleness, IoError> {
    let existing = generated_on_disk(out)?;
    let mut report = Staleness::default();
    for f in files {
        match existing.get(&f.path) {
            Some(on_disk) if on_disk == &f.contents => {}
            Some(on_disk) => report
                .changed
                .push((f.path.clone(), short_diff(&f.path, on_disk, &f.contents))),
            None => {
                // A file without the header at that path is stale too.
                match fs::read_to_string(out.join(&f.path)) {
                    Ok(c) if c == f.contents => {}
                    Ok(c) => report
                        .changed
                        .push((f.path.clone(), short_diff(&f.path, &c, &f.contents))),
                    Err(_) => report.missing.push(f.path.clone()),
                }
            }
        }
    }
    let produced: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    report.extra = existing
        .keys()
        .filter(|p| !produced.contains(p.as_str()))
        .cloned()
        .collect();
    Ok(report)
}

/// A unified diff of at most 40 lines.
fn short_diff(path: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{path} (on disk)"),
            &format!("b/{path} (generated)"),
        )
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() > 40 {
        format!(
            "{}\n... ({} more diff lines)\n",
            lines[..40].join("\n"),
            lines.len() - 40
        )
    } else {
        text
    }
}

/// Where a location's page is, for reading its text back (diagnostic snippets).
pub fn location_text<'d>(docs: &'d DocsSet, location: &Location) -> Option<&'d str> {
    docs.files()
        .find(|f| f.path == location.path)
        .map(|f| f.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_paths_cannot_escape() {
        assert!(safe_relative("src/v1_0/mod.rs"));
        assert!(!safe_relative("../x.rs"));
        assert!(!safe_relative("/etc/passwd"));
        assert!(!safe_relative("src/../../x"));
        assert!(!safe_relative(""));
    }
}
