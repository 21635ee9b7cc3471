//! JUnit XML for CI dashboards (GitLab, Jenkins, Azure DevOps and the like):
//! every change is a test case named by its fingerprint, and the changes
//! `--fail-on` fails are failures, so the dashboard fails where the run does.
//!
//! One test suite per rule rather than per severity: dashboards show suites
//! as groups with their own pass and fail counts, and "3 of
//! `enum-member-removed` failed" says what broke, where "3 of `breaking`"
//! only repeats the failure count. The severity is on each failure (its
//! `type`) and in each test case's text.

use super::super::{FailOn, Rule};
use super::{loc, Change};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;

/// The report as JUnit XML, with a trailing newline.
pub(super) fn junit(
    changes: &[Change],
    fail_on: FailOn,
    old_prefix: &str,
    new_prefix: &str,
) -> String {
    let mut suites: BTreeMap<Rule, Vec<&Change>> = BTreeMap::new();
    for c in changes {
        suites.entry(c.rule).or_default().push(c);
    }
    suites
        .values_mut()
        .for_each(|cases| cases.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint)));
    let report = Report {
        fail_on,
        old_prefix,
        new_prefix,
    };
    let mut out = report
        .write(changes, &suites)
        .expect("writing XML to memory cannot fail");
    out.push('\n');
    out
}

/// What every test case needs besides its change.
struct Report<'a> {
    /// The mildest severity that is a failure.
    fail_on: FailOn,
    /// Put before the old side's paths.
    old_prefix: &'a str,
    /// Put before the new side's paths.
    new_prefix: &'a str,
}

impl Report<'_> {
    /// `<testsuites>` with a `<testsuite>` per rule, in rule order.
    fn write(
        &self,
        changes: &[Change],
        suites: &BTreeMap<Rule, Vec<&Change>>,
    ) -> io::Result<String> {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let failures = self.failures(changes.iter());
        w.create_element("testsuites")
            .with_attributes(counts("drift", changes.len(), failures))
            .write_inner_content(|w| {
                suites
                    .iter()
                    .try_for_each(|(rule, cases)| self.suite(w, *rule, cases))
            })?;
        // quick-xml writes only UTF-8 from `&str`s.
        Ok(String::from_utf8_lossy(&w.into_inner()).into_owned())
    }

    /// How many of `changes` are failures.
    fn failures<'c>(&self, changes: impl Iterator<Item = &'c Change>) -> usize {
        changes.filter(|c| self.fail_on.fails_on(c)).count()
    }

    /// One rule's `<testsuite>`.
    fn suite(&self, w: &mut Writer<Vec<u8>>, rule: Rule, cases: &[&Change]) -> io::Result<()> {
        let failures = self.failures(cases.iter().copied());
        w.create_element("testsuite")
            .with_attributes(counts(rule.id(), cases.len(), failures))
            .write_inner_content(|w| cases.iter().try_for_each(|c| self.case(w, c)))?;
        Ok(())
    }

    /// One change's `<testcase>`: a `<failure>` when it fails the run, else
    /// the same text as `<system-out>`.
    fn case(&self, w: &mut Writer<Vec<u8>>, c: &Change) -> io::Result<()> {
        let classname = format!("drift.{}", c.rule.id());
        let details = format!(
            "{} {}: {}\nold: {}\nnew: {}",
            c.severity.as_str(),
            c.rule,
            c.message,
            loc(self.old_prefix, &c.old),
            loc(self.new_prefix, &c.new)
        );
        let details = xml_chars(&details);
        let message = xml_chars(&c.message);
        let fingerprint = xml_chars(&c.fingerprint);
        let case = w
            .create_element("testcase")
            .with_attributes([("name", &*fingerprint), ("classname", classname.as_str())]);
        case.write_inner_content(|w| {
            if self.fail_on.fails_on(c) {
                w.create_element("failure")
                    .with_attributes([("message", &*message), ("type", c.severity.as_str())])
                    .write_text_content(BytesText::new(&details))?;
            } else {
                w.create_element("system-out")
                    .write_text_content(BytesText::new(&details))?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

/// The attributes of a `<testsuites>` or `<testsuite>`: its name and counts
/// (`errors` is always 0: a change is a pass or a failure).
fn counts(name: &str, tests: usize, failures: usize) -> [(&str, Cow<'_, str>); 4] {
    [
        ("name", Cow::Borrowed(name)),
        ("tests", Cow::Owned(tests.to_string())),
        ("failures", Cow::Owned(failures.to_string())),
        ("errors", Cow::Borrowed("0")),
    ]
}

/// `text` with the characters XML 1.0 cannot hold, even escaped (control
/// characters other than tab, newline and carriage return; U+FFFE and
/// U+FFFF), replaced by U+FFFD. Escaping is quick-xml's.
fn xml_chars(text: &str) -> Cow<'_, str> {
    let allowed = |ch: char| {
        matches!(ch, '\t' | '\n' | '\r') || (ch >= ' ' && !matches!(ch, '\u{FFFE}' | '\u{FFFF}'))
    };
    if text.chars().all(allowed) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|ch| if allowed(ch) { ch } else { '\u{FFFD}' })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{change, ty};
    use super::super::{render, Format};
    use super::*;
    use crate::drift::Level;

    /// `(suite name, tests, failures)` of each `<testsuite>`, and the names
    /// of the test cases with a `<failure>`, read back by a real parser.
    fn read(xml: &str) -> (Vec<(String, usize, usize)>, Vec<String>) {
        let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
        let number = |n: roxmltree::Node, a: &str| -> usize {
            n.attribute(a).expect(a).parse().expect("a count")
        };
        let suites = doc
            .descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .map(|n| {
                let name = n.attribute("name").expect("a name").to_owned();
                (name, number(n, "tests"), number(n, "failures"))
            })
            .collect();
        let failed = doc
            .descendants()
            .filter(|n| n.has_tag_name("failure"))
            .map(|f| f.parent().unwrap().attribute("name").unwrap().to_owned())
            .collect();
        (suites, failed)
    }

    #[test]
    fn a_suite_per_rule_and_a_failure_per_change_fail_on_fails() {
        let changes = [
            change("type-removed", Level::Breaking, ty("b")),
            change("type-added", Level::Info, ty("a")),
            change("type-removed", Level::Breaking, ty("a")),
            change("base-type-unstated", Level::Warning, ty("c")),
        ];
        let fail_on = |fail_on| render(&changes, Format::Junit { fail_on }, "old/", "new/");
        let (suites, failed) = read(&fail_on(FailOn::Breaking));
        let suites: Vec<(&str, usize, usize)> = suites
            .iter()
            .map(|(n, t, f)| (n.as_str(), *t, *f))
            .collect();
        // In rule order, as the README's table lists them.
        assert_eq!(
            suites,
            [
                ("type-added", 1, 0),
                ("type-removed", 2, 2),
                ("base-type-unstated", 1, 0)
            ]
        );
        assert_eq!(failed, ["type-removed:v1.0:a", "type-removed:v1.0:b"]);
        let (_, failed) = read(&fail_on(FailOn::Warning));
        assert_eq!(failed.len(), 3);
        let (_, failed) = read(&fail_on(FailOn::Never));
        assert!(failed.is_empty());
    }

    #[test]
    fn failures_carry_the_message_and_both_locations() {
        let c = change("base-type-changed", Level::Breaking, ty("t"));
        let xml = render(
            std::slice::from_ref(&c),
            Format::Junit {
                fail_on: FailOn::Breaking,
            },
            "old/",
            "new/",
        );
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let failure = doc
            .descendants()
            .find(|n| n.has_tag_name("failure"))
            .expect("a failure");
        assert_eq!(failure.attribute("message"), Some(c.message.as_str()));
        assert_eq!(failure.attribute("type"), Some("breaking"));
        let text = failure.text().unwrap();
        assert!(text.contains("old: old/resources/x.md:5:1"), "{text}");
        assert!(text.contains("new: new/resources/x.md:6:1"), "{text}");
    }

    #[test]
    fn markup_and_control_characters_in_messages_stay_well_formed() {
        let mut c = change("type-added", Level::Info, ty("a"));
        c.message = "<b> & \"quoted\" 'text' ]]> \u{1}\u{FFFF} → done".to_owned();
        c.fingerprint = "type-added:v1.0:a<&>".to_owned();
        let xml = render(
            std::slice::from_ref(&c),
            Format::Junit {
                fail_on: FailOn::Info,
            },
            "",
            "",
        );
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let failure = doc
            .descendants()
            .find(|n| n.has_tag_name("failure"))
            .unwrap();
        assert_eq!(
            failure.attribute("message"),
            Some("<b> & \"quoted\" 'text' ]]> \u{FFFD}\u{FFFD} → done")
        );
        let case = failure.parent().unwrap();
        assert_eq!(case.attribute("name"), Some("type-added:v1.0:a<&>"));
    }

    #[test]
    fn no_changes_are_an_empty_passing_report() {
        let xml = render(
            &[],
            Format::Junit {
                fail_on: FailOn::Breaking,
            },
            "",
            "",
        );
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        assert_eq!(
            (root.attribute("tests"), root.attribute("failures")),
            (Some("0"), Some("0"))
        );
    }
}
