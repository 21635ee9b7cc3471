//! One function per subcommand. Each returns the exit code, or the message
//! of an error that stopped it (exit 2).

use super::shared::{display_prefix, doc_versions, load, todo_budget, Generation};
use super::{CheckArgs, Defaults, DriftArgs, IrArgs, RegenArgs, TodosArgs, EXIT_FINDINGS, EXIT_OK};
use crate::build_models;
use crate::report::Summary;
use crate::workspace::{check_crate, load_side_as, write_crate, Staleness};
use std::path::{Path, PathBuf};

/// `regen`: writes the crate, unless denied diagnostics fail the run.
pub(super) fn regen(defaults: &Defaults, args: &RegenArgs) -> Result<u8, String> {
    let run = Generation::run(defaults, &args.krate)?;
    if args
        .krate
        .diagnostics
        .fails(&run.models, &run.load_diagnostics)
    {
        eprintln!("nothing was written");
        return Ok(EXIT_FINDINGS);
    }
    let report = write_crate(&run.out, &run.files).map_err(|e| e.to_string())?;
    for path in &report.written {
        eprintln!("wrote   {}", run.out.join(path).display());
    }
    for path in &report.removed {
        eprintln!("removed {}", run.out.join(path).display());
    }
    eprintln!(
        "{}: {} files written, {} removed, {} unchanged",
        run.out.display(),
        report.written.len(),
        report.removed.len(),
        report.unchanged
    );
    Ok(EXIT_OK)
}

/// `check`: the crate on disk against the docs, plus the docs' own drift,
/// denied diagnostics and the placeholder budget.
pub(super) fn check(defaults: &Defaults, args: &CheckArgs) -> Result<u8, String> {
    let run = Generation::run(defaults, &args.krate)?;
    print_consistency(&run);
    let stale = check_crate(&run.out, &run.files).map_err(|e| e.to_string())?;
    let baseline_path = args
        .budget
        .todo_baseline
        .clone()
        .or_else(|| defaults.todo_baseline.clone());
    let diagnostics_ok = !args
        .krate
        .diagnostics
        .fails(&run.models, &run.load_diagnostics);
    let disagreements_ok = run.metadata.is_empty() || {
        let config = drift_config(defaults, None)?;
        let changes = super::metadata::disagreements(&run.docs_only, &run.metadata, &config);
        super::metadata::disagreement_budget(&changes, args.max_disagreements)
    };
    let budget_ok = diagnostics_ok
        & disagreements_ok
        & todo_budget(
            &run.models,
            baseline_path.as_deref(),
            args.budget.max_todos,
            &run.prefix,
            defaults.program,
        )?;
    if stale.is_clean() {
        eprintln!(
            "{} is up to date ({} files)",
            run.out.display(),
            run.files.len()
        );
        return Ok(if budget_ok { EXIT_OK } else { EXIT_FINDINGS });
    }
    print_staleness(&run, &stale, &defaults.regen_command);
    Ok(EXIT_FINDINGS)
}

/// Prints where the docs contradict themselves (enum lists that disagree).
fn print_consistency(run: &Generation) {
    let consistency = crate::drift::consistency(&run.models, &crate::drift::Config::default());
    if !consistency.is_empty() {
        eprintln!("drift inside the docs ({} findings):", consistency.len());
        eprint!(
            "{}",
            crate::drift::render(
                &consistency,
                crate::drift::Format::Text,
                &run.prefix,
                &run.prefix
            )
        );
    }
}

/// Prints every changed, missing and extra file, and the command that fixes them.
fn print_staleness(run: &Generation, stale: &Staleness, regen_command: &str) {
    for (path, diff) in &stale.changed {
        eprintln!("changed: {}\n{diff}", run.out.join(path).display());
    }
    for path in &stale.missing {
        eprintln!("missing: {}", run.out.join(path).display());
    }
    for path in &stale.extra {
        eprintln!(
            "extra:   {} (no longer generated)",
            run.out.join(path).display()
        );
    }
    eprintln!(
        "{} is stale: {} changed, {} missing, {} extra. Run `{}` and commit the result.",
        run.out.display(),
        stale.changed.len(),
        stale.missing.len(),
        stale.extra.len(),
        regen_command
    );
}

/// `todos`: the placeholder report; writes the baseline, or applies the budget.
pub(super) fn todos(defaults: &Defaults, args: &TodosArgs) -> Result<u8, String> {
    let (docs, _, prefix) = load(defaults, &args.docs)?;
    let models = build_models(&docs);
    print!(
        "{}",
        crate::report::todos::render(&models, args.format.into(), &prefix)
    );
    if let Some(path) = &args.write_baseline {
        let baseline = crate::report::todos::Baseline::of(&models);
        std::fs::write(path, baseline.to_json()).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!(
            "wrote the baseline of {} placeholders to {}",
            baseline.total,
            path.display()
        );
        return Ok(EXIT_OK);
    }
    let ok = todo_budget(
        &models,
        args.budget.todo_baseline.as_deref(),
        args.budget.max_todos,
        &prefix,
        defaults.program,
    )?;
    Ok(if ok { EXIT_OK } else { EXIT_FINDINGS })
}

/// `drift`: the changes between the two sides' paired versions.
pub(super) fn drift(defaults: &Defaults, args: &DriftArgs) -> Result<u8, String> {
    let config = drift_config(defaults, args.config.as_deref())?;
    let old_version = args.old_api_version.as_ref().or(args.api_version.as_ref());
    let new_version = args.new_api_version.as_ref().or(args.api_version.as_ref());
    let metadata = args.metadata.read(&[])?;
    let side = |spec: &str, version: Option<&String>| {
        side_models(
            spec,
            version.map(String::as_str),
            args.input_format,
            &metadata,
        )
    };
    let (old_models, new_models) = rayon::join(
        || side(&args.old, old_version),
        || side(&args.new, new_version),
    );
    let (old_models, new_models) = (old_models?, new_models?);
    let paired = crate::drift::pair_versions(&old_models, &new_models);
    for version in &paired.only_new {
        eprintln!("note: version `{version}` is only on the new side");
    }
    for version in &paired.only_old {
        eprintln!("note: version `{version}` is only on the old side");
    }
    let changes = paired.diff(sides(args), &config);
    let fail_on = crate::drift::FailOn::from(args.fail_on);
    print!(
        "{}",
        crate::drift::render(
            &changes,
            args.format.with_fail_on(fail_on),
            &side_prefix(&args.old),
            &side_prefix(&args.new)
        )
    );
    Ok(if fail_on.fails(&changes) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// What the two drift sides are: docs beside a metadata file are worded as
/// such; two docs trees or two metadata files are versions.
fn sides(args: &DriftArgs) -> crate::drift::Sides {
    use crate::drift::Sides;
    use crate::workspace::is_metadata_file;
    match (is_metadata_file(&args.old), is_metadata_file(&args.new)) {
        (false, true) => Sides::DocsThenMetadata,
        (true, false) => Sides::MetadataThenDocs,
        _ => Sides::Versions,
    }
}

/// The models of one drift side: a metadata file's one model, or the docs'
/// model of each version (typed from `metadata` of its version, if any).
fn side_models(
    spec: &str,
    version: Option<&str>,
    format: super::InputFormatArg,
    metadata: &[crate::ir::Model],
) -> Result<Vec<crate::ir::Model>, String> {
    if crate::workspace::is_metadata_file(spec) {
        return Ok(vec![super::metadata::read_side(spec, version)?]);
    }
    let (mut docs, _) = load_side_as(spec, version).map_err(|e| e.to_string())?;
    docs.set_format(format.forced());
    Ok(super::metadata::build_with(&docs, metadata, false)?.0)
}

/// The drift config: `--config`, else the defaults' when it exists, else the built-in one.
fn drift_config(defaults: &Defaults, given: Option<&Path>) -> Result<crate::drift::Config, String> {
    let path = given
        .map(Path::to_owned)
        .or_else(|| defaults.drift_config.clone().filter(|p| p.exists()));
    let Some(path) = path else {
        return Ok(crate::drift::Config::default());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    crate::drift::Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The prefix shown before a drift side's page paths.
fn side_prefix(spec: &str) -> String {
    if spec.starts_with("git:") {
        format!("{}/", spec.trim_end_matches('/'))
    } else {
        display_prefix(&[PathBuf::from(spec)])
    }
}

/// `ir`: the model as JSON, on standard output or in a file.
pub(super) fn ir(defaults: &Defaults, args: &IrArgs) -> Result<u8, String> {
    let (docs, load_diagnostics, _) = load(defaults, &args.docs)?;
    let metadata = args.metadata.read(&doc_versions(&docs))?;
    let mut models = args
        .subset
        .apply(super::metadata::build_with(&docs, &metadata, false)?.0)?;
    if let Some(first) = models.first_mut() {
        first.diagnostics.extend(load_diagnostics);
        first.diagnostics.sort();
    }
    if args.summary {
        eprint!("{}", Summary::of(&models).render());
    }
    let export = crate::ir::json::export_with_metadata(&models, &metadata);
    match &args.output {
        Some(path) => write_ir_file(&export, path),
        None => write_ir_stdout(&export),
    }?;
    Ok(EXIT_OK)
}

fn write_ir_file(export: &crate::ir::json::IrExport, path: &Path) -> Result<(), String> {
    std::fs::File::create(path)
        .and_then(|file| {
            let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
            crate::ir::json::write_export(export, &mut out)?;
            std::io::Write::flush(&mut out)
        })
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes the JSON to standard output; a reader that stops early (`| head`) is no error.
fn write_ir_stdout(export: &crate::ir::json::IrExport) -> Result<(), String> {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    match crate::ir::json::write_export(export, &mut out)
        .and_then(|()| std::io::Write::flush(&mut out))
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}
