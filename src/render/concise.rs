//! `--format concise`: one line per diagnostic, `path:line:col: severity[ID] message`, for
//! editors' quickfix lists and grep; ` (in state Train)` ends the line of a finding in a request
//! inside a state machine, template or pipeline.

use super::{one_line, sanitize, FileResult};

pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            let p = r.source.position(r.source.clamp(d.span).start);
            let place = d
                .place()
                .map(|l| format!(" (in {})", one_line(l)))
                .unwrap_or_default();
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}{place}\n",
                sanitize(&r.source.name),
                p.line,
                p.column,
                d.severity,
                d.rule.code,
                sanitize(&d.message).replace('\n', " ")
            ));
        }
    }
    out
}
