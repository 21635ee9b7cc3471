//! `--include-path` and `--exclude-path` end to end: `regen` writes only
//! the matching endpoints and the types they reach, the same bytes every
//! run, `check` and `ir` take the same flags, and a glob that matches
//! nothing fails naming the closest paths.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The glob of the fixture's user statuses and what lies below them.
const USER_STATUSES: &str = "/deviceAppManagement/mobileApps/{id}/userStatuses/**";

/// Runs the binary with `args`.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// The standard error of a run.
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The fixture docs folder.
fn docs() -> String {
    common::repo_root()
        .join("docs-input")
        .to_string_lossy()
        .into_owned()
}

/// Every file below `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_owned());
            }
        }
    }
    out.sort();
    out
}

/// `regen` of the user statuses into `out`.
fn regen_user_statuses(out: &Path) {
    let o = run(&[
        "regen",
        "--docs",
        &docs(),
        "--out",
        out.to_str().unwrap(),
        "--include-path",
        USER_STATUSES,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn regen_writes_only_the_matching_endpoints_and_the_types_they_reach() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("crate");
    regen_user_statuses(&out);
    let written: Vec<String> = files(&out.join("src/v1_0"))
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let api = "api/device_app_management/mobile_apps";
    for expected in [
        format!("{api}/user_statuses.rs"),
        format!("{api}/user_statuses/device_statuses.rs"),
        "user_app_install_status.rs".to_owned(),
        "mobile_app_install_status.rs".to_owned(),
        "entity.rs".to_owned(),
        "resultant_app_state.rs".to_owned(),
    ] {
        assert!(written.contains(&expected), "{expected} in {written:?}");
    }
    for left_out in [
        format!("{api}/device_statuses.rs"),
        "api/device_app_management/mobile_app_configurations.rs".to_owned(),
        "managed_device_mobile_app_configuration_user_status.rs".to_owned(),
        "managed_device_mobile_app_configuration_device_status.rs".to_owned(),
    ] {
        assert!(!written.contains(&left_out), "{left_out} in {written:?}");
    }
}

#[test]
fn the_subset_is_the_same_bytes_every_run_and_check_takes_the_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    regen_user_statuses(&a);
    regen_user_statuses(&b);
    let names = files(&a);
    assert_eq!(names, files(&b));
    for name in &names {
        assert_eq!(
            fs::read(a.join(name)).unwrap(),
            fs::read(b.join(name)).unwrap()
        );
    }
    let (docs, out) = (docs(), a.to_string_lossy().into_owned());
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--docs", &docs, "--out", &out];
        args.extend_from_slice(extra);
        run(&args).status.code()
    };
    assert_eq!(check(&["--include-path", USER_STATUSES]), Some(0));
    assert_eq!(
        check(&[]),
        Some(1),
        "the whole crate is more than the subset"
    );
}

#[test]
fn ir_takes_the_flags_and_excludes_win_methods_included() {
    let o = run(&[
        "ir",
        "--docs",
        &docs(),
        "--include-path",
        USER_STATUSES,
        "--exclude-path",
        "/**/deviceStatuses#POST",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = json["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    let expected = "/deviceAppManagement/mobileApps/{mobileAppId}/userStatuses";
    assert_eq!(paths, [expected, expected], "one per API version");
}

#[test]
fn a_glob_that_matches_nothing_fails_naming_the_closest_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("crate");
    let o = run(&[
        "regen",
        "--docs",
        &docs(),
        "--out",
        out.to_str().unwrap(),
        "--include-path",
        "/deviceAppManagement/mobileApp/{id}/userStatuses",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("--include-path `/deviceAppManagement/mobileApp/{id}/userStatuses` matches no endpoint path"),
        "{err}"
    );
    let closest = "\n  /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses\n";
    assert!(err.contains(closest), "the closest path comes first: {err}");
    assert!(!out.exists(), "nothing is written");
}
