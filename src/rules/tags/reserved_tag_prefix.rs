//! SL702 `reserved-tag-prefix` (see `rules/SL702.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL702",
    name: "reserved-tag-prefix",
    severity: Severity::Error,
    summary: "A tag key starting with aws:, a prefix reserved for AWS",
    doc: include_str!("../../../rules/SL702.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, key) in super::tag_keys(cx) {
        if !key.starts_with("aws:") {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                format!("/Tags/{i}/Key"),
                Target::Value,
                format!(
                    "tag key `{}` starts with `aws:`, a prefix reserved for the tags AWS itself applies",
                    quote_for_message(key)
                ),
            )
            .with_help("rename the key without the aws: prefix, for example with your organization's prefix (acme:cost-center)"),
        );
    }
}
