//! Hand-written (no generated header, so the golden update leaves it alone):
//! PATCH bodies as a Graph client sends them, against a real HTTP server on
//! loopback (wiremock) that checks the body: only the properties set or
//! cleared, and an empty success answer.

#![cfg(feature = "reqwest")]

use golden_patch_bodies::client::{Patch, Sender};
use golden_patch_bodies::v1_0::api::{groups, users};
use golden_patch_bodies::v1_0::{Group, User};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn sender(server: &MockServer) -> Sender {
    Sender::new(reqwest::Client::new(), &server.uri(), "test-token")
}

#[tokio::test]
async fn a_patch_clears_one_property_and_sends_nothing_else() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/users/u1"))
        .and(body_json(json!({"displayName": "Ada", "jobTitle": null})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let user = User { display_name: Some("Ada".into()), ..Default::default() };
    let update = Patch::new(user).clear(User::JOB_TITLE);
    // A 204 with no body is the documented success: `()`.
    sender(&server).send(&users::update("u1", &update)).await.expect("204 No Content");
}

#[tokio::test]
async fn an_update_answered_with_an_empty_200_is_a_success() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/groups/g1"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let group = Group { description: Some("Pilots".into()), ..Default::default() };
    sender(&server).send(&groups::update("g1", &group.into())).await.expect("an empty body");
}
