//! SL401 `max-wait-below-max-runtime` (see `rules/SL401.md`).

use super::{spot, Spot};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL401",
    name: "max-wait-below-max-runtime",
    severity: Severity::Error,
    summary: "MaxWaitTimeInSeconds is less than MaxRuntimeInSeconds (default 1 day)",
    doc: include_str!("../../../rules/SL401.md"),
    check: Check::Request(check),
};

/// MaxRuntimeInSeconds when the request does not set it: one day.
pub const DEFAULT_MAX_RUNTIME: i64 = 86_400;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(stop) = &cx.request.stopping_condition else {
        return;
    };
    let Some(wait) = stop.max_wait_time_in_seconds else {
        return;
    };
    // Without managed Spot training the wait time is rejected outright (SL404): comparing it
    // with the runtime would report the same mistake twice, with contradicting advice.
    if spot(cx) == Spot::Off {
        return;
    }
    let (runtime, source) = match stop.max_runtime_in_seconds {
        Some(r) => (r, "MaxRuntimeInSeconds"),
        None if cx.has("/StoppingCondition/MaxRuntimeInSeconds") => return,
        None => (
            DEFAULT_MAX_RUNTIME,
            "the default MaxRuntimeInSeconds of 1 day",
        ),
    };
    if wait < runtime {
        out.push(
            cx.diagnostic(
                &RULE,
                "/StoppingCondition/MaxWaitTimeInSeconds",
                Target::Value,
                format!("MaxWaitTimeInSeconds ({wait}) is less than {source} ({runtime})"),
            )
            .with_help(if stop.max_runtime_in_seconds.is_some() {
                "MaxWaitTimeInSeconds covers waiting for Spot capacity plus the run: make it at least MaxRuntimeInSeconds"
            } else {
                "set MaxRuntimeInSeconds to the run's real limit, or raise MaxWaitTimeInSeconds to at least 86400"
            }),
        );
    }
}
