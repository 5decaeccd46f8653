//! TN007 `single-algorithm-only` (see `rules/TN007.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN007",
    name: "single-algorithm-only",
    severity: Severity::Error,
    summary: "Warm start or early stopping on a tuning job of several training job definitions (available for one algorithm only)",
    doc: include_str!("../../../rules/TN007.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(t) = cx.tuning else {
        return;
    };
    let definitions = t.training_job_definitions.as_ref().map_or(0, Vec::len);
    if definitions < 2 {
        return;
    }
    if t.warm_start_config.is_some() {
        out.push(
            cx.diagnostic(
                &RULE,
                "/WarmStartConfig",
                Target::Key,
                format!("WarmStartConfig on a tuning job of {definitions} training job definitions: warm start is available only when tuning a single algorithm"),
            )
            .with_help("remove WarmStartConfig, or tune one training job definition (TrainingJobDefinition)"),
        );
    }
    let stopping = t
        .hyper_parameter_tuning_job_config
        .as_ref()
        .and_then(|c| c.training_job_early_stopping_type.as_deref());
    if stopping == Some("Auto") {
        out.push(
            cx.diagnostic(
                &RULE,
                "/HyperParameterTuningJobConfig/TrainingJobEarlyStoppingType",
                Target::Value,
                format!("early stopping (Auto) on a tuning job of {definitions} training job definitions: early stopping is available only when tuning a single algorithm"),
            )
            .with_help("set TrainingJobEarlyStoppingType to Off, or tune one training job definition"),
        );
    }
}
