//! SL102 `invalid-type`: a value of the wrong JSON type (see `rules/SL102.md`).

use super::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};
use crate::tree::Value;

pub const RULE: Rule = Rule {
    code: "SL102",
    name: "invalid-type",
    severity: Severity::Error,
    summary: "A value has the wrong type (e.g. a number where the API takes a string)",
    doc: include_str!("../../rules/SL102.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors.iter().filter(|e| e.violation == Violation::Type) {
        let Some(node) = cx.root.lookup(&e.pointer).map(|f| f.node) else {
            continue;
        };
        let expected = schema::at(&e.pointer)
            .and_then(|s| s.get("type"))
            .and_then(|t| t.as_str())
            .unwrap_or("another type");
        let d = cx.diagnostic(
            &RULE,
            e.pointer.as_str(),
            e.target,
            format!(
                "{} must be {}, not {}",
                describe::field(&e.pointer),
                describe::a_type(expected),
                describe::a_type(node.type_name())
            ),
        );
        let help = match (&node.value, expected) {
            (Value::Number(_) | Value::Bool(_), "string") => {
                Some("quote the value: the API takes a string here".to_string())
            }
            (Value::String(s), "integer") if s.trim().parse::<i64>().is_ok() => {
                Some(format!("write {} without quotes", s.trim()))
            }
            (Value::String(s), "boolean") if matches!(s.as_str(), "true" | "false") => {
                Some(format!("write {s} without quotes"))
            }
            _ => None,
        };
        out.push(match help {
            Some(h) => d.with_help(h),
            None => d,
        });
    }
}
