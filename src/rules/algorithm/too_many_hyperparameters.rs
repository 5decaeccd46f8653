//! SL201 `too-many-hyperparameters` (see `rules/SL201.md`).

use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};

pub const RULE: Rule = Rule {
    code: "SL201",
    name: "too-many-hyperparameters",
    severity: Severity::Error,
    summary: "More than 100 hyperparameters",
    doc: include_str!("../../../rules/SL201.md"),
    check: Check::Request(check),
};

pub const MAX_ENTRIES: usize = 100;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(hp) = &cx.request.hyper_parameters else {
        return;
    };
    if hp.len() > MAX_ENTRIES {
        out.push(
            cx.diagnostic(
                &RULE,
                format!("/{}", cx.shape.hyperparameters()),
                Target::Key,
                format!(
                    "{} hyperparameters; a training job takes at most {MAX_ENTRIES}",
                    hp.len()
                ),
            )
            .with_help("pass bulk settings as a configuration file in an input channel"),
        );
    }
}
