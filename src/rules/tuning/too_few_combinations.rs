//! TN017 `too-few-combinations` (see `rules/TN017.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN017",
    name: "too-few-combinations",
    severity: Severity::Error,
    summary: "MaxNumberOfTrainingJobs above the number of distinct combinations of the integer and categorical ranges",
    doc: include_str!("../../../rules/TN017.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((strategy, max_jobs, grid)) = super::limit_and_combinations(cx, true) else {
        return;
    };
    // A Grid search runs each combination once, whatever the limit says (TN013).
    let combinations = grid.combinations;
    if strategy == "Grid" || u128::try_from(max_jobs).is_ok_and(|n| n <= combinations) {
        return;
    }
    let factors = grid.factors();
    out.push(
        cx.diagnostic(
            &RULE,
            super::MAX_JOBS,
            Target::Value,
            format!("MaxNumberOfTrainingJobs is {max_jobs}, but the ranges have only {combinations} distinct combinations ({factors} values): SageMaker rejects a tuning job that asks for more training jobs than there are combinations"),
        )
        .with_help(format!("set MaxNumberOfTrainingJobs to {combinations} or less, or widen the ranges (a continuous range has no limit)")),
    );
}
