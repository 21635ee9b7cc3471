//! The command line, shared by the `graph-docs-codegen` binary and
//! `cargo xtask` (which only changes the defaults): the clap types here, one
//! function per subcommand in [`commands`], what they share in [`shared`].

mod commands;
mod metadata;
mod shared;

pub use metadata::{MetadataArgs, MetadataSpec};

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
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
    /// The old docs: a folder, a file, or `git:REV:PATH`; or the service's metadata, a `.xml` file.
    old: String,
    /// The new docs: a folder, a file, or `git:REV:PATH`; or the service's metadata, a `.xml` file.
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: DriftFormatArg,
    /// The mildest severity that makes the run exit 1.
    #[arg(long, value_enum, default_value = "breaking")]
    fail_on: FailOnArg,
    /// Drift config (YAML): severity overrides, beta policy, ignored changes.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The format of both sides' pages.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormatArg,
    /// The API version of a side without version folders, for both sides (default: the one most of its example URLs name; for a metadata file, the version its name starts with, `v1.0-2022-01-21.xml`, else `default`).
    #[arg(long, value_name = "VERSION", value_parser = parse_api_version)]
    api_version: Option<String>,
    /// `--api-version` for the old side only.
    #[arg(long, value_name = "VERSION", value_parser = parse_api_version)]
    old_api_version: Option<String>,
    /// `--api-version` for the new side only.
    #[arg(long, value_name = "VERSION", value_parser = parse_api_version)]
    new_api_version: Option<String>,
    /// Types both docs sides from this metadata (without `VERSION=`, the version its file name starts with), so the drift is of the typed models.
    #[command(flatten)]
    metadata: MetadataArgs,
}

/// `todos --format`: how the report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// For people in a terminal.
    Text,
    /// For a pull-request comment.
    Markdown,
    /// For tools.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

impl From<FormatArg> for crate::report::todos::Format {
    fn from(format: FormatArg) -> Self {
        use crate::report::todos::Format;
        match format {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
        }
    }
}

/// `drift --format`: the report formats, and the two only changes have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DriftFormatArg {
    /// For people in a terminal.
    Text,
    /// For a pull-request comment.
    Markdown,
    /// For tools.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// Markdown release notes: breaking changes first, then by area (added, changed, removed).
    Changelog,
    /// JUnit XML for CI dashboards: a suite per rule, a test case per change, failures where `--fail-on` fails.
    Junit,
}

impl DriftFormatArg {
    /// The drift format; JUnit's failures are the changes `fail_on` fails on.
    pub fn with_fail_on(self, fail_on: crate::drift::FailOn) -> crate::drift::Format {
        use crate::drift::Format;
        match self {
            DriftFormatArg::Text => Format::Text,
            DriftFormatArg::Markdown => Format::Markdown,
            DriftFormatArg::Json => Format::Json,
            DriftFormatArg::Github => Format::Github,
            DriftFormatArg::Changelog => Format::Changelog,
            DriftFormatArg::Junit => Format::Junit { fail_on },
        }
    }
}

/// `--fail-on`: which severity of drift makes the run fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOnArg {
    /// Fail on breaking changes.
    Breaking,
    /// Fail on warnings and breaking changes.
    Warning,
    /// Fail on any change.
    Info,
    /// Never fail on changes.
    Never,
}

impl From<FailOnArg> for crate::drift::FailOn {
    fn from(fail_on: FailOnArg) -> Self {
        use crate::drift::FailOn;
        match fail_on {
            FailOnArg::Breaking => FailOn::Breaking,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// Reads `--api-version`: a version name, as a version folder would be named.
fn parse_api_version(name: &str) -> Result<String, String> {
    if crate::source::is_version_name(name) {
        Ok(name.to_owned())
    } else {
        Err(format!(
            "`{name}` is not an API version name: use one like `v1.0` or `beta`"
        ))
    }
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
    format: FormatArg,
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
    /// The API version of a docs tree without version folders (default: the one most of its example URLs name).
    #[arg(long, value_name = "VERSION", value_parser = parse_api_version)]
    pub api_version: Option<String>,
}

/// Which endpoints to generate (`regen`, `check`, `ir`): Kiota's flags.
#[derive(Debug, Args)]
pub struct SubsetArgs {
    /// Keep only the endpoints whose path template matches one of these globs (repeatable): `*` is one segment, `**` any number, `{id}` any parameter, `#GET,PATCH` after it only those methods; e.g. `/me/messages/**`.
    #[arg(long, value_name = "GLOB")]
    pub include_path: Vec<String>,
    /// Leave out the endpoints whose path template matches one of these globs (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude_path: Vec<String>,
}

impl SubsetArgs {
    /// The models cut down to the endpoints the flags keep and the types
    /// and enums they reach; the models themselves without any flag.
    fn apply(&self, models: Vec<crate::ir::Model>) -> Result<Vec<crate::ir::Model>, String> {
        use crate::ir::subset::{subset_all, PathFilter};
        let filter = PathFilter::new(&self.include_path, &self.exclude_path)?;
        if filter.is_empty() {
            return Ok(models);
        }
        let subset = subset_all(&models, &filter).map_err(|e| e.to_string())?;
        let count = |ms: &[crate::ir::Model], f: fn(&crate::ir::Model) -> usize| {
            ms.iter().map(f).sum::<usize>()
        };
        eprintln!(
            "subset: {} of {} endpoints, {} of {} types, {} of {} enums",
            count(&subset, |m| m.endpoints.len()),
            count(&models, |m| m.endpoints.len()),
            count(&subset, |m| m.types.len()),
            count(&models, |m| m.types.len()),
            count(&subset, |m| m.enums.len()),
            count(&models, |m| m.enums.len()),
        );
        Ok(subset)
    }
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

/// What `regen` and `check` share: where the docs and the crate are.
#[derive(Debug, Args)]
pub struct CrateArgs {
    #[command(flatten)]
    docs: DocsArgs,
    #[command(flatten)]
    subset: SubsetArgs,
    #[command(flatten)]
    metadata: MetadataArgs,
    /// Output crate folder.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Package name of the generated crate.
    #[arg(long, default_value = "graph-model")]
    crate_name: String,
    /// For benchmarks: `derive` writes the model structs with serde's derive,
    /// the baseline the read benchmark compares the crate's own impls with.
    #[arg(long, value_enum, default_value = "generated", value_name = "KIND")]
    serde_impls: SerdeImplsArg,
    /// For benchmarks: also write `benches/read_<version>.rs`, timing every
    /// concrete response example read with this crate and with the derive
    /// copies it expects at `../derive` (`--serde-impls derive --crate-name
    /// graph-model-derive`) and `../derive-drop` (`--serde-impls
    /// derive-drop-unknown --crate-name graph-model-derive-drop`).
    #[arg(long)]
    read_bench: bool,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

/// `--serde-impls`: how the model structs read and write JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum SerdeImplsArg {
    /// The crate's own impls (what it ships).
    Generated,
    /// serde's derive, keeping members the docs do not list (`flatten`).
    Derive,
    /// serde's derive, dropping members the docs do not list.
    DeriveDropUnknown,
}

impl From<SerdeImplsArg> for crate::emit::SerdeImpls {
    fn from(arg: SerdeImplsArg) -> Self {
        match arg {
            SerdeImplsArg::Generated => crate::emit::SerdeImpls::Generated,
            SerdeImplsArg::Derive => crate::emit::SerdeImpls::Derive,
            SerdeImplsArg::DeriveDropUnknown => crate::emit::SerdeImpls::DeriveDroppingUnknown,
        }
    }
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
    /// With `--metadata`: fail when the docs and the metadata disagree in more than N places (the drift config's ignores do not count).
    #[arg(long, value_name = "N", requires = "metadata")]
    max_disagreements: Option<usize>,
}

/// `ir` arguments.
#[derive(Debug, Args)]
pub struct IrArgs {
    #[command(flatten)]
    docs: DocsArgs,
    #[command(flatten)]
    subset: SubsetArgs,
    #[command(flatten)]
    metadata: MetadataArgs,
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
    let result = match &cli.command {
        Command::Regen(args) => commands::regen(defaults, args),
        Command::Check(args) => commands::check(defaults, args),
        Command::Ir(args) => commands::ir(defaults, args),
        Command::Todos(args) => commands::todos(defaults, args),
        Command::Drift(args) => commands::drift(defaults, args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
