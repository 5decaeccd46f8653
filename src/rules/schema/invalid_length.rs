//! SL105 `invalid-length`: a string shorter or longer than the service model allows
//! (see `rules/SL105.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};

pub const RULE: Rule = Rule {
    code: "SL105",
    name: "invalid-length",
    severity: Severity::Error,
    summary: "A string is shorter or longer than the API allows",
    doc: include_str!("../../../rules/SL105.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors {
        let (keyword, bound, verdict) = match e.violation {
            Violation::MinLength => ("minLength", "at least", "required"),
            Violation::MaxLength => ("maxLength", "at most", "allowed"),
            _ => continue,
        };
        let parent = crate::pointer::parent(&e.pointer).unwrap_or("");
        let s = if e.map_key {
            schema::key_schema(cx.shape, parent)
        } else {
            schema::at(cx.shape, &e.pointer)
        };
        let limit = s
            .and_then(|s| s.get(keyword))
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        let actual = describe::actual(cx, e);
        let length = actual.chars().count();
        // A map key is named by the map it is in; a value by its own path.
        let message = match (e.map_key, length) {
            (true, 0) => format!("an empty key in {} is not allowed", describe::field(parent)),
            (true, _) => format!(
                "key `{}` in {} is {length} characters long; {bound} {limit} {verdict}",
                describe::quote(&actual),
                describe::field(parent)
            ),
            (false, 0) => format!("{} must not be empty", describe::field(&e.pointer)),
            (false, _) => format!(
                "{} is {length} characters long; {bound} {limit} {verdict}",
                describe::field(&e.pointer)
            ),
        };
        out.push(cx.diagnostic(&RULE, e.pointer.as_str(), e.target, message));
    }
}
