//! One rule per kind of schema constraint, from the generated JSON Schema (SL1xx).

registry! {
    unknown_key,
    missing_required,
    invalid_type,
    invalid_enum_value,
    pattern_mismatch,
    invalid_length,
    invalid_item_count,
    invalid_map_size,
    out_of_range,
}

use crate::diagnostic::Diagnostic;
use crate::rules::{describe, Context, Rule};
use crate::schema::{self, Violation};

/// How a collection's size is worded: the violations about it and the noun for its members.
pub(super) struct SizeRule {
    pub rule: &'static Rule,
    pub min: Violation,
    pub max: Violation,
    /// Schema keywords holding the bounds, in (min, max) order.
    pub keywords: (&'static str, &'static str),
    /// Singular and plural noun: ("item", "items").
    pub noun: (&'static str, &'static str),
    /// The number of members of the node at a pointer.
    pub count: fn(&crate::tree::Node) -> Option<usize>,
}

/// Shared by SL106 and SL107: "<field> has N items; at most M allowed", or "is empty".
pub(super) fn report_sizes(cx: &Context<'_>, size: &SizeRule, out: &mut Vec<Diagnostic>) {
    let plural = |n: u64| if n == 1 { size.noun.0 } else { size.noun.1 };
    for e in cx.schema_errors.iter() {
        let pointer = &e.pointer;
        let (keyword, bound, verdict) = if e.violation == size.min {
            (size.keywords.0, "at least", "required")
        } else if e.violation == size.max {
            (size.keywords.1, "at most", "allowed")
        } else {
            continue;
        };
        let limit = schema::at(cx.shape, pointer)
            .and_then(|s| s.get(keyword))
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        let count = cx
            .root
            .lookup(pointer)
            .and_then(|f| (size.count)(f.node))
            .unwrap_or(0) as u64;
        let field = describe::field(pointer);
        let message = if count == 0 {
            format!(
                "{field} is empty; {bound} {limit} {} {verdict}",
                plural(limit)
            )
        } else {
            format!(
                "{field} has {count} {}; {bound} {limit} {verdict}",
                plural(count)
            )
        };
        out.push(cx.diagnostic(size.rule, pointer.as_str(), e.target, message));
    }
}
