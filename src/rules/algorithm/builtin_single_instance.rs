//! SL213 `builtin-single-instance` (see `rules/SL213.md`).

use super::builtin;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::resources::total_instances;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL213",
    name: "builtin-single-instance",
    severity: Severity::Warning,
    summary: "More than one instance for a built-in algorithm that trains on a single machine",
    doc: include_str!("../../../rules/SL213.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(algorithm) = builtin::of(cx) else {
        return;
    };
    let Some(n) = total_instances(cx).filter(|n| *n > 1) else {
        return;
    };
    // BlazingText trains on several (CPU) instances in batch_skipgram mode only.
    let why = if algorithm.single_instance {
        format!("the built-in {} algorithm trains on a single machine", algorithm.name)
    } else if algorithm.repository == "blazingtext" {
        let mode = cx
            .request
            .hyper_parameters
            .as_ref()
            .and_then(|h| h.get("mode"))
            .map(String::as_str);
        match mode {
            // Empty: unset, or a value known only later (`crate::runtime`).
            Some(m) if !m.is_empty() && m != "batch_skipgram" => format!(
                "BlazingText trains on several instances only in batch_skipgram mode, and mode is `{}`",
                crate::rules::quote_for_message(m)
            ),
            _ => return,
        }
    } else {
        return;
    };
    let at = if cx.has("/ResourceConfig/InstanceGroups") {
        "/ResourceConfig/InstanceGroups"
    } else {
        "/ResourceConfig/InstanceCount"
    };
    out.push(
        cx.diagnostic(
            &RULE,
            at,
            Target::Value,
            format!("the job asks for {n} instances, but {why}: the others are paid for and idle"),
        )
        .with_help("use one instance (InstanceCount: 1), a larger one if training is slow"),
    );
}
