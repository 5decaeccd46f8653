//! TN011 `duplicate-definition-name` (see `rules/TN011.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN011",
    name: "duplicate-definition-name",
    severity: Severity::Error,
    summary: "Two TrainingJobDefinitions items with the same DefinitionName",
    doc: include_str!("../../../rules/TN011.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(definitions) = cx.tuning.and_then(|t| t.training_job_definitions.as_ref()) else {
        return;
    };
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (i, d) in definitions.iter().enumerate() {
        // Unset, empty or known only later: nothing to compare (the schema reports an empty one).
        let Some(name) = d.definition_name.as_deref().filter(|n| !n.is_empty()) else {
            continue;
        };
        match seen.iter().find(|(n, _)| *n == name) {
            Some((_, first)) => out.push(
                cx.diagnostic(
                    &RULE,
                    format!("/TrainingJobDefinitions/{i}/DefinitionName"),
                    Target::Value,
                    format!(
                        "DefinitionName `{}` is already the name of training job definition {first}: each definition needs a unique name",
                        quote_for_message(name)
                    ),
                )
                .with_help(format!("rename this definition or the first one (`TrainingJobDefinitions[{first}].DefinitionName`)")),
            ),
            None => seen.push((name, i)),
        }
    }
}
