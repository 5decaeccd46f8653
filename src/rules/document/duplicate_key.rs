//! SL002 `duplicate-key`: the same key twice in one object (see `rules/SL002.md`).

use std::collections::HashMap;

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::pointer;
use crate::source::Format;
use crate::tree::{Member, Node, Value};

pub const RULE: Rule = Rule {
    code: "SL002",
    name: "duplicate-key",
    severity: Severity::Error,
    summary: "A key appears twice in one object: the AWS CLI keeps the last (JSON) or rejects the file (YAML)",
    doc: include_str!("../../../rules/SL002.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    walk(cx, cx.root, &mut String::new(), out);
}

/// `at` is the pointer of `node`; it is extended for each child and restored after.
fn walk(cx: &Context<'_>, node: &Node, at: &mut String, out: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Object(members) => {
            // The parser marked every member a later one overrides: no mark, no duplicate.
            let mut first: Option<HashMap<&str, usize>> =
                members.iter().any(|m| m.shadowed).then(HashMap::new);
            for m in members {
                let len = at.len();
                pointer::push(at, &m.key);
                if let Some(first) = &mut first {
                    if let Some(&earlier) = first.get(m.key.as_str()) {
                        out.push(duplicate(cx, m, earlier, at.clone()));
                    } else {
                        first.insert(&m.key, m.key_span.start);
                    }
                }
                walk(cx, &m.value, at, out);
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = at.len();
                pointer::push(at, &i.to_string());
                walk(cx, item, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

fn duplicate(cx: &Context<'_>, m: &Member, earlier: usize, at: String) -> Diagnostic {
    let line = cx.source.position(earlier).line;
    // Python's json module keeps the last value without a word; the CLI's YAML
    // loader (ruamel.yaml) refuses duplicate keys.
    let effect = match cx.source.format {
        Format::Json => "the AWS CLI silently keeps only this last value",
        Format::Yaml => {
            "the AWS CLI rejects the file, and YAML loaders that accept it keep only this last value"
        }
    };
    let mut d = cx.diagnostic(
        &RULE,
        at,
        Target::Key,
        format!(
            "duplicate key `{}` (first defined on line {line}): {effect}",
            describe::quote(&m.key)
        ),
    );
    d.span = m.key_span;
    d.with_help("remove one of the two, keeping the value you mean")
}

