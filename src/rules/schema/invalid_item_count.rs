//! SL106 `invalid-item-count`: a list with too few or too many items (see `rules/SL106.md`).

use super::{report_sizes, SizeRule};
use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::Violation;

pub const RULE: Rule = Rule {
    code: "SL106",
    name: "invalid-item-count",
    severity: Severity::Error,
    summary: "A list has fewer or more items than the API allows (channels, tags, subnets, ...)",
    doc: include_str!("../../../rules/SL106.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let size = SizeRule {
        rule: &RULE,
        min: Violation::MinItems,
        max: Violation::MaxItems,
        keywords: ("minItems", "maxItems"),
        noun: ("item", "items"),
        count: |n| n.as_array().map(<[_]>::len),
    };
    report_sizes(cx, &size, out);
}
