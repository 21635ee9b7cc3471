//! Which types and enums a set of endpoints reaches.

use crate::ir::{Endpoint, Model, Property, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// The keys of the types and enums a subset keeps.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reached {
    /// Type keys.
    pub types: BTreeSet<String>,
    /// Enum keys.
    pub enums: BTreeSet<String>,
}

/// The walk from the endpoints' types through the model.
struct Walk<'m> {
    model: &'m Model,
    /// Each type's key to the keys of the types whose base it is.
    derived: BTreeMap<String, Vec<String>>,
    /// Types reached as values, whose derived types are reached too.
    values: BTreeSet<String>,
    /// What has been reached so far.
    reached: Reached,
    /// Types still to visit, and whether each was reached as a value.
    queue: Vec<(String, bool)>,
}

/// The types and enums `endpoints` reach: their request body, response and
/// body parameter types, then transitively every property's and
/// relationship's type and every base type. A type reached as a value (not
/// only as another type's base) brings the types derived from it, since a
/// value can be any of them (`@odata.type` says which).
pub fn reach<'e>(model: &Model, endpoints: impl IntoIterator<Item = &'e Endpoint>) -> Reached {
    let mut walk = Walk::new(model);
    for e in endpoints {
        let bodies = e.request_body_type.iter().chain(&e.response.resolved);
        for q in bodies {
            walk.queue.push((q.key(), true));
        }
        walk.properties(&e.body_parameters);
    }
    while let Some((key, as_value)) = walk.queue.pop() {
        walk.visit(key, as_value);
    }
    walk.reached
}

impl<'m> Walk<'m> {
    /// A walk that has reached nothing yet.
    fn new(model: &'m Model) -> Walk<'m> {
        let mut derived: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, t) in &model.types {
            if let Some(base) = &t.base {
                derived.entry(base.key()).or_default().push(key.clone());
            }
        }
        Walk {
            model,
            derived,
            values: BTreeSet::new(),
            reached: Reached::default(),
            queue: Vec::new(),
        }
    }

    /// Reaches a type: its members and base the first time, the types
    /// derived from it the first time it is reached as a value.
    fn visit(&mut self, key: String, as_value: bool) {
        let Some(ty) = self.model.types.get(&key) else {
            return;
        };
        if as_value && self.values.insert(key.clone()) {
            let derived = self.derived.get(&key).into_iter().flatten();
            self.queue.extend(derived.map(|d| (d.clone(), true)));
        }
        if !self.reached.types.insert(key) {
            return;
        }
        if let Some(base) = &ty.base {
            self.queue.push((base.key(), false));
        }
        self.properties(&ty.properties);
        self.properties(&ty.relationships);
    }

    /// Reaches the types of `properties` as values, and their enums.
    fn properties(&mut self, properties: &[Property]) {
        for p in properties {
            match &p.ty {
                TypeRef::Complex(q) => self.queue.push((q.key(), true)),
                TypeRef::Enum(q) => {
                    self.reached.enums.insert(q.key());
                }
                TypeRef::Primitive(_) | TypeRef::Untyped(_) => {}
            }
        }
    }
}
