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
    let mut job_reported = false;
    for (i, channel) in channels.iter().enumerate() {
        let Some((mode, from)) = input_mode(cx, i, channel) else {
            continue;
        };
        if mode != "Pipe" {
            continue;
        }
        let at = match from {
            ModeFrom::Channel => format!("{}/InputMode", channel_ptr(i)),
            // One diagnostic for the job's mode, however many channels inherit it.
            ModeFrom::Job if job_reported => continue,
            ModeFrom::Job => {
                job_reported = true;
                "/AlgorithmSpecification/TrainingInputMode".to_string()
            }
        };
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Value,
                format!(
                    "{} is read in Pipe mode (from {}), but the built-in {} algorithm supports File mode only",
                    channel_label(i, channel),
                    from.describe(),
                    algorithm.name
                ),
            )
            .with_help("use File mode (or FastFile, which works wherever File does)"),
        );
    }
}
