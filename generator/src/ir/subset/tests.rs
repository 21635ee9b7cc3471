//! The subset pass on a small hand-built model of mail and events.

use super::*;
use crate::ir::*;
use crate::source::Location;

/// The location every test item is at.
fn here() -> Location {
    Location::start_of(&std::sync::Arc::from("test.md"))
}

/// A property of type `ty`.
fn property(name: &str, ty: TypeRef) -> Property {
    Property {
        name: name.to_owned(),
        ty,
        collection: false,
        description: String::new(),
        placeholder: None,
        read_only: None,
        nullable: None,
        optional: None,
        contained: false,
        source: here(),
    }
}

/// A reference to the `microsoft.graph` type or enum `name`.
fn graph(name: &str) -> QualifiedName {
    QualifiedName::new(DEFAULT_NAMESPACE, name)
}

/// A type with a base, properties and relationships.
fn ty(name: &str, base: Option<&str>, properties: Vec<Property>, rels: Vec<Property>) -> TypeDef {
    TypeDef {
        name: graph(name),
        base: base.map(graph),
        description: String::new(),
        placeholder: None,
        properties,
        relationships: rels,
        open: false,
        is_abstract: false,
        aliases: Vec::new(),
        sources: vec![here()],
        rust: RustName::default(),
        workload: "core".to_owned(),
    }
}

/// An endpoint; `body` is its request body type, `response` its response's.
fn endpoint(
    method: HttpMethod,
    path: &str,
    body: Option<&str>,
    response: Option<&str>,
) -> Endpoint {
    Endpoint {
        method,
        path: path.to_owned(),
        title: String::new(),
        template: PathTemplate::parse(path).expect("a path"),
        request_body: body.map(str::to_owned),
        request_body_type: body.map(graph),
        body_parameters: Vec::new(),
        query_parameters: Vec::new(),
        headers: Vec::new(),
        response: ResponseDef {
            status: Some(200),
            ty: response.map(str::to_owned),
            resolved: response.map(graph),
            collection: false,
        },
        permissions: PermissionFacts::default(),
        alias_of: None,
        function: FunctionName::default(),
        workload: "core".to_owned(),
        source: here(),
    }
}

/// An example with a body of type `ty`.
fn example(kind: ExampleKind, ty: Option<&str>) -> Example {
    Example {
        kind,
        name: None,
        ty: ty.map(graph),
        collection: false,
        first_line: String::new(),
        body: Some("{}".to_owned()),
        json: Some(serde_json::json!({})),
        verdict: Verdict::Concrete,
        source: here(),
    }
}

/// A reference to the `microsoft.graph` type `name`.
fn complex(name: &str) -> TypeRef {
    TypeRef::Complex(graph(name))
}

/// Mail and events: `message` and `event` share the base `outlookItem`, a
/// message's attachments may be file attachments, a user has messages.
fn mail_types() -> [TypeDef; 9] {
    [
        ty(
            "entity",
            None,
            vec![property("id", TypeRef::Primitive(Primitive::String))],
            vec![],
        ),
        ty("outlookItem", Some("entity"), vec![], vec![]),
        ty(
            "message",
            Some("outlookItem"),
            vec![
                property("from", complex("recipient")),
                property("importance", TypeRef::Enum(graph("importance"))),
            ],
            vec![property("attachments", complex("attachment"))],
        ),
        ty(
            "event",
            Some("outlookItem"),
            vec![property("location", complex("location"))],
            vec![],
        ),
        ty("location", None, vec![], vec![]),
        ty("recipient", None, vec![], vec![]),
        ty("attachment", Some("entity"), vec![], vec![]),
        ty("fileAttachment", Some("attachment"), vec![], vec![]),
        ty(
            "user",
            Some("entity"),
            vec![],
            vec![property("messages", complex("message"))],
        ),
    ]
}

/// [`mail_types`], the enum `importance` and an unused one, endpoints of
/// each, and one exchange of `GET /me/messages`; named.
fn model() -> Model {
    let types = mail_types();
    let enums = ["importance", "unused"].map(|n| EnumDef {
        name: graph(n),
        description: String::new(),
        placeholder: None,
        members: Vec::new(),
        sources: Vec::new(),
        synthesized: false,
        flags: false,
        rust: RustName::default(),
        workload: "core".to_owned(),
    });
    let mut send_mail = endpoint(HttpMethod::Post, "/me/sendMail", None, None);
    send_mail.body_parameters = vec![property("message", complex("message"))];
    let mut model = Model {
        version: "v1.0".to_owned(),
        types: types.into_iter().map(|t| (t.name.key(), t)).collect(),
        enums: enums.into_iter().map(|e| (e.name.key(), e)).collect(),
        endpoints: vec![
            endpoint(HttpMethod::Get, "/me/events", None, Some("event")),
            endpoint(HttpMethod::Get, "/me/messages", None, Some("message")),
            endpoint(
                HttpMethod::Post,
                "/me/messages/{id}/attachments",
                Some("attachment"),
                Some("attachment"),
            ),
            send_mail,
            endpoint(HttpMethod::Get, "/users/{id}", None, Some("user")),
        ],
        examples: vec![
            example(ExampleKind::Response, Some("event")),
            example(ExampleKind::Request, None),
            example(ExampleKind::Response, Some("message")),
        ],
        exchanges: vec![Exchange {
            endpoint: 1,
            request: 1,
            response: 2,
            request_verdict: None,
            response_verdict: Some(Verdict::Concrete),
        }],
        ..Model::default()
    };
    super::super::names::name_items(&mut model);
    super::super::names::name_functions(&mut model);
    model
}

/// The filter of these include and exclude globs.
fn filter(include: &[&str], exclude: &[&str]) -> PathFilter {
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    PathFilter::new(&owned(include), &owned(exclude)).expect("the globs read")
}

/// The names (not keys) of a map's items, sorted.
fn names<T>(map: &std::collections::BTreeMap<String, T>, name: impl Fn(&T) -> &str) -> Vec<String> {
    let mut out: Vec<String> = map.values().map(|v| name(v).to_owned()).collect();
    out.sort();
    out
}

#[test]
fn messages_reach_their_types_bases_derived_types_and_enums_only() {
    let sub = subset(&model(), &filter(&["/me/messages/**"], &[])).expect("a subset");
    let paths: Vec<&str> = sub.endpoints.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["/me/messages", "/me/messages/{id}/attachments"]);
    // `event` shares the base `outlookItem`, which is reached only as a
    // base: its other derived types stay out. `attachment` is reached as a
    // value: `fileAttachment` can arrive in its place.
    assert_eq!(
        names(&sub.types, |t| &t.name.name),
        [
            "attachment",
            "entity",
            "fileAttachment",
            "message",
            "outlookItem",
            "recipient"
        ]
    );
    assert_eq!(names(&sub.enums, |e| &e.name.name), ["importance"]);
}

#[test]
fn body_parameters_relationships_and_types_reached_as_values_later_are_followed() {
    let m = model();
    let reached = reach(&m, [&m.endpoints[3]]);
    assert!(
        reached.types.contains(&graph("message").key()),
        "a body parameter's type"
    );
    assert!(
        reached.types.contains(&graph("attachment").key()),
        "a relationship's type"
    );
    // `outlookItem` reached only as `event`'s base brings no `message`;
    // reached as a value too, in either order, it does.
    let events = &m.endpoints[0];
    assert!(!reach(&m, [events]).types.contains(&graph("message").key()));
    let items = endpoint(HttpMethod::Get, "/me/items", None, Some("outlookItem"));
    for order in [[events, &items], [&items, events]] {
        let reached = reach(&m, order);
        assert!(
            reached.types.contains(&graph("message").key()),
            "{reached:?}"
        );
    }
}

#[test]
fn examples_and_exchanges_follow_what_is_kept() {
    let sub = subset(&model(), &filter(&["/me/messages"], &[])).expect("a subset");
    // The event example is dropped; the exchange's examples are kept and
    // renumbered.
    assert_eq!(sub.examples.len(), 2);
    assert_eq!(sub.exchanges.len(), 1);
    let x = &sub.exchanges[0];
    assert_eq!((x.endpoint, x.request, x.response), (0, 0, 1));
    assert_eq!(sub.examples[x.response].ty, Some(graph("message")));
}

#[test]
fn names_are_decided_again_among_what_is_kept() {
    // `_recipient` sorts first and takes `Recipient` in the whole model;
    // the subset leaves it out, and `recipient` takes the plain name.
    let mut m = model();
    let clash = ty("_recipient", None, vec![], vec![]);
    m.types.insert(clash.name.key(), clash);
    m.endpoints.push(endpoint(
        HttpMethod::Get,
        "/recipients",
        None,
        Some("_recipient"),
    ));
    super::super::names::name_items(&mut m);
    let ident = |m: &Model, name: &str| m.types[&graph(name).key()].rust.ident.clone();
    assert_eq!(ident(&m, "_recipient"), "Recipient");
    assert_ne!(ident(&m, "recipient"), "Recipient");
    let sub = subset(&m, &filter(&["/me/messages"], &[])).expect("a subset");
    assert_eq!(ident(&sub, "recipient"), "Recipient");
    assert!(sub.endpoints.iter().all(|e| !e.function.name.is_empty()));
}

#[test]
fn a_glob_no_endpoint_matches_is_an_error_naming_the_closest_paths() {
    let err = subset(&model(), &filter(&["/me/mesages/**"], &[])).unwrap_err();
    assert_eq!(err.glob.glob, "/me/mesages/**");
    assert_eq!(err.closest[0], "/me/messages");
    assert!(err.closest.len() <= 5);
    let text = err.to_string();
    assert!(
        text.starts_with("--include-path `/me/mesages/**` matches no endpoint path"),
        "{text}"
    );
    assert!(text.contains("\n  /me/messages\n"), "{text}");
    let err = subset(&model(), &filter(&[], &["/groups/**"])).unwrap_err();
    assert_eq!(err.glob.flag, "--exclude-path");
}

#[test]
fn the_subset_does_not_depend_on_anything_but_the_model_and_filter() {
    let f = filter(&["/me/**"], &["/me/events"]);
    let a = subset(&model(), &f).expect("a subset");
    let b = subset(&model(), &f).expect("a subset");
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    let everything = subset(&model(), &filter(&["/**"], &[])).expect("a subset");
    assert_eq!(
        format!("{:?}", everything.endpoints),
        format!("{:?}", model().endpoints)
    );
}
