//! SL102 `invalid-type`: a value of the wrong JSON type (see `rules/SL102.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};
use crate::source::Format;
use crate::tree::Value;

pub const RULE: Rule = Rule {
    code: "SL102",
    name: "invalid-type",
    severity: Severity::Error,
    summary: "A value has the wrong type (e.g. a number where the API takes a string)",
    doc: include_str!("../../../rules/SL102.md"),
    check: Check::Request(check),
};

/// Longer enums (instance types) are not spelled out in the help.
const ENUM_LIST_AT_MOST: usize = 12;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx
        .schema_errors
        .iter()
        .filter(|e| e.violation == Violation::Type)
    {
        let Some(node) = cx.root.lookup(&e.pointer).map(|f| f.node) else {
            continue;
        };
        let expected = schema::at(cx.shape, &e.pointer)
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
        let schema_enum: Vec<&str> = schema::at(cx.shape, &e.pointer)
            .and_then(|s| s.get("enum"))
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let written = cx
            .source
            .text
            .get(node.span.start..node.span.end)
            .unwrap_or_default()
            .trim();
        let help = match (&node.value, expected) {
            (Value::Null, _) if written.is_empty() || written == "~" => Some(
                "YAML reads a key with nothing after it as null: write a value, or leave the key out if it is optional"
                    .to_string(),
            ),
            (Value::Null, _) => {
                Some("write a value, or leave the key out if it is optional".to_string())
            }
            (Value::Number(_) | Value::Bool(_), "string") if !schema_enum.is_empty() => {
                if schema_enum.len() <= ENUM_LIST_AT_MOST {
                    Some(format!("expected one of {}", schema_enum.join(", ")))
                } else {
                    None
                }
            }
            (Value::Number(_) | Value::Bool(_), "string") => Some(format!(
                "quote the value (\"{}\"): the API takes a string here",
                describe::quote(written)
            )),
            (Value::String(s), "integer") if s.trim().parse::<i64>().is_ok() => {
                Some(format!("write {} without quotes", s.trim()))
            }
            (Value::String(s), "boolean") if matches!(s.as_str(), "true" | "false") => {
                Some(format!("write {s} without quotes"))
            }
            (Value::String(s), "boolean") => {
                let lower = s.to_ascii_lowercase();
                let word = match lower.as_str() {
                    "yes" | "y" | "on" => Some("true"),
                    "no" | "n" | "off" => Some("false"),
                    _ => None,
                };
                word.map(|w| {
                    if cx.source.format == Format::Yaml && written == s {
                        format!("write {w}: YAML 1.2, which the AWS CLI reads, takes a bare `{s}` as a string, not a boolean")
                    } else {
                        format!("write {w} without quotes")
                    }
                })
            }
            _ => None,
        };
        out.push(match help {
            Some(h) => d.with_help(h),
            None => d,
        });
    }
}
