//! Output formats. Renderers only format diagnostics; they decide nothing.

pub mod concise;
pub mod fingerprint;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;

/// One checked file and what was found in it.
pub struct FileResult {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(results: &[FileResult]) -> Summary {
        let mut s = Summary {
            files: results.len(),
            ..Summary::default()
        };
        for d in results.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// Text from the input made safe for a terminal: control characters (which could move the
/// cursor, clear the screen or hide text) are shown as escapes, never written raw.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(is_unsafe) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if is_unsafe(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The source text as renderers may show it: secrets masked and control characters replaced,
/// byte for byte the same length so that spans still fit.
pub fn display_text(source: &SourceFile, diagnostics: &[Diagnostic]) -> String {
    let mut bytes = source.text.clone().into_bytes();
    for d in diagnostics.iter().filter(|d| d.redact) {
        let span = source.clamp(d.span);
        let text = &source.text[span.start..span.end];
        // Keep the quotes and as many leading characters as a redaction shows (at most 4, fewer
        // for short values); mask everything else, byte for byte.
        let quoted = text.len() >= 2 && text.starts_with(['"', '\'']) && text.ends_with(&text[..1]);
        let inner = if quoted {
            &text[1..text.len() - 1]
        } else {
            text
        };
        let inner_start = span.start + usize::from(quoted);
        let shown = crate::secrets::redact(inner).chars().count() - 1;
        let keep = inner
            .char_indices()
            .nth(shown)
            .map_or(inner.len(), |(i, _)| i);
        for b in &mut bytes[inner_start + keep..inner_start + inner.len()] {
            *b = b'*';
        }
    }
    let masked = String::from_utf8_lossy(&bytes).into_owned();
    masked
        .chars()
        .map(|c| {
            if is_unsafe(c) && c != '\r' {
                // Same UTF-8 length, so every later byte offset is unchanged.
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}
