//! The default output: miette's graphical report for each diagnostic — the file, the source
//! lines, a label under the exact key or value, and the help.

use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, NamedSource, Report, SourceCode, SourceSpan, SpanContents,
};

use super::{display_text, one_line, sanitize, FileResult, Summary};
use crate::diagnostic::Severity;

/// Width the reports wrap at; fixed so output is the same in every terminal and in tests.
const WIDTH: usize = 100;

pub fn render(results: &[FileResult], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        // Wrap at spaces only, and never inside a word: the default breaks after `-`, `/` or
        // `(` (Unicode line breaking) and splits words longer than the line, which cut a regular
        // expression, an ARN or a path in two. A token longer than the line overflows it.
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_break_words(false)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for r in results {
        if r.diagnostics.is_empty() {
            continue;
        }
        let text = Snippets::new(&r.source, display_text(&r.source, &r.diagnostics));
        let name = sanitize(&r.source.name);
        for d in &r.diagnostics {
            let span = text.label(r.source.clamp(d.span));
            // Where the request is, for a file that holds several (`in state Train`).
            let place = d
                .place()
                .map(|l| format!(" in {}", one_line(l)))
                .unwrap_or_default();
            let mut md = MietteDiagnostic::new(sanitize(&d.message))
                .with_code(format!("{}({}){place}", d.rule.code, d.rule.name))
                .with_severity(match d.severity {
                    Severity::Error => miette::Severity::Error,
                    Severity::Warning => miette::Severity::Warning,
                    Severity::Info => miette::Severity::Advice,
                })
                .with_label(LabeledSpan::new_with_span(
                    Some(sanitize(&d.pointer_label())),
                    (span.start, span.len()),
                ));
            if let Some(help) = &d.help {
                md = md.with_help(sanitize(help));
            }
            let report =
                Report::new(md).with_source_code(NamedSource::new(name.clone(), text.clone()));
            if handler.render_report(&mut out, report.as_ref()).is_err() {
                out.push_str(&format!("{}: {}\n", d.rule.code, sanitize(&d.message)));
            }
            out.push('\n');
        }
    }
    out
}

/// A line longer than this (in bytes) is not shown whole: only a window around the label.
const LONG_LINE: usize = 1024;
/// Bytes of a long line shown on each side of the label.
const WINDOW: usize = 100;
/// The longest label underlined on a long line, in bytes.
const MAX_LABEL: usize = 200;
/// A label over more lines than this is cut to its first line (the report would otherwise
/// print them all: a whole file, for a diagnostic about the root).
const MAX_LABEL_LINES: usize = 40;

/// The text miette renders, with its line table, so that reading a snippet costs the snippet,
/// not the text before it (miette's `str` source scans from the start, for every label: a big
/// file with many diagnostics would take quadratic time). It reports columns in characters, not
/// bytes, like every other output of sagelint (a BOM is not a column), and shows a long line
/// (a minified request, a megabyte value) as a window around the label.
#[derive(Clone)]
struct Snippets {
    /// The display text, as a source file for its character positions.
    file: Arc<crate::source::SourceFile>,
    /// Byte offset of the start of each line.
    starts: Arc<Vec<usize>>,
}

impl Snippets {
    fn new(source: &crate::source::SourceFile, text: String) -> Snippets {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Snippets {
            file: Arc::new(crate::source::SourceFile::new("", text, source.format)),
            starts: Arc::new(starts),
        }
    }

    fn text(&self) -> &str {
        &self.file.text
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text().len())
    }

    /// Where the line ends: after its `\n`, or at the end of the text.
    fn line_end(&self, line: usize) -> usize {
        self.line_start(line + 1)
    }

    fn is_long(&self, line: usize) -> bool {
        self.line_end(line) - self.line_start(line) > LONG_LINE
    }

    /// The largest character boundary at or before `i`, and the smallest at or after it.
    fn floor(&self, i: usize) -> usize {
        let mut i = i.min(self.text().len());
        while !self.text().is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    fn ceil(&self, i: usize) -> usize {
        let mut i = i.min(self.text().len());
        while !self.text().is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// The span to underline: one over a long line, or over many lines, is cut to the end of
    /// its first line, and on a long line to [`MAX_LABEL`] bytes.
    fn label(&self, span: crate::source::Span) -> crate::source::Span {
        let line = self.line_of(span.start);
        let lines = self.line_of(span.end) - line;
        let long = (line..=line + lines.min(MAX_LABEL_LINES)).any(|l| self.is_long(l));
        if lines <= MAX_LABEL_LINES && !long {
            return span;
        }
        let line_end = self.line_end(line);
        let content_end = if self.text()[..line_end].ends_with('\n') {
            line_end - 1
        } else {
            line_end
        };
        let end = if long {
            span.end.min(content_end).min(span.start + MAX_LABEL)
        } else {
            span.end.min(content_end)
        };
        crate::source::Span::new(span.start, self.floor(end).max(span.start))
    }

    /// The character column of `offset` in its line (0-based; a BOM is not a column).
    fn column(&self, offset: usize) -> usize {
        self.file.position(offset).column - 1
    }
}

impl SourceCode for Snippets {
    /// What miette's `str` source returns (the lines of the span, `before` lines above it and
    /// `after` below, or the span alone when `before` is 0), but for long lines: they are never
    /// context, and the span's own long line is a window around it.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text();
        if span.offset() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let start = self.floor(span.offset());
        let end = self
            .floor(span.offset().saturating_add(span.len()))
            .max(start);
        let first = self.line_of(start);
        // As miette counts: a span ending with a line break reaches into the next line.
        let last = self.line_of(end);
        let (from, to, line) = if (first..=last).any(|l| self.is_long(l)) {
            let line_start = self.line_start(first);
            let from = if before == 0 {
                start
            } else {
                self.floor(start.saturating_sub(WINDOW)).max(line_start)
            };
            let to = if after == 0 {
                end
            } else {
                let content_end = self.line_end(first);
                let content_end = if text[..content_end].ends_with('\n') {
                    content_end - 1
                } else {
                    content_end
                };
                self.ceil(end.max(start) + WINDOW).min(content_end).max(end)
            };
            (from, to, first)
        } else {
            let mut top = first;
            for _ in 0..before {
                if top == 0 || self.is_long(top - 1) {
                    break;
                }
                top -= 1;
            }
            let mut bottom = last;
            for _ in 0..after {
                if bottom + 1 >= self.starts.len() || self.is_long(bottom + 1) {
                    break;
                }
                bottom += 1;
            }
            let from = if before == 0 {
                start
            } else {
                self.line_start(top)
            };
            let to = if after == 0 {
                end
            } else {
                self.line_end(bottom)
            };
            (from, to, if before == 0 { first } else { top })
        };
        let shown_lines = self.line_of(to.saturating_sub(1).max(from)) - line;
        Ok(Box::new(MietteSpanContents::new(
            &text.as_bytes()[from..to],
            SourceSpan::from((from, to - from)),
            line,
            self.column(from),
            shown_lines,
        )))
    }
}

/// The closing line: counts and the number of files.
pub fn summary_line(results: &[FileResult]) -> String {
    summary_text(Summary::of(results))
}

/// [`summary_line`] for counts already made.
pub fn summary_text(s: Summary) -> String {
    let files = plural(s.files, "file", "files");
    if s.files == 0 && s.errors + s.warnings + s.infos == 0 {
        // Nothing checked is not a pass: a wrong path or an empty directory.
        return "No files checked.\n".to_string();
    }
    if s.errors + s.warnings + s.infos == 0 {
        return format!("All checks passed ({files} checked).\n");
    }
    let mut parts = Vec::new();
    if s.errors > 0 {
        parts.push(plural(s.errors, "error", "errors"));
    }
    if s.warnings > 0 {
        parts.push(plural(s.warnings, "warning", "warnings"));
    }
    if s.infos > 0 {
        parts.push(plural(s.infos, "info", "infos"));
    }
    format!("Found {} ({files} checked).\n", parts.join(", "))
}

/// [`summary_text`] for a run in which some path could not be checked: the counts, never a
/// success line ("All checks passed" would hide that something was not checked at all).
pub fn summary_text_incomplete(s: Summary) -> String {
    if s.files > 0 && s.errors + s.warnings + s.infos == 0 {
        return format!(
            "No findings ({} checked).\n",
            plural(s.files, "file", "files")
        );
    }
    summary_text(s)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::source::{Format, SourceFile, Span};

    /// Render one diagnostic with `message` and `help` on a one-line file.
    fn render_one(message: &str, help: &str) -> String {
        let source = SourceFile::new("job.yaml", "TrainingJobName: xgboost_churn\n", Format::Yaml);
        let rule = &crate::rules::schema::pattern_mismatch::RULE;
        let d = Diagnostic {
            rule,
            severity: rule.severity,
            message: message.to_string(),
            help: Some(help.to_string()),
            pointer: "/TrainingJobName".into(),
            span: Span::new(17, 30),
            redact: false,
            fix: None,
            origin: None,
        };
        render(
            &[FileResult {
                source,
                diagnostics: vec![d],
            }],
            false,
        )
    }

    #[test]
    fn wrapping_never_splits_a_token() {
        // Each token straddles the width of 100 columns at some padding; whatever the padding,
        // it must come out whole on one line (a break at `-`, `/`, `(` or inside a long word was
        // miette's default).
        let tokens = [
            "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
            "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)",
            "/opt/ml/input/data/<channel>/<file>",
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ];
        for token in tokens {
            for pad in 40..100 {
                let text = format!("{} {token} end", "x".repeat(pad));
                let out = render_one(&text, &text);
                let whole = out.lines().filter(|l| l.contains(token)).count();
                assert_eq!(whole, 2, "`{token}` split at padding {pad}:\n{out}");
            }
        }
        // A token longer than the line overflows it rather than being cut.
        let long = format!("s3://bucket/{}", "a/".repeat(60));
        let out = render_one(&format!("bad {long}"), "help");
        assert!(out.lines().any(|l| l.contains(&long)), "{out}");
    }
}
