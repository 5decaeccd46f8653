//! SL602 `secret-in-environment` (see `rules/SL602.md`).

use super::report::{self, is_aws_credential};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{describe, Check, Context, Rule};
use crate::secrets::SecretKind;

pub const RULE: Rule = Rule {
    code: "SL602",
    name: "secret-in-environment",
    severity: Severity::Error,
    summary: "A credential or secret in an Environment variable",
    doc: include_str!("../../../rules/SL602.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let entries = report::map_entries("/Environment", cx.request.environment.as_ref(), |key, _| {
        format!("environment variable `{}`", describe::quote(key))
    });
    report::report(cx, &RULE, entries, help, out);
}

fn help(kind: SecretKind) -> &'static str {
    if is_aws_credential(kind) {
        "environment variables are stored with the job and returned by DescribeTrainingJob: grant the permissions to the job's role (RoleArn) instead, and deactivate this key"
    } else {
        "environment variables are stored with the job and returned by DescribeTrainingJob: pass the name of an AWS Secrets Manager secret and read the value in the container; revoke this one"
    }
}
