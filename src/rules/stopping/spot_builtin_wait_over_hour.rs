//! SL406 `spot-builtin-wait-over-hour` (see `rules/SL406.md`).

use super::{spot, Spot};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::algorithm::builtin;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL406",
    name: "spot-builtin-wait-over-hour",
    severity: Severity::Error,
    summary: "Managed Spot with a built-in algorithm that does not checkpoint and MaxWaitTimeInSeconds over 3600",
    doc: include_str!("../../../rules/SL406.md"),
    check: Check::Request(check),
};

/// The longest wait SageMaker allows a Spot job whose algorithm does not checkpoint.
const LIMIT: i64 = 3600;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if spot(cx) != Spot::On {
        return;
    }
    let Some(algorithm) = builtin::of(cx).filter(|a| !a.checkpoints) else {
        return;
    };
    let Some(wait) = cx
        .request
        .stopping_condition
        .as_ref()
        .and_then(|s| s.max_wait_time_in_seconds)
        .filter(|w| *w > LIMIT)
    else {
        return;
    };
    out.push(
        cx.diagnostic(
            &RULE,
            "/StoppingCondition/MaxWaitTimeInSeconds",
            Target::Value,
            format!(
                "MaxWaitTimeInSeconds is {wait}, but the built-in {} algorithm does not checkpoint: SageMaker allows a managed Spot job of such an algorithm at most {LIMIT} seconds (one hour)",
                algorithm.name
            ),
        )
        .with_help("set MaxWaitTimeInSeconds to at most 3600 (and MaxRuntimeInSeconds to at most that), or train on on-demand capacity"),
    );
}
