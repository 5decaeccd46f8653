//! SL100 `unknown-key`: a key the request does not have, at any depth (see `rules/SL100.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::schema::{self, Violation};
use crate::source::Format;
use crate::tree::{Node, Value};
use crate::{fix, pointer, suggest};

pub const RULE: Rule = Rule {
    code: "SL100",
    name: "unknown-key",
    severity: Severity::Error,
    summary: "A key that the CreateTrainingJob request does not have; the API rejects it",
    doc: include_str!("../../../rules/SL100.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx
        .schema_errors
        .iter()
        .filter(|e| e.violation == Violation::UnknownKey)
    {
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
        if let Some(home) = home_of(cx.root, "", &key, parent) {
            let fix = match cx.source.format {
                Format::Yaml => "check its indentation",
                Format::Json => "move it there",
            };
            out.push(d.with_help(format!(
                "`{key}` is a member of {}, not of {}: {fix}",
                describe::object(&home),
                describe::object(parent)
            )));
            continue;
        }
        out.push(match suggest::closest(&key, allowed.iter().copied()) {
            Some(s) => {
                // Certain only when the key meant is not there already (and not a `Name.$`).
                let taken = cx
                    .root
                    .lookup(parent)
                    .is_some_and(|f| f.node.member(s).is_some());
                let fix = (!taken && !key.ends_with(".$"))
                    .then(|| fix::replace_scalar(cx.source, d.span, s))
                    .flatten();
                d.with_help(format!("did you mean `{s}`?")).with_fix(fix)
            }
            None if allowed.len() <= 12 => {
                d.with_help(format!("allowed keys here: {}", allowed.join(", ")))
            }
            None => d,
        });
    }
}

/// The first object of the document (other than `except`) that takes `key` as a member and does
/// not set it yet: where a key at the wrong level (a YAML indentation slip) belongs.
fn home_of(node: &Node, at: &str, key: &str, except: &str) -> Option<String> {
    match &node.value {
        Value::Object(members) => {
            if at != except
                && !members.iter().any(|m| m.key == key)
                && schema::allowed_keys(at).contains(&key)
            {
                return Some(at.to_string());
            }
            members
                .iter()
                .find_map(|m| home_of(&m.value, &pointer::join(at, &m.key), key, except))
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| home_of(item, &pointer::join(at, i.to_string()), key, except)),
        _ => None,
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
