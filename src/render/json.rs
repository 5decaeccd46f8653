//! `--format json`: the stable machine-readable contract.
//!
//! `{"diagnostics":[{"file","rule","name","severity","message","help","pointer","request",
//! "span":{"start":{"line","column"},"end":{"line","column"},"offset","length"}}],
//! "summary":{"files","errors","warnings","infos"}}` — lines and columns 1-based, columns in
//! Unicode scalar values, offset and length in bytes.

use serde::Serialize;

use super::{FileResult, Summary};
use crate::source::Position;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    rule: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    pointer: &'a str,
    /// The pointer of the request the finding belongs to (`""` for a request file of its own;
    /// `null` for findings about the file itself).
    request: Option<&'a str>,
    span: JsonSpan,
}

#[derive(Serialize)]
struct JsonSpan {
    start: JsonPosition,
    end: JsonPosition,
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
struct JsonPosition {
    line: usize,
    column: usize,
}

impl From<Position> for JsonPosition {
    fn from(p: Position) -> Self {
        JsonPosition {
            line: p.line,
            column: p.column,
        }
    }
}

pub fn render(results: &[FileResult]) -> String {
    super::render_all(super::Output::Json, results)
}

fn diagnostics(r: &FileResult) -> impl Iterator<Item = JsonDiagnostic<'_>> {
    r.diagnostics.iter().map(|d| {
        let span = r.source.clamp(d.span);
        JsonDiagnostic {
            file: &r.source.name,
            rule: d.rule.code,
            name: d.rule.name,
            severity: d.severity.as_str(),
            message: &d.message,
            help: d.help.as_deref(),
            pointer: &d.pointer,
            request: d.origin.as_deref().map(|o| o.pointer.as_str()),
            span: JsonSpan {
                start: r.source.position(span.start).into(),
                end: r.source.position(span.end).into(),
                offset: span.start,
                length: span.len(),
            },
        }
    })
}

/// The document around the `diagnostics` array (see [`super::Document`]).
pub(super) fn document(summary: Summary) -> super::Document {
    let empty = Output {
        diagnostics: Vec::new(),
        summary,
    };
    super::Document::around(
        &serde_json::to_string_pretty(&empty).unwrap_or_default(),
        "\"diagnostics\": []",
    )
}

/// One file's elements of the `diagnostics` array, formatted for their place in it.
pub(super) fn items(r: &FileResult, indent: &str) -> String {
    super::pretty_items(diagnostics(r), indent)
}
