//! SL801 `duplicate-rule-configuration-name` (see `rules/SL801.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL801",
    name: "duplicate-rule-configuration-name",
    severity: Severity::Error,
    summary:
        "Two Debugger (or two profiler) rule configurations with the same RuleConfigurationName",
    doc: include_str!("../../../rules/SL801.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let r = cx.request;
    let debug = r.debug_rule_configurations.as_deref().unwrap_or_default();
    let debug_names = debug.iter().map(|c| c.rule_configuration_name.as_deref());
    report(cx, "/DebugRuleConfigurations", debug_names.collect(), out);
    let profiler = r
        .profiler_rule_configurations
        .as_deref()
        .unwrap_or_default();
    let profiler_names = profiler
        .iter()
        .map(|c| c.rule_configuration_name.as_deref());
    report(
        cx,
        "/ProfilerRuleConfigurations",
        profiler_names.collect(),
        out,
    );
}

/// One diagnostic per repeated name of the list at `list`.
fn report(cx: &Context<'_>, list: &str, all: Vec<Option<&str>>, out: &mut Vec<Diagnostic>) {
    for (i, first) in super::repeated(all.iter().copied()) {
        let name = all[i].unwrap_or_default();
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{list}/{i}/RuleConfigurationName"),
                Target::Value,
                format!(
                    "RuleConfigurationName `{}` is already used by {}: rule configuration names must be unique",
                    describe::quote(name),
                    describe::field(&format!("{list}/{first}")),
                ),
            )
            .with_help(
                "give each rule configuration its own name (the rule's evaluation status is reported under it), or remove the repeated one",
            ),
        );
    }
}
