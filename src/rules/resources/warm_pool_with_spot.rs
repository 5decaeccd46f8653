//! SL510 `warm-pool-with-spot` (see `rules/SL510.md`).

use super::warm_pool;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL510",
    name: "warm-pool-with-spot",
    severity: Severity::Error,
    summary: "KeepAlivePeriodInSeconds (a managed warm pool) with EnableManagedSpotTraining",
    doc: include_str!("../../../rules/SL510.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(seconds) = warm_pool(cx) else {
        return;
    };
    if cx.request.enable_managed_spot_training != Some(true) {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/ResourceConfig/KeepAlivePeriodInSeconds",
            Target::Key,
            format!(
                "KeepAlivePeriodInSeconds is {seconds} (a managed warm pool), but EnableManagedSpotTraining is true: warm pools cannot be used with Spot instances"
            ),
        )
        .with_help("remove KeepAlivePeriodInSeconds (or set it to 0) to train on Spot capacity, or set EnableManagedSpotTraining to false to keep the warm pool"),
    );
}
