//! TN013 `grid-max-jobs-mismatch` (see `rules/TN013.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN013",
    name: "grid-max-jobs-mismatch",
    severity: Severity::Error,
    summary: "The Grid strategy with a MaxNumberOfTrainingJobs other than the number of distinct category combinations",
    doc: include_str!("../../../rules/TN013.md"),
    check: Check::Request(check),
};

const MAX_JOBS: &str = "/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(t) = cx.tuning else {
        return;
    };
    let Some(config) = &t.hyper_parameter_tuning_job_config else {
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
    // One search space: the one TrainingJobDefinition's. How the grids of several definitions
    // add up is not documented.
    if t.training_job_definitions.is_some() {
        return;
    }
    let Some(d) = &t.training_job_definition else {
        return;
    };
    let (at, ranges) = super::ranges_of(cx, super::SINGLE, d);
    let Some(ranges) = ranges else {
        return;
    };
    // Every range and category must be written out to be counted; numeric ranges are TN012's.
    if !super::known(cx, &at)
        || ranges.integer_parameter_ranges.as_ref().is_some_and(|r| !r.is_empty())
        || ranges.continuous_parameter_ranges.as_ref().is_some_and(|r| !r.is_empty())
    {
        return;
    }
    let mut counts = Vec::new();
    for range in ranges.categorical_parameter_ranges.iter().flatten() {
        let Some(values) = &range.values else {
            return;
        };
        let mut distinct: Vec<&str> = values.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.is_empty() {
            return;
        }
        counts.push(distinct.len() as u128);
    }
    if counts.is_empty() {
        return;
    }
    let combinations = counts
        .iter()
        .try_fold(1u128, |product, n| product.checked_mul(*n));
    let Some(combinations) = combinations else {
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
