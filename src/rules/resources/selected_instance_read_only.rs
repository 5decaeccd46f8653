//! SL508 `selected-instance-read-only` (see `rules/SL508.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL508",
    name: "selected-instance-read-only",
    severity: Severity::Error,
    summary:
        "ResourceConfig.SelectedInstanceType or SelectedInstanceCount (read-only, set by SageMaker)",
    doc: include_str!("../../../rules/SL508.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for member in ["SelectedInstanceType", "SelectedInstanceCount"] {
        let at = format!("/ResourceConfig/{member}");
        if !cx.has(&at) {
            continue;
        }
        let fix = crate::fix::remove_member(cx.source, cx.root, &at);
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Key,
                format!("ResourceConfig.{member} is read-only: SageMaker sets it when it selects an instance type from InstancePreferences, and CreateTrainingJob does not accept it"),
            )
            .with_help("remove it (a request copied from DescribeTrainingJob output keeps it); to let SageMaker choose the instance type, list the candidates in ResourceConfig.InstancePreferences")
            .with_fix(fix),
        );
    }
}
