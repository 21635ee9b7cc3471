//! Rendering a [`PathTemplate`]: the `format!` string of an endpoint
//! function, and the encoded path a generated test expects on the wire.

use crate::ir::{PathPart, PathTemplate};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Bytes a literal path part may hold as written (RFC 3986 `pchar`).
const LITERAL: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// The set the generated client's `encode_path_parameter` encodes a path
/// parameter's value with.
const PARAMETER_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// `/a/{b}/c`: the template's segments, each part written by `literal` or
/// `param`; `/` for a template without segments.
fn render(
    template: &PathTemplate,
    mut literal: impl FnMut(&str) -> String,
    mut param: impl FnMut(&str) -> String,
) -> String {
    let mut out = String::new();
    for segment in &template.segments {
        out.push('/');
        for part in &segment.parts {
            match part {
                PathPart::Literal(text) => out.push_str(&literal(text)),
                PathPart::Param(name) => out.push_str(&param(name)),
            }
        }
    }
    out
}

/// The `format!` string of an endpoint function's path: literal text
/// encoded now (braces doubled), each parameter `{argument}` as
/// `argument` names it.
pub(crate) fn format_string(template: &PathTemplate, argument: impl Fn(&str) -> String) -> String {
    let format = render(
        template,
        |text| {
            utf8_percent_encode(text, LITERAL)
                .to_string()
                .replace('{', "{{")
                .replace('}', "}}")
        },
        |name| format!("{{{}}}", argument(name)),
    );
    if format.is_empty() {
        "/".to_owned()
    } else {
        format
    }
}

/// The path a request built with `value` for each parameter arrives with:
/// literal text as written, values encoded as the client encodes them.
pub(crate) fn expected_wire_path(
    template: &PathTemplate,
    value: impl Fn(&str) -> String,
) -> String {
    render(template, str::to_owned, |name| {
        utf8_percent_encode(&value(name), PARAMETER_VALUE).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::{expected_wire_path, format_string};
    use crate::ir::PathTemplate;

    fn template(text: &str) -> PathTemplate {
        PathTemplate::parse(text).expect("a readable path")
    }

    #[test]
    fn literal_text_is_encoded_once_and_braces_are_doubled() {
        let t = template("/drive/root:/{item-path}:/content");
        assert_eq!(
            format_string(&t, str::to_owned),
            "/drive/root:/{item-path}:/content"
        );
        let t = template("/reports/getThing(period='{period}')/café");
        assert_eq!(
            format_string(&t, |_| "p".to_owned()),
            "/reports/getThing(period='{p}')/caf%C3%A9"
        );
    }

    #[test]
    fn parameter_values_arrive_as_one_segment() {
        let t = template("/users/{id}/messages");
        assert_eq!(
            expected_wire_path(&t, |p| format!("{p}/1")),
            "/users/id%2F1/messages"
        );
    }
}
