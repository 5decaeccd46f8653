//! TN018 `duplicate-range-name` (see `rules/TN018.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN018",
    name: "duplicate-range-name",
    severity: Severity::Warning,
    summary: "Two ranges of one ParameterRanges for the same hyperparameter",
    doc: include_str!("../../../rules/TN018.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (at, ranges) in super::range_holders(cx) {
        let names = super::range_names(&at, ranges);
        for (i, (range_at, name)) in names.iter().enumerate() {
            let Some((first_at, _)) = names[..i].iter().find(|(_, n)| n == name) else {
                continue;
            };
            let name = quote_for_message(name);
            out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{range_at}/Name"),
                    Target::Value,
                    format!(
                        "hyperparameter `{name}` has a second range here (the first is `{}`): a training job gets one value for each hyperparameter",
                        crate::pointer::dotted(first_at)
                    ),
                )
                .with_help(format!("keep one range for `{name}`; to search more values, widen it or list them in one categorical range")),
            );
        }
    }
}
