//! SL404 `max-wait-without-spot` (see `rules/SL404.md`).

use super::{spot, Spot};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL404",
    name: "max-wait-without-spot",
    severity: Severity::Error,
    summary: "StoppingCondition.MaxWaitTimeInSeconds without EnableManagedSpotTraining",
    doc: include_str!("../../../rules/SL404.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let at = "/StoppingCondition/MaxWaitTimeInSeconds";
    if !cx.has(at) || spot(cx) != Spot::Off {
        return;
    }
    // Point at the key as written: `MaxWaitTimeInSeconds` or its Step Functions path form.
    let at = if cx.root.lookup(at).is_some() {
        at.to_string()
    } else {
        format!("{at}.$")
    };
    let why = if cx.request.enable_managed_spot_training == Some(false) {
        "EnableManagedSpotTraining is false"
    } else {
        "EnableManagedSpotTraining is not set (on-demand training)"
    };
    out.push(
        cx.diagnostic(
            &RULE,
            at,
            Target::Key,
            format!(
                "MaxWaitTimeInSeconds is set, but {why}: SageMaker accepts MaxWaitTimeInSeconds only for managed Spot training"
            ),
        )
        .with_help("remove MaxWaitTimeInSeconds (MaxRuntimeInSeconds limits an on-demand job), or set EnableManagedSpotTraining to true to train on Spot capacity"),
    );
}
