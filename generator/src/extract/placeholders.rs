//! Values in examples that are type names instead of values (`"String"`,
//! `"Integer"`, `"String (timestamp)"`): the docs' way of saying "some value".

use super::type_cell::Primitive;
use serde_json::Value;

/// Whether a JSON string value is a type-name placeholder.
pub fn is_placeholder_value(text: &str) -> bool {
    let text = text.trim();
    // `datetime-value`, `id-value`, `@odata.type: microsoft.graph.x`.
    if let Some(stem) = text.strip_suffix("-value") {
        if !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric()) {
            return true;
        }
    }
    if text.starts_with("@odata.type:") {
        return true;
    }
    let head = match text.find(" (") {
        Some(i) if text.ends_with(')') => &text[..i],
        _ => text,
    };
    let head = head.strip_suffix(" collection").unwrap_or(head);
    Primitive::from_docs(head).is_some()
        || matches!(
            head,
            "Integer" | "Number" | "Object" | "Enum" | "Enumeration" | "Timestamp" | "Url" | "URL"
        )
}

/// Whether any value in `json` is a placeholder.
pub fn has_placeholders(json: &Value) -> bool {
    match json {
        Value::String(s) => is_placeholder_value(s),
        Value::Array(items) => items.iter().any(has_placeholders),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k != "@odata.type" && has_placeholders(v)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_type_names_not_values() {
        for p in [
            "String",
            "Integer",
            "String (timestamp)",
            "String (identifier)",
            "Boolean",
            "Int32",
            "Guid",
        ] {
            assert!(is_placeholder_value(p), "{p}");
        }
        assert!(
            is_placeholder_value("datetime-value")
                && is_placeholder_value("@odata.type: microsoft.graph.x")
        );
        for v in [
            "Device Name value",
            "failed",
            "2017-01-01T00:02:49Z",
            "strings",
            "Stringy",
            "-value",
            "a b-value",
        ] {
            assert!(!is_placeholder_value(v), "{v}");
        }
        assert!(has_placeholders(
            &serde_json::json!({"a": {"b": ["Integer"]}})
        ));
        assert!(!has_placeholders(
            &serde_json::json!({"@odata.type": "#x", "a": 1})
        ));
    }
}
