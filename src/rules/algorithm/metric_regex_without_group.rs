//! SL209 `metric-regex-without-group` (see `rules/SL209.md`).

use super::metric_regex::{compile, Compiled};
use super::metric_regexes;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL209",
    name: "metric-regex-without-group",
    severity: Severity::Warning,
    summary: "A MetricDefinitions Regex without a capture group for the metric's value",
    doc: include_str!("../../../rules/SL209.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (at, label, regex) in metric_regexes(cx) {
        if compile(regex) == (Compiled::Ok { groups: 0 }) {
            out.push(
                cx.diagnostic(
                    &RULE,
                    at,
                    Target::Value,
                    format!(
                        "Regex of {label} has no capture group: nothing in it marks the metric's value"
                    ),
                )
                .with_help("put parentheses around the part that matches the number, e.g. `loss=([0-9.eE+-]+)`"),
            );
        }
    }
}
