//! SL402 `max-runtime-over-limit` (see `rules/SL402.md`).

use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};

pub const RULE: Rule = Rule {
    code: "SL402",
    name: "max-runtime-over-limit",
    severity: Severity::Error,
    summary: "MaxRuntimeInSeconds above the 28-day maximum (2,419,200 s)",
    doc: include_str!("../../../rules/SL402.md"),
    check: Check::Request(check),
};

pub const MAX_RUNTIME: i64 = 28 * 24 * 3600;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(runtime) = cx
        .request
        .stopping_condition
        .as_ref()
        .and_then(|s| s.max_runtime_in_seconds)
    else {
        return;
    };
    if runtime > MAX_RUNTIME {
        let days = runtime as f64 / 86_400.0;
        out.push(
            cx.diagnostic(
                &RULE,
                "/StoppingCondition/MaxRuntimeInSeconds",
                Target::Value,
                format!(
                    "MaxRuntimeInSeconds is {runtime} ({days:.1} days); the maximum is 28 days ({MAX_RUNTIME})"
                ),
            )
            .with_help("split the work into jobs that resume from checkpoints (CheckpointConfig)"),
        );
    }
}
