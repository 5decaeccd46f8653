//! Arguments, file reading and exit statuses.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use sagelint::baseline::{self, Baseline};
use sagelint::config::{Config, ConfigError};
use sagelint::render::{self, FileResult};
use sagelint::{discover, parse, rules, Diagnostic, Format, Severity, SourceFile};

const AFTER_HELP: &str = "\
Exit status:
  0  no diagnostic at or above --fail-on (default: error), or --exit-zero
  1  at least one diagnostic at or above --fail-on
  2  usage error, invalid configuration, or a file that could not be read
     (the other files are still checked)

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
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Lsp => sagelint::lsp::run(),
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
                eprintln!("sagelint: no rule `{rule}`{hint}; `sagelint rules` lists them");
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
    let mut failed = false;
    for path in &args.paths {
        if path.as_os_str() == "-" {
            match read_stdin(args.stdin_filename.as_deref()) {
                Ok(source) => {
                    let name = PathBuf::from(&source.name);
                    match configs.lint(&name, source) {
                        Ok(r) => results.push(r),
                        Err(e) => return config_error(&e),
                    }
                }
                Err(e) => {
                    eprintln!("sagelint: cannot read standard input: {e}");
                    failed = true;
                }
            }
        } else if path.is_dir() {
            let (files, errors) = discover::walk(path);
            for (p, e) in errors {
                eprintln!(
                    "sagelint: {}: {}",
                    render::sanitize(&p.display().to_string()),
                    e
                );
                failed = true;
            }
            for file in files {
                match configs.walk_includes(&file) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => return config_error(&e),
                }
                match read_file(&file) {
                    Ok(source) => {
                        let parsed = parse::parse(&source);
                        if discover::should_check(&source, &parsed) {
                            match configs.lint_parsed(&file, source, parsed) {
                                Ok(r) => results.push(r),
                                Err(e) => return config_error(&e),
                            }
                        }
                    }
                    Err(e) => {
                        report_unreadable(&file, &e);
                        failed = true;
                    }
                }
            }
        } else {
            match read_file(path) {
                Ok(source) => match configs.lint(path, source) {
                    Ok(r) => results.push(r),
                    Err(e) => return config_error(&e),
                },
                Err(e) => {
                    report_unreadable(path, &e);
                    failed = true;
                }
            }
        }
    }
    results.extend(configs.unused_suppressions());

    if let Some(path) = &args.write_baseline {
        return match baseline::write(path, &results) {
            Ok(n) => {
                eprintln!("sagelint: recorded {n} findings in {}", path.display());
                ExitCode::from(if failed { 2 } else { 0 })
            }
            Err(e) => {
                eprintln!("sagelint: {}: {e}", path.display());
                ExitCode::from(2)
            }
        };
    }
    let mut hidden = 0;
    if let Some(path) = &args.baseline {
        match Baseline::load(path) {
            Ok(b) => hidden = b.filter(&mut results),
            Err(e) => {
                eprintln!("sagelint: {}: {e}", path.display());
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
    ExitCode::from(if failed {
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
        let config = self.for_file(path)?;
        let mut diagnostics = sagelint::check::check_parsed(&source, parsed);
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
                        fix: None,
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

fn report_unreadable(path: &Path, e: &str) {
    eprintln!(
        "sagelint: cannot read {}: {e}",
        render::sanitize(&path.display().to_string())
    );
}

/// Read a file as UTF-8 text, choosing the format by extension, else by content.
fn read_file(path: &Path) -> Result<SourceFile, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let format = Format::from_path(path).unwrap_or_else(|| sniff(&text));
    Ok(SourceFile::new(display_name(path), text, format))
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

fn read_stdin(name: Option<&str>) -> Result<SourceFile, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    let format = name
        .and_then(|n| Format::from_path(Path::new(n)))
        .unwrap_or_else(|| sniff(&text));
    Ok(SourceFile::new(name.unwrap_or("<stdin>"), text, format))
}

/// JSON when the first significant character opens an object or array, else YAML.
fn sniff(text: &str) -> Format {
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        Some('{') | Some('[') => Format::Json,
        _ => Format::Yaml,
    }
}
