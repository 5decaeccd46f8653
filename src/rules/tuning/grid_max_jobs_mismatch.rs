//! TN013 `grid-max-jobs-mismatch` (see `rules/TN013.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN013",
    name: "grid-max-jobs-mismatch",
    severity: Severity::Warning,
    summary: "The Grid strategy with a MaxNumberOfTrainingJobs other than the number of distinct category combinations",
    doc: include_str!("../../../rules/TN013.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(("Grid", max_jobs, grid)) = super::limit_and_combinations(cx, false) else {
        return;
    };
    let combinations = grid.combinations;
    if u128::try_from(max_jobs).ok() == Some(combinations) {
        return;
    }
    let factors = grid.factors();
    out.push(
        cx.diagnostic(
            &RULE,
            super::MAX_JOBS,
            Target::Value,
            format!("MaxNumberOfTrainingJobs is {max_jobs}, but the Grid strategy runs one training job per combination of the categorical values: {combinations} ({factors} distinct values)"),
        )
        .with_help(format!("remove MaxNumberOfTrainingJobs (the grid sets it), or set it to {combinations}")),
    );
}
