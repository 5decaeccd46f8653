//! Hyperparameters and the algorithm specification (SL2xx).

use crate::rules::{describe, Context};

registry! {
    too_many_hyperparameters,
    hyperparameter_too_long,
    algorithm_name_and_image,
    invalid_metric_regex,
    duplicate_metric_name,
    invalid_training_image,
    private_registry_without_vpc,
    network_isolation_unsupported,
    metric_regex_without_group,
    builtin_input_mode,
    builtin_instance_class,
    builtin_gpu_unused,
    builtin_single_instance,
    builtin_sharded_input,
}

pub(crate) mod builtin;
mod image_ref;
mod metric_regex;

fn metrics_ptr() -> &'static str {
    "/AlgorithmSpecification/MetricDefinitions"
}

/// How many `MetricDefinitions` have their regex compiled. The API takes 40 (SL106 reports a
/// longer list); compiling hundreds of thousands of distinct patterns would take minutes.
const MAX_METRIC_REGEXES: usize = 1000;

/// Every literal `MetricDefinitions[].Regex` (of the first [`MAX_METRIC_REGEXES`]): its pointer,
/// how a message names its metric, and the pattern. Empty patterns (the schema's) and template
/// placeholders are left out.
fn metric_regexes<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = (String, String, &'a str)> + 'a {
    cx.request
        .algorithm_specification
        .as_ref()
        .and_then(|a| a.metric_definitions.as_deref())
        .unwrap_or_default()
        .iter()
        .take(MAX_METRIC_REGEXES)
        .enumerate()
        .filter_map(|(i, m)| {
            let regex = m.regex.as_deref()?;
            if regex.is_empty() {
                return None;
            }
            let label = match m.name.as_deref() {
                Some(name) if !name.is_empty() => format!("metric `{}`", describe::quote(name)),
                _ => format!("MetricDefinitions[{i}]"),
            };
            Some((format!("{}/{i}/Regex", metrics_ptr()), label, regex))
        })
}
