//! SL511 `warm-pool-with-instance-groups` (see `rules/SL511.md`).

use super::{list_set, warm_pool};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL511",
    name: "warm-pool-with-instance-groups",
    severity: Severity::Error,
    summary: "KeepAlivePeriodInSeconds (a managed warm pool) with InstanceGroups (a heterogeneous cluster)",
    doc: include_str!("../../../rules/SL511.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(seconds) = warm_pool(cx) else {
        return;
    };
    let groups = cx
        .request
        .resource_config
        .as_ref()
        .and_then(|r| r.instance_groups.as_deref());
    if !list_set(cx, "/ResourceConfig/InstanceGroups", groups) {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/ResourceConfig/KeepAlivePeriodInSeconds",
            Target::Key,
            format!(
                "KeepAlivePeriodInSeconds is {seconds} (a managed warm pool), but ResourceConfig has InstanceGroups: warm pools cannot be used with heterogeneous cluster training"
            ),
        )
        .with_help("remove KeepAlivePeriodInSeconds, or train on one instance type (InstanceType and InstanceCount instead of InstanceGroups) to keep the warm pool"),
    );
}
