//! PL006 `required-tag-missing` (see `rules/PL006.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL006",
    name: "required-tag-missing",
    severity: Severity::Error,
    summary: "A tag key the policy requires (`[policy] required-tags`) is not in Tags",
    doc: include_str!("../../../rules/PL006.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let required = &cx.policy.required_tags;
    if required.is_empty() {
        return;
    }
    let tags = cx.request.tags.as_deref();
    // Tags filled in at run time (`Tags.$`), or a tag key that is: not judged.
    if tags.is_none() && cx.has("/Tags") {
        return;
    }
    let keys: Vec<&str> = tags
        .unwrap_or_default()
        .iter()
        .filter_map(|t| t.key.as_deref())
        .collect();
    let unknown = tags
        .unwrap_or_default()
        .iter()
        // A key known only later reads as unset (`crate::runtime`).
        .any(|t| t.key.is_none());
    if unknown {
        return;
    }
    let (at, target) = if cx.has("/Tags") {
        ("/Tags", Target::Key)
    } else {
        ("", Target::Key)
    };
    for key in required {
        if keys.contains(&key.as_str()) {
            continue;
        }
        let message = match keys.iter().find(|k| k.eq_ignore_ascii_case(key)) {
            Some(near) => format!(
                "the policy requires tag `{key}`; the request has `{near}` (tag keys are case-sensitive)"
            ),
            None => format!("the policy requires tag `{key}`, and Tags has no such key"),
        };
        out.push(
            cx.diagnostic(&RULE, at, target, message)
                .with_help(format!("add {{Key: {key}, Value: ...}} to Tags")),
        );
    }
}
