//! PL007 `instance-type-not-allowed` (see `rules/PL007.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL007",
    name: "instance-type-not-allowed",
    severity: Severity::Error,
    summary: "An instance type outside the policy's allow-list (`[policy] allowed-instance-types`)",
    doc: include_str!("../../../rules/PL007.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(allowed) = &cx.policy.allowed_instance_types else {
        return;
    };
    // Every instance type the job may run on: the cluster's, each group's, each preference, and
    // a tuning definition's instance configurations (unknown names are the schema's to report;
    // values known later are not judged).
    for (at, facts) in crate::rules::resources::every_instance_type(cx) {
        let name = facts.name;
        if allowed.allows(name) {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Value,
                format!(
                    "instance type {name} is not in the policy's allowed-instance-types ({})",
                    allowed.patterns.join(", ")
                ),
            )
            .with_help("use an allowed instance type, or ask the platform team to allow this one"),
        );
    }
}
