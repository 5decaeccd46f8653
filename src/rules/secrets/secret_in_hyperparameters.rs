//! SL601 `secret-in-hyperparameters` (see `rules/SL601.md`).

use super::report::{self, is_aws_credential};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{describe, Check, Context, Rule};
use crate::secrets::SecretKind;

pub const RULE: Rule = Rule {
    code: "SL601",
    name: "secret-in-hyperparameters",
    severity: Severity::Error,
    summary: "A credential or secret in a hyperparameter",
    doc: include_str!("../../../rules/SL601.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let entries = report::map_entries(
        &format!("/{}", cx.shape.hyperparameters()),
        cx.request.hyper_parameters.as_ref(),
        |key, _| format!("hyperparameter `{}`", describe::quote(key)),
    );
    report::report(cx, &RULE, entries, help, out);
}

fn help(kind: SecretKind) -> &'static str {
    if is_aws_credential(kind) {
        "SageMaker rejects credentials in hyperparameters: grant the permissions to the job's role (RoleArn) instead, and deactivate this key"
    } else {
        "SageMaker rejects secrets in hyperparameters: pass the name of an AWS Secrets Manager secret and read the value in the container; revoke this one"
    }
}
