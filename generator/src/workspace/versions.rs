//! Which API version each page of a docs root belongs to. A root with
//! version folders gives each page its own; a root without them is one
//! version (`--api-version`, else the one most of its example URLs name).

use super::{io_err, IoError};
use crate::diagnostics::{Diagnostic, Severity};
use crate::source::{is_version_name, SourceFile};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The version of pages nothing names a version for.
const DEFAULT_VERSION: &str = "default";

/// The pages of one docs root (a folder, or a file named directly), each with
/// the path components that can name its version.
pub(super) type RootPages = Vec<(Vec<String>, SourceFile)>;

/// The version a page's path names: its last component (of the path as
/// named, then of its place under the root) that names a version.
fn folder_version(components: &[String]) -> Option<&str> {
    components
        .iter()
        .rev()
        .find(|c| is_version_name(c))
        .map(String::as_str)
}

/// The version of a page of a root with version folders: its path's, else
/// the version its examples' URLs name (`v1.0` before `beta`), else
/// `default`.
fn version_of(components: &[String], text: &str) -> String {
    if let Some(v) = folder_version(components) {
        return v.to_owned();
    }
    for v in ["v1.0", "beta"] {
        if text.contains(&format!("graph.microsoft.com/{v}/")) {
            return v.to_owned();
        }
    }
    DEFAULT_VERSION.to_owned()
}

/// Groups the pages of one docs root by API version. A root with version
/// folders (some page's path names a version) keeps the rule of each page:
/// [`version_of`]. A root without them is one API version: `api_version`
/// when given (an error for a root with version folders), else the version
/// most of its example URLs name ([`majority_version`]), else `default`.
pub(super) fn versions_of_root(
    root: &Path,
    pages: RootPages,
    api_version: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<BTreeMap<String, Vec<SourceFile>>, IoError> {
    let mut by_version: BTreeMap<String, Vec<SourceFile>> = BTreeMap::new();
    let folders: BTreeSet<&str> = pages
        .iter()
        .filter_map(|(c, _)| folder_version(c))
        .collect();
    if !folders.is_empty() {
        if let Some(forced) = api_version {
            let named: Vec<String> = folders.iter().map(|v| format!("`{v}`")).collect();
            return Err(io_err(
                root,
                format!(
                    "its pages are in version folders ({}), which give them their versions; \
                     `--api-version {forced}` is only for a docs tree without version folders",
                    named.join(", ")
                ),
            ));
        }
        for (components, file) in pages {
            by_version
                .entry(version_of(&components, &file.text))
                .or_default()
                .push(file);
        }
        return Ok(by_version);
    }
    let files: Vec<SourceFile> = pages.into_iter().map(|(_, file)| file).collect();
    if files.is_empty() {
        return Ok(by_version);
    }
    let version = match api_version {
        Some(forced) => forced.to_owned(),
        None => {
            let (found, disagreements) = majority_version(&files);
            diagnostics.extend(disagreements);
            found.unwrap_or_else(|| DEFAULT_VERSION.to_owned())
        }
    };
    by_version.insert(version, files);
    Ok(by_version)
}

/// The API version most of the example URLs of a tree without version
/// folders name (`graph.microsoft.com/v1.0/…`); on a tie, the one named
/// first (pages in path order, URLs in page order); `None` when no URL names
/// a version. Each page with a URL naming another version gets an
/// `api-version-mixed` warning at the first such URL.
fn majority_version(pages: &[SourceFile]) -> (Option<String>, Vec<Diagnostic>) {
    let mut in_order: Vec<&SourceFile> = pages.iter().collect();
    in_order.sort_by(|a, b| a.path.cmp(&b.path));
    // Per version: how many URLs name it, and when it was first named.
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (seen, (_, version)) in in_order
        .iter()
        .flat_map(|page| crate::source::version_urls(&page.text))
        .enumerate()
    {
        counts.entry(version).or_insert((0, seen)).0 += 1;
    }
    let Some((chosen, &(count, _))) = counts
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
    else {
        return (None, Vec::new());
    };
    let diagnostics = in_order
        .iter()
        .filter_map(|page| mixed_version_warning(page, chosen, count))
        .collect();
    (Some((*chosen).to_owned()), diagnostics)
}

/// The `api-version-mixed` warning of a page whose example URLs name a
/// version other than its tree's `chosen` one (which `count` URLs name).
fn mixed_version_warning(page: &SourceFile, chosen: &str, count: usize) -> Option<Diagnostic> {
    let mut others = crate::source::version_urls(&page.text).filter(|(_, v)| *v != chosen);
    let (at, version) = others.next()?;
    let more = match others.count() {
        0 => String::new(),
        1 => " (so does 1 more on this page)".to_owned(),
        n => format!(" (so do {n} more on this page)"),
    };
    let index = crate::source::LineIndex::new(page.path.clone(), &page.text);
    Some(Diagnostic::new(
        Severity::Warning,
        crate::diagnostics::codes::API_VERSION_MIXED,
        index.location(&page.text, at),
        format!(
            "this URL names API version `{version}`{more}, but the docs tree has no version folder \
             (`v1.0/`, `beta/`), so all its pages are read as one version: `{chosen}`, which {count} \
             example URLs name. Put pages of another version in a folder named after it, or choose \
             the version with `--api-version`"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_in_a_tree_with_version_folders_keeps_its_own_version() {
        assert_eq!(
            version_of(&["docs-input".into(), "v1.0".into(), "api".into()], ""),
            "v1.0"
        );
        assert_eq!(
            version_of(&["seeds".into()], "POST https://graph.microsoft.com/beta/x"),
            "beta"
        );
        assert_eq!(version_of(&[], ""), "default");
    }

    fn page(path: &str, text: &str) -> SourceFile {
        SourceFile::new(path, text)
    }

    #[test]
    fn a_tree_without_version_folders_takes_the_version_most_urls_name() {
        let pages = [
            page("b.md", "GET https://graph.microsoft.com/v1.0/a\nGET https://graph.microsoft.com/v1.0/b"),
            page(
                "a.md",
                "intro\n  see https://graph.microsoft.com/beta/x and graph.microsoft.com/beta/y\nGET https://graph.microsoft.com/v1.0/c",
            ),
            page("c.md", "no URL"),
        ];
        let (version, diagnostics) = majority_version(&pages);
        assert_eq!(version.as_deref(), Some("v1.0"));
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let d = &diagnostics[0];
        assert_eq!(d.code, "api-version-mixed");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.source.to_string(), "a.md:2:7");
        assert!(
            d.message.contains("`beta` (so does 1 more on this page)")
                && d.message.contains("`v1.0`, which 3"),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_tie_goes_to_the_version_named_first_in_path_order() {
        let beta_first = [
            page("z.md", "https://graph.microsoft.com/v1.0/a"),
            page("a.md", "https://graph.microsoft.com/beta/a"),
        ];
        let (version, diagnostics) = majority_version(&beta_first);
        assert_eq!(version.as_deref(), Some("beta"));
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(&*diagnostics[0].source.path, "z.md");
        let reversed = [beta_first[1].clone(), beta_first[0].clone()];
        assert_eq!(majority_version(&reversed).0.as_deref(), Some("beta"));
        assert_eq!(
            majority_version(&[page("x.md", "plain")]),
            (None, Vec::new())
        );
    }

    #[test]
    fn api_version_names_the_version_of_a_tree_without_folders_only() {
        let pages = |names: &[&str]| -> RootPages {
            names
                .iter()
                .map(|n| {
                    let c: Vec<String> = n.split('/').map(str::to_owned).collect();
                    (c, page(n, "https://graph.microsoft.com/beta/x"))
                })
                .collect()
        };
        let mut diagnostics = Vec::new();
        let root = Path::new("docs");
        let flat = versions_of_root(
            root,
            pages(&["api/a.md", "resources/b.md"]),
            Some("v1.0"),
            &mut diagnostics,
        )
        .unwrap();
        assert_eq!(flat.keys().collect::<Vec<_>>(), ["v1.0"]);
        assert_eq!(flat["v1.0"].len(), 2);
        let read = versions_of_root(
            root,
            pages(&["api/a.md", "resources/b.md"]),
            None,
            &mut diagnostics,
        )
        .unwrap();
        assert_eq!(read.keys().collect::<Vec<_>>(), ["beta"]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let foldered = pages(&["v1.0/a.md", "b.md"]);
        let kept = versions_of_root(root, foldered.clone(), None, &mut diagnostics).unwrap();
        assert_eq!(
            kept.keys().collect::<Vec<_>>(),
            ["beta", "v1.0"],
            "as before: per page"
        );
        let refused = versions_of_root(root, foldered, Some("v1.0"), &mut diagnostics).unwrap_err();
        assert!(
            refused.message.contains("version folders (`v1.0`)"),
            "{refused}"
        );
    }
}
