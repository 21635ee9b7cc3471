//! Examples: each request and response body with the model type it holds.

use super::*;

/// Each page's examples with the model type each holds; each body's JSON
/// moves from the page facts to the model.
pub(super) fn build_examples(model: &mut Model, pages: &mut [PageFacts]) {
    let lookup = model.type_lookup();
    let mut examples = Vec::new();
    for page in pages {
        let request_body = page.endpoints.iter().find_map(|e| e.request_body.clone());
        let mut last_request_name: Option<String> = None;
        for ex in &mut page.examples {
            // A response without a name answers the request before it.
            let name = match ex.kind {
                crate::extract::ExampleKind::Request => {
                    last_request_name = ex.name.clone();
                    ex.name.clone()
                }
                crate::extract::ExampleKind::Response => {
                    ex.name.clone().or_else(|| last_request_name.clone())
                }
            };
            let body_type = ex
                .json
                .as_ref()
                .and_then(|json| json.get("@odata.type")?.as_str())
                .map(str::to_owned);
            let named = body_type.or_else(|| ex.odata_type.clone()).or_else(|| {
                (ex.kind == crate::extract::ExampleKind::Request)
                    .then(|| request_body.clone())
                    .flatten()
            });
            let ty = named.and_then(|n| match split_qualified(&n) {
                TypeName::Named { namespace, name } => lookup
                    .find(namespace.as_deref(), &name)
                    .map(|t| t.name.clone()),
                _ => None,
            });
            examples.push(Example {
                kind: ex.kind,
                name,
                ty,
                collection: ex.is_collection,
                first_line: ex.first_line.clone(),
                body: ex.body.clone(),
                json: ex.json.take(),
                // Decided once the model is complete (`examples::verdict`).
                verdict: Verdict::Concrete,
                source: ex.body_location.clone(),
            });
        }
    }
    model.examples.extend(examples);
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, resource};
    use crate::extract::ExampleKind;
    use crate::ir::{Example, Model, QualifiedName};

    /// An annotated example block: `fields` follow `blockType`; `text` is the
    /// block's content.
    fn example(block_type: &str, fields: &str, text: &str) -> String {
        format!("<!-- {{ \"blockType\": \"{block_type}\"{fields} }} -->\n```http\n{text}\n```\n\n")
    }

    /// The model of `api/thing-create.md` (a create page whose request body
    /// is a `thing`, followed by `examples`) beside the `thing` and `gizmo` pages.
    fn model_with_examples(examples: &[String]) -> Model {
        let mut page = "# Create thing\n\n## HTTP request\n\n```http\nPOST /things\n```\n\n\
                        ## Request body\n\nIn the request body, supply a JSON representation of the \
                        [thing](../resources/thing.md) object.\n\n## Examples\n\n"
            .to_owned();
        for e in examples {
            page.push_str(e);
        }
        let thing = resource("thing", "", &["size|Int32|How big."]);
        let gizmo = resource("gizmo", "", &["size|Int32|How big."]);
        model_of(&[
            ("resources/thing.md", &thing),
            ("resources/gizmo.md", &gizmo),
            ("api/thing-create.md", &page),
        ])
    }

    fn page_examples(model: &Model) -> Vec<&Example> {
        model
            .examples
            .iter()
            .filter(|e| &*e.source.path == "api/thing-create.md")
            .collect()
    }

    fn graph(name: &str) -> Option<QualifiedName> {
        Some(QualifiedName::new("microsoft.graph", name))
    }

    const RESPONSE: &str = "HTTP/1.1 201 Created\nContent-Type: application/json\n\n{\"size\": 1}";

    #[test]
    fn a_response_without_a_name_answers_the_request_before_it() {
        let model = model_with_examples(&[
            example(
                "request",
                r#", "name": "create_small""#,
                "POST https://graph.microsoft.com/v1.0/things",
            ),
            example("response", "", RESPONSE),
            example(
                "request",
                r#", "name": "create_large""#,
                "POST https://graph.microsoft.com/v1.0/things",
            ),
            example("response", "", RESPONSE),
            example("response", r#", "name": "its_own""#, RESPONSE),
        ]);
        let seen: Vec<(ExampleKind, Option<&str>)> = page_examples(&model)
            .iter()
            .map(|e| (e.kind, e.name.as_deref()))
            .collect();
        assert_eq!(
            seen,
            [
                (ExampleKind::Request, Some("create_small")),
                (ExampleKind::Response, Some("create_small")),
                (ExampleKind::Request, Some("create_large")),
                (ExampleKind::Response, Some("create_large")),
                (ExampleKind::Response, Some("its_own")),
            ]
        );
    }

    #[test]
    fn the_bodys_odata_type_comes_before_the_annotations() {
        let body = "HTTP/1.1 200 OK\nContent-Type: application/json\n\n\
                    {\"@odata.type\": \"#microsoft.graph.gizmo\", \"size\": 1}";
        let model = model_with_examples(&[
            example(
                "response",
                r#", "@odata.type": "microsoft.graph.thing""#,
                body,
            ),
            example(
                "response",
                r#", "@odata.type": "microsoft.graph.gizmo""#,
                RESPONSE,
            ),
            example(
                "response",
                r#", "@odata.type": "microsoft.graph.unknown""#,
                RESPONSE,
            ),
        ]);
        let types: Vec<Option<QualifiedName>> =
            page_examples(&model).iter().map(|e| e.ty.clone()).collect();
        assert_eq!(types, [graph("gizmo"), graph("gizmo"), None]);
    }

    #[test]
    fn a_request_without_a_type_holds_the_request_body_of_its_page() {
        let request = "POST https://graph.microsoft.com/v1.0/things\nContent-Type: application/json\n\n{\"size\": 1}";
        let model = model_with_examples(&[
            example("request", r#", "name": "create""#, request),
            example("response", "", RESPONSE),
        ]);
        let types: Vec<(ExampleKind, Option<QualifiedName>)> = page_examples(&model)
            .iter()
            .map(|e| (e.kind, e.ty.clone()))
            .collect();
        // The page's request body says `thing`; a response is not typed by it.
        assert_eq!(
            types,
            [
                (ExampleKind::Request, graph("thing")),
                (ExampleKind::Response, None)
            ]
        );
    }
}
