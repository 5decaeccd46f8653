//! The default output: miette's graphical report for each diagnostic — the file, the source
//! lines, a label under the exact key or value, and the help.

use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, NamedSource, Report, SourceCode, SourceSpan, SpanContents,
};

use super::{display_text, sanitize, FileResult, Summary};
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
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for r in results {
        if r.diagnostics.is_empty() {
            continue;
        }
        let text = Arc::new(display_text(&r.source, &r.diagnostics));
        let name = sanitize(&r.source.name);
        for d in &r.diagnostics {
            let span = r.source.clamp(d.span);
            let mut md = MietteDiagnostic::new(sanitize(&d.message))
                .with_code(format!("{}({})", d.rule.code, d.rule.name))
                .with_severity(match d.severity {
                    Severity::Error => miette::Severity::Error,
                    Severity::Warning => miette::Severity::Warning,
                    Severity::Info => miette::Severity::Advice,
                })
                .with_label(LabeledSpan::new_with_span(
                    Some(d.pointer_label()),
                    (span.start, span.len()),
                ));
            if let Some(help) = &d.help {
                md = md.with_help(sanitize(help));
            }
            let report = Report::new(md).with_source_code(NamedSource::new(
                name.clone(),
                CharColumns(Arc::clone(&text)),
            ));
            if handler.render_report(&mut out, report.as_ref()).is_err() {
                out.push_str(&format!("{}: {}\n", d.rule.code, sanitize(&d.message)));
            }
            out.push('\n');
        }
    }
    out
}

/// The text miette renders, reporting the column of a label in characters (not bytes, as
/// miette's `str` source does), like every other output of sagelint; a BOM is not a column.
struct CharColumns(Arc<String>);

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.0.as_str();
        let inner = text.read_span(span, before, after)?;
        let mut offset = span.offset().min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start..offset];
        let column = line.trim_start_matches('\u{feff}').chars().count();
        Ok(Box::new(MietteSpanContents::new(
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
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

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
