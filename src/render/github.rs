//! `--format github`: GitHub Actions workflow commands, which annotate the pull request diff:
//! `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=ID name::message`.

use super::{one_line, sanitize, FileResult};
use crate::diagnostic::Severity;

pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            let span = r.source.clamp(d.span);
            let (start, end) = (r.source.position(span.start), r.source.position(span.end));
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            // Annotations are shown in the log too: no control character from the input may
            // reach it raw (line breaks are escaped by `data`).
            let mut message = sanitize(&d.message);
            if let Some(help) = &d.help {
                message.push_str("\n\nhelp: ");
                message.push_str(&sanitize(help));
            }
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&sanitize(&r.source.name)),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&match d.place() {
                    Some(place) =>
                        format!("{} {} in {}", d.rule.code, d.rule.name, one_line(place)),
                    None => format!("{} {}", d.rule.code, d.rule.name),
                }),
                data(&message)
            ));
        }
    }
    out
}

/// Escaping of a command's message (GitHub's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a command's property value (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("50%\na"), "50%25%0Aa");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
