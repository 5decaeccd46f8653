//! Arguments, file reading and exit statuses.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use sagelint::baseline::{self, Baseline};
use sagelint::config::{Config, ConfigError};
use sagelint::input::{self, ReadError};
use sagelint::render::{self, FileResult};
use sagelint::{discover, parse, rules, Diagnostic, Format, Severity, SourceFile};

const AFTER_HELP: &str = "\
Exit status:
  0  no diagnostic at or above --fail-on (default: error), or --exit-zero
  1  at least one diagnostic at or above --fail-on
  2  usage error, invalid configuration, or a file that could not be read or
     was over --max-file-size (named on stderr; the other files are still checked)
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
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. A directory is walked for
    /// .json/.yaml/.yml files that are training job specs; a file named here is always checked.
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
    /// Larger files are not read (exit status 2): bytes, or with a unit (512KiB, 16MiB, 1GiB).
    /// Default: `max-file-size` in the configuration, else 16MiB.
    #[arg(long, value_name = "SIZE", value_parser = input::parse_size)]
    max_file_size: Option<u64>,
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
                    "{:<6} {:<36} {:<8} {}\n",
                    r.code, r.name, r.severity, r.summary
                ));
            }
        }
        RulesFormat::Markdown => out.push_str(&rules::markdown_table()),
    }
    out
}

fn check(args: CheckArgs) -> ExitCode {
    let mut configs = match Configs::new(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return config_error(&e),
    };
    let mut results = Vec::new();
    // Paths that could not be checked (reported on stderr; the exit status is 2).
    let mut failed = 0usize;
    // Files whose check hit an internal error (a bug): reported, and the exit status is 3.
    let mut crashed = 0usize;
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let limit = match configs.limit(Path::new("-"), args.max_file_size) {
                Ok(l) => l,
                Err(e) => return config_error(&e),
            };
            match read_stdin(args.stdin_filename.as_deref(), limit) {
                Ok(source) => {
                    let name = PathBuf::from(&source.name);
                    let shown = source.name.clone();
                    match guarded(&shown, || configs.lint(&name, source)) {
                        Some(Ok(r)) => results.push(r),
                        Some(Err(e)) => return config_error(&e),
                        None => crashed += 1,
                    }
                }
                Err(e) => {
                    eprintln!("sagelint: {}", e.report("standard input"));
                    failed += 1;
                }
            }
        } else if path.is_dir() {
            let (files, errors) = discover::walk(path);
            for (p, e) in errors {
                eprintln!(
                    "sagelint: {}: {}",
                    render::sanitize(&display_name(&p)),
                    render::sanitize(&e)
                );
                failed += 1;
            }
            for file in files {
                match configs.walk_includes(&file) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => return config_error(&e),
                }
                let limit = match configs.limit(&file, args.max_file_size) {
                    Ok(l) => l,
                    Err(e) => return config_error(&e),
                };
                crate::crash::fault("vanish", &file);
                match read_file(&file, limit) {
                    Ok(source) => {
                        let shown = source.name.clone();
                        let checked = guarded(&shown, || {
                            let parsed = parse::parse(&source);
                            if !discover::should_check(&source, &parsed) {
                                return Ok(None);
                            }
                            configs.lint_parsed(&file, source, parsed).map(Some)
                        });
                        match checked {
                            Some(Ok(Some(r))) => results.push(r),
                            Some(Ok(None)) => {}
                            Some(Err(e)) => return config_error(&e),
                            None => crashed += 1,
                        }
                    }
                    Err(e) => {
                        report_unreadable(&file, &e);
                        failed += 1;
                    }
                }
            }
        } else {
            let limit = match configs.limit(path, args.max_file_size) {
                Ok(l) => l,
                Err(e) => return config_error(&e),
            };
            match read_file(path, limit) {
                Ok(source) => {
                    let shown = source.name.clone();
                    match guarded(&shown, || configs.lint(path, source)) {
                        Some(Ok(r)) => results.push(r),
                        Some(Err(e)) => return config_error(&e),
                        None => crashed += 1,
                    }
                }
                Err(e) => {
                    report_unreadable(path, &e);
                    failed += 1;
                }
            }
        }
    }
    results.extend(configs.unused_suppressions());

    if let Some(path) = &args.write_baseline {
        return match baseline::write(path, &results) {
            Ok(n) => {
                eprintln!(
                    "sagelint: recorded {n} findings in {}",
                    render::sanitize(&path.display().to_string())
                );
                ExitCode::from(if crashed > 0 {
                    crate::crash::EXIT_INTERNAL_ERROR
                } else if failed > 0 {
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
    let mut hidden = 0;
    if let Some(path) = &args.baseline {
        match Baseline::load(path) {
            Ok(b) => hidden = b.filter(&mut results),
            Err(e) => {
                eprintln!(
                    "sagelint: {}: {}",
                    render::sanitize(&path.display().to_string()),
                    render::sanitize(&e)
                );
                return ExitCode::from(2);
            }
        }
    }

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    match args.format {
        OutputFormat::Human => {
            let mut text = render::human::render(&results, color);
            if !args.quiet {
                text.push_str(&render::human::summary_line(&results));
                if hidden > 0 {
                    text.push_str(&format!(
                        "{hidden} known findings hidden by the baseline.\n"
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
            }
            print(&text);
        }
        OutputFormat::Concise => print(&render::concise::render(&results)),
        OutputFormat::Json => print(&render::json::render(&results)),
        OutputFormat::Sarif => print(&render::sarif::render(&results)),
        OutputFormat::Github => print(&render::github::render(&results)),
    }

    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let failing = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity.rank() >= threshold.rank());
    ExitCode::from(if crashed > 0 {
        crate::crash::EXIT_INTERNAL_ERROR
    } else if failed > 0 {
        2
    } else if failing && !args.exit_zero {
        1
    } else {
        0
    })
}

fn config_error(e: &ConfigError) -> ExitCode {
    eprintln!(
        "sagelint: invalid configuration: {}",
        render::sanitize(&e.to_string())
    );
    ExitCode::from(2)
}

/// The configuration of each checked file (one given with `--config`, or the nearest one,
/// discovered once per directory), and which `[[suppress]]` entries were used.
struct Configs {
    explicit: Option<Arc<Config>>,
    by_dir: HashMap<PathBuf, Arc<Config>>,
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
            suppressions: HashMap::new(),
        })
    }

    fn for_file(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = &self.explicit {
            return Ok(Arc::clone(c));
        }
        let dir = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        if let Some(c) = self.by_dir.get(&dir) {
            return Ok(Arc::clone(c));
        }
        let config = Arc::new(Config::discover(&dir)?.unwrap_or_default());
        self.by_dir.insert(dir, Arc::clone(&config));
        Ok(config)
    }

    /// The size limit for a file: `--max-file-size`, else its configuration's, else the default.
    fn limit(&mut self, path: &Path, flag: Option<u64>) -> Result<u64, ConfigError> {
        Ok(match flag {
            Some(limit) => limit,
            None => self
                .for_file(path)?
                .max_file_size
                .unwrap_or(input::DEFAULT_MAX_FILE_SIZE),
        })
    }

    fn walk_includes(&mut self, path: &Path) -> Result<bool, ConfigError> {
        Ok(self.for_file(path)?.walks_into(path))
    }

    fn lint(&mut self, path: &Path, source: SourceFile) -> Result<FileResult, ConfigError> {
        let parsed = parse::parse(&source);
        self.lint_parsed(path, source, parsed)
    }

    fn lint_parsed(
        &mut self,
        path: &Path,
        source: SourceFile,
        parsed: parse::Parsed,
    ) -> Result<FileResult, ConfigError> {
        crate::crash::fault("panic", path);
        let config = self.for_file(path)?;
        let checked = sagelint::check::check_parsed_full(&source, parsed);
        let mut diagnostics = checked.diagnostics;
        // Before the configuration drops any finding: a secret stays masked in every source line
        // shown, even when its own diagnostic is disabled, suppressed or in the baseline.
        let source = render::without_secrets(source, &checked.secrets);
        let used = config.apply(path, &mut diagnostics);
        if let Some(file) = config
            .source
            .as_ref()
            .filter(|_| !config.suppressions.is_empty())
        {
            let entry = self
                .suppressions
                .entry(PathBuf::from(&file.name))
                .or_insert_with(|| SuppressionUse {
                    config: Arc::clone(&config),
                    about_checked: BTreeSet::new(),
                    used: BTreeSet::new(),
                });
            entry.about_checked.extend(config.suppressions_for(path));
            entry.used.extend(used);
        }
        Ok(FileResult {
            source,
            diagnostics,
        })
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

/// Run one file's check. A panic in it (a bug) is reported for that file and gives `None`;
/// the run goes on with the other files and ends with [`crate::crash::EXIT_INTERNAL_ERROR`].
fn guarded<T>(name: &str, check: impl FnOnce() -> T) -> Option<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)) {
        Ok(value) => Some(value),
        Err(payload) => {
            crate::crash::report(Some(name), payload.as_ref());
            None
        }
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
