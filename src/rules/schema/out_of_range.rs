//! SL108 `out-of-range`: a number below the minimum or above the maximum
//! (see `rules/SL108.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};

pub const RULE: Rule = Rule {
    code: "SL108",
    name: "out-of-range",
    severity: Severity::Error,
    summary: "A number is outside the range the API allows",
    doc: include_str!("../../../rules/SL108.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors {
        let (keyword, bound) = match e.violation {
            Violation::Minimum => ("minimum", "at least"),
            Violation::Maximum => ("maximum", "at most"),
            _ => continue,
        };
        let limit = schema::at(cx.shape, &e.pointer)
            .and_then(|s| s.get(keyword))
            .map(|v| v.to_string())
            .unwrap_or_default();
        let actual = describe::actual(cx, e);
        out.push(cx.diagnostic(
            &RULE,
            e.pointer.as_str(),
            e.target,
            format!("{} is {actual}; it must be {bound} {limit}", describe::field(&e.pointer)),
        ));
    }
}
