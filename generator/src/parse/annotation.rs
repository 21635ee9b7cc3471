//! The `<!-- { "blockType": … } -->` annotations the docs put before code blocks.

use super::json_commas;
use serde_json::Value;

/// A parsed annotation comment.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// `blockType`: `resource`, `request`, `response`, `ignored`, `example`, …
    pub block_type: String,
    /// `name`, pairing a request with its response.
    pub name: Option<String>,
    /// `@odata.type` (or `@type`): the type the block holds.
    pub odata_type: Option<String>,
    /// `baseType` of a resource.
    pub base_type: Option<String>,
    /// `isCollection`.
    pub is_collection: bool,
    /// `openType` of a resource: objects may carry properties it does not list.
    pub open_type: bool,
    /// `keyProperty` of a resource: the property that identifies an entity.
    pub key_property: Option<String>,
    /// Every field, as written.
    pub fields: Value,
}

impl Annotation {
    /// Parses the inside of an HTML comment. `Ok(None)` when the comment is
    /// not an annotation; `Err` with a reason when it looks like one but is
    /// not valid JSON.
    pub fn parse(comment: &str) -> Result<Option<Annotation>, String> {
        let inner = comment.trim();
        let Some(inner) = inner.strip_prefix("<!--") else {
            return Ok(None);
        };
        let inner = inner.trim_end().strip_suffix("-->").unwrap_or(inner).trim();
        if !inner.starts_with('{') || !inner.contains("blockType") {
            return Ok(None);
        }
        let fields: Value = match serde_json::from_str(inner) {
            Ok(v) => v,
            // The docs often leave a trailing comma before `}`: accept that.
            Err(first) => serde_json::from_str(&json_commas::without_commas(
                inner,
                &json_commas::trailing_commas(inner),
            ))
            .map_err(|_| first.to_string())?,
        };
        let text = |key: &str| fields.get(key).and_then(Value::as_str).map(str::to_owned);
        let flag = |key: &str| fields.get(key).and_then(Value::as_bool).unwrap_or(false);
        Ok(Some(Annotation {
            block_type: text("blockType").unwrap_or_default(),
            name: text("name"),
            odata_type: text("@odata.type").or_else(|| text("@type")),
            base_type: text("baseType"),
            is_collection: flag("isCollection"),
            open_type: flag("openType"),
            key_property: text("keyProperty").filter(|k| !k.trim().is_empty()),
            fields,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_resource_annotations_with_trailing_commas() {
        let a = Annotation::parse(
            "<!-- {\n  \"blockType\": \"resource\",\n  \"baseType\": \"microsoft.graph.entity\",\n  \"@odata.type\": \"microsoft.graph.x\",\n} -->",
        )
        .unwrap()
        .unwrap();
        assert_eq!(a.block_type, "resource");
        assert_eq!(a.base_type.as_deref(), Some("microsoft.graph.entity"));
        assert_eq!(a.odata_type.as_deref(), Some("microsoft.graph.x"));
    }

    #[test]
    fn ordinary_comments_are_not_annotations() {
        assert_eq!(Annotation::parse("<!-- just a note -->").unwrap(), None);
        assert!(Annotation::parse("<!-- { \"blockType\": oops } -->").is_err());
    }
}
