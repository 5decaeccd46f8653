//! PL008 `max-runtime-over-policy` (see `rules/PL008.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL008",
    name: "max-runtime-over-policy",
    severity: Severity::Error,
    summary: "MaxRuntimeInSeconds (or its 1-day default) above the policy's `max-runtime-in-seconds`",
    doc: include_str!("../../../rules/PL008.md"),
    check: Check::Request(check),
};

/// `MaxRuntimeInSeconds` when it is not set.
const DEFAULT: i64 = 86_400;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(max) = cx.policy.max_runtime_in_seconds else {
        return;
    };
    if super::serverless(cx) {
        return;
    }
    let set = cx.has("/StoppingCondition/MaxRuntimeInSeconds");
    let runtime = cx
        .request
        .stopping_condition
        .as_ref()
        .and_then(|s| s.max_runtime_in_seconds);
    let d = if set {
        match runtime {
            Some(r) if r > max => cx.diagnostic(
                &RULE,
                "/StoppingCondition/MaxRuntimeInSeconds",
                Target::Value,
                format!("MaxRuntimeInSeconds is {r}, above the policy's maximum of {max} seconds"),
            ),
            // Within the maximum, or known only at run time.
            _ => return,
        }
    } else {
        // Not set: the 1-day default applies, unless the whole StoppingCondition is filled in
        // at run time (`StoppingCondition.$`).
        let at_run_time = cx.has("/StoppingCondition") && cx.request.stopping_condition.is_none();
        if DEFAULT <= max || at_run_time {
            return;
        }
        let at = if cx.has("/StoppingCondition") {
            "/StoppingCondition"
        } else {
            ""
        };
        cx.diagnostic(
            &RULE,
            at,
            Target::Key,
            format!("MaxRuntimeInSeconds is not set, so it is 1 day ({DEFAULT} seconds), above the policy's maximum of {max} seconds"),
        )
    };
    out.push(d.with_help(format!("set StoppingCondition.MaxRuntimeInSeconds to at most {max}")));
}
