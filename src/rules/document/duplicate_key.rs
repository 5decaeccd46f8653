//! SL002 `duplicate-key`: the same key twice in one object (see `rules/SL002.md`).

use foldhash::HashMap;

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
    walk(cx, cx.root, &mut Vec::new(), out);
}

/// A step of the path from the root to a node.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `path` leads to `node`; it is extended for each child and restored after. The pointer is
/// spelled out only for a duplicate.
fn walk<'a>(cx: &Context<'_>, node: &'a Node, path: &mut Vec<Step<'a>>, out: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Object(members) => {
            // The parser marked every member a later one overrides: no mark, no duplicate.
            let mut first: Option<HashMap<&str, usize>> =
                members.iter().any(|m| m.shadowed).then(HashMap::default);
            for m in members {
                path.push(Step::Key(&m.key));
                if let Some(first) = &mut first {
                    if let Some(&earlier) = first.get(m.key.as_str()) {
                        out.push(duplicate(cx, m, earlier, spell(path)));
                    } else {
                        first.insert(&m.key, m.key_span.start);
                    }
                }
                walk(cx, &m.value, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(cx, item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn spell(path: &[Step<'_>]) -> String {
    let mut at = String::new();
    for step in path {
        match step {
            Step::Key(k) => pointer::push(&mut at, k),
            Step::Index(i) => pointer::push(&mut at, &i.to_string()),
        }
    }
    at
}

fn duplicate(cx: &Context<'_>, m: &Member, earlier: usize, at: String) -> Diagnostic {
    let line = cx.source.position(earlier).line;
    // Python's json module keeps the last value without a word; the CLI's YAML
    // loader (ruamel.yaml) refuses duplicate keys.
    let effect = match cx.source.format {
        Format::Json => "JSON readers keep only this last value (the AWS CLI does, silently)",
        Format::Yaml => {
            "YAML loaders either reject the file (the AWS CLI's does) or keep only this last value"
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

