//! Which of several pages documenting one endpoint (the same method and
//! path shape) the model follows, and the `duplicate-endpoint` diagnostic
//! that says so.
//!
//! The endpoint's own page wins. A Methods-table row that links to a page
//! *lists it for the request* when its words name the request: its first
//! word is a verb of the method ("Update" for `PATCH`) or the action the path
//! ends in ("Reply" for `…/reply`), and the rest is empty or names the
//! path's last segment or the resource page's own type ("Update user",
//! "Create event" for `POST …/events`; not "Create multi-value extended
//! property", a page that documents many paths). Pages are then ranked:
//! 1. listed for the request by the resource page of the type the path
//!    addresses;
//! 2. listed for the request by another resource page;
//! 3. linked, by another row, from the addressed type's resource page;
//! 4. linked from any Methods table;
//! 5. linked from none;
//!
//! then by area: a page of the same workload as the addressed type's
//! resource page beats one of another, and an `intune-…` copy loses to a page
//! of a resource page that is not an Intune page; and last by path order, so
//! the choice never depends on the order pages are read in.
//!
//! The type the path addresses is found among the types the pages listed
//! for the request name as response or request body (else the types of the
//! resource pages listing them, else the types all pages name, else those of
//! the resource pages linking to them): the one every other derives from,
//! when there is one (the 24 pages of
//! `GET /deviceManagement/deviceConfigurations/{id}` each name their own
//! derived type; the path addresses `deviceConfiguration`). Its
//! resource page is the one that is not an Intune copy, then the one named
//! after the type (`resources/user.md` for `user`), then the first.

use super::{Model, QualifiedName, TypeLookup};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::extract::{EndpointFacts, MethodLink, PageFacts, PermissionFacts};
use std::collections::{BTreeMap, BTreeSet};

mod words;

use words::{home_pages, is_intune, is_verb_of, last_segment_name, same_noun, squeezed};

/// A Methods-table link and the resource page it is on.
struct LinkFrom<'a> {
    /// The resource page, as its path is written.
    resource: &'a str,
    /// The link.
    link: &'a MethodLink,
}

/// What the choice between duplicated endpoints looks at.
pub(super) struct Chooser<'a> {
    model: &'a Model,
    lookup: &'a TypeLookup<'a>,
    /// The type each resource page describes, by lower-case path.
    page_types: &'a BTreeMap<String, String>,
    /// Methods-table links by the lower-case path of the page they go to.
    links: BTreeMap<&'a str, Vec<LinkFrom<'a>>>,
    /// Each type's own resource page (lower-case path), by type key.
    homes: BTreeMap<String, String>,
    /// Each page's workload, by lower-case path.
    workloads: BTreeMap<String, &'a str>,
}

/// How a page is linked from Methods tables (see the module docs); the
/// order is the preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// Listed for the request by the addressed type's resource page.
    ListedByHome,
    /// Listed for the request by another resource page.
    Listed,
    /// Linked by another row of the addressed type's resource page.
    LinkedByHome,
    /// Linked by another resource page.
    Linked,
    /// Linked from no Methods table.
    Unlinked,
}

/// How well a page fits as the endpoint's own page; smaller is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Standing {
    tier: Tier,
    /// 0: the workload of the addressed type's resource page (or no such
    /// page); 1: not that, but an Intune page as that page is, or not one
    /// as it is not; 2: neither.
    area: u8,
}

/// One candidate: the request line, how it stands, and the Methods-table
/// row that gave it its tier (if any).
struct Candidate<'a, 'f> {
    facts: &'f EndpointFacts,
    standing: Standing,
    row: Option<&'f LinkFrom<'a>>,
}

/// The type a response or request body names: by its name or alias, else by
/// the page its link goes to.
pub fn body_type(
    model: &Model,
    lookup: &TypeLookup<'_>,
    page_types: &BTreeMap<String, String>,
    name: Option<&str>,
    page: Option<&str>,
) -> Option<QualifiedName> {
    name.and_then(|n| lookup.find(None, n))
        .or_else(|| model.types.get(page_types.get(page?)?))
        .map(|t| t.name.clone())
}

impl<'a> Chooser<'a> {
    /// Gathers the Methods-table links, the types' own resource pages and
    /// the pages' workloads.
    pub(super) fn new(
        model: &'a Model,
        lookup: &'a TypeLookup<'a>,
        pages: &'a [PageFacts],
        page_types: &'a BTreeMap<String, String>,
    ) -> Self {
        let mut links: BTreeMap<&str, Vec<LinkFrom<'_>>> = BTreeMap::new();
        for page in pages {
            for link in &page.method_links {
                links.entry(link.page.as_str()).or_default().push(LinkFrom {
                    resource: &page.path,
                    link,
                });
            }
        }
        let workloads = model
            .pages
            .iter()
            .map(|p| (p.path.to_ascii_lowercase(), p.workload.as_str()))
            .collect();
        Chooser {
            model,
            lookup,
            page_types,
            links,
            homes: home_pages(page_types),
            workloads,
        }
    }

    /// The Methods-table links to the page of `e`.
    fn links_to(&self, e: &EndpointFacts) -> &[LinkFrom<'a>] {
        self.links
            .get(e.location.path.to_ascii_lowercase().as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// The workload of the page at `path` (empty when unknown).
    fn workload(&self, path: &str) -> &str {
        self.workloads
            .get(&path.to_ascii_lowercase())
            .copied()
            .unwrap_or("")
    }

    /// The name of the type a resource page describes.
    fn type_of_page(&self, page: &str) -> Option<&'a str> {
        let key = self.page_types.get(&page.to_ascii_lowercase())?;
        self.model.types.get(key).map(|t| t.name.name.as_str())
    }

    /// Whether a Methods-table row lists its page for `e`'s request (see the
    /// module docs).
    fn lists_for(&self, from: &LinkFrom<'_>, e: &EndpointFacts) -> bool {
        let mut words = from.link.text.split_whitespace();
        let verb = words.next().unwrap_or("").to_ascii_lowercase();
        let rest = squeezed(&words.collect::<String>());
        let segment = last_segment_name(&e.path);
        let names_request = is_verb_of(e.method, &verb) || same_noun(&squeezed(&verb), &segment);
        names_request
            && (rest.is_empty()
                || same_noun(&rest, &segment)
                || self
                    .type_of_page(from.resource)
                    .is_some_and(|t| same_noun(&rest, &squeezed(t))))
    }

    /// The types `pages` name as response or request body, by key.
    fn named_types(&self, pages: &[&EndpointFacts]) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for e in pages {
            for (name, page) in [
                (&e.response_type, &e.response_page),
                (&e.request_body, &e.request_page),
            ] {
                let found = body_type(
                    self.model,
                    self.lookup,
                    self.page_types,
                    name.as_deref(),
                    page.as_deref(),
                );
                keys.extend(found.map(|q| q.key()));
            }
        }
        keys
    }

    /// The types of the resource pages whose Methods tables link to `pages`
    /// (only by rows that list them for the request, with `listing`), by key.
    fn linking_types(&self, pages: &[&EndpointFacts], listing: bool) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for e in pages {
            for from in self.links_to(e) {
                if !listing || self.lists_for(from, e) {
                    let page = from.resource.to_ascii_lowercase();
                    keys.extend(self.page_types.get(&page).cloned());
                }
            }
        }
        keys
    }

    /// The types the path addresses, by key (see the module docs): those
    /// the pages listed for the request name as response or request body;
    /// else the types of the resource pages that list them; else those all
    /// pages name; else the types of the resource pages linking to them. Of
    /// these, the one every other derives from, when there is one.
    fn addressed(&self, candidates: &[&EndpointFacts]) -> Vec<String> {
        let listed: Vec<&EndpointFacts> = candidates
            .iter()
            .filter(|e| self.links_to(e).iter().any(|l| self.lists_for(l, e)))
            .copied()
            .collect();
        let mut keys = self.named_types(&listed);
        if keys.is_empty() {
            keys = self.linking_types(&listed, true);
        }
        if keys.is_empty() {
            keys = self.named_types(candidates);
        }
        if keys.is_empty() {
            keys = self.linking_types(candidates, false);
        }
        let derives_from = |key: &String, base: &String| {
            key == base
                || self.model.types.get(key).is_some_and(|t| {
                    self.model
                        .ancestors(t)
                        .iter()
                        .any(|a| a.name.key() == *base)
                })
        };
        match keys
            .iter()
            .find(|k| keys.iter().all(|o| derives_from(o, k)))
        {
            Some(root) => vec![root.clone()],
            None => keys.into_iter().collect(),
        }
    }

    /// How `e` stands, against the addressed types' resource pages, and the
    /// row that gave it its tier.
    fn candidate<'f>(&'f self, e: &'f EndpointFacts, homes: &[&str]) -> Candidate<'a, 'f> {
        let links = self.links_to(e);
        let home = |l: &&LinkFrom<'_>| homes.contains(&l.resource.to_ascii_lowercase().as_str());
        let listed = |l: &&LinkFrom<'_>| self.lists_for(l, e);
        let (tier, row) = if let Some(l) = links.iter().filter(home).find(listed) {
            (Tier::ListedByHome, Some(l))
        } else if let Some(l) = links.iter().find(listed) {
            (Tier::Listed, Some(l))
        } else if let Some(l) = links.iter().find(home) {
            (Tier::LinkedByHome, Some(l))
        } else if let Some(l) = links.first() {
            (Tier::Linked, Some(l))
        } else {
            (Tier::Unlinked, None)
        };
        let own = self.workload(&e.location.path);
        let area = if homes.is_empty() || homes.iter().any(|h| self.workload(h) == own) {
            0
        } else if homes
            .iter()
            .any(|h| is_intune(h) == is_intune(&e.location.path))
        {
            1
        } else {
            2
        };
        Candidate {
            facts: e,
            standing: Standing { tier, area },
            row,
        }
    }

    /// Of several request lines with one method and path shape (in page
    /// order), the index of the one the model follows, and a
    /// `duplicate-endpoint` diagnostic for each other one.
    pub(super) fn choose(&self, lines: &[&EndpointFacts]) -> (usize, Vec<Diagnostic>) {
        let addressed = self.addressed(lines);
        let homes: Vec<&str> = addressed
            .iter()
            .filter_map(|k| self.homes.get(k).map(String::as_str))
            .collect();
        let candidates: Vec<Candidate<'_, '_>> =
            lines.iter().map(|e| self.candidate(e, &homes)).collect();
        let winner = (0..candidates.len())
            .min_by_key(|&i| (candidates[i].standing, i))
            .unwrap_or(0);
        let diagnostics = (0..candidates.len())
            .filter(|&i| i != winner)
            .map(|i| self.explain(&candidates[winner], &candidates[i], &homes))
            .collect();
        (winner, diagnostics)
    }

    /// The `duplicate-endpoint` diagnostic of `loser`: which page the model
    /// follows, why, and what the two pages disagree on.
    fn explain(
        &self,
        winner: &Candidate<'_, '_>,
        loser: &Candidate<'_, '_>,
        homes: &[&str],
    ) -> Diagnostic {
        let (w, l) = (winner.facts, loser.facts);
        let there = &w.location.path;
        let spelled = if w.path == l.path {
            String::new()
        } else {
            format!(
                " as `{} {}` (parameter names and case aside)",
                w.method, w.path
            )
        };
        let mut message = if l.location.path == *there && w.path == l.path {
            format!(
                "`{} {}` is written twice on this page; the model follows the first line",
                l.method, l.path
            )
        } else if l.location.path == *there {
            format!(
                "`{} {}` is the request line `{} {}` above it (parameter names and case aside); the model follows the first line",
                l.method, l.path, w.method, w.path
            )
        } else {
            format!(
                "`{} {}` is also documented on {there}{spelled}, and the model follows that page: {}",
                l.method,
                l.path,
                self.reason(winner, loser, homes)
            )
        };
        if let Some(d) = disagreement(w, l) {
            message = format!("{message}. {d}");
        }
        Diagnostic::new(
            Severity::Info,
            codes::DUPLICATE_ENDPOINT,
            l.location.clone(),
            message,
        )
        .with_related(w.location.clone(), "the model follows this request line")
    }

    /// Why the winner's page is preferred, in a docs writer's words.
    fn reason(
        &self,
        winner: &Candidate<'_, '_>,
        loser: &Candidate<'_, '_>,
        homes: &[&str],
    ) -> String {
        let (won, lost) = (winner.standing, loser.standing);
        if won.tier != lost.tier {
            return format!(
                "{}; this page is {}",
                self.winner_clause(winner),
                self.loser_clause(loser)
            );
        }
        if won.area != lost.area {
            return format!(
                "it belongs to the same area (`{}`) as {}, the resource page of the type the path addresses, and this page to `{}`",
                self.workload(&winner.facts.location.path),
                homes.first().copied().unwrap_or_default(),
                self.workload(&loser.facts.location.path)
            );
        }
        "no Methods table or area tells the pages apart, so the first in path order is used"
            .to_owned()
    }

    /// "resources/user.md, the resource page of `user` (the type the path addresses),".
    fn home_named(&self, from: &LinkFrom<'_>) -> String {
        match self.type_of_page(from.resource) {
            Some(t) => format!(
                "{}, the resource page of `{t}` (the type the path addresses),",
                from.resource
            ),
            None => from.resource.to_owned(),
        }
    }

    /// What the Methods tables say of the page the model follows.
    fn winner_clause(&self, winner: &Candidate<'_, '_>) -> String {
        let Some(row) = winner.row else {
            return String::new();
        };
        let text = &row.link.text;
        match winner.standing.tier {
            Tier::ListedByHome => format!(
                "the Methods table of {} lists it for this request (\"{text}\")",
                self.home_named(row)
            ),
            Tier::Listed => format!(
                "the Methods table of {} lists it for this request (\"{text}\")",
                row.resource
            ),
            Tier::LinkedByHome => {
                format!("the Methods table of {} links to it", self.home_named(row))
            }
            Tier::Linked | Tier::Unlinked => {
                format!("the Methods table of {} links to it", row.resource)
            }
        }
    }

    /// What the Methods tables say of a page the model does not follow.
    fn loser_clause(&self, loser: &Candidate<'_, '_>) -> String {
        let Some(row) = loser.row else {
            return "linked from no Methods table".to_owned();
        };
        let text = &row.link.text;
        match loser.standing.tier {
            Tier::ListedByHome | Tier::Listed => {
                format!("listed for it only by {} (\"{text}\")", row.resource)
            }
            Tier::LinkedByHome | Tier::Linked => format!(
                "linked only by a row for another request (\"{text}\", in {})",
                row.resource
            ),
            Tier::Unlinked => "linked from no Methods table".to_owned(),
        }
    }
}

/// What two pages documenting one endpoint disagree on, as a sentence.
fn disagreement(winner: &EndpointFacts, loser: &EndpointFacts) -> Option<String> {
    let status = |e: &EndpointFacts| {
        e.response_status
            .map_or("none".to_owned(), |s| s.to_string())
    };
    let body = |ty: &Option<String>, collection: bool| match ty {
        Some(t) if collection => format!("a collection of `{t}`"),
        Some(t) => format!("`{t}`"),
        None => "none".to_owned(),
    };
    let same_type = |a: &Option<String>, b: &Option<String>| {
        a.as_deref().map(str::to_ascii_lowercase) == b.as_deref().map(str::to_ascii_lowercase)
    };
    let mut parts = Vec::new();
    if winner.response_status != loser.response_status {
        parts.push(format!(
            "the success status ({} here, {} there)",
            status(loser),
            status(winner)
        ));
    }
    if !same_type(&winner.response_type, &loser.response_type)
        || winner.response_collection != loser.response_collection
    {
        parts.push(format!(
            "the response body ({} here, {} there)",
            body(&loser.response_type, loser.response_collection),
            body(&winner.response_type, winner.response_collection)
        ));
    }
    if !same_type(&winner.request_body, &loser.request_body) {
        parts.push(format!(
            "the request body ({} here, {} there)",
            body(&loser.request_body, false),
            body(&winner.request_body, false)
        ));
    }
    if !same_permissions(&winner.permissions, &loser.permissions) {
        parts.push("the permissions".to_owned());
    }
    match parts.as_slice() {
        [] => None,
        [one] => Some(format!("The pages disagree on {one}.")),
        [init @ .., last] => Some(format!(
            "The pages disagree on {} and {last}.",
            init.join(", ")
        )),
    }
}

/// Whether two permission tables list the same scopes (order aside).
fn same_permissions(a: &PermissionFacts, b: &PermissionFacts) -> bool {
    let sorted = |p: &PermissionFacts| {
        [
            &p.delegated_work_or_school,
            &p.delegated_personal,
            &p.application,
        ]
        .map(|s| {
            let mut s = s.clone();
            if let Some(crate::extract::Scopes::Scopes(list)) = &mut s {
                list.sort();
            }
            s
        })
    };
    sorted(a) == sorted(b)
}
