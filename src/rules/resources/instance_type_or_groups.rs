//! SL504 `instance-type-or-groups` (see `rules/SL504.md`).

use super::list_set;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::serverless::is_serverless;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL504",
    name: "instance-type-or-groups",
    severity: Severity::Error,
    summary: "ResourceConfig needs one of InstanceType (with InstanceCount), InstanceGroups or InstancePreferences",
    doc: include_str!("../../../rules/SL504.md"),
    check: Check::Request(check),
};

const TYPE: &str = "/ResourceConfig/InstanceType";
const COUNT: &str = "/ResourceConfig/InstanceCount";
const GROUPS: &str = "/ResourceConfig/InstanceGroups";
const PREFERENCES: &str = "/ResourceConfig/InstancePreferences";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A missing (or templated) ResourceConfig is SL101's.
    let Some(rc) = cx.request.resource_config.as_ref() else {
        return;
    };
    let groups = list_set(cx, GROUPS, rc.instance_groups.as_deref());
    let preferences = list_set(cx, PREFERENCES, rc.instance_preferences.as_deref());
    let ty = cx.has(TYPE);
    // DescribeTrainingJob reports `InstanceCount: 0` for a heterogeneous cluster; a 0 next to
    // InstanceGroups asks for nothing.
    let count = cx.has(COUNT) && rc.instance_count != Some(0);

    if ty && (groups || preferences) {
        let other = if groups {
            "InstanceGroups (each instance group has its own InstanceType)"
        } else {
            "InstancePreferences (SageMaker picks the type from that list)"
        };
        out.push(
            cx.diagnostic(
                &RULE,
                TYPE,
                Target::Key,
                format!("ResourceConfig sets both InstanceType and {other}"),
            )
            .with_help(if groups {
                "remove ResourceConfig.InstanceType: in a heterogeneous cluster, InstanceGroups replaces InstanceType and InstanceCount"
            } else {
                "remove ResourceConfig.InstanceType, or remove InstancePreferences to run on that one type"
            }),
        );
    }
    if groups && count {
        out.push(
            cx.diagnostic(
                &RULE,
                COUNT,
                Target::Key,
                "ResourceConfig sets both InstanceCount and InstanceGroups (each instance group has its own InstanceCount)",
            )
            .with_help("remove ResourceConfig.InstanceCount: in a heterogeneous cluster, InstanceGroups replaces InstanceType and InstanceCount"),
        );
    }
    if groups && preferences {
        out.push(
            cx.diagnostic(
                &RULE,
                PREFERENCES,
                Target::Key,
                "ResourceConfig sets both InstancePreferences and InstanceGroups; they are mutually exclusive",
            )
            .with_help("keep one: InstanceGroups for a heterogeneous cluster, or InstancePreferences to let SageMaker pick one instance type from a list"),
        );
    }
    // A serverless job's compute is chosen by SageMaker.
    if groups || preferences || is_serverless(cx) {
        return;
    }
    if !ty {
        // `InstanceType: ""` or `null` is there but empty: the schema rules report the value.
        // A misspelt `InstanceTyp` is SL100's, with the fix.
        if cx.root.lookup(TYPE).is_some() || [TYPE, GROUPS, PREFERENCES].iter().any(|p| misspelt(cx, p)) {
            return;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                "/ResourceConfig",
                Target::Key,
                "ResourceConfig names no instances: it has neither InstanceType nor InstanceGroups",
            )
            .with_help("set InstanceType and InstanceCount (for example ml.m5.xlarge and 1), or InstanceGroups for a heterogeneous cluster"),
        );
    } else if !cx.has(COUNT) && !misspelt(cx, COUNT) {
        out.push(
            cx.diagnostic(
                &RULE,
                "/ResourceConfig",
                Target::Key,
                "ResourceConfig has InstanceType but no InstanceCount",
            )
            .with_help("set ResourceConfig.InstanceCount to the number of instances (1, or more for distributed training)"),
        );
    }
}
