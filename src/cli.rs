//! Arguments, file reading and exit statuses.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use sagelint::baseline::{self, Baseline};
use sagelint::check::Options;
use sagelint::config::{Config, ConfigError};
use sagelint::discover::{self, DocumentKind};
use sagelint::input::{self, ReadError};
use sagelint::render::{self, FileResult};
use sagelint::{parse, rules, Diagnostic, Format, Severity, SourceFile};

const AFTER_HELP: &str = "\
Exit status:
  0  no diagnostic at or above --fail-on (default: error), or --exit-zero
  1  at least one diagnostic at or above --fail-on
  2  usage error, invalid configuration, or a file that could not be read or
     was over --max-file-size (named on stderr; the other files are still checked),
     or with --fail-on-empty a directory without a training job request
  3  internal error: a bug in sagelint (reported on stderr; please report it)

Examples:
  sagelint check train.json             check one request
  sagelint check specs/                 check every training job spec under specs/
  cat job.yaml | sagelint check - --stdin-filename job.yaml
  sagelint explain SL501                what a rule checks and why";

#[derive(Parser)]
#[command(
    name = "sagelint",
    version,
    about = "Lint Amazon SageMaker CreateTrainingJob request specs (JSON or YAML) before AWS sees them",
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check request files, and directories for the training job specs in them.
    #[command(after_help = AFTER_HELP)]
    Check(CheckArgs),
    /// List every rule: code, name, default severity and summary.
    Rules {
        /// `text` for a table, `markdown` for the README's rule table.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Print the documentation of a rule, by code (SL501) or name (volume-kms-on-local-storage).
    Explain {
        /// Rule code or name.
        rule: String,
    },
    /// Run the language server (LSP over stdio) for editors: diagnostics, quick fixes, hover,
    /// completion. See the README's "Editor integration".
    Lsp,
    /// Print the JSON Schema of a CreateTrainingJob request (generated from the AWS service
    /// model), for editors' JSON and YAML language servers.
    Schema,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. A directory is walked for
    /// .json/.yaml/.yml files that are training job specs; a file named here is checked, unless
    /// neither its extension nor its content is JSON or YAML (then it is skipped with a note).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Print diagnostics only: no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Name (and so format, by extension) of the document read from `-`.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Configuration file to use instead of the nearest sagelint.toml, .sagelint.toml or
    /// pyproject.toml [tool.sagelint] above each checked file.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Exit 0 even when diagnostics are found (2 still reports unreadable files or bad config).
    #[arg(long)]
    exit_zero: bool,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Exit 2 when a directory named finds no training job request (by default this is only
    /// said on stderr): a CI gate whose specs moved or were renamed fails instead of passing.
    #[arg(long)]
    fail_on_empty: bool,
    /// Larger files are not read (exit status 2): bytes, or with a unit (512KiB, 16MiB, 1GiB).
    /// Default: `max-file-size` in the configuration, else 16MiB.
    #[arg(long, value_name = "SIZE", value_parser = input::parse_size)]
    max_file_size: Option<u64>,
    /// Apply the configuration's `exclude` globs to files named on the command line (and to
    /// `--stdin-filename`) too, as they are to a directory walk: for pre-commit and editors,
    /// which pass every matching file.
    #[arg(long)]
    force_exclude: bool,
    /// Check a file named on the command line only if it is a training job request, as a
    /// directory walk does: other JSON and YAML (a `package.json`) is skipped silently instead
    /// of getting an SL005 `not-a-request` diagnostic. For pre-commit.
    #[arg(long)]
    requests_only: bool,
    /// What the files are, instead of telling by content (or by the configuration's `[kind]`):
    /// request, state-machine, cloudformation, pipeline, describe, tuning, definition or kubernetes.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    kind: Option<DocumentKind>,
}

fn parse_kind(name: &str) -> Result<DocumentKind, String> {
    DocumentKind::from_name(name).ok_or_else(|| {
        format!(
            "unknown kind `{name}`: expected one of {}",
            sagelint::config::kind_names()
        )
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Graphical reports with source snippets.
    Human,
    /// One line per diagnostic: path:line:col: severity[ID] message.
    Concise,
    /// The stable JSON contract (see README).
    Json,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
enum FailOn {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // Usage errors quote the arguments: no control character is printed raw.
            eprint!("{}", render::sanitize(&e.to_string()));
            return ExitCode::from(2);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Lsp => sagelint::lsp::run(),
        Command::Schema => {
            print(sagelint::schema::SCHEMA_TEXT);
            ExitCode::SUCCESS
        }
        Command::Rules { format } => {
            print(&rules_table(format));
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match rules::find(&rule) {
            Some(r) => {
                print(r.doc);
                ExitCode::SUCCESS
            }
            None => {
                let names = rules::RULES.iter().flat_map(|r| [r.code, r.name]);
                let hint = sagelint::suggest::closest(&rule, names)
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                eprintln!(
                    "sagelint: no rule `{}`{hint}; `sagelint rules` lists them",
                    render::sanitize(&rule)
                );
                ExitCode::from(2)
            }
        },
    }
}

fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`sagelint rules | head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn rules_table(format: RulesFormat) -> String {
    let mut out = String::new();
    match format {
        RulesFormat::Text => {
            for r in rules::RULES.iter() {
                out.push_str(&format!(
                    "{:<6} {:<36} {:<8} {}{}\n",
                    r.code,
                    r.name,
                    r.severity,
                    if r.opt_in() { "(opt-in) " } else { "" },
                    r.summary
                ));
            }
        }
        RulesFormat::Markdown => out.push_str(&rules::markdown_table()),
    }
    out
}

/// Files checked per parallel batch: both cores stay busy, and only one batch's results (with
/// their output already formatted, the source text dropped) are held at a time.
const CHUNK: usize = 256;

fn check(args: CheckArgs) -> ExitCode {
    let mut configs = match Configs::new(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return config_error(&e),
    };
    // Paths that could not be checked (reported on stderr; the exit status is 2).
    let mut failed = 0usize;
    // Files whose check hit an internal error (a bug): reported, and the exit status is 3.
    let mut crashed = 0usize;
    // What to check, in output order, each with its configuration (discovered before any
    // output, so that an invalid configuration stops the run before it prints anything).
    let mut jobs = Vec::new();
    // The directories named, and whether a walk of each found a request (or a file it could
    // not read or check, which is reported already).
    let mut walks: Vec<(PathBuf, bool)> = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let name = PathBuf::from(args.stdin_filename.as_deref().unwrap_or("<stdin>"));
            let config = match configs.for_file(&name) {
                Ok(config) => config,
                Err(e) => return config_error(&e),
            };
            if args.force_exclude && args.stdin_filename.is_some() && config.excludes(&name) {
                continue;
            }
            let limit = size_limit(&config, args.max_file_size);
            match read_stdin(args.stdin_filename.as_deref(), limit) {
                Ok(source) => jobs.push(Job {
                    path: name,
                    stdin: Some(source),
                    walked: None,
                    sniffed: false,
                    requests_only: args.requests_only,
                    limit,
                    config,
                }),
                Err(e) => {
                    eprintln!("sagelint: {}", e.report("standard input"));
                    failed += 1;
                }
            }
        } else if path.is_dir() {
            let walk = walks.len();
            let (files, errors) = discover::walk(path);
            walks.push((path.clone(), !errors.is_empty()));
            for (p, e) in errors {
                eprintln!(
                    "sagelint: {}: {}",
                    render::sanitize(&display_name(&p)),
                    render::sanitize(&e)
                );
                failed += 1;
            }
            for file in files {
                let config = match configs.for_file(&file) {
                    Ok(c) => c,
                    Err(e) => return config_error(&e),
                };
                if config.walks_into(&file) {
                    jobs.push(Job {
                        path: file,
                        stdin: None,
                        walked: Some(walk),
                        sniffed: false,
                        requests_only: false,
                        limit: size_limit(&config, args.max_file_size),
                        config,
                    });
                }
            }
        } else {
            match configs.for_file(path) {
                Ok(config) if args.force_exclude && config.excludes(path) => {}
                Ok(config) => jobs.push(Job {
                    path: path.clone(),
                    stdin: None,
                    walked: None,
                    sniffed: !named_like_a_spec(path),
                    requests_only: args.requests_only,
                    limit: size_limit(&config, args.max_file_size),
                    config,
                }),
                Err(e) => return config_error(&e),
            }
        }
    }

    let baseline = match &args.baseline {
        Some(path) => match Baseline::load(path) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!(
                    "sagelint: {}: {}",
                    render::sanitize(&path.display().to_string()),
                    render::sanitize(&e)
                );
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let output = match args.format {
        OutputFormat::Human => render::Output::Human { color },
        OutputFormat::Concise => render::Output::Concise,
        OutputFormat::Json => render::Output::Json,
        OutputFormat::Sarif => render::Output::Sarif,
        OutputFormat::Github => render::Output::Github,
    };
    let run = Run {
        // Writing a baseline prints no findings.
        output: args.write_baseline.is_none().then_some(output),
        baseline: baseline.as_ref(),
        recording: args.write_baseline.is_some(),
        threshold: match args.fail_on {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        },
        kind: args.kind,
    };

    // Check in parallel batches; each file's output is written as soon as its turn comes, so
    // the output is in the same order whatever the scheduling.
    let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut writer = run.output.map(|o| render::Writer::start(o, stdout));
    let mut totals = Totals::default();
    for chunk in jobs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = if chunk.len() == 1 {
            chunk.iter().map(|job| run.check_file(job)).collect()
        } else {
            chunk.par_iter().map(|job| run.check_file(job)).collect()
        };
        for (job, outcome) in chunk.iter().zip(outcomes) {
            if let (Some(walk), false) = (job.walked, matches!(outcome, Outcome::Skipped)) {
                if let Some((_, found)) = walks.get_mut(walk) {
                    *found = true;
                }
            }
            match outcome {
                Outcome::Unreadable(e) => {
                    report_unreadable(&job.path, &e);
                    failed += 1;
                }
                Outcome::Crashed(report) => {
                    eprint!("{report}");
                    crashed += 1;
                }
                Outcome::Skipped => {}
                Outcome::NotJsonOrYaml => eprintln!(
                    "sagelint: {}: skipped: neither its extension nor its content is JSON or YAML",
                    render::sanitize(&display_name(&job.path))
                ),
                Outcome::Checked(checked, suppressions) => {
                    if let Some(s) = suppressions {
                        configs.record(s);
                    }
                    totals.add(checked, writer.as_mut());
                }
            }
        }
    }
    for result in configs.unused_suppressions() {
        totals.add(run.finish(result), writer.as_mut());
    }
    // A walk that found nothing to check says so, whatever the format (on stderr, like an
    // unreadable file): a wrong directory or renamed specs must not pass unnoticed.
    let mut empty = 0usize;
    for (dir, _) in walks.iter().filter(|(_, found)| !found) {
        eprintln!(
            "sagelint: no training job requests found under {}",
            render::sanitize(&display_name(dir))
        );
        empty += 1;
    }
    let empty_fails = args.fail_on_empty && empty > 0;

    if let Some(path) = &args.write_baseline {
        return match baseline::write_entries(path, totals.recorded) {
            Ok(n) => {
                eprintln!(
                    "sagelint: recorded {n} findings in {}",
                    render::sanitize(&path.display().to_string())
                );
                ExitCode::from(if crashed > 0 {
                    crate::crash::EXIT_INTERNAL_ERROR
                } else if failed > 0 || empty_fails {
                    2
                } else {
                    0
                })
            }
            Err(e) => {
                eprintln!(
                    "sagelint: {}: {}",
                    render::sanitize(&path.display().to_string()),
                    render::sanitize(&e.to_string())
                );
                ExitCode::from(2)
            }
        };
    }
    if let Some(writer) = writer {
        let (mut out, summary) = writer.finish();
        if matches!(args.format, OutputFormat::Human) && !args.quiet {
            // Nothing is "passed" when a path could not be checked: the summary then only counts.
            let mut text = if failed + crashed > 0 {
                render::human::summary_text_incomplete(summary)
            } else {
                render::human::summary_text(summary)
            };
            if totals.hidden > 0 {
                text.push_str(&format!(
                    "{} known findings hidden by the baseline.\n",
                    totals.hidden
                ));
            }
            if failed > 0 {
                text.push_str(&format!(
                    "{failed} path{} could not be checked (see the messages above).\n",
                    if failed == 1 { "" } else { "s" }
                ));
            }
            if crashed > 0 {
                text.push_str(&format!(
                    "{crashed} file{} could not be checked: internal error (see above).\n",
                    if crashed == 1 { "" } else { "s" }
                ));
            }
            // A closed pipe (`sagelint check | head`) is not an error worth a panic.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
        }
    }
    ExitCode::from(if crashed > 0 {
        crate::crash::EXIT_INTERNAL_ERROR
    } else if failed > 0 || empty_fails {
        2
    } else if totals.failing && !args.exit_zero {
        1
    } else {
        0
    })
}

/// One file to check: its path (as named, or as the walk found it; for standard input, the
/// `--stdin-filename`), its text when it came from standard input, and its configuration.
struct Job {
    path: PathBuf,
    stdin: Option<SourceFile>,
    /// Found by the walk of the directory at this index (of the walks): checked only if it is
    /// a training job request.
    walked: Option<usize>,
    /// Named explicitly, with an extension that does not say JSON or YAML (`Cargo.toml`,
    /// `README.md`, `job.txt`): checked only if its content is a JSON or YAML object.
    sniffed: bool,
    /// `--requests-only`: named, but checked only if it holds a request, as a walk does.
    requests_only: bool,
    /// The largest file read, in bytes.
    limit: u64,
    config: Arc<Config>,
}

/// The size limit for a file: `--max-file-size`, else its configuration's, else the default.
fn size_limit(config: &Config, flag: Option<u64>) -> u64 {
    flag.or(config.max_file_size)
        .unwrap_or(input::DEFAULT_MAX_FILE_SIZE)
}

/// What happened to one file.
enum Outcome {
    Unreadable(ReadError),
    /// An internal error (a bug) while checking it: the report to print.
    Crashed(String),
    /// A walked file that is not a training job request.
    Skipped,
    /// A file named explicitly whose name and content are not JSON or YAML: a note, no check.
    NotJsonOrYaml,
    Checked(Checked, Option<SuppressionReport>),
}

/// One checked file, reduced to what the run still needs once its source is dropped.
struct Checked {
    /// Its part of the output, already formatted.
    part: String,
    summary: render::Summary,
    hidden: usize,
    failing: bool,
    recorded: Vec<baseline::Entry>,
}

/// What one file did with its configuration's `[[suppress]]` entries.
struct SuppressionReport {
    config: Arc<Config>,
    about_checked: Vec<usize>,
    used: Vec<usize>,
}

/// The settings every file is checked and reported with (shared by the worker threads).
struct Run<'a> {
    /// `None` when nothing is printed (writing a baseline).
    output: Option<render::Output>,
    baseline: Option<&'a Baseline>,
    /// Writing a baseline: keep every finding's entry.
    recording: bool,
    threshold: Severity,
    /// `--kind`: what every file is.
    kind: Option<DocumentKind>,
}

impl Run<'_> {
    /// Read, parse and check one file, and format its output (on a worker thread). A panic
    /// in it (a bug) is reported for that file; the run goes on with the other files and ends
    /// with [`crate::crash::EXIT_INTERNAL_ERROR`].
    fn check_file(&self, job: &Job) -> Outcome {
        crate::crash::fault("vanish", &job.path);
        let source =
            match &job.stdin {
                Some(source) => source.clone(),
                None => match read_file(&job.path, job.limit) {
                    Ok(source) => source,
                    Err(
                        ReadError::Binary { .. } | ReadError::NotUtf8 { .. } | ReadError::Utf16,
                    ) if job.sniffed => return Outcome::NotJsonOrYaml,
                    Err(e) => return Outcome::Unreadable(e),
                },
            };
        let name = source.name.clone();
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.check_source(job, source)
        }));
        checked.unwrap_or_else(|payload| {
            Outcome::Crashed(crate::crash::report(Some(&name), payload.as_ref()))
        })
    }

    fn check_source(&self, job: &Job, source: SourceFile) -> Outcome {
        crate::crash::fault("panic", &job.path);
        let parsed = parse::parse(&source);
        if job.sniffed && !json_or_yaml_object(&parsed) {
            return Outcome::NotJsonOrYaml;
        }
        let options = Options {
            kind: self.kind.or_else(|| job.config.kind_for(&job.path)),
            walked: job.walked.is_some() || job.requests_only,
            responses: false,
            policy: &job.config.policy,
        };
        let Some(checked) = sagelint::check::check_document(&source, parsed, options) else {
            return Outcome::Skipped;
        };
        let mut diagnostics = checked.diagnostics;
        // Before the configuration drops any finding: a secret stays masked in every source
        // line shown, even when its own diagnostic is disabled, suppressed or in the baseline.
        let source = render::without_secrets(source, &checked.secrets);
        let used = job.config.apply(&job.path, &mut diagnostics);
        let suppressions = (job.config.source.is_some() && !job.config.suppressions.is_empty())
            .then(|| SuppressionReport {
                config: Arc::clone(&job.config),
                about_checked: job.config.suppressions_for(&job.path),
                used,
            });
        let checked = self.finish(FileResult {
            source,
            diagnostics,
        });
        Outcome::Checked(checked, suppressions)
    }

    /// Apply the baseline, and keep what the run needs of a file's result.
    fn finish(&self, mut result: FileResult) -> Checked {
        let hidden = self
            .baseline
            .map_or(0, |b| b.filter(std::slice::from_mut(&mut result)));
        Checked {
            part: self
                .output
                .map(|o| render::part(o, &result))
                .unwrap_or_default(),
            summary: render::Summary::of(std::slice::from_ref(&result)),
            hidden,
            failing: result
                .diagnostics
                .iter()
                .any(|d| d.severity.rank() >= self.threshold.rank()),
            recorded: if self.recording {
                baseline::entries(&result)
            } else {
                Vec::new()
            },
        }
    }
}

/// What the run has found so far.
#[derive(Default)]
struct Totals {
    hidden: usize,
    failing: bool,
    recorded: Vec<baseline::Entry>,
}

impl Totals {
    fn add<W: Write>(&mut self, checked: Checked, writer: Option<&mut render::Writer<W>>) {
        if let Some(w) = writer {
            w.part(&checked.part, checked.summary);
        }
        self.hidden += checked.hidden;
        self.failing |= checked.failing;
        self.recorded.extend(checked.recorded);
    }
}

fn config_error(e: &ConfigError) -> ExitCode {
    eprintln!(
        "sagelint: invalid configuration: {}",
        render::sanitize(&e.to_string())
    );
    ExitCode::from(2)
}

/// Whether a file's name says it is JSON or YAML (`.json`, `.yaml`, `.yml`; `.asl.json` state
/// machines among them), or a CloudFormation template (`.template`, JSON or YAML by content):
/// named explicitly, it is checked whatever it holds.
fn named_like_a_spec(path: &Path) -> bool {
    Format::from_path(path).is_some()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("template"))
}

/// Whether a file without a telling name parsed as a JSON or YAML object: a `README.md` that
/// happens to be a YAML string, or a `Cargo.toml` that is no YAML at all, is not checked.
fn json_or_yaml_object(parsed: &parse::Parsed) -> bool {
    parsed.errors.is_empty()
        && parsed
            .root
            .as_ref()
            .is_some_and(|r| matches!(r.value, sagelint::tree::Value::Object(_)))
}

/// The configuration of each checked file (one given with `--config`, or the nearest one,
/// discovered once per directory), and which `[[suppress]]` entries were used.
struct Configs {
    explicit: Option<Arc<Config>>,
    by_dir: HashMap<PathBuf, Arc<Config>>,
    /// The same, by directory as named on the command line or by the walk.
    by_named_dir: HashMap<PathBuf, Arc<Config>>,
    /// Per configuration file, how its `[[suppress]]` entries fared.
    suppressions: HashMap<PathBuf, SuppressionUse>,
}

/// Which `[[suppress]]` entries of one configuration were about a checked file, and which of
/// those suppressed something.
struct SuppressionUse {
    config: Arc<Config>,
    about_checked: BTreeSet<usize>,
    used: BTreeSet<usize>,
}

impl Configs {
    fn new(explicit: Option<&Path>) -> Result<Configs, ConfigError> {
        Ok(Configs {
            explicit: explicit.map(Config::load).transpose()?.map(Arc::new),
            by_dir: HashMap::new(),
            by_named_dir: HashMap::new(),
            suppressions: HashMap::new(),
        })
    }

    fn for_file(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = &self.explicit {
            return Ok(Arc::clone(c));
        }
        // A walk names thousands of files in a few directories: look the directory up as named
        // before making it absolute.
        let named = path.parent().map(Path::to_path_buf);
        if let Some(c) = named.as_ref().and_then(|d| self.by_named_dir.get(d)) {
            return Ok(Arc::clone(c));
        }
        let dir = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        let config = match self.by_dir.get(&dir) {
            Some(c) => Arc::clone(c),
            None => {
                let config = Arc::new(Config::discover(&dir)?.unwrap_or_default());
                self.by_dir.insert(dir, Arc::clone(&config));
                config
            }
        };
        if let Some(named) = named {
            self.by_named_dir.insert(named, Arc::clone(&config));
        }
        Ok(config)
    }

    /// Record which `[[suppress]]` entries a checked file was about, and which it used.
    fn record(&mut self, report: SuppressionReport) {
        let Some(file) = &report.config.source else {
            return;
        };
        let entry = self
            .suppressions
            .entry(PathBuf::from(&file.name))
            .or_insert_with(|| SuppressionUse {
                config: Arc::clone(&report.config),
                about_checked: BTreeSet::new(),
                used: BTreeSet::new(),
            });
        entry.about_checked.extend(report.about_checked);
        entry.used.extend(report.used);
    }

    /// Unused `[[suppress]]` entries, as diagnostics in their configuration files. Only entries
    /// about a file checked in this run can be known to be unused.
    fn unused_suppressions(&self) -> Vec<FileResult> {
        let rule = &rules::document::unused_suppression::RULE;
        let mut out = Vec::new();
        for SuppressionUse {
            config,
            about_checked,
            used,
        } in self.suppressions.values()
        {
            let Some(file) = &config.source else { continue };
            let diagnostics: Vec<_> = about_checked
                .difference(used)
                .map(|&i| {
                    let s = &config.suppressions[i];
                    Diagnostic {
                        rule,
                        severity: rule.severity,
                        message: format!(
                            "unused suppression: no {} finding{} in {}",
                            s.rule.code,
                            s.pointer
                                .as_ref()
                                .map(|p| format!(" at {p}"))
                                .unwrap_or_default(),
                            s.path.glob()
                        ),
                        help: Some("remove the [[suppress]] entry".into()),
                        pointer: String::new(),
                        span: s.span,
                        redact: false,
                        fix: None,
                        origin: None,
                    }
                })
                .collect();
            if !diagnostics.is_empty() {
                out.push(FileResult {
                    source: file.clone(),
                    diagnostics,
                });
            }
        }
        out.sort_by(|a, b| a.source.name.cmp(&b.source.name));
        out
    }
}

fn report_unreadable(path: &Path, e: &ReadError) {
    eprintln!(
        "sagelint: {}",
        e.report(&render::sanitize(&display_name(path)))
    );
}

/// Read a file as UTF-8 text (at most `limit` bytes), choosing the format by extension, else
/// by content.
fn read_file(path: &Path, limit: u64) -> Result<SourceFile, ReadError> {
    input::read_file(path, &display_name(path), limit)
}

/// How a file is named in the output: as the user named it, less a leading `./` (a walk of `.`
/// yields `./job.yaml`; GitHub annotations and baselines want `job.yaml`).
fn display_name(path: &Path) -> String {
    let mut components = path.components().peekable();
    while components.peek() == Some(&std::path::Component::CurDir) && components.clone().count() > 1
    {
        components.next();
    }
    components.collect::<PathBuf>().display().to_string()
}

fn read_stdin(name: Option<&str>, limit: u64) -> Result<SourceFile, ReadError> {
    let format = name.and_then(|n| Format::from_path(Path::new(n)));
    input::read_from(
        std::io::stdin().lock(),
        name.unwrap_or("<stdin>"),
        format,
        limit,
    )
}
