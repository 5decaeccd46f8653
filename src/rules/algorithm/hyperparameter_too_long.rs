//! SL202 `hyperparameter-too-long` (see `rules/SL202.md`).

use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::pointer;

pub const RULE: Rule = Rule {
    code: "SL202",
    name: "hyperparameter-too-long",
    severity: Severity::Error,
    summary: "A hyperparameter key or value longer than 256 characters",
    doc: include_str!("../../../rules/SL202.md"),
    check: Check::Request(check),
};

pub const MAX_CHARS: usize = 256;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(hp) = &cx.request.hyper_parameters else {
        return;
    };
    for (key, value) in hp {
        let at = pointer::join(&format!("/{}", cx.shape.hyperparameters()), key);
        let key_len = key.chars().count();
        if key_len > MAX_CHARS {
            out.push(cx.diagnostic(
                &RULE,
                at.as_str(),
                Target::Key,
                format!(
                    "hyperparameter key is {key_len} characters long; at most {MAX_CHARS} allowed"
                ),
            ));
        }
        let value_len = value.chars().count();
        if value_len > MAX_CHARS {
            out.push(
                cx.diagnostic(
                    &RULE,
                    at.as_str(),
                    Target::Value,
                    format!(
                        "value of hyperparameter `{}` is {value_len} characters long; at most {MAX_CHARS} allowed",
                        crate::rules::describe::quote(key)
                    ),
                )
                .with_help("put the value in a file in an input channel and pass the file's path (/opt/ml/input/data/<channel>/<file>) instead"),
            );
        }
    }
}
