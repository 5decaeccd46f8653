//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning ingests it. Hand-written structs for
//! the dozen objects code scanning reads; every rule is described in the tool driver, and each
//! result carries a stable partial fingerprint (see `fingerprint.rs`).

use serde::Serialize;

use super::{fingerprint, FileResult};
use crate::diagnostic::Severity;
use crate::rules::{self, Rule};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "sagelint/v1")]
    sagelint: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    /// The request the finding belongs to, inside the file (a state, a pipeline step).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    /// Where it is, for people (`state Train`); the pointer for a request file of its own.
    name: String,
    /// The JSON Pointer of the request in the file.
    fully_qualified_name: String,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    char_offset: usize,
    char_length: usize,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The part of a rule document under a heading, for the descriptor's full description.
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    doc.split_once(heading)
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest).trim())
        .unwrap_or("")
}

fn descriptor(r: &'static Rule) -> ReportingDescriptor {
    let full = section(r.doc, "## What it checks");
    ReportingDescriptor {
        id: r.code,
        name: r.name,
        short_description: Text {
            text: r.summary.to_string(),
        },
        full_description: Text {
            text: if full.is_empty() {
                r.summary.to_string()
            } else {
                full.to_string()
            },
        },
        help: Help {
            text: format!(
                "Run `sagelint explain {}` for the full documentation.",
                r.code
            ),
            markdown: r.doc.to_string(),
        },
        default_configuration: Configuration {
            level: level(r.severity),
        },
    }
}

/// A file name as a relative URI reference (SARIF artifact locations are URIs).
fn uri(name: &str) -> String {
    let path = fingerprint::normalize(name);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn render(results: &[FileResult]) -> String {
    super::render_all(super::Output::Sarif, results)
}

fn results(r: &FileResult) -> impl Iterator<Item = SarifResult> + '_ {
    let all = rules::RULES.as_slice();
    let prints = fingerprint::of(r);
    r.diagnostics.iter().zip(prints).map(move |(d, print)| {
        let span = r.source.clamp(d.span);
        let (start, end) = (r.source.position(span.start), r.source.position(span.end));
        let mut text = d.message.clone();
        if let Some(help) = &d.help {
            text.push_str(&format!(" (help: {help})"));
        }
        SarifResult {
            rule_id: d.rule.code,
            rule_index: all.iter().position(|x| x.code == d.rule.code).unwrap_or(0),
            level: level(d.severity),
            message: Text { text },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri(&r.source.name),
                    },
                    region: Region {
                        start_line: start.line,
                        start_column: start.column,
                        end_line: end.line,
                        end_column: end.column,
                        char_offset: r.source.char_offset(span.start),
                        char_length: r.source.text[span.start..span.end].chars().count(),
                    },
                },
                logical_locations: d
                    .origin
                    .iter()
                    .filter(|o| !o.pointer.is_empty())
                    .map(|o| LogicalLocation {
                        name: o.label.clone(),
                        fully_qualified_name: o.pointer.clone(),
                        kind: "object",
                    })
                    .collect(),
            }],
            partial_fingerprints: Fingerprints { sagelint: print },
        }
    })
}

/// The log around the run's `results` array (see [`super::Document`]): the tool with every
/// rule described, and the column kind.
pub(super) fn document() -> super::Document {
    let all = rules::RULES.as_slice();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "sagelint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: all.iter().map(|r| descriptor(r)).collect(),
                },
            },
            results: Vec::new(),
            column_kind: "unicodeCodePoints",
        }],
    };
    super::Document::around(
        &serde_json::to_string_pretty(&log).unwrap_or_default(),
        "\"results\": []",
    )
}

/// One file's elements of the `results` array, formatted for their place in it.
pub(super) fn items(r: &FileResult, indent: &str) -> String {
    super::pretty_items(results(r), indent)
}
