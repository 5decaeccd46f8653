//! SL605 `secret-in-container-command` (see `rules/SL605.md`).

use super::report::{self, is_aws_credential};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Rule};
use crate::secrets::SecretKind;

pub const RULE: Rule = Rule {
    code: "SL605",
    name: "secret-in-container-command",
    severity: Severity::Error,
    summary: "A credential or secret in ContainerEntrypoint or ContainerArguments",
    doc: include_str!("../../../rules/SL605.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(spec) = cx.request.algorithm_specification.as_ref() else {
        return;
    };
    let mut entries = report::list_entries(
        "/AlgorithmSpecification/ContainerEntrypoint",
        spec.container_entrypoint.as_deref(),
    );
    entries.extend(report::list_entries(
        "/AlgorithmSpecification/ContainerArguments",
        spec.container_arguments.as_deref(),
    ));
    report::report(cx, &RULE, entries, help, out);
}

fn help(kind: SecretKind) -> &'static str {
    if is_aws_credential(kind) {
        "the container's command line is stored with the job and returned by DescribeTrainingJob: grant the permissions to the job's role (RoleArn) instead, and deactivate this key"
    } else {
        "the container's command line is stored with the job and returned by DescribeTrainingJob: pass the name of an AWS Secrets Manager secret and read the value in the container; revoke this one"
    }
}
