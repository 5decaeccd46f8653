//! SL107 `invalid-map-size`: a map with too few or too many entries (see `rules/SL107.md`).

use super::{report_sizes, SizeRule};
use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::Violation;

pub const RULE: Rule = Rule {
    code: "SL107",
    name: "invalid-map-size",
    severity: Severity::Error,
    summary: "A map has more entries than the API allows (Environment, rule parameters, ...)",
    doc: include_str!("../../../rules/SL107.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let size = SizeRule {
        rule: &RULE,
        min: Violation::MinProperties,
        max: Violation::MaxProperties,
        keywords: ("minProperties", "maxProperties"),
        noun: ("entry", "entries"),
        count: |n| n.as_object().map(<[_]>::len),
    };
    report_sizes(cx, &size, out);
}
