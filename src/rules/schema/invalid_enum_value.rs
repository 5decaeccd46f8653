//! SL103 `invalid-enum-value`: a value outside the allowed set (see `rules/SL103.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::schema::{self, Violation};
use crate::{fix, suggest};

pub const RULE: Rule = Rule {
    code: "SL103",
    name: "invalid-enum-value",
    severity: Severity::Error,
    summary: "A value is not one of those the API allows (input modes, instance types, ...)",
    doc: include_str!("../../../rules/SL103.md"),
    check: Check::Request(check),
};

/// Longer lists (instance types) are not spelled out in the message.
const LIST_AT_MOST: usize = 12;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors.iter().filter(|e| e.violation == Violation::Enum) {
        let Some(s) = schema::at(cx.shape, &e.pointer) else {
            continue;
        };
        let allowed: Vec<&str> = s
            .get("enum")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let node = cx.root.lookup(&e.pointer).map(|f| f.node);
        let actual = node.and_then(|n| n.as_str()).unwrap_or_default();
        let shape = s.get("x-aws-shape").and_then(|v| v.as_str()).unwrap_or("value");
        let mut message = format!(
            "`{}` is not a valid {shape} for {}",
            describe::quote(actual),
            describe::field(&e.pointer)
        );
        if allowed.len() <= LIST_AT_MOST {
            message.push_str(&format!(": expected one of {}", allowed.join(", ")));
        }
        // The suggestion is the fix: in the message, which every format shows.
        let meant = suggest::closest(actual, allowed.iter().copied());
        if let Some(s) = meant {
            message.push_str(&format!(" (did you mean `{s}`?)"));
        }
        let d = cx.diagnostic(&RULE, e.pointer.as_str(), e.target, message);
        out.push(match meant {
            Some(s) => {
                let fix = (e.target == Target::Value && node.is_some_and(|n| n.as_str().is_some()))
                    .then(|| fix::replace_scalar(cx.source, d.span, s))
                    .flatten();
                d.with_fix(fix)
            }
            None => d,
        });
    }
}
