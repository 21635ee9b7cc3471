//! Hand-written tests of the endpoint functions (no generated header, so
//! `cargo xtask regen` leaves this file alone): hostile path parameters
//! cannot change the path, requests carry the documented method, headers and
//! body, and responses parse into the model or a typed Graph error.

use graph_model::client::{Error, Scopes};
use graph_model::v1_0::api::device_app_management::mobile_apps::{device_statuses, user_statuses};
use graph_model::v1_0::{MobileAppInstallStatus, UserAppInstallStatus, BASE_URL};

const HOSTILE: &[(&str, &str)] = &[
    ("../../users", "%2E%2E%2F%2E%2E%2Fusers"),
    ("a/b", "a%2Fb"),
    ("a?$select=id", "a%3F%24select%3Did"),
    ("a#frag", "a%23frag"),
    ("%2F", "%252F"),
    ("..", "%2E%2E"),
    (".", "%2E"),
    ("with space", "with%20space"),
    ("ünï", "%C3%BCn%C3%AF"),
    ("", ""),
];

#[test]
fn hostile_ids_stay_inside_their_segment() {
    for (id, encoded) in HOSTILE {
        let op = user_statuses::create(id, &UserAppInstallStatus::default());
        assert_eq!(op.path(), format!("/deviceAppManagement/mobileApps/{encoded}/userStatuses"), "{id:?}");
        if matches!(*id, "." | "..") {
            // URL parsers (reqwest's included) read `%2E%2E` as `..` and drop
            // the segment before it: such a request is refused, never sent.
            assert!(matches!(op.request(BASE_URL), Err(Error::InvalidRequest(_))), "{id:?}");
            continue;
        }
        let request = op.request(BASE_URL).expect("a valid request");
        let uri = request.uri();
        assert_eq!(uri.host(), Some("graph.microsoft.com"));
        assert_eq!(uri.query(), None, "{id:?} must not start a query");
        assert!(uri.path().starts_with("/v1.0/deviceAppManagement/mobileApps/"), "{uri}");
        assert!(uri.path().ends_with("/userStatuses"), "{uri}");
        // Five segments whatever the id: v1.0, deviceAppManagement, mobileApps, id, userStatuses.
        assert_eq!(uri.path().split('/').count(), 6, "{uri}");
    }
}

#[test]
fn requests_carry_method_headers_and_json_body() {
    let body = MobileAppInstallStatus { device_name: Some("LAPTOP-1".to_owned()), ..Default::default() };
    let op = device_statuses::create("app-1", &body);
    let request = op.request("http://127.0.0.1:9/custom/").expect("a valid request");
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri().to_string(), "http://127.0.0.1:9/custom/deviceAppManagement/mobileApps/app-1/deviceStatuses");
    assert_eq!(request.headers()["content-type"], "application/json");
    assert_eq!(request.headers()["accept"], "application/json");
    let sent: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(sent, serde_json::json!({"deviceName": "LAPTOP-1"}));
    assert!(op.request("not a url").is_err());
}

#[test]
fn permissions_are_data_and_placeholders_are_unknown() {
    let op = device_statuses::create("x", &MobileAppInstallStatus::default());
    assert_eq!(op.permissions().delegated_work_or_school, Scopes::Scopes(&["DeviceManagementApps.ReadWrite.All"]));
    assert_eq!(op.permissions().delegated_personal, Scopes::NotSupported);
    // beta keeps the seed's TODO placeholders: unknown, never an empty list.
    let beta = graph_model::beta::api::device_app_management::mobile_apps::device_statuses::create(
        "x",
        &graph_model::beta::MobileAppInstallStatus::default(),
    );
    assert_eq!(beta.permissions().application, Scopes::Unknown);
}

/// A response as the service would send it.
fn response(status: u16, body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder().status(status).body(body.to_vec()).unwrap()
}

#[test]
fn responses_parse_into_the_model_or_a_graph_error() {
    let op = device_statuses::create("x", &MobileAppInstallStatus::default());
    let ok = op.parse_response(&response(201, br#"{"id": "1", "installState": "installed"}"#)).unwrap();
    assert_eq!(ok.id.as_deref(), Some("1"));
    let err = op
        .parse_response(&response(
            404,
            br#"{"error": {"code": "ResourceNotFound", "message": "No such app.", "innerError": {"request-id": "r1"}}}"#,
        ))
        .unwrap_err();
    match err {
        Error::Service(e) => {
            assert_eq!(e.status, 404);
            let error = e.error.expect("a Graph error body");
            assert_eq!(error.code, "ResourceNotFound");
            assert_eq!(error.message, "No such app.");
            assert_eq!(error.inner_error.unwrap()["request-id"], "r1");
        }
        other => panic!("expected a Graph error, got {other:?}"),
    }
    match op.parse_response(&response(502, b"<html>bad gateway</html>")) {
        Err(Error::Service(e)) => {
            assert_eq!((e.status, e.error.is_none(), e.body.as_str()), (502, true, "<html>bad gateway</html>"));
        }
        other => panic!("expected a failure status, got {other:?}"),
    }
    assert!(matches!(op.parse_response(&response(201, b"{not json")), Err(Error::Json(_))));
}

#[test]
fn an_empty_success_body_is_a_success_whatever_the_documented_type() {
    let op = device_statuses::create("x", &MobileAppInstallStatus::default());
    for status in [200, 201, 202, 204] {
        let parsed = op.parse_response(&response(status, b"")).expect("an empty success body");
        assert_eq!(parsed, MobileAppInstallStatus::default(), "{status}");
    }
}

#[test]
fn query_parameters_are_encoded_and_cannot_break_out() {
    let op = device_statuses::create("a", &MobileAppInstallStatus::default())
        .with_query("$select", "deviceName,installState")
        .with_query("$filter", "deviceName eq 'x&y=#z'");
    assert_eq!(
        op.path(),
        "/deviceAppManagement/mobileApps/a/deviceStatuses?$select=deviceName%2CinstallState&$filter=deviceName%20eq%20%27x%26y%3D%23z%27"
    );
    let request = op.request(BASE_URL).unwrap();
    assert_eq!(request.uri().path(), "/v1.0/deviceAppManagement/mobileApps/a/deviceStatuses");
    assert_eq!(request.uri().query().unwrap().split('&').count(), 2);
}

#[test]
fn a_query_option_given_again_replaces_the_first() {
    // Graph refuses a repeated system query option, and an endpoint may
    // already add one its request line writes.
    let op = device_statuses::create("a", &MobileAppInstallStatus::default())
        .with_query("$select", "deviceName")
        .with_query("$top", "5")
        .with_query("$select", "installState");
    assert_eq!(op.path(), "/deviceAppManagement/mobileApps/a/deviceStatuses?$top=5&$select=installState");
}

#[test]
fn values_inside_odata_string_literals_cannot_end_them() {
    assert_eq!(graph_model::client::escape_odata_string("O'Brien"), "O''Brien");
    assert_eq!(graph_model::client::escape_odata_string("x' or 1 eq 1 or 'y"), "x'' or 1 eq 1 or ''y");
}

#[test]
fn debug_of_a_request_never_prints_the_token() {
    let op = device_statuses::create("a", &MobileAppInstallStatus::default());
    let request = op.authorized_request(BASE_URL, "secret-token-123").unwrap();
    assert_eq!(request.headers()["authorization"], "Bearer secret-token-123");
    let debug = format!("{request:?} {op:?}");
    assert!(!debug.contains("secret-token-123"), "{debug}");
    assert!(debug.contains("Sensitive"), "{debug}");
    assert!(op.authorized_request(BASE_URL, "bad\ntoken").is_err());
}
