//! Hand-written tests of the generated crate (this file has no generated
//! header, so `cargo xtask regen` never touches it): how the model structs
//! read and write JSON objects (`src/object.rs`, whose impls replaced serde's
//! derive).

use graph_model::client::{Collection, ResponseBody};
use graph_model::v1_0::{ComplianceStatus, ManagedDeviceMobileAppConfigurationUserStatus as UserStatus};
use serde_json::json;

#[test]
fn fields_are_written_in_declaration_order_then_the_undocumented_ones() {
    let mut status = UserStatus {
        odata_type: Some("#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus".to_owned()),
        user_principal_name: Some("megan@contoso.com".to_owned()),
        devices_count: Some(2),
        ..Default::default()
    };
    status.additional_properties.insert("aFutureProperty".to_owned(), json!(true));
    let text = serde_json::to_string(&status).unwrap();
    assert_eq!(
        text,
        r##"{"@odata.type":"#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus","devicesCount":2,"userPrincipalName":"megan@contoso.com","aFutureProperty":true}"##
    );
}

#[test]
fn absent_and_null_fields_are_none_and_unknown_keys_are_kept_as_sent() {
    let parsed: UserStatus = serde_json::from_value(json!({
        "id": "a1",
        "userDisplayName": null,
        "someFutureProperty": null,
        "anotherOne": [1, 2]
    }))
    .unwrap();
    assert_eq!(parsed.id.as_deref(), Some("a1"));
    assert_eq!(parsed.user_display_name, None);
    assert_eq!(parsed.devices_count, None);
    assert_eq!(parsed.additional_properties.len(), 2);
    assert_eq!(parsed.additional_properties["someFutureProperty"], json!(null));
    assert_eq!(parsed.additional_properties["anotherOne"], json!([1, 2]));
    // A documented field's null is not written back; an undocumented key's is.
    assert_eq!(
        serde_json::to_value(&parsed).unwrap(),
        json!({"id": "a1", "someFutureProperty": null, "anotherOne": [1, 2]})
    );
}

#[test]
fn a_patch_clears_a_property_with_a_null_under_its_wire_name() {
    // `None` is not written (PATCH leaves the property alone); a `null` under
    // the property's wire name in `additional_properties` is (PATCH clears it).
    let mut patch = UserStatus { devices_count: Some(3), ..Default::default() };
    patch.additional_properties.insert("userDisplayName".to_owned(), json!(null));
    assert_eq!(
        serde_json::to_string(&patch).unwrap(),
        r#"{"devicesCount":3,"userDisplayName":null}"#
    );
}

#[test]
fn a_value_of_the_wrong_type_is_an_error_that_names_its_path_and_place() {
    // A response read by the client names the path of the value that failed.
    let body = br#"{"id": "a1", "devicesCount": "three"}"#;
    let message = <UserStatus as ResponseBody>::from_body(body).unwrap_err().to_string();
    assert!(message.starts_with("devicesCount: invalid type: string \"three\""), "{message}");
    assert!(message.ends_with("at line 1 column 36"), "{message}");
    let body = br#"{"value": [{"id": "a1"}, {"status": 7}]}"#;
    let message = <Collection<UserStatus> as ResponseBody>::from_body(body).unwrap_err().to_string();
    assert!(message.starts_with("value[1].status: "), "{message}");
    // serde_json on its own gives the place, as for a derived impl.
    let error = serde_json::from_str::<UserStatus>(r#"{"status": 7}"#).unwrap_err();
    assert_eq!((error.line(), error.column()), (1, 12), "{error}");
}

#[test]
fn only_an_object_reads_into_a_struct() {
    for body in ["[]", "\"a1\"", "3", "null"] {
        assert!(serde_json::from_str::<UserStatus>(body).is_err(), "{body} was read as a struct");
    }
    // Inside an Option, null is None as usual.
    assert_eq!(serde_json::from_str::<Option<UserStatus>>("null").unwrap(), None);
}

#[test]
fn a_repeated_key_keeps_its_last_value() {
    let parsed: UserStatus = serde_json::from_str(r#"{"status": "compliant", "status": "error"}"#).unwrap();
    assert_eq!(parsed.status, Some(ComplianceStatus::Error));
}

#[test]
fn structs_nest_inside_collections_and_round_trip() {
    let body = json!({
        "value": [
            {"id": "a", "status": "notApplicable"},
            {"id": "b", "devicesCount": 0, "extra": {"x": 1}}
        ],
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/next"
    });
    let page: graph_model::client::Collection<UserStatus> = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(page.value.len(), 2);
    assert_eq!(page.value[0].status, Some(ComplianceStatus::NotApplicable));
    assert_eq!(page.value[1].additional_properties["extra"], json!({"x": 1}));
    assert_eq!(serde_json::to_value(&page).unwrap(), body);
}

#[test]
fn debug_shows_the_struct_name_and_the_json_it_writes() {
    let status = UserStatus {
        id: Some("a1".to_owned()),
        devices_count: Some(2),
        ..Default::default()
    };
    assert_eq!(
        format!("{status:?}"),
        r#"ManagedDeviceMobileAppConfigurationUserStatus {"id":"a1","devicesCount":2}"#
    );
    let pretty = format!("{status:#?}");
    assert!(pretty.starts_with("ManagedDeviceMobileAppConfigurationUserStatus {\n  \"id\": \"a1\""), "{pretty}");
}

#[test]
fn structs_are_equal_when_they_write_the_same_json() {
    let read: UserStatus = serde_json::from_str(r#"{"id": "a1", "devicesCount": 2, "extra": [1]}"#).unwrap();
    let mut built = UserStatus { id: Some("a1".to_owned()), devices_count: Some(2), ..Default::default() };
    assert_ne!(read, built, "an undocumented member counts");
    built.additional_properties.insert("extra".to_owned(), json!([1]));
    assert_eq!(read, built);
    built.devices_count = Some(3);
    assert_ne!(read, built);
}
