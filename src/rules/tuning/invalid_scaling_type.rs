//! TN002 `invalid-scaling-type` (see `rules/TN002.md`).

use super::number;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN002",
    name: "invalid-scaling-type",
    severity: Severity::Error,
    summary: "Logarithmic scaling of a range that reaches 0 or below, or ReverseLogarithmic outside 0 <= x < 1",
    doc: include_str!("../../../rules/TN002.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in super::ranges(cx) {
        let (Some(min), Some(max)) = (
            r.min.and_then(|m| number(r.kind, m)),
            r.max.and_then(|m| number(r.kind, m)),
        ) else {
            continue;
        };
        let name = r.name.map(quote_for_message).unwrap_or_default();
        let (wrong, why) = match r.scaling {
            Some("Logarithmic") if min <= 0.0 => (
                true,
                "Logarithmic scaling works only for ranges whose values are all greater than 0",
            ),
            Some("ReverseLogarithmic") if !(0.0 <= min && max < 1.0) => (
                true,
                "ReverseLogarithmic scaling works only for ranges entirely within 0 <= x < 1",
            ),
            _ => (false, ""),
        };
        if wrong {
            out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{}/ScalingType", r.at),
                    Target::Value,
                    format!(
                        "range `{name}` ({} to {}): {why}",
                        r.min.unwrap_or_default(),
                        r.max.unwrap_or_default()
                    ),
                )
                .with_help("use Linear or Auto scaling, or move the range's bounds"),
            );
        }
    }
}
