//! The five seed pages (`../shared/seeds`): what each yields.

mod common;

use graph_docs_codegen::extract::Scopes;
use graph_docs_codegen::ir::{Model, TypeRef};
use graph_docs_codegen::source::SourceFile;
use graph_docs_codegen::{build_version, diagnostics::codes};

use common::seed;

fn prop_type(model: &Model, ty: &str, prop: &str) -> TypeRef {
    let t = model
        .find_type(None, ty)
        .unwrap_or_else(|| panic!("type {ty}"));
    t.properties
        .iter()
        .find(|p| p.name == prop)
        .unwrap_or_else(|| panic!("{ty}.{prop}"))
        .ty
        .clone()
}

#[test]
fn seed_000_create_device_statuses() {
    let Some(page) = seed("000_") else { return };
    let model = build_version("beta", &[page]);
    let ty = model
        .find_type(None, "mobileAppInstallStatus")
        .expect("the request-body type");
    let names: Vec<&str> = ty.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 13, "{names:?}");
    assert_eq!(
        ty.base.as_ref().map(|b| b.name.as_str()),
        Some("entity"),
        "from `Inherited from [entity]`"
    );
    assert!(
        matches!(prop_type(&model, "mobileAppInstallStatus", "installState"), TypeRef::Enum(q) if q.name == "resultantAppState")
    );
    assert_eq!(
        model.enums["microsoft.graph.resultantappstate"]
            .members
            .len(),
        7
    );
    assert_eq!(
        model.enums["microsoft.graph.resultantappstatedetail"]
            .members
            .len(),
        27
    );
    let paths: Vec<&str> = model.endpoints.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, common::DEVICE_STATUSES_PATHS);
    let e = &model.endpoints[0];
    assert_eq!((e.method.as_str(), e.response.status), ("POST", Some(201)));
    assert_eq!(e.request_body.as_deref(), Some("mobileAppInstallStatus"));
    assert_eq!(
        e.permissions.application,
        Some(Scopes::Unknown),
        "a TODO placeholder is unknown, not empty"
    );
    // Every table row keeps its line: the deviceName row is line 49 of the seed.
    let device_name = ty
        .properties
        .iter()
        .find(|p| p.name == "deviceName")
        .unwrap();
    assert_eq!(
        (device_name.source.line, device_name.source.column),
        (49, 1)
    );
}

#[test]
fn seed_002_create_user_statuses() {
    let Some(page) = seed("002_") else { return };
    let model = build_version("beta", &[page]);
    let ty = model.find_type(None, "userAppInstallStatus").unwrap();
    assert_eq!(ty.properties.len(), 6);
    assert_eq!(
        prop_type(&model, "userAppInstallStatus", "failedDeviceCount"),
        TypeRef::Primitive(graph_docs_codegen::extract::type_cell::Primitive::Int32)
    );
}

#[test]
fn seeds_003_and_004_the_anonymous_enumeration_is_compliance_status() {
    let (Some(s003), Some(s004)) = (seed("003_"), seed("004_")) else {
        return;
    };
    let model = build_version("v1.0", &[s003.clone(), s004.clone()]);
    let status = prop_type(
        &model,
        "managedDeviceMobileAppConfigurationDeviceStatus",
        "status",
    );
    assert!(
        matches!(&status, TypeRef::Enum(q) if q.name == "complianceStatus"),
        "{status:?}"
    );
    assert!(!model
        .diagnostics
        .iter()
        .any(|d| d.code == codes::ANONYMOUS_ENUM));
    assert_eq!(
        model
            .endpoints
            .iter()
            .filter(|e| e.path.ends_with("/$ref"))
            .count(),
        1
    );
    assert_eq!(
        model.endpoints[0].permissions.delegated_personal,
        Some(Scopes::NotSupported)
    );

    // When the lists do not agree, the property gets an enum of its own, and that is reported.
    let disagreeing = SourceFile::new(s003.path.to_string(), s003.text.replace(", `conflict`", ""));
    let model = build_version("v1.0", &[disagreeing, s004]);
    let status = prop_type(
        &model,
        "managedDeviceMobileAppConfigurationDeviceStatus",
        "status",
    );
    assert!(
        matches!(&status, TypeRef::Enum(q) if q.name != "complianceStatus"),
        "{status:?}"
    );
    let d = model
        .diagnostics
        .iter()
        .find(|d| d.code == codes::ANONYMOUS_ENUM)
        .expect("reported");
    assert_eq!(d.source.line, 53, "at the status row");
}
