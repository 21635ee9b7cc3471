//! How a change is worded when the two sides are not two versions of one
//! thing but the docs beside the service's metadata: not "was added" but "is
//! in the metadata but not documented", not "`a` → `b`" but "the docs say
//! `a`, the metadata says `b`". The rules, severities and fingerprints stay
//! those of two versions.

/// What the two sides of a comparison are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sides {
    /// Two versions of the same kind of input (docs and docs, or metadata
    /// and metadata): changes over time.
    #[default]
    Versions,
    /// The docs on the old side, the metadata on the new.
    DocsThenMetadata,
    /// The metadata on the old side, the docs on the new.
    MetadataThenDocs,
}

impl Sides {
    /// The wording of a docs-and-metadata comparison, `None` for versions.
    pub(super) fn mixed(self) -> Option<Mixed> {
        match self {
            Sides::Versions => None,
            Sides::DocsThenMetadata => Some(Mixed { docs_is_old: true }),
            Sides::MetadataThenDocs => Some(Mixed { docs_is_old: false }),
        }
    }
}

/// The wording of a comparison of the docs with the metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mixed {
    /// Whether the docs are the old side.
    docs_is_old: bool,
}

impl Mixed {
    /// `what` is on one side only: the new side when `on_new`.
    pub(super) fn only_on(self, what: &str, on_new: bool) -> String {
        if on_new != self.docs_is_old {
            format!("{what} is documented but not in the metadata")
        } else {
            format!("{what} is in the metadata but not documented")
        }
    }

    /// `what` differs: `old` on the old side, `new` on the new.
    pub(super) fn differs(self, what: &str, old: &str, new: &str) -> String {
        let (docs, metadata) = if self.docs_is_old {
            (old, new)
        } else {
            (new, old)
        };
        format!("{what}: the docs say {docs}, the metadata says {metadata}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_direction_names_the_side_that_has_it() {
        let docs_first = Sides::DocsThenMetadata.mixed().unwrap();
        let metadata_first = Sides::MetadataThenDocs.mixed().unwrap();
        assert_eq!(
            docs_first.only_on("type `a`", true),
            "type `a` is in the metadata but not documented"
        );
        assert_eq!(
            metadata_first.only_on("type `a`", true),
            "type `a` is documented but not in the metadata"
        );
        assert_eq!(
            metadata_first.differs("property `a.b`", "enum `c`", "`String`"),
            "property `a.b`: the docs say `String`, the metadata says enum `c`"
        );
        assert_eq!(Sides::Versions.mixed(), None);
    }
}
