//! SL100 `unknown-key`: a key the request does not have, at any depth (see `rules/SL100.md`).

use std::collections::HashMap;

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::schema::{self, Violation};
use crate::source::Format;
use crate::tree::{Node, Value};
use crate::{pointer, suggest};

pub const RULE: Rule = Rule {
    code: "SL100",
    name: "unknown-key",
    severity: Severity::Error,
    summary: "A key that the CreateTrainingJob request does not have; the API rejects it",
    doc: include_str!("../../../rules/SL100.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Where each key could go, found once for the document (not once per unknown key: a file
    // of thousands of unknown keys would take quadratic time).
    let mut homes: Option<Homes> = None;
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
        let homes = homes.get_or_insert_with(|| Homes::of(cx.root));
        if let Some(home) = homes.of_key(&key, parent) {
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
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None if allowed.len() <= 12 => {
                d.with_help(format!("allowed keys here: {}", allowed.join(", ")))
            }
            None => d,
        });
    }
}

/// For each key, the first two objects of the document (in document order) that take it as a
/// member and do not set it yet: where a key at the wrong level (a YAML indentation slip)
/// belongs.
struct Homes(HashMap<&'static str, Vec<String>>);

impl Homes {
    fn of(root: &Node) -> Homes {
        let mut homes = Homes(HashMap::new());
        homes.walk(root, "");
        homes
    }

    fn walk(&mut self, node: &Node, at: &str) {
        match &node.value {
            Value::Object(members) => {
                for key in schema::allowed_keys(at) {
                    if node.member(key).is_none() {
                        let homes = self.0.entry(key).or_default();
                        if homes.len() < 2 {
                            homes.push(at.to_string());
                        }
                    }
                }
                for m in members {
                    self.walk(&m.value, &pointer::join(at, &m.key));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.walk(item, &pointer::join(at, i.to_string()));
                }
            }
            _ => {}
        }
    }

    /// The first home of `key` other than `except`.
    fn of_key(&self, key: &str, except: &str) -> Option<String> {
        self.0.get(key)?.iter().find(|h| *h != except).cloned()
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
