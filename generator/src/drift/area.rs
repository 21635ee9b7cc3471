//! What part of the API a rule is about (its [`Area`]) and whether its
//! changes add, change or remove something (its [`ChangeKind`]): how release
//! notes group changes. Both are exhaustive matches on [`Rule`], so a new
//! rule cannot be left out of the changelog.

use super::Rule;

/// The part of the API a change is about, in the order release notes list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// Types and their base types.
    Types,
    /// Properties and relationships of types.
    Properties,
    /// Enums, their members and their `unknownFutureValue` sentinel.
    Enums,
    /// Endpoints (method and path).
    Endpoints,
    /// The scopes an endpoint asks for.
    Permissions,
    /// Placeholders upstream left in the docs.
    Placeholders,
}

impl Area {
    /// Every area, in release-notes order.
    pub const ALL: [Area; 6] = [
        Area::Types,
        Area::Properties,
        Area::Enums,
        Area::Endpoints,
        Area::Permissions,
        Area::Placeholders,
    ];

    /// The heading release notes give it: `Enums and members`.
    pub fn title(self) -> &'static str {
        match self {
            Area::Types => "Types",
            Area::Properties => "Properties",
            Area::Enums => "Enums and members",
            Area::Endpoints => "Endpoints",
            Area::Permissions => "Permissions",
            Area::Placeholders => "Placeholders",
        }
    }
}

/// Whether a change adds, changes or removes something.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Something is new.
    Added,
    /// Something is there on both sides, differently.
    Changed,
    /// Something is gone.
    Removed,
}

impl ChangeKind {
    /// Every kind, in release-notes order.
    pub const ALL: [ChangeKind; 3] = [ChangeKind::Added, ChangeKind::Changed, ChangeKind::Removed];

    /// `Added`, `Changed`, `Removed`.
    pub fn title(self) -> &'static str {
        match self {
            ChangeKind::Added => "Added",
            ChangeKind::Changed => "Changed",
            ChangeKind::Removed => "Removed",
        }
    }
}

impl Rule {
    /// The part of the API the rule's changes are about.
    pub fn area(self) -> Area {
        use Rule::*;
        match self {
            TypeAdded | TypeRemoved | BaseTypeChanged | BaseTypeUnstated | BaseTypeStated => {
                Area::Types
            }
            PropertyAdded
            | PropertyRemoved
            | PropertyTypeChanged
            | PropertyCollectionChanged
            | PropertyBecameEnum
            | PropertyNoLongerEnum => Area::Properties,
            EnumAdded
            | EnumRemoved
            | EnumMemberAdded
            | EnumMemberRemoved
            | EnumMemberValueChanged
            | EnumMemberCaseChanged
            | EnumMemberRenamed
            | EnumMemberInsertedBeforeSentinel
            | EnumSentinelAdded
            | EnumSentinelRemoved
            | EnumSentinelMoved
            | EnumListsDisagree
            | EnumMemberMissingInBeta => Area::Enums,
            EndpointAdded | EndpointRemoved | EndpointPathRewritten => Area::Endpoints,
            EndpointPermissionsChanged | EndpointPermissionsReordered => Area::Permissions,
            PlaceholderFilled => Area::Placeholders,
        }
    }

    /// Whether the rule's changes add, change or remove something. A member
    /// inserted before the sentinel is added (its severity says the rest); a
    /// filled placeholder is a removed one; drift inside one docs tree is a
    /// change.
    pub fn kind(self) -> ChangeKind {
        use Rule::*;
        match self {
            EnumAdded
            | EnumMemberAdded
            | EnumMemberInsertedBeforeSentinel
            | EnumSentinelAdded
            | TypeAdded
            | PropertyAdded
            | EndpointAdded => ChangeKind::Added,
            EnumRemoved | EnumMemberRemoved | EnumSentinelRemoved | TypeRemoved
            | PropertyRemoved | EndpointRemoved | PlaceholderFilled => ChangeKind::Removed,
            EnumMemberValueChanged
            | EnumMemberCaseChanged
            | EnumMemberRenamed
            | EnumSentinelMoved
            | BaseTypeChanged
            | BaseTypeUnstated
            | BaseTypeStated
            | PropertyTypeChanged
            | PropertyCollectionChanged
            | PropertyBecameEnum
            | PropertyNoLongerEnum
            | EndpointPathRewritten
            | EndpointPermissionsChanged
            | EndpointPermissionsReordered
            | EnumListsDisagree
            | EnumMemberMissingInBeta => ChangeKind::Changed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_and_removed_rules_say_so_in_their_ids() {
        for rule in Rule::ALL {
            let id = rule.id();
            match rule.kind() {
                ChangeKind::Added => assert!(id.ends_with("-added") || id.contains("-inserted-")),
                ChangeKind::Removed => assert!(id.ends_with("-removed") || id.ends_with("-filled")),
                ChangeKind::Changed => {
                    assert!(!id.ends_with("-added") && !id.ends_with("-removed"), "{id}")
                }
            }
        }
    }

    #[test]
    fn every_area_has_a_rule() {
        for area in Area::ALL {
            assert!(Rule::ALL.iter().any(|r| r.area() == area), "{area:?}");
        }
    }
}
