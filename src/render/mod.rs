//! Output formats. Renderers only format diagnostics; they decide nothing.

pub mod concise;
pub mod fingerprint;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{SourceFile, Span};

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

/// JSON text (serde's) with the characters it leaves raw but a terminal may act on — C1
/// controls such as U+009B (CSI), DEL, and bidirectional overrides — written as `\uXXXX`
/// escapes. They can only occur inside strings, where the escape means the same character.
pub(crate) fn escape_json(text: String) -> String {
    if !text.chars().any(is_unsafe) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            // All of them are in the Basic Multilingual Plane: one `\u` escape each.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The source text as renderers may show it: secrets masked and control characters replaced,
/// byte for byte the same length so that spans still fit.
pub fn display_text(source: &SourceFile, diagnostics: &[Diagnostic]) -> String {
    let secrets = diagnostics.iter().filter(|d| d.redact).map(|d| d.span);
    let masked = mask_secrets(source, secrets);
    let mut out = String::with_capacity(masked.len());
    let mut chars = masked.chars().peekable();
    while let Some(c) = chars.next() {
        // A `\r` ending a CRLF line stays (miette handles it); a lone one would move the
        // cursor back over the line shown and hide it.
        let crlf = c == '\r' && chars.peek() == Some(&'\n');
        if is_unsafe(c) && !crlf {
            // Same UTF-8 length, so every later byte offset is unchanged.
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// The text with the secret of every redacted diagnostic masked, but for the few leading
/// characters its redaction shows. Each masked character becomes one of the same UTF-8 length,
/// and line breaks stay, so every byte offset, line and column is unchanged.
fn mask_secrets(source: &SourceFile, secrets: impl Iterator<Item = Span>) -> String {
    let mut bytes = source.text.clone().into_bytes();
    for span in secrets {
        let span = source.clamp(span);
        let value = &source.text[span.start..span.end];
        // Keep the quotes and as many leading characters as a redaction shows (at most 4, fewer
        // for short values); mask everything else.
        let quoted =
            value.len() >= 2 && value.starts_with(['"', '\'']) && value.ends_with(&value[..1]);
        let inner = if quoted {
            &value[1..value.len() - 1]
        } else {
            value
        };
        let inner_start = span.start + usize::from(quoted);
        let shown = crate::secrets::redact(inner)
            .chars()
            .count()
            .saturating_sub(1);
        let keep = inner
            .char_indices()
            .nth(shown)
            .map_or(inner.len(), |(i, _)| i);
        let from = inner_start + keep;
        let to = inner_start + inner.len();
        for (i, c) in source.text[from..to].char_indices() {
            let mask = match c.len_utf8() {
                _ if c == '\n' || c == '\r' => c,
                1 => '*',
                2 => '\u{b7}',
                3 => '\u{2217}',
                _ => '\u{1d7d8}',
            };
            let mut buf = [0; 4];
            let at = from + i;
            bytes[at..at + c.len_utf8()].copy_from_slice(mask.encode_utf8(&mut buf).as_bytes());
        }
    }
    // Valid by construction: characters were replaced by characters of the same length.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The file with the secrets found in it masked (see [`display_text`];
/// `check::Checked::secrets`), for callers whose diagnostics of those secrets may be gone before
/// rendering (a suppression comment, a disabled rule, a baseline): the secrets must stay hidden
/// in the source lines shown for the other diagnostics.
pub fn without_secrets(source: SourceFile, secrets: &[Span]) -> SourceFile {
    if secrets.is_empty() {
        return source;
    }
    let text = mask_secrets(&source, secrets.iter().copied());
    SourceFile::new(source.name, text, source.format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let raw = serde_json::to_string(&"a\u{9b}2J\u{202e}b\u{7f}\u{1b}").unwrap_or_default();
        let escaped = escape_json(raw);
        assert_eq!(escaped, "\"a\\u009b2J\\u202eb\\u007f\\u001b\"");
        let back: String = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, "a\u{9b}2J\u{202e}b\u{7f}\u{1b}");
    }

    #[test]
    fn masking_keeps_offsets_lines_and_characters() {
        let text = "k: \"sécret\u{1F600}\nline\"\nnext: 1\n";
        let source = SourceFile::new("a", text, crate::Format::Yaml);
        let span = Span::new(3, text.find("\nnext").unwrap_or_default());
        let masked = without_secrets(source.clone(), &[span]);
        assert_eq!(masked.text.len(), text.len());
        assert_eq!(masked.text.chars().count(), text.chars().count());
        assert_eq!(masked.text.lines().count(), text.lines().count());
        assert!(!masked.text.contains("cret"), "{}", masked.text);
        assert_eq!(masked.position(text.len()), source.position(text.len()));
    }

    #[test]
    fn display_text_keeps_crlf_and_replaces_a_lone_cr() {
        let source = SourceFile::new("a", "a: 1\r\nb: x\ry\r\n", crate::Format::Yaml);
        assert_eq!(display_text(&source, &[]), "a: 1\r\nb: x?y\r\n");
    }
}
