//! SL100 `unknown-key`: a key the request does not have, at any depth (see `rules/SL100.md`).

use super::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::schema::{self, Violation};
use crate::{pointer, suggest};

pub const RULE: Rule = Rule {
    code: "SL100",
    name: "unknown-key",
    severity: Severity::Error,
    summary: "A key that the CreateTrainingJob request does not have; the API rejects it",
    doc: include_str!("../../rules/SL100.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors.iter().filter(|e| e.violation == Violation::UnknownKey) {
        let key = pointer::last(&e.pointer).unwrap_or_default();
        let parent = pointer::parent(&e.pointer).unwrap_or("");
        let allowed = schema::allowed_keys(parent);
        let d = cx.diagnostic(
            &RULE,
            e.pointer.as_str(),
            Target::Key,
            format!("unknown key `{key}` in {}", describe::object(parent)),
        );
        if parent.is_empty() {
            if let Some(help) = foreign_document(&key) {
                out.push(d.with_help(help));
                continue;
            }
        }
        out.push(match suggest::closest(&key, allowed.iter().copied()) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None if allowed.len() <= 12 => {
                d.with_help(format!("allowed keys here: {}", allowed.join(", ")))
            }
            None => d,
        });
    }
}

/// Top-level keys that show the file is another document than a CreateTrainingJob request.
fn foreign_document(key: &str) -> Option<&'static str> {
    const RESPONSE_ONLY: &[&str] = &[
        "LastModifiedTime",
        "TrainingStartTime",
        "TrainingEndTime",
        "TrainingTimeInSeconds",
        "BillableTimeInSeconds",
        "SecondaryStatusTransitions",
        "FinalMetricDataList",
        "FailureReason",
        "ProfilingStatus",
    ];
    if crate::discover::RESPONSE_MARKERS.contains(&key) || RESPONSE_ONLY.contains(&key) {
        return Some(
            "this looks like a DescribeTrainingJob response, not a CreateTrainingJob request",
        );
    }
    match key {
        "StaticHyperParameters" | "HyperParameterRanges" | "TuningObjective" => Some(
            "this looks like a tuning job's TrainingJobDefinition; as a CreateTrainingJob request it would use HyperParameters",
        ),
        _ => None,
    }
}
