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
}

mod image_ref;
mod metric_regex;

fn metrics_ptr() -> &'static str {
    "/AlgorithmSpecification/MetricDefinitions"
}

/// Every literal `MetricDefinitions[].Regex`: its pointer, how a message names its metric, and
/// the pattern. Empty patterns (the schema's) and template placeholders are left out.
fn metric_regexes<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = (String, String, &'a str)> + 'a {
    cx.request
        .algorithm_specification
        .as_ref()
        .and_then(|a| a.metric_definitions.as_deref())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let regex = m.regex.as_deref()?;
            if regex.is_empty() || crate::schema::is_templated(regex) {
                return None;
            }
            let label = match m.name.as_deref() {
                Some(name) if !name.is_empty() => format!("metric `{}`", describe::quote(name)),
                _ => format!("MetricDefinitions[{i}]"),
            };
            Some((format!("{}/{i}/Regex", metrics_ptr()), label, regex))
        })
}
