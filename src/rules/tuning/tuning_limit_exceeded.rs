//! TN015 `tuning-limit-exceeded` (see `rules/TN015.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN015",
    name: "tuning-limit-exceeded",
    severity: Severity::Error,
    summary: "More training jobs, parallel training jobs or Hyperband epochs than a tuning job can ever have",
    doc: include_str!("../../../rules/TN015.md"),
    check: Check::Request(check),
};

const LIMITS: &str = "/HyperParameterTuningJobConfig/ResourceLimits";

/// The most parallel training jobs of a tuning job, the quota raised as far as it goes.
const MAX_PARALLEL: i64 = 100;
/// The most resources (epochs) Hyperband gives a training job.
const MAX_RESOURCE: i64 = 20_000;

/// The most training jobs a tuning job of a strategy can run, the quota raised as far as it goes.
fn max_jobs(strategy: &str) -> Option<i64> {
    match strategy {
        "Bayesian" | "Hyperband" | "Grid" => Some(750),
        "Random" => Some(10_000),
        _ => None,
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(config) = cx
        .tuning
        .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
    else {
        return;
    };
    let strategy = config.strategy.as_deref();
    let limits = config.resource_limits.as_ref();
    let jobs = limits.and_then(|l| l.max_number_of_training_jobs);
    if let (Some(jobs), Some(strategy)) = (jobs, strategy) {
        if let Some(max) = max_jobs(strategy).filter(|max| jobs > *max) {
            out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{LIMITS}/MaxNumberOfTrainingJobs"),
                    Target::Value,
                    format!("MaxNumberOfTrainingJobs is {jobs}; a tuning job with the {strategy} strategy runs at most {max} training jobs"),
                )
                .with_help(format!("lower MaxNumberOfTrainingJobs to {max} or less, or split the search into several tuning jobs")),
            );
        }
    }
    // Without MaxNumberOfTrainingJobs a grid runs one training job per combination.
    if strategy == Some("Grid") && jobs.is_none() {
        let grid = super::grid_combinations(cx).filter(|g| g.combinations > 750);
        if let Some(super::Grid { at, combinations, .. }) = grid {
            out.push(
                cx.diagnostic(
                    &RULE,
                    at,
                    Target::Key,
                    format!("the grid has {combinations} combinations of categorical values, one training job each; a Grid tuning job runs at most 750"),
                )
                .with_help("search fewer values, or split the grid into several tuning jobs"),
            );
        }
    }
    if let Some(parallel) = limits
        .and_then(|l| l.max_parallel_training_jobs)
        .filter(|p| *p > MAX_PARALLEL)
    {
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{LIMITS}/MaxParallelTrainingJobs"),
                Target::Value,
                format!("MaxParallelTrainingJobs is {parallel}; a tuning job runs at most {MAX_PARALLEL} training jobs at once (10 unless the quota is raised)"),
            )
            .with_help(format!("lower MaxParallelTrainingJobs to {MAX_PARALLEL} or less")),
        );
    }
    let resource = config
        .strategy_config
        .as_ref()
        .and_then(|c| c.hyperband_strategy_config.as_ref())
        .and_then(|h| h.max_resource)
        .filter(|r| *r > MAX_RESOURCE);
    if let Some(resource) = resource {
        out.push(
            cx.diagnostic(
                &RULE,
                "/HyperParameterTuningJobConfig/StrategyConfig/HyperbandStrategyConfig/MaxResource",
                Target::Value,
                format!("MaxResource is {resource}; Hyperband gives a training job at most {MAX_RESOURCE} epochs"),
            )
            .with_help(format!("lower MaxResource to {MAX_RESOURCE} or less")),
        );
    }
}
