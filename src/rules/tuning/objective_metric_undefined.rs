//! TN006 `objective-metric-undefined` (see `rules/TN006.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::model::HyperParameterTrainingJobDefinition;
use crate::rules::algorithm::builtin;
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN006",
    name: "objective-metric-undefined",
    severity: Severity::Error,
    summary: "A tuning objective metric that the training job definition's MetricDefinitions do not define",
    doc: include_str!("../../../rules/TN006.md"),
    check: Check::Request(check),
};

use super::SINGLE;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let job_objective = cx
        .tuning
        .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
        .and_then(|c| c.hyper_parameter_tuning_job_objective.as_ref())
        .and_then(|o| o.metric_name.as_deref());
    // Each definition with its objective (its own TuningObjective; for the one
    // TrainingJobDefinition, else the tuning job's objective), and where that is written.
    let definitions = super::definitions_of(cx).into_iter().map(|(here, d)| match own(d) {
        None if here == SINGLE => (
            d,
            "/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective/MetricName".into(),
            job_objective,
        ),
        objective => (d, format!("{here}/TuningObjective/MetricName"), objective),
    });
    for (d, at, objective) in definitions {
        let Some(objective) = objective.filter(|o| !o.is_empty()) else {
            continue;
        };
        let Some(spec) = &d.algorithm_specification else {
            continue;
        };
        // A built-in or Marketplace algorithm publishes its own metrics.
        let builtin = spec
            .training_image
            .as_deref()
            .is_some_and(|i| builtin::by_image(i).is_some());
        if spec.algorithm_name.is_some() || builtin {
            continue;
        }
        let names: Vec<&str> = spec
            .metric_definitions
            .iter()
            .flatten()
            .filter_map(|m| m.name.as_deref())
            .collect();
        // Without MetricDefinitions the image may be a built-in one the table does not know.
        if names.is_empty() || names.contains(&objective) {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Value,
                format!(
                    "objective metric `{}` is not one of the definition's MetricDefinitions ({}): the tuning job cannot read its value from the training jobs' logs",
                    quote_for_message(objective),
                    names.join(", ")
                ),
            )
            .with_help("name one of the MetricDefinitions, or add a MetricDefinition (Name and Regex) for this metric"),
        );
    }
}

/// A definition's own objective metric.
fn own(d: &HyperParameterTrainingJobDefinition) -> Option<&str> {
    d.tuning_objective.as_ref()?.metric_name.as_deref()
}
