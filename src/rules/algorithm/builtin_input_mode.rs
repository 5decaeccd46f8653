//! SL210 `builtin-input-mode` (see `rules/SL210.md`).

use super::builtin;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::input::{channel_label, channel_ptr, input_mode, ModeFrom};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL210",
    name: "builtin-input-mode",
    severity: Severity::Error,
    summary: "Pipe mode with a built-in algorithm that reads File mode only (DeepAR, IP Insights, Object2Vec, Seq2Seq)",
    doc: include_str!("../../../rules/SL210.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(algorithm) = builtin::of(cx).filter(|a| !a.pipe) else {
        return;
    };
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    // The channels that inherit Pipe mode from the job: one diagnostic on the job's mode.
    let mut inheriting = Vec::new();
    for (i, channel) in channels.iter().enumerate() {
        let Some((mode, from)) = input_mode(cx, i, channel) else {
            continue;
        };
        if mode != "Pipe" {
            continue;
        }
        if from == ModeFrom::Job {
            inheriting.push(channel_label(i, channel));
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{}/InputMode", channel_ptr(i)),
                Target::Value,
                format!(
                    "{} is read in Pipe mode, but the built-in {} algorithm supports File mode only",
                    channel_label(i, channel),
                    algorithm.name
                ),
            )
            .with_help(HELP),
        );
    }
    if !inheriting.is_empty() {
        out.push(
            cx.diagnostic(
                &RULE,
                "/AlgorithmSpecification/TrainingInputMode",
                Target::Value,
                format!(
                    "TrainingInputMode is Pipe ({} inherit it), but the built-in {} algorithm supports File mode only",
                    inheriting.join(", "),
                    algorithm.name
                ),
            )
            .with_help(HELP),
        );
    }
}

const HELP: &str = "use File mode (or FastFile, which works wherever File does)";
