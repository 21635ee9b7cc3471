//! A test renderer: a markdown page → the plain text the published docs site
//! shows for it (what people copy). Front matter, annotations, includes and
//! markdown markers go; links keep their text; a table becomes one line per
//! row (cells joined by single spaces, the `|:---|` separator dropped); code
//! fences go and their content stays; `> [!NOTE]` becomes "Note: …".

use regex::Regex;
use std::sync::OnceLock;

fn link_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Images and links, inline (`[t](u)`) or by reference (`[t][r]`, `[t][]`).
    RE.get_or_init(|| {
        Regex::new(r"!?\[([^\[\]]*)\](?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*\])")
            .expect("valid regex")
    })
}

fn tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>").expect("valid regex"))
}

fn emphasis_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(^|[\s(])_{1,2}([^_\s](?:[^_]*[^_\s])?)_{1,2}($|[\s).,:;])")
            .expect("valid regex")
    })
}

/// Inline markdown → the text the site shows.
pub fn inline(text: &str) -> String {
    let mut s = text.to_owned();
    for _ in 0..3 {
        let next = link_re().replace_all(&s, "$1").into_owned();
        if next == s {
            break;
        }
        s = next;
    }
    s = s
        .replace("<br/>", " ")
        .replace("<br>", " ")
        .replace("<br />", " ");
    s = tag_re().replace_all(&s, "").into_owned();
    s = s.replace("**", "").replace('`', "");
    s = emphasis_re().replace_all(&s, "$1$2$3").into_owned();
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(chars.next())
            }
            '*' => {}
            _ => out.push(c),
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The cells of a table line, split at unescaped pipes (outer pipes dropped).
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let mut out = vec![String::new()];
    let mut escaped = false;
    for c in t.chars() {
        match c {
            '|' if !escaped => out.push(String::new()),
            _ => {
                escaped = c == '\\' && !escaped;
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out.iter()
        .map(|c| inline(c).split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | ':' | '-' | ' '))
}

/// Renders a markdown page as the published site's plain text.
pub fn render_published(markdown: &str) -> String {
    let mut lines: Vec<&str> = markdown.lines().collect();
    // Front matter.
    if lines.first().is_some_and(|l| l.trim() == "---") {
        if let Some(end) = lines
            .iter()
            .skip(1)
            .position(|l| l.trim() == "---" || l.trim() == "...")
        {
            lines.drain(..end + 2);
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut fence: Option<String> = None;
    let mut in_comment = false;
    let mut in_table = false;
    let mut note_prefix: Option<String> = None;
    for (i, raw) in lines.iter().enumerate() {
        let line = *raw;
        let t = line.trim();
        if let Some(f) = &fence {
            if t.starts_with(f.as_str())
                && t.trim_start_matches(f.chars().next().unwrap_or('`'))
                    .trim()
                    .is_empty()
            {
                fence = None;
            } else {
                out.push(line.to_owned());
            }
            continue;
        }
        if in_comment {
            if t.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            let marker: String = t.chars().take_while(|c| *c == '`' || *c == '~').collect();
            fence = Some(marker);
            in_table = false;
            continue;
        }
        if t.is_empty() {
            in_table = false;
            out.push(String::new());
            continue;
        }
        let unquoted = t.trim_start_matches('>').trim();
        let lower = unquoted.to_ascii_lowercase();
        if lower.starts_with("[!include") || lower.starts_with("[!div") {
            continue;
        }
        if let Some(kind) = lower.strip_prefix("[!").and_then(|k| k.strip_suffix(']')) {
            let mut word = kind.to_owned();
            if let Some(first) = word.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            note_prefix = Some(format!("{word}: "));
            continue;
        }
        let next_is_separator = lines
            .get(i + 1)
            .is_some_and(|n| is_separator(n) && n.contains('|'));
        if !in_table && t.contains('|') && next_is_separator {
            in_table = true;
            out.push(cells(t).join(" "));
            continue;
        }
        if in_table && (t.starts_with('#') || t.starts_with('>')) {
            in_table = false;
        }
        if in_table {
            if is_separator(t) {
                continue;
            }
            out.push(cells(t).join(" "));
            continue;
        }
        let mut text = unquoted;
        if t.starts_with('#') {
            text = t.trim_start_matches('#').trim();
        } else if let Some(rest) = ["- ", "* ", "+ "].iter().find_map(|m| text.strip_prefix(m)) {
            text = rest;
        }
        let mut rendered = inline(text).trim().to_owned();
        if let Some(prefix) = note_prefix.take() {
            rendered = format!("{prefix}{rendered}");
        }
        out.push(rendered);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}
