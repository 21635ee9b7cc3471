//! The command line, shared by the `graph-docs-codegen` binary and
//! `cargo xtask` (which only changes the defaults).

use crate::diagnostics::Severity;
use crate::emit::EmitOptions;
use crate::report::{counted, render_line, render_snippet, Summary};
use crate::workspace::{check_crate, load_docs, location_text, write_crate};
use crate::{build_models, DocsSet};
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: the check found something (stale files, findings over the limit).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the tool could not do its job (bad arguments, I/O errors).
pub const EXIT_ERROR: u8 = 2;

/// Defaults that differ between the standalone binary and `cargo xtask`.
#[derive(Clone, Debug)]
pub struct Defaults {
    /// Docs folders read when `--docs` is not given.
    pub docs: Vec<PathBuf>,
    /// Output folder when `--out` is not given.
    pub out: PathBuf,
    /// The output folder that is a member of this workspace (no `[workspace]` table).
    pub workspace_member: Option<PathBuf>,
    /// Command named in generated file headers.
    pub regen_command: String,
    /// The committed placeholder baseline `check` holds the docs to, if any.
    pub todo_baseline: Option<PathBuf>,
    /// The drift config used when `--config` is not given, if it exists.
    pub drift_config: Option<PathBuf>,
    /// Program name in help.
    pub program: &'static str,
}

/// Generate typed Rust from Microsoft Graph reference pages.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Regenerate the crate from the docs.
    Regen(RegenArgs),
    /// Fail when the crate on disk is not what the docs generate.
    Check(CheckArgs),
    /// Print the intermediate model as JSON.
    Ir(IrArgs),
    /// Report the placeholders (TODOs) upstream left in the docs.
    Todos(TodosArgs),
    /// What changed between two doc versions, and how breaking it is.
    Drift(DriftArgs),
}

/// `drift` arguments.
#[derive(Debug, Args)]
pub struct DriftArgs {
    /// The old docs: a folder, a file, or `git:REV:PATH`.
    old: String,
    /// The new docs: a folder, a file, or `git:REV:PATH`.
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: crate::report::todos::Format,
    /// The mildest severity that makes the run exit 1.
    #[arg(long, value_enum, default_value = "breaking")]
    fail_on: crate::drift::FailOn,
    /// Drift config (YAML): severity overrides, beta policy, ignored changes.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The format of both sides' pages.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormatArg,
}

/// `--input-format`: how pages are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormatArg {
    /// Detect each page's format from its text (front matter, `#` headings, `|` tables, fences: markdown).
    Auto,
    /// Markdown from the docs repository.
    Markdown,
    /// Plain text copied from the published docs site.
    Published,
}

impl InputFormatArg {
    /// The format forced on every page; `None` for auto-detection.
    pub fn forced(self) -> Option<crate::parse::InputFormat> {
        match self {
            InputFormatArg::Auto => None,
            InputFormatArg::Markdown => Some(crate::parse::InputFormat::Markdown),
            InputFormatArg::Published => Some(crate::parse::InputFormat::PublishedText),
        }
    }
}

/// Placeholder budget flags.
#[derive(Debug, Args)]
pub struct BudgetArgs {
    /// Fail when there are more placeholders than this committed baseline holds, naming the new ones.
    #[arg(long, value_name = "FILE")]
    pub todo_baseline: Option<PathBuf>,
    /// Fail when there are more than N placeholders.
    #[arg(long, value_name = "N")]
    pub max_todos: Option<usize>,
}

/// `todos` arguments.
#[derive(Debug, Args)]
pub struct TodosArgs {
    #[command(flatten)]
    docs: DocsArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: crate::report::todos::Format,
    #[command(flatten)]
    budget: BudgetArgs,
    /// Write the current placeholders to FILE as the new baseline.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
}

/// Where the docs are.
#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Docs folders (every `.md` inside) or single pages (any extension). Repeatable.
    #[arg(long = "docs", value_name = "PATH")]
    pub docs: Vec<PathBuf>,
    /// The pages' format: detected per page (`auto`), or forced.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
}

/// How to print diagnostics.
#[derive(Debug, Args)]
pub struct DiagnosticArgs {
    /// Print every diagnostic with its source line (info included).
    #[arg(long, short)]
    pub verbose: bool,
    /// Print counts of pages, items and diagnostics by code.
    #[arg(long)]
    pub summary: bool,
    /// Fail (exit 1) when there is any warning or error diagnostic.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Fail when there is a diagnostic with this code (repeatable), e.g. `--deny unresolved-type`.
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,
    /// Never fail on this code, even with `--deny-warnings` (repeatable).
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
}

impl DiagnosticArgs {
    /// The diagnostics these flags turn into failures.
    fn denied<'d>(
        &self,
        all: impl Iterator<Item = &'d crate::diagnostics::Diagnostic>,
    ) -> Vec<&'d crate::diagnostics::Diagnostic> {
        all.filter(|d| !self.allow.iter().any(|c| c == d.code))
            .filter(|d| {
                self.deny.iter().any(|c| c == d.code)
                    || (self.deny_warnings && d.severity <= Severity::Warning)
            })
            .collect()
    }

    /// Prints and counts the denied diagnostics; `true` when the run must fail.
    fn fails(&self, models: &[crate::ir::Model], load: &[crate::diagnostics::Diagnostic]) -> bool {
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

/// What `regen` and `check` share: where the docs and the crate are.
#[derive(Debug, Args)]
pub struct CrateArgs {
    #[command(flatten)]
    docs: DocsArgs,
    /// Output crate folder.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Package name of the generated crate.
    #[arg(long, default_value = "graph-model")]
    crate_name: String,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

/// `regen` arguments.
#[derive(Debug, Args)]
pub struct RegenArgs {
    #[command(flatten)]
    krate: CrateArgs,
}

/// `check` arguments.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    krate: CrateArgs,
    #[command(flatten)]
    budget: BudgetArgs,
}

/// `ir` arguments.
#[derive(Debug, Args)]
pub struct IrArgs {
    #[command(flatten)]
    docs: DocsArgs,
    /// Write the JSON here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also print the summary to standard error.
    #[arg(long)]
    summary: bool,
}

/// Runs the command line with these defaults and arguments.
pub fn run(defaults: &Defaults, args: impl IntoIterator<Item = String>) -> ExitCode {
    let cli = match Cli::try_parse_from(std::iter::once(defaults.program.to_owned()).chain(args)) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    match execute(defaults, cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn docs_paths(defaults: &Defaults, args: &DocsArgs) -> Vec<PathBuf> {
    if args.docs.is_empty() {
        defaults.docs.clone()
    } else {
        args.docs.clone()
    }
}

/// The prefix to show before page paths: the docs folder as the user named it.
fn display_prefix(paths: &[PathBuf]) -> String {
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

fn load(
    paths: &[PathBuf],
    format: InputFormatArg,
) -> Result<(DocsSet, Vec<crate::diagnostics::Diagnostic>), String> {
    let (mut docs, diagnostics) = load_docs(paths).map_err(|e| e.to_string())?;
    docs.set_format(format.forced());
    Ok((docs, diagnostics))
}

fn print_diagnostics(
    docs: &DocsSet,
    models: &[crate::ir::Model],
    load: &[crate::diagnostics::Diagnostic],
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
fn todo_budget(
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

fn emit_options(defaults: &Defaults, out: &Path, crate_name: &str) -> EmitOptions {
    let member = defaults
        .workspace_member
        .as_deref()
        .is_some_and(|m| same_path(m, out));
    EmitOptions {
        crate_name: crate_name.to_owned(),
        regen_command: defaults.regen_command.clone(),
        standalone: !member,
    }
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The docs read, modelled and emitted in memory, with their diagnostics printed.
struct Generation {
    prefix: String,
    out: PathBuf,
    load_diagnostics: Vec<crate::diagnostics::Diagnostic>,
    models: Vec<crate::ir::Model>,
    files: Vec<crate::emit::GeneratedFile>,
}

impl Generation {
    fn run(defaults: &Defaults, args: &CrateArgs) -> Result<Generation, String> {
        let paths = docs_paths(defaults, &args.docs);
        let out = args.out.clone().unwrap_or_else(|| defaults.out.clone());
        let prefix = display_prefix(&paths);
        let (docs, load_diagnostics) = load(&paths, args.docs.input_format)?;
        let models = build_models(&docs);
        print_diagnostics(
            &docs,
            &models,
            &load_diagnostics,
            &prefix,
            &args.diagnostics,
        );
        check_crate_name(&args.crate_name)?;
        let options = emit_options(defaults, &out, &args.crate_name);
        let files = crate::emit::emit_crate(&models, &options).map_err(|e| e.to_string())?;
        Ok(Generation {
            prefix,
            out,
            load_diagnostics,
            models,
            files,
        })
    }
}

fn execute(defaults: &Defaults, command: Command) -> Result<u8, String> {
    match command {
        Command::Regen(args) => {
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
        Command::Check(args) => {
            let run = Generation::run(defaults, &args.krate)?;
            let consistency =
                crate::drift::consistency(&run.models, &crate::drift::Config::default());
            if !consistency.is_empty() {
                eprintln!("drift inside the docs ({} findings):", consistency.len());
                eprint!(
                    "{}",
                    crate::drift::render(
                        &consistency,
                        crate::report::todos::Format::Text,
                        &run.prefix,
                        &run.prefix
                    )
                );
            }
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
            let budget_ok = diagnostics_ok
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
                defaults.regen_command
            );
            Ok(EXIT_FINDINGS)
        }
        Command::Todos(args) => {
            let paths = docs_paths(defaults, &args.docs);
            let (docs, _) = load(&paths, args.docs.input_format)?;
            let models = build_models(&docs);
            let prefix = display_prefix(&paths);
            print!(
                "{}",
                crate::report::todos::render(&models, args.format, &prefix)
            );
            if let Some(path) = &args.write_baseline {
                let baseline = crate::report::todos::Baseline::of(&models);
                std::fs::write(path, baseline.to_json())
                    .map_err(|e| format!("{}: {e}", path.display()))?;
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
        Command::Drift(args) => {
            let config_path = args
                .config
                .clone()
                .or_else(|| defaults.drift_config.clone().filter(|p| p.exists()));
            let config = match &config_path {
                Some(path) => {
                    let text = std::fs::read_to_string(path)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    crate::drift::Config::parse(&text)
                        .map_err(|e| format!("{}: {e}", path.display()))?
                }
                None => crate::drift::Config::default(),
            };
            let (old, new) = rayon::join(
                || crate::workspace::load_side(&args.old),
                || crate::workspace::load_side(&args.new),
            );
            let (mut old, _) = old.map_err(|e| e.to_string())?;
            let (mut new, _) = new.map_err(|e| e.to_string())?;
            old.set_format(args.input_format.forced());
            new.set_format(args.input_format.forced());
            let (old_models, new_models) =
                rayon::join(|| build_models(&old), || build_models(&new));
            let mut changes = Vec::new();
            let single = old_models.len() == 1 && new_models.len() == 1;
            for n in &new_models {
                let o = old_models
                    .iter()
                    .find(|o| o.version == n.version)
                    .or(if single { old_models.first() } else { None });
                match o {
                    Some(o) => changes.extend(crate::drift::diff_models(o, n, &config)),
                    None => eprintln!("note: version `{}` is only on the new side", n.version),
                }
            }
            for o in &old_models {
                if !single && !new_models.iter().any(|n| n.version == o.version) {
                    eprintln!("note: version `{}` is only on the old side", o.version);
                }
            }
            changes.sort();
            let prefix = |spec: &str| {
                if spec.starts_with("git:") {
                    format!("{}/", spec.trim_end_matches('/'))
                } else {
                    display_prefix(&[PathBuf::from(spec)])
                }
            };
            print!(
                "{}",
                crate::drift::render(
                    &changes,
                    args.format,
                    &prefix(&args.old),
                    &prefix(&args.new)
                )
            );
            Ok(if args.fail_on.fails(&changes) {
                EXIT_FINDINGS
            } else {
                EXIT_OK
            })
        }
        Command::Ir(args) => {
            let paths = docs_paths(defaults, &args.docs);
            let (docs, load_diags) = load(&paths, args.docs.input_format)?;
            let mut models = build_models(&docs);
            if let Some(first) = models.first_mut() {
                first.diagnostics.extend(load_diags);
                first.diagnostics.sort();
            }
            if args.summary {
                eprint!("{}", Summary::of(&models).render());
            }
            let written = match &args.output {
                Some(path) => std::fs::File::create(path)
                    .and_then(|file| {
                        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
                        crate::ir::json::write_json(&models, &mut out)?;
                        std::io::Write::flush(&mut out)
                    })
                    .map_err(|e| format!("{}: {e}", path.display())),
                None => {
                    let mut out =
                        std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
                    match crate::ir::json::write_json(&models, &mut out)
                        .and_then(|()| std::io::Write::flush(&mut out))
                    {
                        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
                        _ => Ok(()),
                    }
                }
            };
            written?;
            Ok(EXIT_OK)
        }
    }
}
