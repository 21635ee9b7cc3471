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
