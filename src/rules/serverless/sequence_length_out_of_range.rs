//! SL904 `sequence-length-out-of-range` (see `rules/SL904.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL904",
    name: "sequence-length-out-of-range",
    severity: Severity::Error,
    summary: "ServerlessJobConfig.SequenceLength outside 1K to 1024K",
    doc: include_str!("../../../rules/SL904.md"),
    check: Check::Request(check),
};

/// The smallest and largest sequence lengths, in thousands of tokens (`1K`, `1024K`).
const MIN_K: u32 = 1;
const MAX_K: u32 = 1024;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(value) = cx
        .request
        .serverless_job_config
        .as_ref()
        .and_then(|c| c.sequence_length.as_deref())
    else {
        return;
    };
    // Values that do not have the form `<digits>K` are the schema's (SL104); templates are
    // unknown until deploy.
    let Some(digits) = value.strip_suffix('K') else {
        return;
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let in_range = digits
        .parse::<u32>()
        .is_ok_and(|k| (MIN_K..=MAX_K).contains(&k));
    if in_range {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/ServerlessJobConfig/SequenceLength",
            Target::Value,
            format!(
                "ServerlessJobConfig.SequenceLength is `{}`, but it must be from {MIN_K}K to {MAX_K}K tokens",
                quote_for_message(value)
            ),
        )
        .with_help("set a length from 1K to 1024K (for example 32K), or remove SequenceLength to let SageMaker choose the training configuration"),
    );
}
