//! SL106 `invalid-item-count`: a list with too few or too many items (see `rules/SL106.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};

pub const RULE: Rule = Rule {
    code: "SL106",
    name: "invalid-item-count",
    severity: Severity::Error,
    summary: "A list has fewer or more items than the API allows (channels, tags, subnets, ...)",
    doc: include_str!("../../../rules/SL106.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors {
        let (keyword, bound, verdict) = match e.violation {
            Violation::MinItems => ("minItems", "at least", "required"),
            Violation::MaxItems => ("maxItems", "at most", "allowed"),
            _ => continue,
        };
        let limit = schema::at(&e.pointer)
            .and_then(|s| s.get(keyword))
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        let count = cx
            .root
            .lookup(&e.pointer)
            .and_then(|f| f.node.as_array())
            .map_or(0, |a| a.len());
        out.push(cx.diagnostic(
            &RULE,
            e.pointer.as_str(),
            e.target,
            if count == 0 {
                format!(
                    "{} is empty; {bound} {limit} item{} {verdict}",
                    describe::field(&e.pointer),
                    if limit == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{} has {count} item{}; {bound} {limit} {verdict}",
                    describe::field(&e.pointer),
                    if count == 1 { "" } else { "s" }
                )
            },
        ));
    }
}
