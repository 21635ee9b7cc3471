//! Hand-written tests of the generated crate (this file has no generated
//! header, so `cargo xtask regen` never touches it): open enums keep values
//! the docs do not list, and bodies round-trip.

use graph_model::v1_0::{ComplianceStatus, ManagedDeviceMobileAppConfigurationUserStatus, ResultantAppState};
use serde_json::json;

#[test]
fn a_value_no_page_lists_round_trips_through_a_struct() {
    let body = json!({
        "@odata.type": "#microsoft.graph.managedDeviceMobileAppConfigurationUserStatus",
        "id": "5c1d3f0e-1f3a-4c5e-9d7b-2a6f8e4b9c01",
        "status": "quarantined",
        "devicesCount": 3,
        "lastReportedDateTime": "2021-07-14T08:12:33.4419862+02:00",
        "someFutureProperty": {"nested": [1, 2, 3]}
    });
    let parsed: ManagedDeviceMobileAppConfigurationUserStatus = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(parsed.status, Some(ComplianceStatus::Undocumented("quarantined".to_owned())));
    assert!(!parsed.status.as_ref().unwrap().is_documented());
    assert_eq!(parsed.additional_properties["someFutureProperty"], json!({"nested": [1, 2, 3]}));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), body);
}

#[test]
fn documented_members_parse_display_and_list() {
    assert_eq!("notApplicable".parse::<ComplianceStatus>().unwrap(), ComplianceStatus::NotApplicable);
    assert_eq!(ComplianceStatus::NonCompliant.to_string(), "nonCompliant");
    assert_eq!(ComplianceStatus::DOCUMENTED.len(), 8);
    assert_eq!(ResultantAppState::DOCUMENTED.first(), Some(&ResultantAppState::Installed));
    assert_eq!(ResultantAppState::from("pendingInstall").as_str(), "pendingInstall");
    // The wire value is case-sensitive: another spelling is kept, not folded.
    assert_eq!(ResultantAppState::from("Installed"), ResultantAppState::Undocumented("Installed".to_owned()));
    // These enum pages give no integer values.
    assert_eq!(ResultantAppState::Failed.documented_value(), None);
}

#[test]
fn unset_fields_are_not_serialized() {
    let status = ManagedDeviceMobileAppConfigurationUserStatus {
        user_display_name: Some("Megan Bowen".to_owned()),
        ..Default::default()
    };
    assert_eq!(serde_json::to_value(&status).unwrap(), json!({"userDisplayName": "Megan Bowen"}));
}
