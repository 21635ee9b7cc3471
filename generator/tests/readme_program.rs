//! The README's "Using the generated crate" program is the one the golden
//! crate compiles and runs against a loopback server
//! (`tests/goldens/client-and-workloads/crate/tests/readme.rs`, between its
//! `README:start` and `README:end` markers).

use std::path::Path;

/// The golden crate's test that runs the program, relative to `generator/`.
const README_TEST: &str = "tests/goldens/client-and-workloads/crate/tests/readme.rs";

fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}

#[test]
fn the_readme_program_is_the_one_ci_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("../README.md")).expect("README.md");
    let test = std::fs::read_to_string(root.join(README_TEST)).expect("readme test");
    let section = between(&readme, "## Using the generated crate", "\n## ").expect("the section");
    let shown = between(section, "```rust\n", "```\n").expect("a rust block in the section");
    let run = between(&test, "// README:start\n", "// README:end\n").expect("the markers");
    assert_eq!(
        shown, run,
        "copy the program between the markers of {README_TEST} into the README"
    );
}
