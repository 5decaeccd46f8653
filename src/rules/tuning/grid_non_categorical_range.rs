//! TN012 `grid-non-categorical-range` (see `rules/TN012.md`).

use super::Kind;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN012",
    name: "grid-non-categorical-range",
    severity: Severity::Error,
    summary: "An integer or continuous range on a tuning job with the Grid strategy (categorical ranges only)",
    doc: include_str!("../../../rules/TN012.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let grid = cx
        .tuning
        .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
        .and_then(|c| c.strategy.as_deref())
        == Some("Grid");
    if !grid {
        return;
    }
    for r in super::ranges(cx) {
        let kind = match r.kind {
            Kind::Integer => "an integer",
            Kind::Continuous => "a continuous",
        };
        let name = r.name.map(quote_for_message).unwrap_or_default();
        out.push(
            cx.diagnostic(
                &RULE,
                r.at.as_str(),
                Target::Value,
                format!("range `{name}` is {kind} range, but the Grid strategy searches categorical ranges only"),
            )
            .with_help("list the values to try as a CategoricalParameterRanges item, or use the Bayesian or Random strategy"),
        );
    }
}
