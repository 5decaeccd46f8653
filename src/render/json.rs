//! `--format json`: the stable machine-readable contract.
//!
//! `{"diagnostics":[{"file","rule","name","severity","message","help","pointer",
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
    let mut diagnostics = Vec::new();
    for r in results {
        for d in &r.diagnostics {
            let span = r.source.clamp(d.span);
            diagnostics.push(JsonDiagnostic {
                file: &r.source.name,
                rule: d.rule.code,
                name: d.rule.name,
                severity: d.severity.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
                pointer: &d.pointer,
                span: JsonSpan {
                    start: r.source.position(span.start).into(),
                    end: r.source.position(span.end).into(),
                    offset: span.start,
                    length: span.len(),
                },
            });
        }
    }
    let out = Output {
        diagnostics,
        summary: Summary::of(results),
    };
    let mut text = super::escape_json(serde_json::to_string_pretty(&out).unwrap_or_default());
    text.push('\n');
    text
}
