//! The drift rules as one enum: each rule's stable id, its usual severity
//! and what it means. Config files, ignore fingerprints and reports name a
//! rule by its id.

use super::Level;

/// A drift rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// `enum-added`: an enum is new.
    EnumAdded,
    /// `enum-removed`: an enum is gone.
    EnumRemoved,
    /// `enum-member-added`: a member is new (info when the enum is evolvable and the member comes after `unknownFutureValue`, or clients only send it).
    EnumMemberAdded,
    /// `enum-member-removed`: a member is gone (warning when clients only receive the enum).
    EnumMemberRemoved,
    /// `enum-member-value-changed`: a member's integer value changed.
    EnumMemberValueChanged,
    /// `enum-member-case-changed`: a member's spelling changed case.
    EnumMemberCaseChanged,
    /// `enum-member-renamed`: a removed and an added member share a value.
    EnumMemberRenamed,
    /// `enum-member-inserted-before-sentinel`: a member was added before `unknownFutureValue`.
    EnumMemberInsertedBeforeSentinel,
    /// `enum-sentinel-added`: the enum gained `unknownFutureValue`.
    EnumSentinelAdded,
    /// `enum-sentinel-removed`: the enum lost `unknownFutureValue`.
    EnumSentinelRemoved,
    /// `enum-sentinel-moved`: `unknownFutureValue` moved among the members.
    EnumSentinelMoved,
    /// `type-added`: a type is new.
    TypeAdded,
    /// `type-removed`: a type is gone.
    TypeRemoved,
    /// `base-type-changed`: a type inherits from another type.
    BaseTypeChanged,
    /// `base-type-unstated`: the docs stopped saying what a type inherits from.
    BaseTypeUnstated,
    /// `base-type-stated`: the docs started saying what a type inherits from.
    BaseTypeStated,
    /// `property-added`: a property is new.
    PropertyAdded,
    /// `property-removed`: a property is gone.
    PropertyRemoved,
    /// `property-type-changed`: a property's type changed.
    PropertyTypeChanged,
    /// `property-collection-changed`: a property became or stopped being a collection.
    PropertyCollectionChanged,
    /// `property-became-enum`: a string property became an enum.
    PropertyBecameEnum,
    /// `property-no-longer-enum`: an enum property became a string.
    PropertyNoLongerEnum,
    /// `endpoint-added`: an endpoint is new.
    EndpointAdded,
    /// `endpoint-removed`: an endpoint is gone.
    EndpointRemoved,
    /// `endpoint-path-rewritten`: a request line is written in full on the same page.
    EndpointPathRewritten,
    /// `endpoint-permissions-changed`: scopes were added to or removed from an endpoint.
    EndpointPermissionsChanged,
    /// `endpoint-permissions-reordered`: an endpoint's scopes are listed in another order.
    EndpointPermissionsReordered,
    /// `placeholder-filled`: a placeholder of the old side is gone.
    PlaceholderFilled,
    /// `enum-lists-disagree`: pages of one version list an enum's members differently.
    EnumListsDisagree,
    /// `enum-member-missing-in-beta`: beta's enum lacks a member of v1.0's.
    EnumMemberMissingInBeta,
}

impl Rule {
    /// Every rule, in the order the README's table lists them.
    pub const ALL: &'static [Rule] = &[
        Rule::EnumAdded,
        Rule::EnumRemoved,
        Rule::EnumMemberAdded,
        Rule::EnumMemberRemoved,
        Rule::EnumMemberValueChanged,
        Rule::EnumMemberCaseChanged,
        Rule::EnumMemberRenamed,
        Rule::EnumMemberInsertedBeforeSentinel,
        Rule::EnumSentinelAdded,
        Rule::EnumSentinelRemoved,
        Rule::EnumSentinelMoved,
        Rule::TypeAdded,
        Rule::TypeRemoved,
        Rule::BaseTypeChanged,
        Rule::BaseTypeUnstated,
        Rule::BaseTypeStated,
        Rule::PropertyAdded,
        Rule::PropertyRemoved,
        Rule::PropertyTypeChanged,
        Rule::PropertyCollectionChanged,
        Rule::PropertyBecameEnum,
        Rule::PropertyNoLongerEnum,
        Rule::EndpointAdded,
        Rule::EndpointRemoved,
        Rule::EndpointPathRewritten,
        Rule::EndpointPermissionsChanged,
        Rule::EndpointPermissionsReordered,
        Rule::PlaceholderFilled,
        Rule::EnumListsDisagree,
        Rule::EnumMemberMissingInBeta,
    ];

    /// The stable id: `enum-member-removed`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::EnumAdded => "enum-added",
            Rule::EnumRemoved => "enum-removed",
            Rule::EnumMemberAdded => "enum-member-added",
            Rule::EnumMemberRemoved => "enum-member-removed",
            Rule::EnumMemberValueChanged => "enum-member-value-changed",
            Rule::EnumMemberCaseChanged => "enum-member-case-changed",
            Rule::EnumMemberRenamed => "enum-member-renamed",
            Rule::EnumMemberInsertedBeforeSentinel => "enum-member-inserted-before-sentinel",
            Rule::EnumSentinelAdded => "enum-sentinel-added",
            Rule::EnumSentinelRemoved => "enum-sentinel-removed",
            Rule::EnumSentinelMoved => "enum-sentinel-moved",
            Rule::TypeAdded => "type-added",
            Rule::TypeRemoved => "type-removed",
            Rule::BaseTypeChanged => "base-type-changed",
            Rule::BaseTypeUnstated => "base-type-unstated",
            Rule::BaseTypeStated => "base-type-stated",
            Rule::PropertyAdded => "property-added",
            Rule::PropertyRemoved => "property-removed",
            Rule::PropertyTypeChanged => "property-type-changed",
            Rule::PropertyCollectionChanged => "property-collection-changed",
            Rule::PropertyBecameEnum => "property-became-enum",
            Rule::PropertyNoLongerEnum => "property-no-longer-enum",
            Rule::EndpointAdded => "endpoint-added",
            Rule::EndpointRemoved => "endpoint-removed",
            Rule::EndpointPathRewritten => "endpoint-path-rewritten",
            Rule::EndpointPermissionsChanged => "endpoint-permissions-changed",
            Rule::EndpointPermissionsReordered => "endpoint-permissions-reordered",
            Rule::PlaceholderFilled => "placeholder-filled",
            Rule::EnumListsDisagree => "enum-lists-disagree",
            Rule::EnumMemberMissingInBeta => "enum-member-missing-in-beta",
        }
    }

    /// The severity a change of this rule usually has, before beta's looser
    /// policy and the config's overrides (some rules depend on how clients
    /// use the item: see [`Rule::meaning`]).
    pub fn default_severity(self) -> Level {
        match self {
            Rule::EnumAdded => Level::Info,
            Rule::EnumRemoved => Level::Breaking,
            Rule::EnumMemberAdded => Level::Warning,
            Rule::EnumMemberRemoved => Level::Breaking,
            Rule::EnumMemberValueChanged => Level::Breaking,
            Rule::EnumMemberCaseChanged => Level::Breaking,
            Rule::EnumMemberRenamed => Level::Breaking,
            Rule::EnumMemberInsertedBeforeSentinel => Level::Breaking,
            Rule::EnumSentinelAdded => Level::Warning,
            Rule::EnumSentinelRemoved => Level::Breaking,
            Rule::EnumSentinelMoved => Level::Breaking,
            Rule::TypeAdded => Level::Info,
            Rule::TypeRemoved => Level::Breaking,
            Rule::BaseTypeChanged => Level::Breaking,
            Rule::BaseTypeUnstated => Level::Warning,
            Rule::BaseTypeStated => Level::Info,
            Rule::PropertyAdded => Level::Info,
            Rule::PropertyRemoved => Level::Breaking,
            Rule::PropertyTypeChanged => Level::Breaking,
            Rule::PropertyCollectionChanged => Level::Breaking,
            Rule::PropertyBecameEnum => Level::Warning,
            Rule::PropertyNoLongerEnum => Level::Warning,
            Rule::EndpointAdded => Level::Info,
            Rule::EndpointRemoved => Level::Breaking,
            Rule::EndpointPathRewritten => Level::Info,
            Rule::EndpointPermissionsChanged => Level::Warning,
            Rule::EndpointPermissionsReordered => Level::Info,
            Rule::PlaceholderFilled => Level::Info,
            Rule::EnumListsDisagree => Level::Warning,
            Rule::EnumMemberMissingInBeta => Level::Warning,
        }
    }

    /// What a change of this rule means, in one line.
    pub fn meaning(self) -> &'static str {
        match self {
            Rule::EnumAdded => "an enum is new",
            Rule::EnumRemoved => "an enum is gone",
            Rule::EnumMemberAdded => "a member is new (info when the enum is evolvable and the member comes after `unknownFutureValue`, or clients only send it)",
            Rule::EnumMemberRemoved => "a member is gone (warning when clients only receive the enum)",
            Rule::EnumMemberValueChanged => "a member's integer value changed",
            Rule::EnumMemberCaseChanged => "a member's spelling changed case",
            Rule::EnumMemberRenamed => "a removed and an added member share a value",
            Rule::EnumMemberInsertedBeforeSentinel => "a member was added before `unknownFutureValue`",
            Rule::EnumSentinelAdded => "the enum gained `unknownFutureValue`",
            Rule::EnumSentinelRemoved => "the enum lost `unknownFutureValue`",
            Rule::EnumSentinelMoved => "`unknownFutureValue` moved among the members",
            Rule::TypeAdded => "a type is new",
            Rule::TypeRemoved => "a type is gone",
            Rule::BaseTypeChanged => "a type inherits from another type",
            Rule::BaseTypeUnstated => "the docs stopped saying what a type inherits from",
            Rule::BaseTypeStated => "the docs started saying what a type inherits from",
            Rule::PropertyAdded => "a property is new",
            Rule::PropertyRemoved => "a property is gone",
            Rule::PropertyTypeChanged => "a property's type changed",
            Rule::PropertyCollectionChanged => "a property became or stopped being a collection",
            Rule::PropertyBecameEnum => "a string property became an enum",
            Rule::PropertyNoLongerEnum => "an enum property became a string",
            Rule::EndpointAdded => "an endpoint is new",
            Rule::EndpointRemoved => "an endpoint is gone",
            Rule::EndpointPathRewritten => {
                "a request line is now written in full: its page has the same method on longer paths ending with it"
            }
            Rule::EndpointPermissionsChanged => "scopes were added to or removed from an endpoint",
            Rule::EndpointPermissionsReordered => "an endpoint's scopes are listed in another order",
            Rule::PlaceholderFilled => "a placeholder of the old side is gone",
            Rule::EnumListsDisagree => "pages of one version list an enum's members differently",
            Rule::EnumMemberMissingInBeta => "beta's enum lacks a member of v1.0's",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// A rule equals its id: `change.rule == "enum-member-removed"`.
impl PartialEq<&str> for Rule {
    fn eq(&self, id: &&str) -> bool {
        self.id() == *id
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn ids_are_unique_and_read_back() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(*rule));
        }
        let ids: std::collections::BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), Rule::ALL.len());
        assert_eq!(Rule::from_id("no-such-rule"), None);
    }
}
