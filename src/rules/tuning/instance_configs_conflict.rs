//! TN008 `instance-configs-conflict` (see `rules/TN008.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN008",
    name: "instance-configs-conflict",
    severity: Severity::Error,
    summary: "HyperParameterTuningResourceConfig with InstanceConfigs and also InstanceType, InstanceCount or VolumeSizeInGB",
    doc: include_str!("../../../rules/TN008.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (at, d) in super::definitions_of(cx) {
        let Some(rc) = &d.hyper_parameter_tuning_resource_config else {
            continue;
        };
        if rc.instance_configs.as_ref().is_none_or(Vec::is_empty) {
            continue;
        }
        let set = [
            ("InstanceType", rc.instance_type.is_some()),
            ("InstanceCount", rc.instance_count.is_some()),
            ("VolumeSizeInGB", rc.volume_size_in_gb.is_some()),
        ];
        for (member, present) in set {
            if !present {
                continue;
            }
            out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{at}/HyperParameterTuningResourceConfig/{member}"),
                    Target::Key,
                    format!("{member} is set beside InstanceConfigs: with InstanceConfigs, each configuration gives its own instance type, count and volume size"),
                )
                .with_help(format!("remove {member}, or drop InstanceConfigs for a single instance configuration")),
            );
        }
    }
}
