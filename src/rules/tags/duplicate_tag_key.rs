//! SL701 `duplicate-tag-key` (see `rules/SL701.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL701",
    name: "duplicate-tag-key",
    severity: Severity::Error,
    summary: "Two tags in Tags with the same Key",
    doc: include_str!("../../../rules/SL701.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let keys = super::tag_keys(cx);
    let mut firsts: foldhash::HashMap<&str, usize> = Default::default();
    for &(i, key) in keys.iter() {
        // Report every repeat at its own key, naming the first tag with that key.
        let first = *firsts.entry(key).or_insert(i);
        if first == i {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                format!("/Tags/{i}/Key"),
                Target::Value,
                format!(
                    "tag key `{}` is used twice: Tags[{first}] already has it, and tag keys must be unique per resource",
                    quote_for_message(key)
                ),
            )
            .with_help("keep one tag per key: remove this tag, or merge its value into the first one"),
        );
    }
}
