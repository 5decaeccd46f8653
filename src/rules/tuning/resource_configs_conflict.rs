//! TN016 `resource-configs-conflict` (see `rules/TN016.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN016",
    name: "resource-configs-conflict",
    severity: Severity::Warning,
    summary: "A training job definition with both ResourceConfig and HyperParameterTuningResourceConfig",
    doc: include_str!("../../../rules/TN016.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (at, _) in super::definitions_of(cx) {
        // Present as written (a value known later counts: it is one or the other all the same).
        let tuning_config = format!("{at}/HyperParameterTuningResourceConfig");
        if !(cx.has(&format!("{at}/ResourceConfig")) && cx.has(&tuning_config)) {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                tuning_config,
                Target::Key,
                "HyperParameterTuningResourceConfig beside ResourceConfig: a training job definition gives its resources in one of the two".to_string(),
            )
            .with_help("keep ResourceConfig for one instance configuration (it also takes KeepAlivePeriodInSeconds), or HyperParameterTuningResourceConfig for instance type flexibility (InstanceConfigs), not both"),
        );
    }
}
