//! SL601 `secret-in-hyperparameters` (see `rules/SL601.md`).

use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::{pointer, secrets};

pub const RULE: Rule = Rule {
    code: "SL601",
    name: "secret-in-hyperparameters",
    severity: Severity::Error,
    summary: "A credential or secret in a hyperparameter",
    doc: include_str!("../../../rules/SL601.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(hp) = &cx.request.hyper_parameters else {
        return;
    };
    for (key, value) in hp {
        if let Some(found) = secrets::scan(Some(key), value) {
            let shown = crate::rules::describe::quote(key);
            let message = match found.kind {
                secrets::SecretKind::NamedSecret => format!(
                    "hyperparameter `{shown}` holds a real-looking value under a secret-like name (`{}`)",
                    found.preview
                ),
                kind => {
                    let what = kind.describe();
                    let article = if what.starts_with(['A', 'E', 'I', 'O', 'U']) {
                        "an"
                    } else {
                        "a"
                    };
                    format!(
                        "hyperparameter `{shown}` holds what looks like {article} {what} (`{}`)",
                        found.preview
                    )
                }
            };
            let mut d = cx
                .diagnostic(
                    &RULE,
                    pointer::join("/HyperParameters", key),
                    Target::Value,
                    message,
                )
                .with_help(match found.kind {
                    secrets::SecretKind::AwsAccessKeyId
                    | secrets::SecretKind::AwsSecretAccessKey
                    | secrets::SecretKind::AwsSessionToken => "SageMaker rejects credentials in hyperparameters: grant the permissions to the job's role (RoleArn) instead, and deactivate this key",
                    _ => "SageMaker rejects secrets in hyperparameters: pass the name of an AWS Secrets Manager secret and read the value in the container; revoke this one",
                });
            d.redact = true;
            out.push(d);
        }
    }
}
