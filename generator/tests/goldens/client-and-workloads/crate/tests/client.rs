//! Hand-written (no generated header, so the golden update leaves it alone):
//! the generated crate as a Graph client, against a real HTTP server on
//! loopback (wiremock) that checks what goes over the wire: retries after
//! throttling, batches, request headers, and the token kept out of output.

#![cfg(feature = "reqwest")]

use golden_client_and_workloads::client::{Batch, Error, Patch, Sender};
use golden_client_and_workloads::v1_0::api::users;
use golden_client_and_workloads::v1_0::User;
use serde_json::json;
use std::time::Duration;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn sender(server: &MockServer) -> Sender {
    Sender::new(reqwest::Client::new(), &server.uri(), "test-token")
}

#[tokio::test]
async fn throttling_gives_retry_after_and_the_request_ids_then_retries() {
    let server = MockServer::start().await;
    let throttled = ResponseTemplate::new(429)
        .insert_header("retry-after", "1")
        .insert_header("request-id", "req-1")
        .insert_header("client-request-id", "client-1")
        .insert_header("date", "Wed, 02 Dec 2026 10:00:00 GMT")
        .set_body_json(json!({"error": {"code": "TooManyRequests", "message": "Slow down."}}));
    Mock::given(method("GET"))
        .and(path("/users/u1"))
        .respond_with(throttled)
        .up_to_n_times(3)
        .expect(3)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/users/u1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "u1"})))
        .expect(1)
        .mount(&server)
        .await;
    let error = sender(&server).send(&users::get("u1")).await.unwrap_err();
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(error.request_id(), Some("req-1"));
    let Error::Service(service) = error else { panic!("a service error") };
    assert_eq!(service.client_request_id.as_deref(), Some("client-1"));
    assert_eq!(service.date.as_deref(), Some("Wed, 02 Dec 2026 10:00:00 GMT"));
    assert_eq!(service.code(), Some("TooManyRequests"));

    // A Retry-After longer than the caller accepts is not waited out.
    let impatient = sender(&server).with_retries(1).with_max_retry_delay(Duration::from_millis(500));
    assert_eq!(impatient.send(&users::get("u1")).await.unwrap_err().status(), Some(429));

    // With one retry allowed, the 429 is waited out and the next call succeeds.
    let user = sender(&server).with_retries(1).send(&users::get("u1")).await.unwrap();
    assert_eq!(user.id.as_deref(), Some("u1"));
}

#[tokio::test]
async fn a_batch_of_three_with_one_failure() {
    let server = MockServer::start().await;
    let mut batch = Batch::new();
    let ada = batch.add(&users::get("u1")).unwrap();
    let missing = batch.add(&users::get("nobody")).unwrap();
    let update = Patch::new(User { job_title: Some("Pilot".into()), ..Default::default() });
    let patched = batch.add_after(&users::update("u1", &update), &[ada.id()]).unwrap();
    let expected_request = json!({"requests": [
        {"id": "1", "method": "GET", "url": "/users/u1"},
        {"id": "2", "method": "GET", "url": "/users/nobody"},
        {"id": "3", "method": "PATCH", "url": "/users/u1", "headers": {"content-type": "application/json"},
         "body": {"jobTitle": "Pilot"}, "dependsOn": ["1"]}
    ]});
    Mock::given(method("POST"))
        .and(path("/$batch"))
        .and(body_json(&expected_request))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"responses": [
            {"id": "3", "status": 204},
            {"id": "1", "status": 200, "body": {"id": "u1", "displayName": "Ada"}},
            {"id": "2", "status": 404, "headers": {"request-id": "req-2"},
             "body": {"error": {"code": "Request_ResourceNotFound", "message": "No such user."}}}
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    let response = sender(&server).send(&batch.operation()).await.unwrap();
    assert_eq!(ada.result(&response).unwrap().display_name.as_deref(), Some("Ada"));
    let error = missing.result(&response).unwrap_err();
    assert_eq!((error.status(), error.request_id()), (Some(404), Some("req-2")));
    patched.result(&response).expect("204 in the batch");
}

#[test]
fn a_batch_holds_at_most_twenty_operations() {
    let mut batch = Batch::new();
    for i in 0..Batch::MAX_OPERATIONS {
        batch.add(&users::get(&i.to_string())).unwrap();
    }
    assert!(matches!(batch.add(&users::get("one-more")), Err(Error::BatchTooLarge { limit: 20 })));
    assert_eq!(batch.len(), 20);
}

#[tokio::test]
async fn unknown_enum_members_are_asked_for_with_prefer() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/users/u1"))
        .and(header("prefer", "include-unknown-enum-members"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "u1"})))
        .expect(1)
        .mount(&server)
        .await;
    let operation = users::get("u1").include_unknown_enum_members();
    sender(&server).send(&operation).await.expect("the header was sent");
}

#[test]
fn the_bearer_token_is_never_printed() {
    let sender = Sender::new(reqwest::Client::new(), "https://graph.microsoft.com/v1.0", "secret-token");
    assert!(!format!("{sender:?}").contains("secret-token"));
    let request = users::get("u1").authorized_request("https://graph.microsoft.com/v1.0", "secret-token").unwrap();
    assert!(!format!("{request:?}").contains("secret-token"));
}
