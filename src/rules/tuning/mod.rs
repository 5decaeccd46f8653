//! The tuning job's own constraints (TNxxx): its ranges, its strategy and its limits. They run
//! on a CreateHyperParameterTuningJob request (`Shape::TuningJob`); its training job
//! definitions are checked by the other rules as requests of their own.

registry! {
    range_min_above_max,
    invalid_scaling_type,
    hyperband_early_stopping,
    parallel_above_max_jobs,
    too_many_tuning_hyperparameters,
    objective_metric_undefined,
    single_algorithm_only,
    instance_configs_conflict,
}

use crate::model::{
    CreateHyperParameterTuningJobRequest, HyperParameterTrainingJobDefinition, ParameterRanges,
};
use crate::rules::Context;

/// The tuning request, when the checked request is one.
fn tuning<'a>(cx: &Context<'a>) -> Option<&'a CreateHyperParameterTuningJobRequest> {
    cx.tuning
}

/// Each training job definition of the tuning request with its pointer: the one
/// `TrainingJobDefinition`, or every item of `TrainingJobDefinitions`.
pub fn definitions(
    t: &CreateHyperParameterTuningJobRequest,
) -> Vec<(String, &HyperParameterTrainingJobDefinition)> {
    let single = t
        .training_job_definition
        .iter()
        .map(|d| ("/TrainingJobDefinition".to_string(), d));
    let listed = t
        .training_job_definitions
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, d)| (format!("/TrainingJobDefinitions/{i}"), d));
    single.chain(listed).collect()
}

/// Whether a range takes integers or real numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Continuous,
}

/// One numeric range, wherever the request has it: the tuning job's `ParameterRanges` and each
/// training job definition's `HyperParameterRanges`.
pub struct Range<'a> {
    /// Pointer of the range object.
    pub at: String,
    pub kind: Kind,
    pub name: Option<&'a str>,
    pub min: Option<&'a str>,
    pub max: Option<&'a str>,
    pub scaling: Option<&'a str>,
}

/// Every numeric range of the tuning request.
pub fn ranges<'a>(cx: &Context<'a>) -> Vec<Range<'a>> {
    let Some(t) = tuning(cx) else {
        return Vec::new();
    };
    let mut holders: Vec<(String, &ParameterRanges)> = Vec::new();
    if let Some(r) = t
        .hyper_parameter_tuning_job_config
        .as_ref()
        .and_then(|c| c.parameter_ranges.as_ref())
    {
        holders.push(("/HyperParameterTuningJobConfig/ParameterRanges".into(), r));
    }
    for (at, d) in definitions(t) {
        if let Some(r) = d.hyper_parameter_ranges.as_ref() {
            holders.push((format!("{at}/HyperParameterRanges"), r));
        }
    }
    let mut out = Vec::new();
    for (at, r) in holders {
        for (i, range) in r.integer_parameter_ranges.iter().flatten().enumerate() {
            out.push(Range {
                at: format!("{at}/IntegerParameterRanges/{i}"),
                kind: Kind::Integer,
                name: range.name.as_deref(),
                min: range.min_value.as_deref(),
                max: range.max_value.as_deref(),
                scaling: range.scaling_type.as_deref(),
            });
        }
        for (i, range) in r.continuous_parameter_ranges.iter().flatten().enumerate() {
            out.push(Range {
                at: format!("{at}/ContinuousParameterRanges/{i}"),
                kind: Kind::Continuous,
                name: range.name.as_deref(),
                min: range.min_value.as_deref(),
                max: range.max_value.as_deref(),
                scaling: range.scaling_type.as_deref(),
            });
        }
    }
    out
}

/// A bound as the tuning job reads it: an integer for an integer range, a real number for a
/// continuous one (`None` when it is not one; empty or unset bounds are the schema's).
pub fn number(kind: Kind, text: &str) -> Option<f64> {
    let text = text.trim();
    match kind {
        Kind::Integer => text.parse::<i64>().ok().map(|n| n as f64),
        Kind::Continuous => text.parse::<f64>().ok().filter(|n| n.is_finite()),
    }
}
