//! Hand-written (no generated header, so the golden update leaves it alone):
//! the generated crate as a Graph client, against a real HTTP server on
//! loopback (wiremock) that checks what goes over the wire.

#![cfg(feature = "reqwest")]

use golden_fixtures::client::{Batch, Collection, Error, Model, Operation, Patch, Reference, Sender};
use golden_fixtures::v1_0::api::{groups, users};
use golden_fixtures::v1_0::{Device, DirectoryObject, Group, User};
use serde_json::json;
use std::time::Duration;
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn sender(server: &MockServer) -> Sender {
    Sender::new(reqwest::Client::new(), &server.uri(), "test-token")
}

/// Answers one `GET /groups/g1/members` (and expects exactly one) with a
/// page of one user whose next link is `next_link`.
async fn serve_one_members_page(server: &MockServer, next_link: &str) {
    let page = json!({"value": [{"id": "u1"}], "@odata.nextLink": next_link});
    Mock::given(method("GET"))
        .and(path("/groups/g1/members"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn group_members_over_three_pages_read_as_their_own_types() {
    let server = MockServer::start().await;
    let base = server.uri();
    let pages = [
        json!({"value": [{"@odata.type": "#microsoft.graph.user", "id": "u1", "jobTitle": "Pilot"}],
               "@odata.nextLink": format!("{base}/groups/g1/members?$skiptoken=2")}),
        json!({"value": [{"@odata.type": "#microsoft.graph.group", "id": "g2", "securityEnabled": true}],
               "@odata.nextLink": format!("{base}/groups/g1/members?$skiptoken=3")}),
        json!({"value": [{"@odata.type": "#microsoft.graph.device", "id": "d1", "operatingSystem": "Linux"}]}),
    ];
    for (i, page) in pages.iter().enumerate() {
        let mock = Mock::given(method("GET"))
            .and(path("/groups/g1/members"))
            .and(header("authorization", "Bearer test-token"));
        let mock = if i == 0 {
            mock.and(query_param_is_missing("$skiptoken"))
        } else {
            mock.and(query_param("$skiptoken", (i + 1).to_string()))
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(page))
            .expect(1)
            .mount(&server)
            .await;
    }
    let sender = sender(&server);
    let mut items = sender.items(groups::members::list("g1"));
    let mut members: Vec<DirectoryObject> = Vec::new();
    while let Some(item) = items.next().await {
        members.push(item.expect("every page reads"));
    }
    assert_eq!(members.len(), 3);
    let user: User = members[0].cast().unwrap().expect("a user");
    assert_eq!((user.id.as_deref(), user.job_title.as_deref()), (Some("u1"), Some("Pilot")));
    assert!(members[0].cast::<Group>().unwrap().is_none());
    let group: Group = members[1].cast().unwrap().expect("a group");
    assert_eq!(group.security_enabled, Some(true));
    let device: Device = members[2].cast().unwrap().expect("a device");
    assert_eq!(device.operating_system.as_deref(), Some("Linux"));
    // Nothing was lost while they were read as the base type.
    assert_eq!(members[2].additional_properties["operatingSystem"], "Linux");
}

#[tokio::test]
async fn a_page_limit_stops_before_the_next_page() {
    let server = MockServer::start().await;
    let next = format!("{}/groups/g1/members?$skiptoken=2", server.uri());
    serve_one_members_page(&server, &next).await;
    let sender = sender(&server);
    let mut items = sender.items(groups::members::list("g1")).max_pages(1);
    assert!(items.next().await.unwrap().is_ok());
    assert!(items.next().await.is_none());
    let next = items.next_operation().expect("the page not read yet");
    assert_eq!(next.path(), "/groups/g1/members?$skiptoken=2");
}

#[tokio::test]
async fn a_delta_link_is_saved_and_resumed() {
    let server = MockServer::start().await;
    let base = server.uri();
    Mock::given(method("GET"))
        .and(path("/users/delta"))
        .and(query_param_is_missing("$deltatoken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [{"id": "u1", "displayName": "Ada"}],
            "@odata.deltaLink": format!("{base}/users/delta?$deltatoken=abc%3D%3D")
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/users/delta"))
        .and(query_param("$deltatoken", "abc=="))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [{"id": "u1", "displayName": "Ada Lovelace"}],
            "@odata.deltaLink": format!("{base}/users/delta?$deltatoken=def")
        })))
        .expect(1)
        .mount(&server)
        .await;
    let sender = sender(&server);
    let first = sender.send(&users::delta::list()).await.unwrap();
    assert!(first.next_page(&base).unwrap().is_none());
    let saved: String = first.delta_link.clone().expect("the last page has a delta link");

    // Later, from the saved link alone: typed like the first page.
    let resumed: Operation<Collection<User>> = Operation::from_link(&base, &saved).unwrap();
    let changes = sender.send(&resumed).await.unwrap();
    assert_eq!(changes.value[0].display_name.as_deref(), Some("Ada Lovelace"));
    assert!(changes.delta(&base).unwrap().is_some());
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
async fn a_next_link_to_another_host_is_refused() {
    let server = MockServer::start().await;
    serve_one_members_page(&server, "https://graph.evil.example/v1.0/groups/g1/members?$skiptoken=2").await;
    let sender = sender(&server);
    let mut items = sender.items(groups::members::list("g1"));
    assert_eq!(items.next().await.unwrap().unwrap().id.as_deref(), Some("u1"));
    match items.next().await {
        Some(Err(Error::ForeignLink(link))) => assert!(link.starts_with("https://graph.evil.example/")),
        other => panic!("expected the link to be refused, got {other:?}"),
    }
    assert!(items.next().await.is_none());
    // The same holds for a saved link, and for another port or scheme on the same host.
    for link in [
        "https://graph.evil.example/v1.0/users".to_owned(),
        format!("{}/users", server.uri().replace("http://", "https://")),
        "http://127.0.0.1:1/users".to_owned(),
        format!("{}@graph.evil.example/users", server.uri()),
    ] {
        let refused = Operation::<Collection<User>>::from_link(&server.uri(), &link);
        assert!(matches!(refused, Err(Error::ForeignLink(_))), "{link}");
    }
    let base = "https://graph.microsoft.com/v1.0";
    for outside in [
        "https://graph.microsoft.com/beta/users",
        "https://graph.microsoft.com/v1.0x/users",
        "https://graph.microsoft.com/v1.0/../beta/users",
        "https://graph.microsoft.com/v1.0/%2e%2E/beta/users",
    ] {
        let refused = Operation::<Collection<User>>::from_link(base, outside);
        assert!(matches!(refused, Err(Error::ForeignLink(_))), "a link outside the base URL's path: {outside}");
    }
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
fn a_derived_value_sent_as_its_base_names_its_type() {
    let user = User { id: Some("u1".into()), mail: Some("ada@example.com".into()), ..Default::default() };
    let base: DirectoryObject = user.upcast().unwrap();
    let sent = serde_json::to_value(&base).unwrap();
    assert_eq!(sent, json!({"@odata.type": "#microsoft.graph.user", "id": "u1", "mail": "ada@example.com"}));
    // An unknown or missing @odata.type keeps the expected type, every property kept.
    let unknown: DirectoryObject = serde_json::from_value(json!({"@odata.type": "#microsoft.graph.robot", "id": "r1", "arms": 4})).unwrap();
    assert!(unknown.cast::<User>().unwrap().is_none());
    assert_eq!(unknown.additional_properties["arms"], 4);
}

#[test]
fn the_bearer_token_is_never_printed() {
    let sender = Sender::new(reqwest::Client::new(), "https://graph.microsoft.com/v1.0", "secret-token");
    assert!(!format!("{sender:?}").contains("secret-token"));
    let request = users::get("u1").authorized_request("https://graph.microsoft.com/v1.0", "secret-token").unwrap();
    assert!(!format!("{request:?}").contains("secret-token"));
}
