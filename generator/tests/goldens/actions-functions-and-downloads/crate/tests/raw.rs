//! Hand-written (no generated header, so the golden update leaves it alone):
//! downloads (`$value`, `content`) read bytes, not JSON.

use golden_actions_functions_and_downloads::client::{Error, RawBody};
use golden_actions_functions_and_downloads::v1_0::api::widgets::photo;

#[test]
fn value_endpoints_read_bytes_and_graph_errors() {
    let op = photo::get_value("w/1");
    assert_eq!(op.path(), "/widgets/w%2F1/photo/$value");
    let png = [0x89, b'P', b'N', b'G', 0, 0xff];
    let response = |status: u16, body: &[u8]| http::Response::builder().status(status).body(body.to_vec()).unwrap();
    assert_eq!(op.parse_response(&response(200, &png)).unwrap(), RawBody(png.to_vec()));
    let err = op.parse_response(&response(404, br#"{"error": {"code": "itemNotFound", "message": "gone"}}"#)).unwrap_err();
    assert!(matches!(err, Error::Service(ref e) if e.status == 404 && e.code() == Some("itemNotFound")));
}
