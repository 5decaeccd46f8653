//! TN009 `static-and-tuned` (see `rules/TN009.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::pointer;
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN009",
    name: "static-and-tuned",
    severity: Severity::Warning,
    summary: "A hyperparameter in a training job definition's StaticHyperParameters that its ranges also tune",
    doc: include_str!("../../../rules/TN009.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (here, d) in super::definitions_of(cx) {
        let Some(statics) = &d.static_hyper_parameters else {
            continue;
        };
        let (ranges_at, ranges) = super::ranges_of(cx, &here, d);
        let Some(ranges) = ranges else {
            continue;
        };
        let tuned = super::range_names(&ranges_at, ranges);
        let statics_at = format!("{here}/StaticHyperParameters");
        for key in statics.keys() {
            // `name.$` is the hyperparameter `name` with a value known later.
            let name = key.strip_suffix(".$").unwrap_or(key);
            let Some((range_at, _)) = tuned.iter().find(|(_, n)| *n == name) else {
                continue;
            };
            let name = quote_for_message(name);
            out.push(
                cx.diagnostic(
                    &RULE,
                    pointer::join(&statics_at, key),
                    Target::Key,
                    format!(
                        "hyperparameter `{name}` is static and also tuned (by `{}`): a static hyperparameter is one the tuning job does not tune",
                        pointer::dotted(range_at)
                    ),
                )
                .with_help(format!("remove `{name}` from StaticHyperParameters to tune it, or remove its range to keep it fixed")),
            );
        }
    }
}
