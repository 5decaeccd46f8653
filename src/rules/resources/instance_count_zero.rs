//! SL505 `instance-count-zero` (see `rules/SL505.md`).

use super::list_set;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::serverless::is_serverless;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL505",
    name: "instance-count-zero",
    severity: Severity::Error,
    summary: "InstanceCount 0: the job would have no instance to run on",
    doc: include_str!("../../../rules/SL505.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(rc) = cx.request.resource_config.as_ref() else {
        return;
    };
    // Negative counts are below the model's minimum (SL108). Next to InstanceGroups the job-level
    // count means nothing (DescribeTrainingJob reports 0 there); a serverless job's compute is
    // chosen by SageMaker.
    if list_set(
        cx,
        "/ResourceConfig/InstanceGroups",
        rc.instance_groups.as_deref(),
    ) || is_serverless(cx)
    {
        return;
    }
    if rc.instance_count == Some(0) {
        let of = match rc.instance_type.as_deref() {
            Some(t) if crate::facts::instance_type(t).is_some() => format!(" of {t}"),
            _ => String::new(),
        };
        out.push(
            cx.diagnostic(
                &RULE,
                "/ResourceConfig/InstanceCount",
                Target::Value,
                format!("InstanceCount is 0: the job would have no instance{of} to run on"),
            )
            .with_help("set ResourceConfig.InstanceCount to 1, or more for distributed training"),
        );
    }
    let preferences = rc.instance_preferences.as_deref().unwrap_or_default();
    for (i, p) in preferences.iter().enumerate() {
        if p.instance_count != Some(0) {
            continue;
        }
        let of = p
            .instance_type
            .as_deref()
            .filter(|t| crate::facts::instance_type(t).is_some())
            .map(|t| format!(" of {t}"))
            .unwrap_or_default();
        out.push(
            cx.diagnostic(
                &RULE,
                format!("/ResourceConfig/InstancePreferences/{i}/InstanceCount"),
                Target::Value,
                format!("InstancePreferences[{i}].InstanceCount is 0: if SageMaker picks this preference, the job has no instance{of} to run on"),
            )
            .with_help("set the preference's InstanceCount to 1 or more"),
        );
    }
}
