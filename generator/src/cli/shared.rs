//! What the subcommands share: where the docs are and how they are loaded,
//! how diagnostics and the placeholder budget are reported, and the
//! in-memory generation behind `regen` and `check`.

use super::{CrateArgs, Defaults, DiagnosticArgs, DocsArgs};
use crate::diagnostics::{Diagnostic, Severity};
use crate::emit::EmitOptions;
use crate::report::{counted, render_line, render_snippet, Summary};
use crate::workspace::{load_docs_as, location_text};
use crate::DocsSet;
use std::path::{Path, PathBuf};

/// `--docs`, else the defaults' docs folders.
fn docs_paths(defaults: &Defaults, args: &DocsArgs) -> Vec<PathBuf> {
    if args.docs.is_empty() {
        defaults.docs.clone()
    } else {
        args.docs.clone()
    }
}

/// The prefix to show before page paths: the docs folder as the user named it.
pub(super) fn display_prefix(paths: &[PathBuf]) -> String {
    match paths {
        [one] if one.is_dir() => {
            let shown = std::env::current_dir()
                .ok()
                .and_then(|cwd| one.strip_prefix(&cwd).ok().map(Path::to_owned))
                .unwrap_or_else(|| one.clone());
            let s = shown.to_string_lossy().replace('\\', "/");
            if s.is_empty() || s == "." {
                String::new()
            } else {
                format!("{}/", s.trim_end_matches('/'))
            }
        }
        _ => String::new(),
    }
}

/// Reads the docs the flags name (the defaults' without `--docs`), with
/// their display prefix.
pub(super) fn load(
    defaults: &Defaults,
    args: &DocsArgs,
) -> Result<(DocsSet, Vec<Diagnostic>, String), String> {
    let paths = docs_paths(defaults, args);
    let (mut docs, diagnostics) =
        load_docs_as(&paths, args.api_version.as_deref()).map_err(|e| e.to_string())?;
    docs.set_format(args.input_format.forced());
    Ok((docs, diagnostics, display_prefix(&paths)))
}

/// The API versions of the docs, for `--metadata` files without one.
pub(super) fn doc_versions(docs: &DocsSet) -> Vec<&str> {
    docs.versions.keys().map(String::as_str).collect()
}

/// Prints the diagnostics (infos only with `--verbose`), then the counts or
/// the `--summary`.
fn print_diagnostics(
    docs: &DocsSet,
    models: &[crate::ir::Model],
    load: &[Diagnostic],
    prefix: &str,
    args: &DiagnosticArgs,
) {
    let all = load
        .iter()
        .chain(models.iter().flat_map(|m| &m.diagnostics));
    for d in all {
        if d.severity == Severity::Info && !args.verbose {
            continue;
        }
        let text = if args.verbose {
            location_text(docs, &d.source)
                .map(|t| render_snippet(d, prefix, t))
                .unwrap_or_else(|| render_line(d, prefix))
        } else {
            render_line(d, prefix)
        };
        eprintln!("{text}");
    }
    let summary = Summary::of(models);
    if args.summary {
        eprint!("{}", summary.render());
    } else {
        let severity = |s: Severity| summary.of_severity(s);
        eprintln!(
            "{}; {}, {} (--verbose shows all, --summary counts them)",
            summary.model_counts(),
            counted(
                severity(Severity::Warning) + severity(Severity::Error),
                "warning",
                "warnings"
            ),
            counted(severity(Severity::Info), "info", "infos"),
        );
    }
}

/// Applies the placeholder budget; prints what grew. `Ok(false)` when it was exceeded.
pub(super) fn todo_budget(
    models: &[crate::ir::Model],
    baseline: Option<&Path>,
    max: Option<usize>,
    prefix: &str,
    program: &str,
) -> Result<bool, String> {
    if baseline.is_none() && max.is_none() {
        return Ok(true);
    }
    let baseline = match baseline {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let parsed: crate::report::todos::Baseline = serde_json::from_str(&text)
                .map_err(|e| format!("{}: not a placeholder baseline: {e}", path.display()))?;
            Some((path, parsed))
        }
        None => None,
    };
    let check = crate::report::todos::check_budget(models, baseline.as_ref().map(|b| &b.1), max);
    if !check.exceeded() {
        if check.current < check.allowed && check.allowed != usize::MAX {
            eprintln!(
                "placeholders: {} (budget {}): fewer than the baseline; lock that in with `{program} todos --write-baseline {}`",
                check.current,
                check.allowed,
                baseline.as_ref().map(|b| b.0.display().to_string()).unwrap_or_else(|| "FILE".to_owned())
            );
        } else {
            eprintln!("placeholders: {} (budget {})", check.current, check.allowed);
        }
        return Ok(true);
    }
    eprintln!(
        "placeholders grew: {} where the budget allows {}",
        check.current, check.allowed
    );
    for (version, t) in &check.new {
        let text = if t.text.is_empty() {
            String::new()
        } else {
            format!(": {}", t.text)
        };
        eprintln!(
            "  new: {prefix}{} ({version}) [{}] {}{}",
            t.source,
            t.kind.as_str(),
            t.owner,
            text
        );
    }
    eprintln!(
        "Fill in the docs, or accept the new placeholders with `{program} todos --write-baseline {}`.",
        baseline.as_ref().map(|b| b.0.display().to_string()).unwrap_or_else(|| "FILE".to_owned())
    );
    Ok(false)
}

/// A package name that is also a valid crate identifier.
fn check_crate_name(name: &str) -> Result<(), String> {
    let ident = name.replace('-', "_");
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !crate::naming::is_keyword(&ident)
        && ident != "test";
    if valid {
        Ok(())
    } else {
        Err(format!("`{name}` is not a usable crate name: use letters, digits, `-` and `_`, starting with a letter, not a Rust keyword"))
    }
}

fn emit_options(defaults: &Defaults, out: &Path, args: &CrateArgs) -> EmitOptions {
    let member = defaults
        .workspace_member
        .as_deref()
        .is_some_and(|m| same_path(m, out));
    EmitOptions {
        crate_name: args.crate_name.clone(),
        regen_command: defaults.regen_command.clone(),
        standalone: !member,
        serde_impls: args.serde_impls.into(),
        read_bench: args.read_bench,
    }
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The docs read, modelled and emitted in memory, with their diagnostics printed.
pub(super) struct Generation {
    /// Shown before page paths.
    pub prefix: String,
    /// The crate folder.
    pub out: PathBuf,
    /// What loading the docs found.
    pub load_diagnostics: Vec<Diagnostic>,
    /// One model per API version.
    pub models: Vec<crate::ir::Model>,
    /// The model of each `--metadata` file (its diagnostics are also in
    /// `load_diagnostics`), for the commands that compare or type from it.
    pub metadata: Vec<crate::ir::Model>,
    /// With metadata, the docs' own models, before the metadata typed them:
    /// what `check` compares with it.
    pub docs_only: Vec<crate::ir::Model>,
    /// The crate's files.
    pub files: Vec<crate::emit::GeneratedFile>,
}

impl Generation {
    /// Loads, models and emits the docs, printing their diagnostics.
    pub fn run(defaults: &Defaults, args: &CrateArgs) -> Result<Generation, String> {
        let out = args.out.clone().unwrap_or_else(|| defaults.out.clone());
        let (docs, mut load_diagnostics, prefix) = load(defaults, &args.docs)?;
        let metadata = args.metadata.read(&doc_versions(&docs))?;
        let (models, docs_only) = super::metadata::build_with(&docs, &metadata, true)?;
        let models = args.subset.apply(models)?;
        load_diagnostics.extend(metadata.iter().flat_map(|m| m.diagnostics.iter().cloned()));
        print_diagnostics(
            &docs,
            &models,
            &load_diagnostics,
            &prefix,
            &args.diagnostics,
        );
        check_crate_name(&args.crate_name)?;
        let options = emit_options(defaults, &out, args);
        let files = crate::emit::emit_crate(&models, &options).map_err(|e| e.to_string())?;
        Ok(Generation {
            prefix,
            out,
            load_diagnostics,
            models,
            metadata,
            docs_only,
            files,
        })
    }
}

impl DiagnosticArgs {
    /// The diagnostics these flags turn into failures.
    fn denied<'d>(&self, all: impl Iterator<Item = &'d Diagnostic>) -> Vec<&'d Diagnostic> {
        all.filter(|d| !self.allow.iter().any(|c| c == d.code))
            .filter(|d| {
                self.deny.iter().any(|c| c == d.code)
                    || (self.deny_warnings && d.severity <= Severity::Warning)
            })
            .collect()
    }

    /// Prints and counts the denied diagnostics; `true` when the run must fail.
    pub(super) fn fails(&self, models: &[crate::ir::Model], load: &[Diagnostic]) -> bool {
        let denied = self.denied(
            load.iter()
                .chain(models.iter().flat_map(|m| &m.diagnostics)),
        );
        if !denied.is_empty() {
            let mut codes: Vec<&str> = denied.iter().map(|d| d.code).collect();
            codes.sort();
            codes.dedup();
            eprintln!(
                "error: {} diagnostics are denied ({})",
                denied.len(),
                codes.join(", ")
            );
        }
        !denied.is_empty()
    }
}
