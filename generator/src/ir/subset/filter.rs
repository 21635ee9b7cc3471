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
//! ends below (`/me/messages/**` keeps `GET /me/messages`). `?` is no
//! wildcard: in a glob as in a path, it starts the query. As in Kiota, a
//! glob may end in `#` and methods (`/me/messages/**#GET,PATCH`): it then
//! matches only endpoints of those methods.

use crate::ir::HttpMethod;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// One glob as the user wrote it, and what it matches.
#[derive(Clone, Debug)]
struct PathGlob {
    /// The flag's value as written.
    written: String,
    /// The glob, and its stem when it ends in `/**`.
    matcher: GlobSet,
    /// The methods after `#`; empty for every method.
    methods: Vec<HttpMethod>,
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

    /// Whether the filter keeps an endpoint of this method and path template.
    pub fn keeps(&self, method: HttpMethod, path: &str) -> bool {
        let shape = matched_text(path);
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(method, &shape)))
            && !self.exclude.iter().any(|g| g.matches(method, &shape))
    }

    /// The globs no endpoint of `endpoints` (methods and path templates)
    /// matches, each with its flag.
    pub fn unmatched<'p>(
        &self,
        endpoints: impl IntoIterator<Item = (HttpMethod, &'p str)>,
    ) -> Vec<FlagGlob> {
        let shapes: Vec<(HttpMethod, String)> = (endpoints.into_iter())
            .map(|(method, path)| (method, matched_text(path)))
            .collect();
        let flagged = (self.include.iter().map(|g| (INCLUDE_FLAG, g)))
            .chain(self.exclude.iter().map(|g| (EXCLUDE_FLAG, g)));
        flagged
            .filter(|(_, g)| !shapes.iter().any(|(m, s)| g.matches(*m, s)))
            .map(|(flag, g)| FlagGlob {
                flag,
                glob: g.written.clone(),
            })
            .collect()
    }
}

impl PathGlob {
    /// Compiles a glob as written (see the module doc for how it reads).
    fn new(written: &str) -> Result<PathGlob, String> {
        let (path, methods) = split_methods(written)?;
        let pattern = literal_braces(&matched_text(path));
        let mut set = GlobSetBuilder::new();
        set.add(glob(&pattern)?);
        if let Some(stem) = pattern.strip_suffix("/**").filter(|s| !s.is_empty()) {
            set.add(glob(stem)?);
        }
        Ok(PathGlob {
            written: written.to_owned(),
            matcher: set.build().map_err(|e| e.to_string())?,
            methods,
        })
    }

    /// Whether it matches an endpoint of this method and path shape.
    fn matches(&self, method: HttpMethod, shape: &str) -> bool {
        (self.methods.is_empty() || self.methods.contains(&method)) && self.matcher.is_match(shape)
    }
}

/// A glob's path pattern, and the methods after its `#` (none without one).
fn split_methods(written: &str) -> Result<(&str, Vec<HttpMethod>), String> {
    let Some((path, methods)) = written.rsplit_once('#') else {
        return Ok((written, Vec::new()));
    };
    let method = |name: &str| {
        HttpMethod::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| format!("`{}` after `#` is no HTTP method", name.trim()))
    };
    let methods = methods.split(',').map(method).collect::<Result<_, _>>()?;
    Ok((path, methods))
}

/// A globset glob whose `*` never crosses a `/`.
fn glob(pattern: &str) -> Result<globset::Glob, String> {
    (GlobBuilder::new(pattern).literal_separator(true).build()).map_err(|e| e.to_string())
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
    let path = glob.rsplit_once('#').map_or(glob, |(path, _)| path);
    let target = matched_text(path)
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
        assert!(f.keeps(HttpMethod::Get, "/me/messages"));
        assert!(f.keeps(HttpMethod::Get, "/me/messages/{id}"));
        assert!(f.keeps(HttpMethod::Get, "/me/messages/{id}/attachments/{id}/$value"));
        assert!(f.keeps(HttpMethod::Get, "/me/messages?$filter=isRead eq false"));
        assert!(!f.keeps(HttpMethod::Get, "/me/messagesExtra"));
        assert!(!f.keeps(HttpMethod::Get, "/me/mailFolders/{id}/messages"));
        assert!(!f.keeps(HttpMethod::Get, "/users/{id}/messages"));
        let anywhere = filter(&["**/messages/**"], &[]);
        assert!(anywhere.keeps(HttpMethod::Get, "/users/{id}/messages"));
        assert!(anywhere.keeps(HttpMethod::Get, "/me/mailFolders/{id}/messages/{id}"));
        assert!(!anywhere.keeps(HttpMethod::Get, "/me/events"));
        assert!(filter(&["/**"], &[]).keeps(HttpMethod::Get, "/me/events/{id}"));
        // A query, in the glob as in the path, is left out.
        assert!(filter(&["/me/messages?$top=1"], &[]).keeps(HttpMethod::Get, "/me/messages"));
    }

    #[test]
    fn a_single_star_is_one_segment_never_more() {
        let f = filter(&["/me/*/messages"], &[]);
        assert!(f.keeps(HttpMethod::Get, "/me/mailFolders/messages"));
        assert!(f.keeps(HttpMethod::Get, "/me/{id}/messages"));
        assert!(!f.keeps(HttpMethod::Get, "/me/mailFolders/{id}/messages"));
        assert!(filter(&["/me/*"], &[]).keeps(HttpMethod::Get, "/me/photo"));
        assert!(!filter(&["/me/*"], &[]).keeps(HttpMethod::Get, "/me/photo/$value"));
    }

    #[test]
    fn a_parameter_matches_any_parameter_and_case_is_ignored() {
        for glob in ["/users/{id}/**", "/users/{user-id}/**", "/Users/{*}/**"] {
            let f = filter(&[glob], &[]);
            assert!(
                f.keeps(HttpMethod::Get, "/users/{id | userPrincipalName}/messages"),
                "{glob}"
            );
            assert!(
                !f.keeps(HttpMethod::Get, "/users/delta"),
                "{glob}: braces are no alternation"
            );
        }
        assert!(filter(&["/users/*/messages"], &[]).keeps(HttpMethod::Get, "/users/{id}/messages"));
    }

    #[test]
    fn excludes_win_over_includes_and_no_include_keeps_everything() {
        let f = filter(&["/me/**"], &["/me/messages/**"]);
        assert!(f.keeps(HttpMethod::Get, "/me/events"));
        assert!(!f.keeps(HttpMethod::Get, "/me/messages/{id}"));
        let f = filter(&[], &["/me/**"]);
        assert!(f.keeps(HttpMethod::Get, "/users"));
        assert!(!f.keeps(HttpMethod::Get, "/me"));
        assert!(filter(&[], &[]).is_empty());
    }

    #[test]
    fn globs_no_path_matches_are_named_with_their_flag() {
        let f = filter(&["/me/**", "/nope/**"], &["/me/x"]);
        let unmatched = f.unmatched([(HttpMethod::Get, "/me"), (HttpMethod::Get, "/me/events")]);
        let shown: Vec<String> = unmatched.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["--include-path `/nope/**`", "--exclude-path `/me/x`"]
        );
    }

    #[test]
    fn methods_after_a_hash_narrow_a_glob_to_them() {
        let f = filter(&["/me/messages/**#get,PATCH"], &["/me/messages#PATCH"]);
        assert!(f.keeps(HttpMethod::Get, "/me/messages"));
        assert!(f.keeps(HttpMethod::Patch, "/me/messages/{id}"));
        assert!(!f.keeps(HttpMethod::Patch, "/me/messages"));
        assert!(!f.keeps(HttpMethod::Delete, "/me/messages/{id}"));
        let only_delete = filter(&["/me/messages#DELETE"], &[]);
        assert_eq!(
            only_delete
                .unmatched([(HttpMethod::Get, "/me/messages")])
                .len(),
            1
        );
        let err = PathFilter::new(&["/me#FETCH".to_owned()], &[]).unwrap_err();
        assert!(err.contains("`FETCH` after `#` is no HTTP method"), "{err}");
        assert_eq!(
            closest_paths("/me/mesages#GET", ["/me/messages"], 5),
            ["/me/messages"]
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
