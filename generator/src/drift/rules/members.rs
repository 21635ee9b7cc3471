//! The rules of an enum's members: recased, renamed, removed, added (judged
//! by where they stand relative to the `unknownFutureValue` sentinel) or
//! revalued members, and the sentinel itself added, removed or moved.

use super::{Differ, Usage, SENTINEL};
use crate::drift::{Level, Rule, Subject};
use crate::ir::{EnumDef, EnumMember};
use std::collections::BTreeSet;

/// One enum on both sides, and how clients use it: what the member rules
/// read.
struct EnumSides<'e> {
    /// The old side's enum.
    old: &'e EnumDef,
    /// The new side's enum.
    new: &'e EnumDef,
    /// How clients use it.
    usage: Usage,
}

/// Where an enum's sentinel stands among its members, if it has one.
fn sentinel_index(e: &EnumDef) -> Option<usize> {
    e.members.iter().position(|m| m.name == SENTINEL)
}

/// The names of an enum's members.
fn member_names(e: &EnumDef) -> BTreeSet<&str> {
    e.members.iter().map(|m| m.name.as_str()).collect()
}

impl<'e> EnumSides<'e> {
    /// The enum's name, as the new side spells it.
    fn name(&self) -> &'e str {
        &self.new.name.name
    }

    /// The subject of one of its members.
    fn subject(&self, member: &str) -> Subject {
        Subject::EnumMember {
            enum_name: self.name().to_owned(),
            member: member.to_owned(),
        }
    }

    /// The members of the old side whose exact name the new side lacks
    /// (removed), and the other way round (added), each in its side's order.
    fn removed_and_added(&self) -> (Vec<&'e EnumMember>, Vec<&'e EnumMember>) {
        let (old_names, new_names) = (member_names(self.old), member_names(self.new));
        let removed = self
            .old
            .members
            .iter()
            .filter(|m| !new_names.contains(m.name.as_str()))
            .collect();
        let added = self
            .new
            .members
            .iter()
            .filter(|m| !old_names.contains(m.name.as_str()))
            .collect();
        (removed, added)
    }

    /// Whether the members both sides have that stand before the sentinel
    /// (at `old_at` on the old side, `new_at` on the new) are not the same:
    /// some member crossed it.
    fn members_crossed_sentinel(&self, old_at: usize, new_at: usize) -> bool {
        let (old_names, new_names) = (member_names(self.old), member_names(self.new));
        let common: BTreeSet<&str> = old_names.intersection(&new_names).copied().collect();
        let before = |members: &'e [EnumMember], at: usize| -> BTreeSet<&'e str> {
            members[..at]
                .iter()
                .map(|m| m.name.as_str())
                .filter(|m| common.contains(m))
                .collect()
        };
        before(&self.old.members, old_at) != before(&self.new.members, new_at)
    }

    /// The rule, level and message of a member the new side added: safe
    /// after the sentinel, breaking before it, and without a sentinel a
    /// warning when clients receive the enum.
    fn added_member(&self, member: &EnumMember) -> (Rule, Level, String) {
        let name = self.name();
        let index = self
            .new
            .members
            .iter()
            .position(|m| m.name == member.name)
            .unwrap_or(0);
        match sentinel_index(self.new) {
            Some(s) if index > s => (
                Rule::EnumMemberAdded,
                Level::Info,
                format!("member `{}` was added to `{name}` after `{SENTINEL}`: safe for evolvable-enum clients", member.name),
            ),
            Some(_) => (
                Rule::EnumMemberInsertedBeforeSentinel,
                Level::Breaking,
                format!("member `{}` was added to `{name}` before `{SENTINEL}`: clients that did not opt in will receive it", member.name),
            ),
            None => {
                let (level, why) = if self.usage.received {
                    (Level::Warning, "clients that receive it may not know it")
                } else {
                    (Level::Info, "clients only send it")
                };
                (
                    Rule::EnumMemberAdded,
                    level,
                    format!("member `{}` was added to `{name}` ({why})", member.name),
                )
            }
        }
    }
}

impl Differ<'_> {
    /// The rules of the members of an enum both sides have. A removed member
    /// that an added one explains (the same name in another case, or the
    /// same value) is reported as that, not as removed and added.
    pub(super) fn members(&mut self, o: &EnumDef, n: &EnumDef, usage: Usage) {
        let sides = EnumSides {
            old: o,
            new: n,
            usage,
        };
        let (mut removed, mut added) = sides.removed_and_added();
        self.members_recased(&sides, &mut removed, &mut added);
        self.members_renamed(&sides, &mut removed, &mut added);
        self.members_removed(&sides, &removed);
        self.members_added(&sides, &added);
        self.member_values(&sides);
        self.sentinel(&sides);
    }

    /// `enum-member-case-changed`: a removed member that an added one spells
    /// in another case. Both leave `removed` and `added`.
    fn members_recased(
        &mut self,
        sides: &EnumSides,
        removed: &mut Vec<&EnumMember>,
        added: &mut Vec<&EnumMember>,
    ) {
        let name = sides.name();
        removed.retain(|r| {
            let Some(a) = added
                .iter()
                .position(|a| a.name.eq_ignore_ascii_case(&r.name))
            else {
                return true;
            };
            let a = added.remove(a);
            self.push(
                Rule::EnumMemberCaseChanged,
                Level::Breaking,
                sides.subject(&r.name),
                match self.sides.mixed() {
                    Some(mixed) => mixed.differs(
                        &format!("the spelling of member `{}` of `{name}`", r.name),
                        &format!("`{}`", r.name),
                        &format!("`{}`", a.name),
                    ),
                    None => format!(
                        "member `{}` of `{name}` is now spelled `{}`: the wire value changed",
                        r.name, a.name
                    ),
                },
                Some(r.source.clone()),
                Some(a.source.clone()),
            );
            false
        });
    }

    /// `enum-member-renamed`: a removed and an added member with the same
    /// value, a rename candidate. Both leave `removed` and `added`.
    fn members_renamed(
        &mut self,
        sides: &EnumSides,
        removed: &mut Vec<&EnumMember>,
        added: &mut Vec<&EnumMember>,
    ) {
        let name = sides.name();
        removed.retain(|r| {
            let Some(v) = r.value else { return true };
            let Some(a) = added.iter().position(|a| a.value == Some(v)) else { return true };
            let a = added.remove(a);
            self.push(
                Rule::EnumMemberRenamed,
                Level::Breaking,
                sides.subject(&r.name),
                match self.sides.mixed() {
                    Some(mixed) => mixed.differs(
                        &format!("the member of `{name}` with value {v}"),
                        &format!("`{}`", r.name),
                        &format!("`{}`", a.name),
                    ),
                    None => format!("member `{}` of `{name}` was removed and `{}` added with the same value {v}: probably a rename", r.name, a.name),
                },
                Some(r.source.clone()),
                Some(a.source.clone()),
            );
            false
        });
    }

    /// `enum-member-removed`: breaking when clients may send the enum, a
    /// warning when they only receive it. The sentinel has its own rule.
    fn members_removed(&mut self, sides: &EnumSides, removed: &[&EnumMember]) {
        let name = sides.name();
        let (level, why) = if sides.usage.sent {
            (Level::Breaking, "clients that send it will be refused")
        } else {
            (Level::Warning, "clients only receive it")
        };
        for r in removed {
            if r.name == SENTINEL {
                continue;
            }
            self.push(
                Rule::EnumMemberRemoved,
                level,
                sides.subject(&r.name),
                self.worded_only_on(format!("member `{}` of `{name}`", r.name), false, || {
                    format!("member `{}` was removed from `{name}` ({why})", r.name)
                }),
                Some(r.source.clone()),
                None,
            );
        }
    }

    /// `enum-member-added` or `enum-member-inserted-before-sentinel`. The
    /// sentinel has its own rule.
    fn members_added(&mut self, sides: &EnumSides, added: &[&EnumMember]) {
        for a in added {
            if a.name == SENTINEL {
                continue;
            }
            let (rule, level, mut message) = sides.added_member(a);
            if let Some(mixed) = self.sides.mixed() {
                message =
                    mixed.only_on(&format!("member `{}` of `{}`", a.name, sides.name()), true);
            }
            self.push(
                rule,
                level,
                sides.subject(&a.name),
                message,
                None,
                Some(a.source.clone()),
            );
        }
    }

    /// `enum-member-value-changed`: a member both sides have, with another
    /// integer value.
    fn member_values(&mut self, sides: &EnumSides) {
        let name = sides.name();
        for om in &sides.old.members {
            let Some(nm) = sides.new.members.iter().find(|m| m.name == om.name) else {
                continue;
            };
            if let (Some(a), Some(b)) = (om.value, nm.value) {
                if a != b {
                    self.push(
                        Rule::EnumMemberValueChanged,
                        Level::Breaking,
                        sides.subject(&om.name),
                        match self.sides.mixed() {
                            Some(mixed) => mixed.differs(
                                &format!("the value of member `{}` of `{name}`", om.name),
                                &a.to_string(),
                                &b.to_string(),
                            ),
                            None => format!(
                                "member `{}` of `{name}` changed value from {a} to {b}",
                                om.name
                            ),
                        },
                        Some(om.source.clone()),
                        Some(nm.source.clone()),
                    );
                }
            }
        }
    }

    /// The sentinel itself: `enum-sentinel-added`, `enum-sentinel-removed`,
    /// or `enum-sentinel-moved` when members crossed it.
    fn sentinel(&mut self, sides: &EnumSides) {
        let (o, n) = (sides.old, sides.new);
        let name = sides.name();
        let subject = sides.subject(SENTINEL);
        match (sentinel_index(o), sentinel_index(n)) {
            (None, Some(i)) => self.push(
                Rule::EnumSentinelAdded,
                Level::Warning,
                subject,
                self.worded_only_on(format!("`{SENTINEL}` in `{name}`"), true, || {
                    format!("`{name}` became evolvable: `{SENTINEL}` was added")
                }),
                None,
                Some(n.members[i].source.clone()),
            ),
            (Some(i), None) => self.push(
                Rule::EnumSentinelRemoved,
                Level::Breaking,
                subject,
                self.worded_only_on(format!("`{SENTINEL}` in `{name}`"), false, || {
                    format!("`{name}` is no longer evolvable: `{SENTINEL}` was removed")
                }),
                Some(o.members[i].source.clone()),
                None,
            ),
            (Some(oi), Some(ni)) => {
                if sides.members_crossed_sentinel(oi, ni) {
                    self.push(
                        Rule::EnumSentinelMoved,
                        Level::Breaking,
                        subject,
                        format!("`{SENTINEL}` moved in `{name}`: members crossed it"),
                        Some(o.members[oi].source.clone()),
                        Some(n.members[ni].source.clone()),
                    );
                }
            }
            (None, None) => {}
        }
    }
}
