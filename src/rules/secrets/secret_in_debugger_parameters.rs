//! SL604 `secret-in-debugger-parameters` (see `rules/SL604.md`).

use super::report::{self, is_aws_credential};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{describe, Check, Context, Rule};
use crate::secrets::SecretKind;

pub const RULE: Rule = Rule {
    code: "SL604",
    name: "secret-in-debugger-parameters",
    severity: Severity::Error,
    summary: "A credential or secret in a Debugger or profiler parameter map",
    doc: include_str!("../../../rules/SL604.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let r = cx.request;
    let subject = |_: &str, pointer: &str| describe::field(pointer);
    let hook = r.debug_hook_config.as_ref();
    let mut entries = report::map_entries(
        "/DebugHookConfig/HookParameters",
        hook.and_then(|h| h.hook_parameters.as_ref()),
        subject,
    );
    let collections = hook.and_then(|h| h.collection_configurations.as_deref());
    for (i, c) in collections.unwrap_or_default().iter().enumerate() {
        entries.extend(report::map_entries(
            &format!("/DebugHookConfig/CollectionConfigurations/{i}/CollectionParameters"),
            c.collection_parameters.as_ref(),
            subject,
        ));
    }
    let debug_rules = r.debug_rule_configurations.as_deref().unwrap_or_default();
    for (i, rule) in debug_rules.iter().enumerate() {
        entries.extend(report::map_entries(
            &format!("/DebugRuleConfigurations/{i}/RuleParameters"),
            rule.rule_parameters.as_ref(),
            subject,
        ));
    }
    entries.extend(report::map_entries(
        "/ProfilerConfig/ProfilingParameters",
        r.profiler_config
            .as_ref()
            .and_then(|p| p.profiling_parameters.as_ref()),
        subject,
    ));
    let profiler_rules = r
        .profiler_rule_configurations
        .as_deref()
        .unwrap_or_default();
    for (i, rule) in profiler_rules.iter().enumerate() {
        entries.extend(report::map_entries(
            &format!("/ProfilerRuleConfigurations/{i}/RuleParameters"),
            rule.rule_parameters.as_ref(),
            subject,
        ));
    }
    report::report(cx, &RULE, entries, help, out);
}

fn help(kind: SecretKind) -> &'static str {
    if is_aws_credential(kind) {
        "Debugger and profiler parameters are stored with the job, returned by DescribeTrainingJob and written to the containers' configuration files: grant the permissions to the job's role (RoleArn) instead, and deactivate this key"
    } else {
        "Debugger and profiler parameters are stored with the job, returned by DescribeTrainingJob and written to the containers' configuration files: keep the secret in AWS Secrets Manager and read it where it is needed; revoke this one"
    }
}
