//! The docs beside the service's metadata: `drift DOCS METADATA.xml` worded
//! as such, `check --metadata` with its disagreement budget, and the v1.0
//! corpus against the metadata of the service it documents.

mod common;

use graph_docs_codegen::drift::{diff_sides, Config, Sides};
use graph_docs_codegen::metadata::read_metadata;
use std::collections::BTreeMap;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// Metadata that has the docs-input's `userAppInstallStatus` with one
/// property typed otherwise and one no page names.
const METADATA: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="userAppInstallStatus" BaseType="graph.entity">
        <Property Name="userName" Type="Edm.String" />
        <Property Name="userPrincipalName" Type="Edm.String" />
        <Property Name="installedDeviceCount" Type="Edm.Int64" Nullable="false" />
        <Property Name="failedDeviceCount" Type="Edm.Int32" Nullable="false" />
        <Property Name="notInstalledDeviceCount" Type="Edm.Int32" Nullable="false" />
        <Property Name="lastSyncDateTime" Type="Edm.DateTimeOffset" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

/// The 1-based line of `METADATA` holding `needle`.
fn line_of(needle: &str) -> usize {
    METADATA.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn drift_of_docs_and_a_metadata_file_says_what_each_side_says() {
    let tmp = tempfile::tempdir().unwrap();
    let meta = tmp.path().join("v1.0-service.xml");
    std::fs::write(&meta, METADATA).unwrap();
    let docs = common::repo_root().join("docs-input/v1.0");
    let (docs, meta) = (docs.to_str().unwrap(), meta.to_str().unwrap());
    let o = run(&[
        "drift",
        docs,
        meta,
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let changes = report["changes"].as_array().expect("changes");
    let by_fingerprint: BTreeMap<&str, &serde_json::Value> = changes
        .iter()
        .map(|c| (c["fingerprint"].as_str().unwrap(), c))
        .collect();
    let changed =
        by_fingerprint["property-type-changed:v1.0:userAppInstallStatus.installedDeviceCount"];
    assert_eq!(
        changed["message"],
        "property `userAppInstallStatus.installedDeviceCount`: the docs say `Int32`, the metadata says `Int64`"
    );
    // Both locations: the docs row, the XML element.
    assert!(
        changed["old"]
            .as_str()
            .unwrap()
            .contains("intune-apps-userappinstallstatus.md:27:"),
        "{changed}"
    );
    assert!(
        changed["new"].as_str().unwrap().ends_with(&format!(
            "v1.0-service.xml:{}:9",
            line_of("\"installedDeviceCount\"")
        )),
        "{changed}"
    );
    assert_eq!(
        by_fingerprint["property-added:v1.0:userAppInstallStatus.lastSyncDateTime"]["message"],
        "property `userAppInstallStatus.lastSyncDateTime` is in the metadata but not documented"
    );
    // `id` is inherited in the metadata and repeated on the page: no disagreement.
    assert!(
        !by_fingerprint
            .keys()
            .any(|f| f.ends_with("userAppInstallStatus.id")),
        "{by_fingerprint:#?}"
    );
    // The metadata has no endpoints: no endpoint rule runs beside it.
    assert!(changes
        .iter()
        .all(|c| !c["rule"].as_str().unwrap().starts_with("endpoint-")));
}

#[test]
fn check_holds_the_disagreements_to_a_budget() {
    let tmp = tempfile::tempdir().unwrap();
    let meta = tmp.path().join("meta.xml");
    std::fs::write(&meta, METADATA).unwrap();
    let docs = common::repo_root().join("docs-input/v1.0");
    let out = tmp.path().join("crate");
    let (docs, out, meta) = (
        docs.to_str().unwrap(),
        out.to_str().unwrap(),
        meta.to_str().unwrap(),
    );
    let o = run(&["regen", "--docs", docs, "--out", out, "--metadata", meta]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // regen types the crate as the metadata does, and adds what no page names.
    let file =
        std::fs::read_to_string(tmp.path().join("crate/src/v1_0/user_app_install_status.rs"))
            .unwrap();
    assert!(
        file.contains("pub installed_device_count: ::std::option::Option<i64>,"),
        "{file}"
    );
    assert!(
        file.contains("Not documented in the reference pages")
            && file.contains("pub last_sync_date_time:"),
        "{file}"
    );
    let check = |budget: &str| {
        run(&[
            "check",
            "--docs",
            docs,
            "--out",
            out,
            "--metadata",
            meta,
            "--max-disagreements",
            budget,
        ])
    };
    let o = check("1000");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.starts_with("docs beside the metadata: "))
        .unwrap_or_else(|| panic!("no count line in {stderr}"));
    let count: usize = line["docs beside the metadata: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        line.contains("property-type-changed 1") && line.contains("property-added 1"),
        "{line}"
    );
    assert_eq!(check(&count.to_string()).status.code(), Some(0));
    let o = check(&(count - 1).to_string());
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The v1.0 corpus against the metadata of the service it documents
/// (2021-07-13): the counts by rule, printed; each change located on the
/// side or sides that have its subject.
#[test]
fn the_v1_0_corpus_beside_its_metadata_by_rule() {
    let (Some(corpus), Some(metadata)) = (common::corpus_dir(), common::metadata_dir()) else {
        return;
    };
    let (docs, _) =
        graph_docs_codegen::workspace::load_docs(&[corpus.join("graph-docs-2021-07/v1.0")])
            .unwrap();
    let models = graph_docs_codegen::build_models(&docs);
    let path = metadata.join("v1.0-2021-07-13.xml");
    let text = std::fs::read_to_string(&path).unwrap();
    let service = read_metadata(&path.to_string_lossy(), &text, "v1.0");
    let changes = diff_sides(
        &models[0],
        &service,
        Sides::DocsThenMetadata,
        &Config::default(),
    );
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &changes {
        *by_rule.entry(c.rule.id()).or_default() += 1;
        let xml = |l: &Option<graph_docs_codegen::source::Location>| {
            l.as_ref().is_some_and(|l| l.path.ends_with(".xml"))
        };
        let md = |l: &Option<graph_docs_codegen::source::Location>| {
            l.as_ref().is_some_and(|l| l.path.ends_with(".md"))
        };
        match c.message.contains("is in the metadata but not documented") {
            true => assert!(c.old.is_none() && xml(&c.new), "{c:?}"),
            false if c.message.contains("is documented but not in the metadata") => {
                assert!(md(&c.old) && c.new.is_none(), "{c:?}")
            }
            false => assert!(md(&c.old) && xml(&c.new), "{c:?}"),
        }
    }
    println!(
        "v1.0 docs beside the 2021-07-13 metadata, {} disagreements:",
        changes.len()
    );
    for (rule, n) in &by_rule {
        println!("{rule:40} {n}");
    }
    // The service has enums where the docs say String.
    assert!(
        by_rule.get("property-became-enum").copied().unwrap_or(0) > 0,
        "{by_rule:?}"
    );
}

/// With its metadata, the v1.0 corpus model types every documented
/// property the metadata also has (on the type or a base type) as the
/// metadata does: the same type and collection-ness. (Without the metadata,
/// 121 differ.)
#[test]
fn the_v1_0_corpus_typed_from_its_metadata_types_every_property_as_the_metadata() {
    use graph_docs_codegen::ir::{Model, Property, TypeDef, TypeRef};
    let (Some(corpus), Some(metadata)) = (common::corpus_dir(), common::metadata_dir()) else {
        return;
    };
    let (docs, _) =
        graph_docs_codegen::workspace::load_docs(&[corpus.join("graph-docs-2021-07/v1.0")])
            .unwrap();
    let path = metadata.join("v1.0-2021-07-13.xml");
    let text = std::fs::read_to_string(&path).unwrap();
    let service = read_metadata(&path.to_string_lossy(), &text, "v1.0");
    let by_version = BTreeMap::from([("v1.0".to_owned(), service.clone())]);
    let merged = graph_docs_codegen::build_models_with_metadata(&docs, &by_version);
    // A property of `t` or its base types in the metadata, by lowercase name.
    let declared = |t: &TypeDef| -> Option<BTreeMap<String, Property>> {
        let own = service.types.get(&t.name.key())?;
        let mut out = BTreeMap::new();
        for ty in std::iter::once(own).chain(service.ancestors(own)) {
            for p in ty.properties.iter().chain(&ty.relationships) {
                out.entry(p.name.to_ascii_lowercase())
                    .or_insert_with(|| p.clone());
            }
        }
        Some(out)
    };
    let spelled = |m: &Model, ty: &TypeRef| match ty {
        TypeRef::Enum(q) | TypeRef::Complex(q) => m
            .types
            .get(&q.key())
            .map(|t| t.name.key())
            .or_else(|| m.enums.get(&q.key()).map(|e| e.name.key()))
            .unwrap_or_else(|| q.key()),
        other => other.docs_spelling().to_ascii_lowercase(),
    };
    let (mut compared, mut differ) = (0usize, Vec::new());
    for t in merged[0].types.values() {
        let Some(declared) = declared(t) else {
            continue;
        };
        for p in t.properties.iter().chain(&t.relationships) {
            let Some(q) = declared.get(&p.name.to_ascii_lowercase()) else {
                continue;
            };
            compared += 1;
            let untyped = |ty: &TypeRef| matches!(ty, TypeRef::Untyped(_));
            if (untyped(&p.ty) && untyped(&q.ty))
                || graph_docs_codegen::ir::is_any_json(None, &q.ty.docs_spelling())
            {
                continue;
            }
            if spelled(&merged[0], &p.ty) != spelled(&service, &q.ty)
                || p.collection != q.collection
            {
                differ.push(format!(
                    "{}.{}: {:?} against {:?}",
                    t.name.name, p.name, p.ty, q.ty
                ));
            }
        }
    }
    println!("{compared} documented properties compared with the metadata");
    assert!(compared > 5_000, "{compared}");
    assert!(
        differ.is_empty(),
        "{} typed otherwise: {differ:#?}",
        differ.len()
    );
}

/// `drift --metadata` types both docs sides from the metadata: a type the
/// docs corrected to what the service always had is no change then.
#[test]
fn drift_with_metadata_compares_the_typed_models() {
    let tmp = tempfile::tempdir().unwrap();
    let meta = tmp.path().join("v1.0-service.xml");
    std::fs::write(&meta, METADATA).unwrap();
    let page = "resources/intune-apps-userappinstallstatus.md";
    let source = common::repo_root().join("docs-input/v1.0");
    for side in ["old", "new"] {
        for dir in ["api", "resources"] {
            let to = tmp.path().join(side).join(dir);
            std::fs::create_dir_all(&to).unwrap();
            for entry in std::fs::read_dir(source.join(dir)).unwrap() {
                let entry = entry.unwrap();
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }
    let new_page = tmp.path().join("new").join(page);
    let text = std::fs::read_to_string(&new_page).unwrap();
    let fixed = text.replace(
        "|installedDeviceCount|Int32|",
        "|installedDeviceCount|Int64|",
    );
    assert_ne!(text, fixed);
    std::fs::write(&new_page, fixed).unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    let drift = |extra: &[&str]| {
        let mut args = vec![
            "drift",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let o = run(&args);
        let report: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
        report["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["fingerprint"].as_str().unwrap().to_owned())
            .collect::<Vec<String>>()
    };
    let fingerprint =
        "property-type-changed:v1.0:userAppInstallStatus.installedDeviceCount".to_owned();
    assert_eq!(drift(&[]), vec![fingerprint]);
    assert_eq!(
        drift(&["--metadata", meta.to_str().unwrap()]),
        Vec::<String>::new()
    );
}

/// A metadata file nothing can be read from, or of a version the docs do
/// not have, stops the run (exit 2) instead of leaving the model untyped.
#[test]
fn unusable_metadata_stops_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let broken = tmp.path().join("v1.0-broken.xml");
    std::fs::write(&broken, "<edmx:Edmx").unwrap();
    let good = tmp.path().join("meta.xml");
    std::fs::write(&good, METADATA).unwrap();
    let docs = common::repo_root().join("docs-input/v1.0");
    let docs = docs.to_str().unwrap();
    let o = run(&["drift", docs, docs, "--metadata", broken.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("metadata-xml-invalid"), "{stderr}");
    let beta = format!("beta={}", good.display());
    let o = run(&["ir", "--docs", docs, "--metadata", &beta]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("metadata of version `beta`, but the docs have v1.0"),
        "{stderr}"
    );
}

/// A metadata side may be `git:REV:PATH`, as a docs side may: the file at
/// a revision of the repository the command runs in.
#[test]
fn a_metadata_file_at_a_git_revision_is_a_drift_side() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(repo)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    std::fs::write(repo.join("v1.0-service.xml"), METADATA).unwrap();
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-qm",
        "metadata",
    ]);
    std::fs::write(
        repo.join("v1.0-service.xml"),
        METADATA.replace(
            r#"<Property Name="lastSyncDateTime" Type="Edm.DateTimeOffset" />"#,
            "",
        ),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_graph-docs-codegen"))
        .args([
            "drift",
            "git:HEAD:v1.0-service.xml",
            "v1.0-service.xml",
            "--format",
            "json",
        ])
        .current_dir(repo)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    // Its version is the one its file name starts with, as on disk.
    assert!(
        stderr.contains("metadata git:HEAD:v1.0-service.xml (v1.0)"),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let changes = report["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(
        changes[0]["fingerprint"],
        "property-removed:v1.0:userAppInstallStatus.lastSyncDateTime"
    );
    let old = changes[0]["old"].as_str().unwrap();
    assert_eq!(
        old,
        format!(
            "git:HEAD:v1.0-service.xml:{}:9",
            line_of("lastSyncDateTime")
        )
    );
}
