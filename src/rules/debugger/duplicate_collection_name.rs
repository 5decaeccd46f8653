//! SL802 `duplicate-collection-name` (see `rules/SL802.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL802",
    name: "duplicate-collection-name",
    severity: Severity::Error,
    summary: "Two DebugHookConfig collection configurations with the same CollectionName",
    doc: include_str!("../../../rules/SL802.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let collections = cx
        .request
        .debug_hook_config
        .as_ref()
        .and_then(|h| h.collection_configurations.as_deref())
        .unwrap_or_default();
    let names: Vec<Option<&str>> = collections
        .iter()
        .map(|c| c.collection_name.as_deref())
        .collect();
    const LIST: &str = "/DebugHookConfig/CollectionConfigurations";
    for (i, first) in super::repeated(names.iter().copied()) {
        let name = names[i].unwrap_or_default();
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{LIST}/{i}/CollectionName"),
                Target::Value,
                format!(
                    "CollectionName `{}` is already configured by {}: collection names must be unique",
                    describe::quote(name),
                    describe::field(&format!("{LIST}/{first}")),
                ),
            )
            .with_help(format!(
                "merge the two configurations of `{}` into one, with all their CollectionParameters",
                describe::quote(name)
            )),
        );
    }
}
