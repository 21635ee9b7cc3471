//! Hand-written (no generated header, so the golden update leaves it alone):
//! a `$ref` endpoint as a Graph client calls it, against a real HTTP server on
//! loopback (wiremock) that checks the reference sent.

#![cfg(feature = "reqwest")]

use golden_ref_endpoints::client::{Reference, Sender};
use golden_ref_endpoints::v1_0::api::groups;
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn sender(server: &MockServer) -> Sender {
    Sender::new(reqwest::Client::new(), &server.uri(), "test-token")
}

#[tokio::test]
async fn a_member_is_added_by_reference() {
    let server = MockServer::start().await;
    let base = server.uri();
    let target = format!("{base}/directoryObjects/u%2F1");
    Mock::given(method("POST"))
        .and(path("/groups/g1/members/$ref"))
        .and(body_json(json!({"@odata.id": target})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let reference = Reference::to(&base, "/directoryObjects", "u/1");
    sender(&server).send(&groups::members::post_ref("g1", &reference)).await.expect("204");
}
