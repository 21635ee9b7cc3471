//! Hand-written (no generated header, so the golden update leaves it alone):
//! the program of the README's "Using the generated crate", compiled and run
//! against a loopback server. `generator/tests/readme_program.rs` holds the README's
//! copy equal to the lines between the markers.

#![cfg(feature = "reqwest")]

use golden_client_and_workloads as graph_model;
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

// README:start
use graph_model::client::{Batch, Error, Model, Patch, Sender};
use graph_model::v1_0::api::{groups, users};
use graph_model::v1_0::{Group, User};

async fn run(base_url: &str, token: &str) -> Result<(), Error> {
    // Sends to `base_url` only; retries 429 and 503 after `Retry-After`.
    let sender = Sender::new(reqwest::Client::new(), base_url, token).with_retries(3);

    // Every member of a group, page after page, each read as its own type.
    let mut members = sender.items(groups::members::list("g1"));
    while let Some(member) = members.next().await {
        let member = member?;
        if let Some(user) = member.cast::<User>()? {
            println!("user {}", user.display_name.unwrap_or_default());
        } else if let Some(group) = member.cast::<Group>()? {
            println!("group {}", group.display_name.unwrap_or_default());
        }
    }

    // Set one property and clear another: `{"displayName": "Ada", "jobTitle": null}`.
    let change = User { display_name: Some("Ada".into()), ..Default::default() };
    let update = Patch::new(change).clear(User::JOB_TITLE);
    sender.send(&users::update("u1", &update)).await?;

    // Two calls in one request; each result is typed and fails on its own.
    let mut batch = Batch::new();
    let ada = batch.add(&users::get("u1"))?;
    let team = batch.add(&groups::members::list("g1"))?;
    let responses = sender.send(&batch.operation()).await?;
    println!("{:?}: {} members", ada.result(&responses)?.mail, team.result(&responses)?.value.len());
    Ok(())
}
// README:end

#[tokio::test]
async fn the_readme_program_runs_against_a_loopback_server() {
    let server = MockServer::start().await;
    let members = json!({"value": [
        {"@odata.type": "#microsoft.graph.user", "id": "u1", "displayName": "Ada"},
        {"@odata.type": "#microsoft.graph.group", "id": "g2", "displayName": "Pilots"}
    ]});
    Mock::given(method("GET"))
        .and(path("/groups/g1/members"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&members))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/users/u1"))
        .and(body_json(json!({"displayName": "Ada", "jobTitle": null})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/$batch"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"responses": [
            {"id": "1", "status": 200, "body": {"id": "u1", "mail": "ada@example.com"}},
            {"id": "2", "status": 200, "body": members}
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    run(&server.uri(), "token").await.expect("the program runs");
}
