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

const MAX_JOBS: &str = "/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Autotune may choose other ranges and limits than those written.
    if super::autotuned(cx) {
        return;
    }
    let Some(config) = cx
        .tuning
        .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
    else {
        return;
    };
    if config.strategy.as_deref() != Some("Grid") {
        return;
    }
    let Some(max_jobs) = config
        .resource_limits
        .as_ref()
        .and_then(|l| l.max_number_of_training_jobs)
    else {
        return;
    };
    let Some(super::Grid {
        combinations, counts, ..
    }) = super::grid_combinations(cx)
    else {
        return;
    };
    if u128::try_from(max_jobs).ok() == Some(combinations) {
        return;
    }
    let factors = counts
        .iter()
        .map(u128::to_string)
        .collect::<Vec<_>>()
        .join(" x ");
    out.push(
        cx.diagnostic(
            &RULE,
            MAX_JOBS,
            Target::Value,
            format!("MaxNumberOfTrainingJobs is {max_jobs}, but the Grid strategy runs one training job per combination of the categorical values: {combinations} ({factors} distinct values)"),
        )
        .with_help(format!("remove MaxNumberOfTrainingJobs (the grid sets it), or set it to {combinations}")),
    );
}
