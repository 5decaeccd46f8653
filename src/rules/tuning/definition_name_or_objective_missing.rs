//! TN010 `definition-name-or-objective-missing` (see `rules/TN010.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN010",
    name: "definition-name-or-objective-missing",
    severity: Severity::Error,
    summary: "A TrainingJobDefinitions item without a DefinitionName or a TuningObjective",
    doc: include_str!("../../../rules/TN010.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(t) = cx.tuning else {
        return;
    };
    let count = t.training_job_definitions.as_ref().map_or(0, Vec::len);
    for i in 0..count {
        let at = format!("/TrainingJobDefinitions/{i}");
        // A definition known only later has members nobody can see yet.
        if !super::is_object(cx, &at) {
            continue;
        }
        let members = [
            ("DefinitionName", "a name (DefinitionName) that tells its training jobs apart from the other definitions'"),
            ("TuningObjective", "its own objective metric (`TuningObjective.Type` and `TuningObjective.MetricName`)"),
        ];
        for (member, what) in members {
            let member_at = format!("{at}/{member}");
            if cx.has(&member_at) || misspelt(cx, &member_at) {
                continue;
            }
            out.push(
                cx.diagnostic(
                    &RULE,
                    at.as_str(),
                    Target::Key,
                    format!("training job definition {i} has no {member}: each item of TrainingJobDefinitions needs {what}"),
                )
                .with_help(format!("add {member} to the definition")),
            );
        }
    }
}
