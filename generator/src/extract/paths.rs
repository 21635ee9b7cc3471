//! Path templates of HTTP request lines: `/users/{id}/drive/root:/{item-path}:/content`,
//! `/reports/getEmailActivityCounts(period='{period_value}')`, `/x/{id}/members/$ref`.

use serde::Serialize;
use std::collections::BTreeSet;

/// A piece of one path segment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum PathPart {
    /// Text as written (`deviceAppManagement`, `getByPath(path='`, `$ref`).
    Literal(String),
    /// A parameter (`{mobileAppId}`): its name, without braces.
    Param(String),
}

/// One `/`-separated segment, made of literal text and parameters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PathSegment {
    /// The parts, in order.
    pub parts: Vec<PathPart>,
}

impl PathSegment {
    /// The segment's literal text when it has no parameter.
    pub fn literal(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [PathPart::Literal(text)] => Some(text),
            _ => None,
        }
    }

    /// Whether the segment is only a parameter (`{id}`).
    pub fn is_param(&self) -> bool {
        matches!(self.parts.as_slice(), [PathPart::Param(_)])
    }

    /// `$ref`, `$value`, `$count`: OData's system segments.
    pub fn system(&self) -> Option<&str> {
        self.literal().filter(|t| t.starts_with('$'))
    }

    /// The name the segment gives a module: the literal text before any
    /// `(`, `:` or parameter; `None` for a segment that is only a parameter.
    pub fn module_word(&self) -> Option<&str> {
        let PathPart::Literal(first) = self.parts.first()? else {
            return None;
        };
        let word = first.split(['(', ':', '=']).next().unwrap_or("");
        let word = word.trim_start_matches('$');
        (!word.is_empty()).then_some(word)
    }
}

/// Why a path template could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathError(pub String);

/// Parses a path template (a leading `/` is required; a query string is
/// dropped and returned separately).
pub fn parse_path(template: &str) -> Result<(Vec<PathSegment>, Option<String>), PathError> {
    let (path, query) = match template.split_once('?') {
        Some((p, q)) => (p, Some(q.to_owned())),
        None => (template, None),
    };
    let Some(rest) = path.strip_prefix('/') else {
        return Err(PathError(format!("`{template}` does not start with `/`")));
    };
    let mut segments = Vec::new();
    // Split on `/` outside braces, quotes and parentheses: `getByPath(path='a/b')`.
    let mut depth_paren = 0i32;
    let mut in_brace = false;
    let mut in_quote = false;
    let mut start = 0;
    let mut raw_segments: Vec<&str> = Vec::new();
    for (i, c) in rest.char_indices() {
        match c {
            '{' if !in_quote => in_brace = true,
            '}' if !in_quote => in_brace = false,
            '\'' if !in_brace => in_quote = !in_quote,
            '(' if !in_quote && !in_brace => depth_paren += 1,
            ')' if !in_quote && !in_brace => depth_paren -= 1,
            '/' if !in_brace && !in_quote && depth_paren <= 0 => {
                raw_segments.push(&rest[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    raw_segments.push(&rest[start..]);
    if in_brace {
        return Err(PathError(format!(
            "`{template}` has a `{{` without its `}}`"
        )));
    }
    for raw in raw_segments {
        if raw.is_empty() {
            // A trailing slash or `//`: nothing to address.
            continue;
        }
        segments.push(parse_segment(raw)?);
    }
    // A name used twice (`/applications/{id}/owners/{id}/$ref`) means two
    // values: the later ones become `id2`, `id3`, ….
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for segment in &mut segments {
        for part in &mut segment.parts {
            if let PathPart::Param(name) = part {
                let n = seen.entry(name.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    *name = format!("{name}{n}");
                }
            }
        }
    }
    Ok((segments, query))
}

fn parse_segment(raw: &str) -> Result<PathSegment, PathError> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = raw.chars();
    let mut depth = 0i32;
    while let Some(c) = chars.next() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c.is_whitespace() && depth > 0 {
            continue;
        }
        if c == '{' {
            if !literal.is_empty() {
                parts.push(PathPart::Literal(std::mem::take(&mut literal)));
            }
            let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
            let name = name.trim().to_owned();
            if name.is_empty() {
                return Err(PathError(format!("`{raw}` has an empty `{{}}` parameter")));
            }
            parts.push(PathPart::Param(name));
        } else if c.is_whitespace() || c == '}' {
            return Err(PathError(format!("`{raw}` is not a path segment")));
        } else {
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        parts.push(PathPart::Literal(literal));
    }
    Ok(PathSegment { parts })
}

/// Every parameter name of a path, in order, without repeats.
pub fn path_params(segments: &[PathSegment]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in segments {
        for p in &s.parts {
            if let PathPart::Param(name) = p {
                if !out.contains(name) {
                    out.push(name.clone());
                }
            }
        }
    }
    out
}

/// A concrete ID written where a `{parameter}` belongs, read as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiteralKey {
    /// The ID as written (`acdefc6b-2dc6-4e71-b1e9-6d9810ab1793`).
    pub written: String,
    /// The parameter it is read as (`class-id`).
    pub param: String,
}

/// A request line's path with each segment that is a GUID written out
/// (`/education/classes/acdefc6b-…/assignments`, an example's ID copied into
/// the template) read as a parameter named after the segment before it
/// (`/education/classes/{class-id}/assignments`), numbered when the path
/// already has that name (`/users/{id}/<guid>` → `/users/{id}/{id2}`);
/// `None` when there is none.
/// Only the hyphenated GUID form counts: any other literal could be a
/// segment's real name.
pub fn literal_keys_as_params(template: &str) -> Option<(String, Vec<LiteralKey>)> {
    let (path, query) = match template.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (template, None),
    };
    let is_guid = |s: &str| s.len() == 36 && uuid::Uuid::try_parse(s).is_ok();
    if !path.split('/').any(is_guid) {
        return None;
    }
    // Names the path already uses, and those handed out here: a name is
    // never given twice (`/x/{x-id}/…/{x-id2}`).
    let mut taken: BTreeSet<String> = path
        .split(['{', '}'])
        .skip(1)
        .step_by(2)
        .map(|name| name.trim().to_owned())
        .collect();
    let mut keys = Vec::new();
    let mut previous = "";
    let segments: Vec<String> = path
        .split('/')
        .map(|segment| {
            if !is_guid(segment) {
                previous = segment;
                return segment.to_owned();
            }
            let word = singular(previous);
            let base = if word.is_empty() {
                "id".to_owned()
            } else {
                format!("{word}-id")
            };
            let mut param = base.clone();
            let mut n = 1;
            while !taken.insert(param.clone()) {
                n += 1;
                param = format!("{base}{n}");
            }
            keys.push(LiteralKey {
                written: segment.to_owned(),
                param: param.clone(),
            });
            format!("{{{param}}}")
        })
        .collect();
    let mut rewritten = segments.join("/");
    if let Some(query) = query {
        rewritten.push('?');
        rewritten.push_str(query);
    }
    Some((rewritten, keys))
}

/// A collection segment's word for one item, for a parameter's name
/// (`classes` → `class`, `policies` → `policy`, `assignments` →
/// `assignment`); a word ending in `us`, `ss` or `is` (`status`, `address`,
/// `analysis`) is no plural and stays; a segment that is no plain word gives
/// nothing.
fn singular(segment: &str) -> String {
    if !segment.chars().all(|c| c.is_ascii_alphanumeric()) {
        return String::new();
    }
    if ["us", "ss", "is"].iter().any(|end| segment.ends_with(end)) {
        return segment.to_owned();
    }
    if let Some(stem) = segment.strip_suffix("sses") {
        return format!("{stem}ss");
    }
    if let Some(stem) = segment.strip_suffix("ies") {
        return format!("{stem}y");
    }
    segment.strip_suffix('s').unwrap_or(segment).to_owned()
}

/// One `name=value` pair of the query string a request line writes
/// (`?$expand=manager`, `?format={format}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryPair {
    /// The name, percent-decoded (`$expand`).
    pub name: String,
    /// The value, percent-decoded, as literal text and parameters
    /// (`id eq '{extensionId}'`).
    pub value: Vec<PathPart>,
}

/// The `name=value` pairs of a request line's query string, split at `&`
/// outside parentheses and quotes (`'` or `"`), `+` read as a space. A piece without `=` (`requiresReview:{Boolean}`),
/// or whose name is empty or holds a parameter, is not a pair and is left out.
pub fn parse_query(query: &str) -> Vec<QueryPair> {
    query_pieces(query)
        .into_iter()
        .filter_map(query_pair)
        .collect()
}

/// The pieces of a query string that [`parse_query`] leaves out because
/// they are not `name=value` pairs (empty pieces aside).
pub fn unreadable_query_pieces(query: &str) -> Vec<&str> {
    query_pieces(query)
        .into_iter()
        .filter(|piece| !piece.trim().is_empty() && query_pair(piece).is_none())
        .collect()
}

/// A query string split at `&` outside parentheses and quotes.
fn query_pieces(query: &str) -> Vec<&str> {
    let mut pieces: Vec<&str> = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    for (i, c) in query.char_indices() {
        match c {
            '\'' | '"' if quote.is_none() => quote = Some(c),
            '\'' | '"' if quote == Some(c) => quote = None,
            '(' if quote.is_none() => depth += 1,
            ')' if quote.is_none() => depth -= 1,
            '&' if quote.is_none() && depth <= 0 => {
                pieces.push(&query[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&query[start..]);
    pieces
}

/// One `name=value` piece, or `None` when it is not a pair.
fn query_pair(piece: &str) -> Option<QueryPair> {
    // `+` is a space in a query string, as in any form-encoded one.
    let decode = |text: &str| {
        percent_encoding::percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    let (name, value) = piece.split_once('=')?;
    let name = decode(name.trim());
    if name.is_empty() || name.contains(['{', '}']) {
        return None;
    }
    Some(QueryPair {
        name,
        value: query_value_parts(&decode(value.trim())),
    })
}

/// A query value's literal text and `{parameters}`; an unclosed or empty
/// brace is literal text.
fn query_value_parts(value: &str) -> Vec<PathPart> {
    let mut parts = Vec::new();
    let mut rest = value;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        let name = rest[open + 1..open + len].trim();
        if name.is_empty() {
            break;
        }
        if open > 0 {
            parts.push(PathPart::Literal(rest[..open].to_owned()));
        }
        parts.push(PathPart::Param(name.to_owned()));
        rest = &rest[open + len + 1..];
    }
    if !rest.is_empty() {
        parts.push(PathPart::Literal(rest.to_owned()));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_written_into_a_path_are_read_as_parameters() {
        let (path, keys) = literal_keys_as_params(
            "/education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments/CF6005FC-9E13-44A2-A6AC-A53322006454/rubric?$expand=x",
        )
        .unwrap();
        assert_eq!(
            path,
            "/education/classes/{class-id}/assignments/{assignment-id}/rubric?$expand=x"
        );
        assert_eq!(
            keys.iter()
                .map(|k| (k.written.as_str(), k.param.as_str()))
                .collect::<Vec<_>>(),
            [
                ("acdefc6b-2dc6-4e71-b1e9-6d9810ab1793", "class-id"),
                ("CF6005FC-9E13-44A2-A6AC-A53322006454", "assignment-id"),
            ]
        );
        let (path, _) =
            literal_keys_as_params("/policies/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793").unwrap();
        assert_eq!(path, "/policies/{policy-id}");
        let (path, _) = literal_keys_as_params("/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/x").unwrap();
        assert_eq!(path, "/{id}/x");
        // Names are never given twice, nor taken from the path's own.
        let (path, _) = literal_keys_as_params(
            "/users/{id}/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/groups/acdefc6b-2dc6-4e71-b1e9-6d9810ab1794/acdefc6b-2dc6-4e71-b1e9-6d9810ab1795",
        )
        .unwrap();
        assert_eq!(path, "/users/{id}/{id2}/groups/{group-id}/{group-id2}");
        // Words that are no plurals stay whole.
        let (path, _) = literal_keys_as_params(
            "/addresses/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/status/acdefc6b-2dc6-4e71-b1e9-6d9810ab1794",
        )
        .unwrap();
        assert_eq!(path, "/addresses/{address-id}/status/{status-id}");
        // Not a GUID in its hyphenated form, or not a whole segment: kept.
        for kept in [
            "/users/{id}/calendar",
            "/users/acdefc6b2dc64e71b1e96d9810ab1793",
            "/drive/items/x-acdefc6b-2dc6-4e71-b1e9-6d9810ab1793",
            "/x?id=acdefc6b-2dc6-4e71-b1e9-6d9810ab1793",
        ] {
            assert_eq!(literal_keys_as_params(kept), None, "{kept}");
        }
    }

    #[test]
    fn pieces_that_are_not_pairs_are_named() {
        assert_eq!(
            unreadable_query_pieces("requiresReview:{Boolean}&$top=5&&={x}&{name}=1"),
            ["requiresReview:{Boolean}", "={x}", "{name}=1"]
        );
        assert!(unreadable_query_pieces("$filter=a eq 'b&c'&$top=5").is_empty());
    }

    #[test]
    fn query_strings_of_request_lines() {
        let q = parse_query("$expand=manager");
        assert_eq!(
            q,
            [QueryPair {
                name: "$expand".into(),
                value: vec![lit("manager")]
            }]
        );

        let q = parse_query("format={format}");
        assert_eq!(q[0].value, [param("format")]);

        // `&` inside parentheses does not split; percent-escapes are decoded.
        let q = parse_query(
            "$expand=extensions($filter=id eq '{extensionId}')&$select=id,{property_1}",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].name, "$expand");
        assert_eq!(
            q[0].value,
            [
                lit("extensions($filter=id eq '"),
                param("extensionId"),
                lit("')")
            ]
        );
        assert_eq!(q[1].value, [lit("id,"), param("property_1")]);
        let q = parse_query("$filter=VideoTeleconferenceId%20eq%20'{id}'");
        assert_eq!(
            q[0].value,
            [lit("VideoTeleconferenceId eq '"), param("id"), lit("'")]
        );

        // Quotes of either kind hold an `&`; `+` is a space.
        let q = parse_query("$search=\"it's & more\"&$top=5&$filter=a+eq+'b'");
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0].value, [lit("\"it's & more\"")]);
        assert_eq!(q[2].value, [lit("a eq 'b'")]);

        // Not pairs: no `=`, an empty name, a parameter as the name.
        assert!(parse_query("requiresReview:{Boolean}").is_empty());
        assert!(parse_query("=x&{name}=y&").is_empty());
        // An unclosed or empty brace is text.
        assert_eq!(parse_query("a={b")[0].value, [lit("{b")]);
        assert_eq!(parse_query("a=x{}")[0].value, [lit("x{}")]);
    }

    fn lit(s: &str) -> PathPart {
        PathPart::Literal(s.into())
    }
    fn param(s: &str) -> PathPart {
        PathPart::Param(s.into())
    }

    #[test]
    fn parameters_ref_functions_and_path_addressing() {
        let (s, q) =
            parse_path("/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses/$ref")
                .unwrap();
        assert_eq!(s.len(), 5);
        assert!(s[2].is_param());
        assert_eq!(s[4].system(), Some("$ref"));
        assert_eq!(q, None);

        let (s, _) = parse_path("/me/drive/root:/{item-path}:/content").unwrap();
        assert_eq!(s[2].parts, [lit("root:")]);
        assert_eq!(s[3].parts, [param("item-path"), lit(":")]);
        assert_eq!(s[2].module_word(), Some("root"));

        let (s, _) = parse_path("/sites/{site-id}/drive/items/getByPath(path='{path}')").unwrap();
        assert_eq!(
            s[4].parts,
            [lit("getByPath(path='"), param("path"), lit("')")]
        );
        assert_eq!(s[4].module_word(), Some("getByPath"));

        let (s, q) = parse_path("/users/delta()?$select=displayName").unwrap();
        assert_eq!(s[1].literal(), Some("delta()"));
        assert_eq!(q.as_deref(), Some("$select=displayName"));
        assert_eq!(
            path_params(&parse_path("/a/{x}/b/{y}/c/{x}").unwrap().0),
            ["x", "y", "x2"]
        );
    }

    #[test]
    fn slashes_inside_function_arguments_do_not_split() {
        let (s, _) = parse_path("/drives/{id}/items/getByPath(path='a/b')/x").unwrap();
        assert_eq!(s.len(), 5);
    }

    #[test]
    fn unreadable_paths_are_errors() {
        assert!(parse_path("users/{id}").is_err());
        assert!(parse_path("/users/{id").is_err());
        assert!(parse_path("/users/{}").is_err());
        assert!(parse_path("/users/{id} or /me").is_err());
        let (s, _) = parse_path("/users/{id | userPrincipalName}/photo/$value").unwrap();
        assert_eq!(s[1].parts, [param("id | userPrincipalName")]);
        let (s, _) = parse_path("/range/resizedRange(deltaRows={r}, deltaColumns={c})").unwrap();
        assert_eq!(
            s[1].parts,
            [
                lit("resizedRange(deltaRows="),
                param("r"),
                lit(",deltaColumns="),
                param("c"),
                lit(")")
            ]
        );
    }
}
