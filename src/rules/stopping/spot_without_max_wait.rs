//! SL403 `spot-without-max-wait` (see `rules/SL403.md`).

use super::{spot, Spot};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL403",
    name: "spot-without-max-wait",
    severity: Severity::Error,
    summary: "EnableManagedSpotTraining without StoppingCondition.MaxWaitTimeInSeconds",
    doc: include_str!("../../../rules/SL403.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    const AT: &str = "/StoppingCondition/MaxWaitTimeInSeconds";
    if spot(cx) != Spot::On || cx.has(AT) || misspelt(cx, AT) || misspelt(cx, "/StoppingCondition")
    {
        return;
    }
    // A StoppingCondition filled in at run time, or of the wrong type: nothing to judge.
    let literal = cx.root.get("StoppingCondition").is_some();
    if cx.has("/StoppingCondition") && (!literal || cx.request.stopping_condition.is_none()) {
        return;
    }
    let diagnostic = if literal {
        cx.diagnostic(
            &RULE,
            "/StoppingCondition",
            Target::Key,
            "EnableManagedSpotTraining is true, but StoppingCondition has no MaxWaitTimeInSeconds: a managed Spot training job needs the time it may take in all, waiting for Spot capacity plus running",
        )
    } else {
        cx.diagnostic(
            &RULE,
            "/EnableManagedSpotTraining",
            Target::Value,
            "EnableManagedSpotTraining is true, but the request has no StoppingCondition.MaxWaitTimeInSeconds: a managed Spot training job needs the time it may take in all, waiting for Spot capacity plus running",
        )
    };
    out.push(diagnostic.with_help(
        "set StoppingCondition.MaxWaitTimeInSeconds to at least MaxRuntimeInSeconds (default 86400), with room for waiting, e.g. twice the runtime",
    ));
}
