//! Output formats. Renderers only format diagnostics; they decide nothing.

pub mod concise;
pub mod fingerprint;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::Write;

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
    pub fn add(&mut self, other: Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }

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

/// An output format (for the human one, whether to color).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Human { color: bool },
    Concise,
    Json,
    Sarif,
    Github,
}

/// The whole output for `results` at once (what [`Writer`] writes file by file).
pub fn render_all(output: Output, results: &[FileResult]) -> String {
    let mut writer = Writer::start(output, Vec::new());
    for r in results {
        writer.part(&part(output, r), Summary::of(std::slice::from_ref(r)));
    }
    let (bytes, _) = writer.finish();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One file's part of the output, formatted on its own (on any thread) for [`Writer::part`].
pub fn part(output: Output, result: &FileResult) -> String {
    let one = std::slice::from_ref(result);
    match output {
        Output::Human { color } => human::render(one, color),
        Output::Concise => concise::render(one),
        Output::Github => github::render(one),
        Output::Json => json::items(result, &JSON_ITEM_INDENT),
        Output::Sarif => sarif::items(result, &SARIF_ITEM_INDENT),
    }
}

/// Where the items of the JSON output's and the SARIF log's arrays sit (computed once).
static JSON_ITEM_INDENT: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| json::document(Summary::default()).item_indent);
static SARIF_ITEM_INDENT: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| sarif::document().item_indent);

/// A JSON document around one array whose items are written as they come: the text before the
/// array's items, the indentation of an item, and the text after them.
pub(crate) struct Document {
    head: String,
    item_indent: String,
    /// The indentation of the closing bracket when the array has items.
    close_indent: String,
    tail: String,
}

impl Document {
    /// Split `template` (a pretty-printed document whose array is empty) at `marker`
    /// (`"name": []`, the last occurrence).
    fn around(template: &str, marker: &str) -> Document {
        let at = template.rfind(marker).unwrap_or(template.len());
        let line_start = template[..at].rfind('\n').map_or(0, |i| i + 1);
        let close_indent = template[line_start..at].to_string();
        let open = (at + marker.len()).saturating_sub(1).min(template.len());
        Document {
            head: template[..open].to_string(),
            item_indent: format!("{close_indent}  "),
            close_indent,
            tail: template[open..].to_string(),
        }
    }
}

/// Items pretty-printed as serde_json prints them inside an array indented by `indent`,
/// joined by `,\n` (no separator before the first).
fn pretty_items<T: serde::Serialize>(items: impl Iterator<Item = T>, indent: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let text = escape_json(serde_json::to_string_pretty(&item).unwrap_or_default());
        for (j, line) in text.split('\n').enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str(indent);
            out.push_str(line);
        }
    }
    out
}

/// Writes one run's output as the files' parts come, in order; JSON and SARIF get their
/// enclosing document. Write errors (a closed pipe) stop the writing, not the run.
pub struct Writer<W: Write> {
    output: Output,
    out: W,
    summary: Summary,
    items: bool,
    sarif: Option<Document>,
    failed: bool,
}

impl<W: Write> Writer<W> {
    pub fn start(output: Output, out: W) -> Writer<W> {
        let mut w = Writer {
            output,
            out,
            summary: Summary::default(),
            items: false,
            sarif: None,
            failed: false,
        };
        match output {
            Output::Json => {
                let head = json::document(Summary::default()).head;
                w.write(head.as_bytes());
            }
            Output::Sarif => {
                let doc = sarif::document();
                w.write(doc.head.as_bytes());
                w.sarif = Some(doc);
            }
            _ => {}
        }
        w
    }

    fn write(&mut self, bytes: &[u8]) {
        if !self.failed && self.out.write_all(bytes).is_err() {
            self.failed = true;
        }
    }

    /// A file's part (from [`part`]) and its counts.
    pub fn part(&mut self, part: &str, summary: Summary) {
        self.summary.add(summary);
        if part.is_empty() {
            return;
        }
        if matches!(self.output, Output::Json | Output::Sarif) {
            let separator: &[u8] = if self.items { b",\n" } else { b"\n" };
            self.write(separator);
            self.items = true;
        }
        self.write(part.as_bytes());
    }

    /// Close the document; returns the writer and the run's counts.
    pub fn finish(mut self) -> (W, Summary) {
        let doc = match self.output {
            Output::Json => Some(json::document(self.summary)),
            Output::Sarif => self.sarif.take(),
            _ => None,
        };
        if let Some(doc) = doc {
            if self.items {
                let close = format!("\n{}", doc.close_indent);
                self.write(close.as_bytes());
            }
            self.write(doc.tail.as_bytes());
            self.write(b"\n");
        }
        if !self.failed && self.out.flush().is_err() {
            self.failed = true;
        }
        (self.out, self.summary)
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

/// [`sanitize`], on one line: what a line of output names (the request a finding is in, whose
/// label holds a name from the file) must not break the line.
pub fn one_line(s: &str) -> String {
    sanitize(s).replace('\n', "\\n").replace('\t', "\\t")
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
    // Printable ASCII, newlines and tabs (most files) are shown as they are.
    if masked
        .bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\n' | b'\t'))
    {
        return masked;
    }
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
    fn a_label_stays_on_its_line() {
        assert_eq!(one_line("Job a\nb\tc"), "Job a\\nb\\tc");
        assert_eq!(one_line("plain"), "plain");
        assert!(!one_line("x\u{1b}[2J").contains('\u{1b}'));
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
