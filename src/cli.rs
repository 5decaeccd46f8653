//! Arguments, file reading and exit statuses.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use sagelint::render::{self, FileResult};
use sagelint::{discover, parse, rules, Format, Severity, SourceFile};

const AFTER_HELP: &str = "\
Exit status:
  0  no error-level diagnostic
  1  at least one error-level diagnostic
  2  usage error, or a file that could not be read (the other files are still checked)

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
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Graphical reports with source snippets.
    Human,
    /// The stable JSON contract (see README).
    Json,
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
    let mut results = Vec::new();
    let mut failed = false;
    for path in &args.paths {
        if path.as_os_str() == "-" {
            match read_stdin(args.stdin_filename.as_deref()) {
                Ok(source) => results.push(check_source(source)),
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
                match read_file(&file) {
                    Ok(source) => {
                        let parsed = parse::parse(&source);
                        if discover::should_check(&source, &parsed) {
                            let diagnostics = sagelint::check::check_parsed(&source, parsed);
                            results.push(FileResult {
                                source,
                                diagnostics,
                            });
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
                Ok(source) => results.push(check_source(source)),
                Err(e) => {
                    report_unreadable(path, &e);
                    failed = true;
                }
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
            }
            print(&text);
        }
        OutputFormat::Json => print(&render::json::render(&results)),
    }

    let errors = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity == Severity::Error);
    ExitCode::from(if failed {
        2
    } else if errors {
        1
    } else {
        0
    })
}

fn check_source(source: SourceFile) -> FileResult {
    let diagnostics = sagelint::check(&source);
    FileResult {
        source,
        diagnostics,
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
    Ok(SourceFile::new(path.display().to_string(), text, format))
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
