//! `--format concise`: one line per diagnostic, `path:line:col: severity[ID] message`, for
//! editors' quickfix lists and grep.

use super::{sanitize, FileResult};

pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            let p = r.source.position(r.source.clamp(d.span).start);
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
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
