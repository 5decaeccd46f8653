//! SL204 `invalid-metric-regex` (see `rules/SL204.md`).

use super::metric_regex::{compile, Compiled};
use super::metric_regexes;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL204",
    name: "invalid-metric-regex",
    severity: Severity::Error,
    summary: "A MetricDefinitions Regex that is not a valid regular expression",
    doc: include_str!("../../../rules/SL204.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (at, label, regex) in metric_regexes(cx) {
        if let Compiled::Invalid(why) = compile(regex) {
            out.push(
                cx.diagnostic(
                    &RULE,
                    at,
                    Target::Value,
                    format!("Regex of {label} is not a valid regular expression: {why}"),
                )
                .with_help("fix the pattern; test it against a line of the training log, e.g. with Python's re.search"),
            );
        }
    }
}
