//! TN001 `range-min-above-max` (see `rules/TN001.md`).

use super::{number, Kind};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN001",
    name: "range-min-above-max",
    severity: Severity::Error,
    summary: "A hyperparameter range whose MinValue is above its MaxValue, or whose bounds are not numbers of its kind",
    doc: include_str!("../../../rules/TN001.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in super::ranges(cx) {
        let name = r.name.map(quote_for_message).unwrap_or_default();
        let kind = match r.kind {
            Kind::Integer => "an integer",
            Kind::Continuous => "a number",
        };
        let mut bounds = Vec::new();
        for (member, text) in [("MinValue", r.min), ("MaxValue", r.max)] {
            let Some(text) = text.filter(|t| !t.is_empty()) else {
                continue;
            };
            match number(r.kind, text) {
                Some(n) => bounds.push(n),
                None => out.push(
                    cx.diagnostic(
                        &RULE,
                        format!("{}/{member}", r.at),
                        Target::Value,
                        format!(
                            "{member} `{}` of range `{name}` is not {kind}",
                            quote_for_message(text)
                        ),
                    )
                    .with_help(match r.kind {
                        Kind::Integer => "an IntegerParameterRanges bound is a whole number written as a string (\"10\"); use ContinuousParameterRanges for real numbers",
                        Kind::Continuous => "write the bound as a number in a string (\"0.1\")",
                    }),
                ),
            }
        }
        if let [min, max] = bounds[..] {
            if min > max {
                out.push(
                    cx.diagnostic(
                        &RULE,
                        format!("{}/MinValue", r.at),
                        Target::Value,
                        format!(
                            "range `{name}` has MinValue {} above its MaxValue {}",
                            r.min.unwrap_or_default(),
                            r.max.unwrap_or_default()
                        ),
                    )
                    .with_help("swap the two bounds"),
                );
            }
        }
    }
}
