//! Hand-written (no generated header, so the golden update leaves it alone):
//! collections of a base type as a Graph client reads them, against a real
//! HTTP server on loopback (wiremock): every page followed and each member
//! cast to its own type, a page limit, a saved delta link, foreign links
//! refused, and a derived value sent as its base.

#![cfg(feature = "reqwest")]

use golden_derived_types_paging_and_delta::client::{Collection, Error, Model, Operation, Sender};
use golden_derived_types_paging_and_delta::v1_0::api::{groups, users};
use golden_derived_types_paging_and_delta::v1_0::{Device, DirectoryObject, Group, User};
use serde_json::json;
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
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
