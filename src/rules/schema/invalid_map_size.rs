//! SL107 `invalid-map-size`: a map with too few or too many entries (see `rules/SL107.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};

pub const RULE: Rule = Rule {
    code: "SL107",
    name: "invalid-map-size",
    severity: Severity::Error,
    summary: "A map has more entries than the API allows (Environment, rule parameters, ...)",
    doc: include_str!("../../../rules/SL107.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors {
        let (keyword, bound, verdict) = match e.violation {
            Violation::MinProperties => ("minProperties", "at least", "required"),
            Violation::MaxProperties => ("maxProperties", "at most", "allowed"),
            _ => continue,
        };
        let limit = schema::at(&e.pointer)
            .and_then(|s| s.get(keyword))
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        let count = cx
            .root
            .lookup(&e.pointer)
            .and_then(|f| f.node.as_object())
            .map_or(0, |m| m.len());
        out.push(cx.diagnostic(
            &RULE,
            e.pointer.as_str(),
            e.target,
            format!(
                "{} has {count} entr{}; {bound} {limit} {verdict}",
                describe::field(&e.pointer),
                if count == 1 { "y" } else { "ies" }
            ),
        ));
    }
}
