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
    // Every literal instance type the job may run on: the cluster's, each group's, and each
    // preference (unknown names are the schema's to report; placeholders are not judged).
    let rc = cx.request.resource_config.as_ref();
    let single = rc
        .and_then(|r| r.instance_type.as_deref())
        .map(|t| ("/ResourceConfig/InstanceType".to_string(), t));
    let groups = rc
        .and_then(|r| r.instance_groups.as_deref())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            Some((
                format!("/ResourceConfig/InstanceGroups/{i}/InstanceType"),
                g.instance_type.as_deref()?,
            ))
        });
    let preferences = rc
        .and_then(|r| r.instance_preferences.as_deref())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            Some((
                format!("/ResourceConfig/InstancePreferences/{i}/InstanceType"),
                p.instance_type.as_deref()?,
            ))
        });
    for (at, name) in single.into_iter().chain(groups).chain(preferences) {
        if crate::facts::instance_type(name).is_none() || allowed.allows(name) {
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
