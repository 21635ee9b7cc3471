//! Checking the docs' example bodies against the model: unknown property
//! names, wrong JSON types, enum values that are not members, malformed
//! dates. Placeholders (`"String"`, `"Integer"`) are reported as
//! placeholders, not as mistakes.

use super::{Example, Model, Property, QualifiedName, TypeDef, TypeRef, Verdict};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::extract::placeholders::{has_placeholders, is_placeholder_value};
use crate::extract::todos::{TodoFacts, TodoKind};
use crate::extract::type_cell::{split_qualified, Primitive, TypeName};
use crate::source::Location;
use regex::Regex;
use serde_json::Value;
use std::sync::OnceLock;

fn date_time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
            .expect("valid regex")
    })
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\d{4}-\d{2}-\d{2}$").expect("valid regex"))
}

fn time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$").expect("valid regex"))
}

fn guid_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
            .expect("valid regex")
    })
}

fn duration_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
            .expect("valid regex")
    })
}

/// Whether `text` is base64 as the generated crate reads it: the standard
/// alphabet with padding, or the URL-safe one.
fn is_base64(text: &str) -> bool {
    use base64::Engine as _;
    let engines = [
        &base64::engine::general_purpose::STANDARD,
        &base64::engine::general_purpose::URL_SAFE,
    ];
    engines.iter().any(|e| e.decode(text).is_ok())
}

struct Checker<'m> {
    model: &'m Model,
    body: &'m str,
    start: &'m Location,
    example: String,
    out: Vec<Diagnostic>,
    todos: Vec<TodoFacts>,
}

impl<'m> Checker<'m> {
    /// The location of `"key"` in the body text (its first occurrence).
    fn key_location(&self, key: &str) -> Location {
        let needle = format!("\"{key}\"");
        for (i, line) in self.body.lines().enumerate() {
            if let Some(col) = line.find(&needle) {
                return self
                    .start
                    .offset_lines(i as u32, line[..col].chars().count() as u32 + 1);
            }
        }
        self.start.clone()
    }

    fn push(&mut self, severity: Severity, code: &'static str, key: &str, message: String) {
        let location = self.key_location(key);
        self.out
            .push(Diagnostic::new(severity, code, location, message));
    }

    fn properties_of<'t>(&'t self, ty: &'t TypeDef) -> Vec<&'t Property> {
        let mut chain = self.model.ancestors(ty);
        chain.insert(0, ty);
        chain
            .iter()
            .flat_map(|t| t.properties.iter().chain(&t.relationships))
            .collect()
    }

    fn object(&mut self, ty: &TypeDef, value: &Value, depth: usize) {
        let Value::Object(map) = value else { return };
        if depth > 32 {
            return;
        }
        let derived = map
            .get("@odata.type")
            .and_then(Value::as_str)
            .and_then(|named| self.derived_type(ty, named));
        let ty = derived.unwrap_or(ty);
        // An open type takes any key (dynamic properties), and so does a type
        // without documented properties (a dictionary such as plannerUserIds).
        let props: Vec<Property> = self.properties_of(ty).into_iter().cloned().collect();
        let open = self.model.is_open(ty) || props.is_empty();
        for (key, v) in map {
            if key.contains('@') {
                continue;
            }
            let Some(p) = props.iter().find(|p| p.name.eq_ignore_ascii_case(key)) else {
                if open {
                    continue;
                }
                let message = format!(
                    "the example sets `{key}`, which is not a property of `{}`",
                    ty.name.name
                );
                self.push(
                    Severity::Warning,
                    codes::EXAMPLE_UNKNOWN_PROPERTY,
                    key,
                    message,
                );
                continue;
            };
            self.value(&ty.name.name, p, v, depth);
        }
    }

    /// The type an object's `"@odata.type": "#microsoft.graph.x"` names, when
    /// it is `ty` or derives from it (objects of a derived type in a list of
    /// the base type are checked against what they are).
    fn derived_type(&self, ty: &TypeDef, named: &str) -> Option<&'m TypeDef> {
        let TypeName::Named {
            namespace: Some(namespace),
            name,
        } = split_qualified(named)
        else {
            return None;
        };
        let found = self.model.types.get(&super::key_of(&namespace, &name))?;
        let is_ty_or_derived = found.name == ty.name
            || self
                .model
                .ancestors(found)
                .iter()
                .any(|a| a.name == ty.name);
        is_ty_or_derived.then_some(found)
    }

    fn value(&mut self, owner: &str, p: &Property, v: &Value, depth: usize) {
        if v.is_null() {
            return;
        }
        if p.collection {
            match v {
                Value::Array(items) => {
                    let single = Property {
                        collection: false,
                        ..p.clone()
                    };
                    for item in items {
                        self.value(owner, &single, item, depth);
                    }
                }
                Value::String(s) if is_placeholder_value(s) => self.placeholder(owner, p, s),
                _ => self.wrong_type(owner, p, v, "a JSON array"),
            }
            return;
        }
        if let Value::String(s) = v {
            if is_placeholder_value(s) {
                self.placeholder(owner, p, s);
                return;
            }
        }
        match &p.ty {
            TypeRef::Untyped(_) => {}
            TypeRef::Complex(q) => match (v, self.model.types.get(&q.key())) {
                (Value::Object(_), Some(t)) => {
                    let t = t.clone();
                    self.object(&t, v, depth + 1);
                }
                (Value::Object(_), None) => {}
                _ => self.wrong_type(owner, p, v, "a JSON object"),
            },
            TypeRef::Enum(q) => match v {
                Value::String(s) => {
                    let Some(e) = self.model.enums.get(&q.key()) else {
                        return;
                    };
                    let members: Vec<&str> = s.split(',').map(str::trim).collect();
                    for m in members {
                        if !e.members.iter().any(|x| x.name == m) {
                            let hint = e
                                .members
                                .iter()
                                .find(|x| x.name.eq_ignore_ascii_case(m))
                                .map(|x| format!(" (the member is spelled `{}`)", x.name))
                                .unwrap_or_default();
                            let message = format!(
                                "`{owner}.{}` is `{m}` in this example, which is not a member of `{}`{hint}",
                                p.name, e.name.name
                            );
                            self.push(
                                Severity::Warning,
                                codes::EXAMPLE_ENUM_VALUE,
                                &p.name,
                                message,
                            );
                        }
                    }
                }
                _ => self.wrong_type(owner, p, v, "a JSON string (an enum member)"),
            },
            TypeRef::Primitive(prim) => self.primitive(owner, p, *prim, v),
        }
    }

    fn primitive(&mut self, owner: &str, p: &Property, prim: Primitive, v: &Value) {
        use Primitive::*;
        let ok = match prim {
            String | Stream | Binary => v.is_string(),
            Boolean => v.is_boolean(),
            Byte | SByte | Int16 | Int32 | Int64 => v.is_i64() || v.is_u64(),
            Single | Double | Decimal => {
                v.is_number() || matches!(v.as_str(), Some("NaN" | "INF" | "-INF"))
            }
            DateTimeOffset | Date | TimeOfDay | Duration | Guid => v.is_string(),
        };
        if !ok {
            let expected = match prim {
                Boolean => "a JSON boolean",
                Byte | SByte | Int16 | Int32 | Int64 => "a JSON integer",
                Single | Double | Decimal => "a JSON number",
                _ => "a JSON string",
            };
            self.wrong_type(owner, p, v, expected);
            return;
        }
        let Some(s) = v.as_str() else { return };
        let (well_formed, what) = match prim {
            DateTimeOffset => (
                date_time_re().is_match(s),
                "an RFC 3339 date-time with offset",
            ),
            Date => (date_re().is_match(s), "a date (yyyy-mm-dd)"),
            TimeOfDay => (time_re().is_match(s), "a time of day (hh:mm:ss)"),
            Duration => (duration_re().is_match(s), "an ISO 8601 duration"),
            Guid => (guid_re().is_match(s), "a GUID"),
            Binary => (is_base64(s), "base64"),
            _ => return,
        };
        if !well_formed {
            let message = format!(
                "`{owner}.{}` is `{s}` in this example, which is not {what}",
                p.name
            );
            self.push(
                Severity::Warning,
                codes::EXAMPLE_BAD_VALUE,
                &p.name,
                message,
            );
        }
    }

    fn placeholder(&mut self, owner: &str, p: &Property, s: &str) {
        let message = format!(
            "`{owner}.{}` holds the placeholder `{s}` in this example, not a value",
            p.name
        );
        self.push(Severity::Info, codes::EXAMPLE_PLACEHOLDER, &p.name, message);
        self.todos.push(TodoFacts {
            kind: TodoKind::ExamplePlaceholder,
            owner: format!("`{owner}.{}` in {}", p.name, self.example),
            text: s.to_owned(),
            source: self.key_location(&p.name),
        });
    }

    fn wrong_type(&mut self, owner: &str, p: &Property, v: &Value, expected: &str) {
        let found = match v {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        let message = format!(
            "`{owner}.{}` is {found} in this example, but its type `{}` needs {expected}",
            p.name,
            p.ty.docs_spelling()
        );
        self.push(
            Severity::Warning,
            codes::EXAMPLE_WRONG_TYPE,
            &p.name,
            message,
        );
    }
}

/// Checks one example; returns its findings and the placeholders it holds.
pub fn check_example(model: &Model, example: &Example) -> (Vec<Diagnostic>, Vec<TodoFacts>) {
    let (Some(body), Some(value), Some(ty)) = (&example.body, &example.json, &example.ty) else {
        return Default::default();
    };
    let Some(def) = model.types.get(&ty.key()) else {
        return Default::default();
    };
    let kind = match example.kind {
        crate::extract::ExampleKind::Request => "request",
        crate::extract::ExampleKind::Response => "response",
    };
    let name = match &example.name {
        Some(n) => format!("the {kind} example `{n}`"),
        None => format!("a {kind} example"),
    };
    let mut checker = Checker {
        model,
        body,
        start: &example.source,
        example: name,
        out: Vec::new(),
        todos: Vec::new(),
    };
    match (value, example.collection) {
        (Value::Object(map), true) => {
            if let Some(Value::Array(items)) = map.get("value") {
                for item in items {
                    checker.object(def, item, 0);
                }
            }
        }
        (Value::Object(_), false) => checker.object(def, value, 0),
        _ => {}
    }
    (checker.out, checker.todos)
}

/// The verdict on `example` read as its own type, from what
/// [`check_example`] found in it.
pub fn verdict(example: &Example, found: &[Diagnostic]) -> Verdict {
    let Some(json) = &example.json else {
        return match example.body {
            Some(_) => Verdict::NotJson,
            None => Verdict::NoBody,
        };
    };
    if has_placeholders(json) {
        return Verdict::Placeholders;
    }
    let wrong =
        |d: &Diagnostic| d.code == codes::EXAMPLE_WRONG_TYPE || d.code == codes::EXAMPLE_BAD_VALUE;
    if example.ty.is_some()
        && (lacks_value_array(example.collection, json) || found.iter().any(wrong))
    {
        return Verdict::Contradicts;
    }
    Verdict::Concrete
}

/// The verdict on `example` read as `ty` (a page of a collection when
/// `collection`), which may not be the type the example names: an
/// endpoint's response type.
pub fn verdict_as(
    model: &Model,
    example: &Example,
    ty: &QualifiedName,
    collection: bool,
) -> Verdict {
    let as_read = Example {
        ty: Some(ty.clone()),
        collection,
        ..example.clone()
    };
    let (found, _) = check_example(model, &as_read);
    verdict(&as_read, &found)
}

/// A page of a collection without a `value` array.
fn lacks_value_array(collection: bool, json: &Value) -> bool {
    collection && !json.get("value").is_some_and(Value::is_array)
}
