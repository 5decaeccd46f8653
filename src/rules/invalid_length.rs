//! SL105 `invalid-length`: a string shorter or longer than the service model allows
//! (see `rules/SL105.md`).

use super::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};

pub const RULE: Rule = Rule {
    code: "SL105",
    name: "invalid-length",
    severity: Severity::Error,
    summary: "A string is shorter or longer than the API allows",
    doc: include_str!("../../rules/SL105.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors {
        let (keyword, bound) = match e.violation {
            Violation::MinLength => ("minLength", "at least"),
            Violation::MaxLength => ("maxLength", "at most"),
            _ => continue,
        };
        let parent = crate::pointer::parent(&e.pointer).unwrap_or("");
        let s = if e.map_key { schema::key_schema(parent) } else { schema::at(&e.pointer) };
        let limit = s.and_then(|s| s.get(keyword)).and_then(|v| v.as_u64()).unwrap_or(0);
        let length = describe::actual(cx, e).chars().count();
        let what = if e.map_key { "key" } else { "value" };
        let message = if length == 0 {
            format!("{what} of {} must not be empty", describe::field(&e.pointer))
        } else {
            format!(
                "{what} of {} is {length} characters long; {bound} {limit} allowed",
                describe::field(&e.pointer)
            )
        };
        out.push(cx.diagnostic(&RULE, e.pointer.as_str(), e.target, message));
    }
}
