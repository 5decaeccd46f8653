//! SL101 `missing-required`: a member the service model marks required is absent
//! (see `rules/SL101.md`).

use super::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::Violation;

pub const RULE: Rule = Rule {
    code: "SL101",
    name: "missing-required",
    severity: Severity::Error,
    summary: "A required member is missing; the API rejects the request",
    doc: include_str!("../../rules/SL101.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors {
        if let Violation::Required(member) = &e.violation {
            out.push(cx.diagnostic(
                &RULE,
                e.pointer.as_str(),
                e.target,
                format!("missing required key `{member}` in {}", describe::object(&e.pointer)),
            ));
        }
    }
}
