//! SL100 `unknown-key`: a key the request does not have, at any depth (see `rules/SL100.md`).

use foldhash::{HashMap, HashSet};

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
    let unknown: Vec<_> = cx
        .schema_errors
        .iter()
        .filter(|e| e.violation == Violation::UnknownKey)
        .collect();
    if unknown.is_empty() {
        return;
    }
    let keys: Vec<_> = unknown
        .iter()
        .filter_map(|e| pointer::last(&e.pointer))
        .collect();
    let homes = Homes::of(cx.shape, cx.root, keys.iter().map(|k| k.as_ref()).collect());
    for e in unknown {
        let key = pointer::last(&e.pointer).unwrap_or_default();
        let parent = pointer::parent(&e.pointer).unwrap_or("");
        let allowed = schema::allowed_keys(cx.shape, parent);
        let meant = suggest::closest(&key, allowed.iter().copied());
        // The misspelling of a member the object lacks: this is the one finding of the mistake
        // (the rules that would report the member missing defer to it, see `misspelt`).
        let lacking = meant.filter(|s| !cx.has(&pointer::join(parent, s)));
        let mut message = format!("unknown key `{key}` in {}", describe::object(parent));
        // The suggestion is the fix: in the message itself, which every format shows (the
        // concise and GitHub formats show no help), unless the key belongs elsewhere.
        let home = homes.of_key(&key, parent).filter(|_| lacking.is_none());
        if let (Some(s), None) = (meant, &home) {
            message.push_str(&format!(" (did you mean `{s}`?)"));
        }
        let d = cx.diagnostic(&RULE, e.pointer.as_str(), Target::Key, message);
        if parent.is_empty() {
            if let Some(help) = foreign_document(&key) {
                out.push(d.with_help(help));
                continue;
            }
        }
        if let Some(home) = home {
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
        out.push(match meant {
            Some(s) => {
                // Certain only when the key meant is not there already (and not a `Name.$`).
                let taken = cx
                    .root
                    .lookup(parent)
                    .is_some_and(|f| f.node.member(s).is_some());
                let fix = (!taken && !key.ends_with(".$"))
                    .then(|| fix::replace_scalar(cx.source, d.span, s))
                    .flatten();
                let d = d.with_fix(fix);
                if taken {
                    d.with_help(format!("`{s}` is set too: remove this key"))
                } else {
                    d
                }
            }
            None if allowed.len() <= 12 => {
                d.with_help(format!("allowed keys here: {}", allowed.join(", ")))
            }
            None => d,
        });
    }
}

/// Whether the member at `pointer` is absent because it is misspelt: an unknown key of its
/// object has it as its "did you mean" (`StopingCondition` for `StoppingCondition`). SL100
/// reports that key with the fix; a rule that would report the member missing (SL101, or a
/// cross-field rule "X needs Y") stays quiet, so that one mistake is one finding.
pub fn misspelt(cx: &Context<'_>, pointer: &str) -> bool {
    let Some((parent, name)) = pointer::split_last(pointer) else {
        return false;
    };
    let mut unknown = cx
        .schema_errors
        .iter()
        .filter(|e| e.violation == Violation::UnknownKey)
        .filter(|e| pointer::parent(&e.pointer) == Some(parent))
        .peekable();
    if unknown.peek().is_none() || cx.has(pointer) {
        return false;
    }
    let allowed = schema::allowed_keys(cx.shape, parent);
    unknown.any(|e| {
        pointer::last(&e.pointer)
            .and_then(|key| suggest::closest(&key, allowed.iter().copied()))
            .is_some_and(|meant| meant == name)
    })
}

/// Where a key at the wrong level (a YAML indentation slip) belongs: for each unknown key, the
/// first objects of the document, in document order, that take it as a member and do not set
/// it yet. One walk for all the unknown keys (a walk per key was quadratic in a document with
/// many of them).
struct Homes<'a> {
    shape: crate::shape::Shape,
    /// Up to two distinct places per key: one of them is not the object the key is in.
    places: HashMap<&'a str, Vec<String>>,
}

impl<'a> Homes<'a> {
    fn of(shape: crate::shape::Shape, root: &Node, keys: HashSet<&'a str>) -> Homes<'a> {
        let mut homes = Homes {
            shape,
            places: HashMap::default(),
        };
        homes.walk(root, &mut String::new(), &keys);
        homes
    }

    fn walk(&mut self, node: &Node, at: &mut String, keys: &HashSet<&'a str>) {
        match &node.value {
            Value::Object(members) => {
                for allowed in schema::allowed_keys(self.shape, at) {
                    let Some(&key) = keys.get(allowed) else {
                        continue;
                    };
                    if members.iter().any(|m| m.key == key) {
                        continue;
                    }
                    let places = self.places.entry(key).or_default();
                    if places.len() < 2 && !places.iter().any(|p| p == at) {
                        places.push(at.clone());
                    }
                }
                for m in members {
                    let len = at.len();
                    pointer::push(at, &m.key);
                    self.walk(&m.value, at, keys);
                    at.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let len = at.len();
                    pointer::push(at, &i.to_string());
                    self.walk(item, at, keys);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// The first place for `key` other than `except` (the object it is in).
    fn of_key(&self, key: &str, except: &str) -> Option<String> {
        self.places.get(key)?.iter().find(|p| *p != except).cloned()
    }
}

/// Top-level keys that show the file is another document than a CreateTrainingJob request.
fn foreign_document(key: &str) -> Option<&'static str> {
    if crate::schema::RESPONSE_ONLY.contains(&key) {
        return Some(
            "this looks like a DescribeTrainingJob response, not a CreateTrainingJob request (check it with --kind describe)",
        );
    }
    match key {
        "StaticHyperParameters"
        | "HyperParameterRanges"
        | "TuningObjective"
        | "DefinitionName"
        | "HyperParameterTuningResourceConfig" => Some(
            "this looks like a tuning job's training job definition (check it with --kind definition); as a CreateTrainingJob request it would use HyperParameters",
        ),
        _ => None,
    }
}
