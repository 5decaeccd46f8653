//! TN004 `parallel-above-max-jobs` (see `rules/TN004.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN004",
    name: "parallel-above-max-jobs",
    severity: Severity::Warning,
    summary: "ResourceLimits.MaxParallelTrainingJobs above MaxNumberOfTrainingJobs",
    doc: include_str!("../../../rules/TN004.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(limits) = cx
        .tuning
        .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
        .and_then(|c| c.resource_limits.as_ref())
    else {
        return;
    };
    let (Some(parallel), Some(total)) = (
        limits.max_parallel_training_jobs,
        limits.max_number_of_training_jobs,
    ) else {
        return;
    };
    if parallel > total {
        out.push(
            cx.diagnostic(
                &RULE,
                "/HyperParameterTuningJobConfig/ResourceLimits/MaxParallelTrainingJobs",
                Target::Value,
                format!("MaxParallelTrainingJobs is {parallel}, but the tuning job runs at most {total} training jobs (MaxNumberOfTrainingJobs): no more than {total} can ever run at once"),
            )
            .with_help("lower MaxParallelTrainingJobs to MaxNumberOfTrainingJobs or less (fewer parallel jobs also let each learn from the ones before)"),
        );
    }
}
