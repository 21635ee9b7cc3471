//! Docs read from a git revision (`git:REV:PATH`): the tree listed with
//! `git ls-tree`, every page read through one `git cat-file --batch`.

use super::versions::versions_of_root;
use super::{components, io_err, is_repository_file, IoError};
use crate::diagnostics::{Diagnostic, Severity};
use crate::source::{Location, SourceFile};
use crate::DocsSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Loads the pages under `PATH` at `REV` (`rest` is `REV:PATH`).
pub(super) fn load_git(
    rest: &str,
    api_version: Option<&str>,
) -> Result<(DocsSet, Vec<Diagnostic>), IoError> {
    let (rev, path) = rest.split_once(':').unwrap_or((rest, "."));
    let path = path.trim_end_matches('/');
    let spec_path = PathBuf::from(format!("git:{rev}:{path}"));
    let names = page_names(rev, path, &spec_path)?;
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| io_err(&spec_path, format!("cannot run git: {e}")))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| io_err(&spec_path, "no stdin"))?;
    let requests: String = names.iter().map(|n| format!("{rev}:{n}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut reader = BufReader::new(
        child
            .stdout
            .take()
            .ok_or_else(|| io_err(&spec_path, "no stdout"))?,
    );
    let mut pages = Vec::with_capacity(names.len());
    let mut diagnostics = Vec::new();
    let root_components: Vec<String> = components(Path::new(path))
        .last()
        .cloned()
        .into_iter()
        .collect();
    for name in &names {
        let bytes = read_blob(&mut reader, name, &spec_path)?;
        let rel = Path::new(name)
            .strip_prefix(path)
            .unwrap_or(Path::new(name));
        let rel_components = components(rel);
        let display = rel_components.join("/");
        let text = page_text(bytes, &display, &mut diagnostics);
        let file = SourceFile::new(display, text);
        let mut all = root_components.clone();
        all.extend(rel_components);
        pages.push((all, file));
    }
    let _ = writer.join();
    let _ = child.wait();
    let mut docs = DocsSet::default();
    for (version, files) in versions_of_root(&spec_path, pages, api_version, &mut diagnostics)? {
        for file in files {
            // A git tree holds each path once.
            let _ = docs.add(&version, file);
        }
    }
    Ok((docs, diagnostics))
}

/// One file at a revision (`rest` is `REV:PATH`), as `git show` gives it;
/// its path is the spec as given (`git:REV:PATH`). Bytes that are not
/// UTF-8 are replaced and reported.
pub(super) fn read_git_file(rest: &str) -> Result<(SourceFile, Vec<Diagnostic>), IoError> {
    let display = format!("git:{rest}");
    let spec_path = PathBuf::from(&display);
    let output = Command::new("git")
        .args(["show", rest])
        .output()
        .map_err(|e| io_err(&spec_path, format!("cannot run git: {e}")))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(io_err(
            &spec_path,
            format!("git could not read it: {}", why.trim()),
        ));
    }
    let mut diagnostics = Vec::new();
    let text = page_text(output.stdout, &display, &mut diagnostics);
    Ok((SourceFile::new(display, text), diagnostics))
}

/// The `.md` pages under `path` at `rev`, sorted (repository files such as
/// `README.md` left out).
fn page_names(rev: &str, path: &str, spec_path: &Path) -> Result<Vec<String>, IoError> {
    let listing = Command::new("git")
        .args([
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            rev,
            "--",
            if path.is_empty() { "." } else { path },
        ])
        .output()
        .map_err(|e| io_err(spec_path, format!("cannot run git: {e}")))?;
    if !listing.status.success() {
        return Err(io_err(
            spec_path,
            String::from_utf8_lossy(&listing.stderr).trim().to_owned(),
        ));
    }
    let mut names: Vec<String> = listing
        .stdout
        .split(|b| *b == 0)
        .filter_map(|n| std::str::from_utf8(n).ok())
        .filter(|n| n.ends_with(".md") && !is_repository_file(n.rsplit('/').next().unwrap_or(n)))
        .map(str::to_owned)
        .collect();
    names.sort();
    Ok(names)
}

/// One blob of `git cat-file --batch` output: its header line, then its
/// bytes and a newline.
fn read_blob(reader: &mut impl BufRead, name: &str, spec_path: &Path) -> Result<Vec<u8>, IoError> {
    let mut header = String::new();
    reader
        .read_line(&mut header)
        .map_err(|e| io_err(spec_path, e))?;
    let size: usize = header
        .split_whitespace()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            io_err(
                spec_path,
                format!("git could not read {name}: {}", header.trim()),
            )
        })?;
    let mut bytes = vec![0; size + 1];
    reader
        .read_exact(&mut bytes)
        .map_err(|e| io_err(spec_path, e))?;
    bytes.pop();
    Ok(bytes)
}

/// A page's text; bytes that are not UTF-8 are replaced, with an
/// `invalid-utf8` error.
fn page_text(bytes: Vec<u8>, display: &str, diagnostics: &mut Vec<Diagnostic>) -> String {
    match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            diagnostics.push(Diagnostic::new(
                Severity::Error,
                crate::diagnostics::codes::INVALID_UTF8,
                Location {
                    path: display.into(),
                    line: 1,
                    column: 1,
                },
                format!("{display} is not valid UTF-8; bad bytes were replaced"),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}
