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
    // A Grid search runs each combination once, whatever the limit says (TN013).
    if config.strategy.as_deref().is_none_or(|s| s == "Grid") {
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
    }) = super::combinations(cx, true)
    else {
        return;
    };
    if u128::try_from(max_jobs).is_ok_and(|n| n <= combinations) {
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
            format!("MaxNumberOfTrainingJobs is {max_jobs}, but the ranges have only {combinations} distinct combinations ({factors} values): SageMaker rejects a tuning job that asks for more training jobs than there are combinations"),
        )
        .with_help(format!("set MaxNumberOfTrainingJobs to {combinations} or less, or widen the ranges (a continuous range has no limit)")),
    );
}
