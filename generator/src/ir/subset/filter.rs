//! `--include-path` and `--exclude-path`: Kiota-style globs over endpoint
//! path templates, matched with globset.
//!
//! A glob is matched against the endpoint's path as the model writes it,
//! query left out, read the way [`crate::ir::path_shape`] reads it: case is
//! ignored, and every `{parameter}` stands for any parameter whatever its
//! name, in the glob as in the path (`/users/{id}`, `/users/{user-id}` and
//! `/users/{*}` all match `/users/{id | userPrincipalName}`). Braces are
//! never globset alternation. `*` is one segment (or part of one), `**` any
//! number of segments, and a glob ending in `/**` also matches the path it
//! ends below (`/me/messages/**` keeps `GET /me/messages`).

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// One glob as the user wrote it, and what it matches.
#[derive(Clone, Debug)]
struct PathGlob {
    /// The flag's value as written.
    written: String,
    /// The glob, and its stem when it ends in `/**`.
    matcher: GlobSet,
}

/// Which endpoint paths a subset keeps: any include glob matches (or none
/// is given), and no exclude glob does.
#[derive(Clone, Debug, Default)]
pub struct PathFilter {
    include: Vec<PathGlob>,
    exclude: Vec<PathGlob>,
}

/// A glob of a filter, for error messages: which flag gave it, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagGlob {
    /// `--include-path` or `--exclude-path`.
    pub flag: &'static str,
    /// The glob as written.
    pub glob: String,
}

impl std::fmt::Display for FlagGlob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} `{}`", self.flag, self.glob)
    }
}

/// The flag name of include globs.
const INCLUDE_FLAG: &str = "--include-path";
/// The flag name of exclude globs.
const EXCLUDE_FLAG: &str = "--exclude-path";

impl PathFilter {
    /// A filter from the include and exclude globs; an error names the
    /// first glob globset cannot read.
    pub fn new(include: &[String], exclude: &[String]) -> Result<PathFilter, String> {
        let read = |globs: &[String], flag: &str| -> Result<Vec<PathGlob>, String> {
            globs
                .iter()
                .map(|g| PathGlob::new(g).map_err(|e| format!("{flag} `{g}`: {e}")))
                .collect()
        };
        Ok(PathFilter {
            include: read(include, INCLUDE_FLAG)?,
            exclude: read(exclude, EXCLUDE_FLAG)?,
        })
    }

    /// Whether no glob was given: the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    /// Whether the filter keeps an endpoint with this path template.
    pub fn keeps(&self, path: &str) -> bool {
        let shape = matched_text(path);
        (self.include.is_empty() || self.include.iter().any(|g| g.matcher.is_match(&shape)))
            && !self.exclude.iter().any(|g| g.matcher.is_match(&shape))
    }

    /// The globs none of `paths` matches, each with its flag.
    pub fn unmatched<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Vec<FlagGlob> {
        let shapes: Vec<String> = paths.into_iter().map(matched_text).collect();
        let flagged = (self.include.iter().map(|g| (INCLUDE_FLAG, g)))
            .chain(self.exclude.iter().map(|g| (EXCLUDE_FLAG, g)));
        flagged
            .filter(|(_, g)| !shapes.iter().any(|s| g.matcher.is_match(s)))
            .map(|(flag, g)| FlagGlob {
                flag,
                glob: g.written.clone(),
            })
            .collect()
    }
}

impl PathGlob {
    /// Compiles a glob as written (see the module doc for how it reads).
    fn new(written: &str) -> Result<PathGlob, globset::Error> {
        let pattern = literal_braces(&matched_text(written));
        let mut set = GlobSetBuilder::new();
        set.add(glob(&pattern)?);
        if let Some(stem) = pattern.strip_suffix("/**").filter(|s| !s.is_empty()) {
            set.add(glob(stem)?);
        }
        Ok(PathGlob {
            written: written.to_owned(),
            matcher: set.build()?,
        })
    }
}

/// A globset glob whose `*` never crosses a `/`.
fn glob(pattern: &str) -> Result<globset::Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

/// What a glob or a path is matched as: its shape, without the query.
fn matched_text(path: &str) -> String {
    let mut shape = crate::ir::path_shape(path);
    if let Some(at) = shape.find('?') {
        shape.truncate(at);
    }
    shape
}

/// `{` and `}` as character classes, so globset reads them as themselves
/// rather than as alternation.
fn literal_braces(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    for c in pattern.chars() {
        match c {
            '{' => out.push_str("[{]"),
            '}' => out.push_str("[}]"),
            _ => out.push(c),
        }
    }
    out
}

/// Up to `max` distinct `paths` (queries left out) closest to `glob`, by
/// edit distance to the glob without its wildcards, closest first.
pub fn closest_paths<'p>(
    glob: &str,
    paths: impl IntoIterator<Item = &'p str>,
    max: usize,
) -> Vec<String> {
    let target = matched_text(glob)
        .trim_end_matches(['/', '*'])
        .replace("/**/", "/")
        .replace('*', "");
    let mut scored: Vec<(usize, String)> = paths
        .into_iter()
        .map(|p| p.split('?').next().unwrap_or(p).to_owned())
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .map(|p| (strsim::levenshtein(&target, &matched_text(&p)), p))
        .collect();
    scored.sort();
    scored.into_iter().take(max).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(include: &[&str], exclude: &[&str]) -> PathFilter {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        PathFilter::new(&owned(include), &owned(exclude)).expect("the globs read")
    }

    #[test]
    fn a_double_star_spans_segments_and_keeps_the_path_it_ends_below() {
        let f = filter(&["/me/messages/**"], &[]);
        assert!(f.keeps("/me/messages"));
        assert!(f.keeps("/me/messages/{id}"));
        assert!(f.keeps("/me/messages/{id}/attachments/{id}/$value"));
        assert!(f.keeps("/me/messages?$filter=isRead eq false"));
        assert!(!f.keeps("/me/messagesExtra"));
        assert!(!f.keeps("/me/mailFolders/{id}/messages"));
        assert!(!f.keeps("/users/{id}/messages"));
    }

    #[test]
    fn a_single_star_is_one_segment_never_more() {
        let f = filter(&["/me/*/messages"], &[]);
        assert!(f.keeps("/me/mailFolders/messages"));
        assert!(f.keeps("/me/{id}/messages"));
        assert!(!f.keeps("/me/mailFolders/{id}/messages"));
        assert!(filter(&["/me/*"], &[]).keeps("/me/photo"));
        assert!(!filter(&["/me/*"], &[]).keeps("/me/photo/$value"));
    }

    #[test]
    fn a_parameter_matches_any_parameter_and_case_is_ignored() {
        for glob in ["/users/{id}/**", "/users/{user-id}/**", "/Users/{*}/**"] {
            let f = filter(&[glob], &[]);
            assert!(
                f.keeps("/users/{id | userPrincipalName}/messages"),
                "{glob}"
            );
            assert!(
                !f.keeps("/users/delta"),
                "{glob}: braces are no alternation"
            );
        }
        assert!(filter(&["/users/*/messages"], &[]).keeps("/users/{id}/messages"));
    }

    #[test]
    fn excludes_win_over_includes_and_no_include_keeps_everything() {
        let f = filter(&["/me/**"], &["/me/messages/**"]);
        assert!(f.keeps("/me/events"));
        assert!(!f.keeps("/me/messages/{id}"));
        let f = filter(&[], &["/me/**"]);
        assert!(f.keeps("/users"));
        assert!(!f.keeps("/me"));
        assert!(filter(&[], &[]).is_empty());
    }

    #[test]
    fn globs_no_path_matches_are_named_with_their_flag() {
        let f = filter(&["/me/**", "/nope/**"], &["/me/x"]);
        let unmatched = f.unmatched(["/me", "/me/events"]);
        let shown: Vec<String> = unmatched.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["--include-path `/nope/**`", "--exclude-path `/me/x`"]
        );
    }

    #[test]
    fn an_unreadable_glob_is_an_error_naming_it() {
        let err = PathFilter::new(&["/me/[abc".to_owned()], &[]).unwrap_err();
        assert!(err.starts_with("--include-path `/me/[abc`"), "{err}");
    }

    #[test]
    fn the_closest_paths_come_first_once_each() {
        let paths = [
            "/me/messages",
            "/me/messages?$filter=x",
            "/me/events",
            "/users/{id}/messages",
        ];
        let closest = closest_paths("/me/mesages/**", paths, 2);
        assert_eq!(closest, ["/me/messages", "/me/events"]);
    }
}
