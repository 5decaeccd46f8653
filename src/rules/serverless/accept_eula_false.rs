//! SL903 `accept-eula-false` (see `rules/SL903.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL903",
    name: "accept-eula-false",
    severity: Severity::Warning,
    summary: "ServerlessJobConfig.AcceptEula is false: a base model with a EULA cannot be used",
    doc: include_str!("../../../rules/SL903.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(config) = cx.request.serverless_job_config.as_ref() else {
        return;
    };
    if config.accept_eula != Some(false) {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/ServerlessJobConfig/AcceptEula",
            Target::Value,
            "ServerlessJobConfig.AcceptEula is false: if the base model requires accepting its end-user license agreement (EULA), the job cannot use it",
        )
        .with_help("review the base model's license; if you accept it, set AcceptEula to true (if the model has no EULA, remove AcceptEula)"),
    );
}
