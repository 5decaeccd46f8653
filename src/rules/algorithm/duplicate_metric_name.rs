//! SL205 `duplicate-metric-name` (see `rules/SL205.md`).

use super::metrics_ptr;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL205",
    name: "duplicate-metric-name",
    severity: Severity::Warning,
    summary: "Two MetricDefinitions with the same Name",
    doc: include_str!("../../../rules/SL205.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(metrics) = cx
        .request
        .algorithm_specification
        .as_ref()
        .and_then(|a| a.metric_definitions.as_deref())
    else {
        return;
    };
    let mut seen: foldhash::HashMap<&str, usize> = Default::default();
    for (i, m) in metrics.iter().enumerate() {
        let Some(name) = m.name.as_deref() else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        match seen.get(name) {
            Some(&first) => out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{}/{i}/Name", metrics_ptr()),
                    Target::Value,
                    format!(
                        "metric name `{}` is already defined by MetricDefinitions[{first}]: both definitions publish to the same metric",
                        describe::quote(name)
                    ),
                )
                .with_help("give each metric definition its own Name, or remove the duplicate"),
            ),
            None => {
                seen.insert(name, i);
            }
        }
    }
}
