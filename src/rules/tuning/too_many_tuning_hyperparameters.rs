//! TN005 `too-many-tuning-hyperparameters` (see `rules/TN005.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::model::ParameterRanges;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN005",
    name: "too-many-tuning-hyperparameters",
    severity: Severity::Error,
    summary: "More than 30 tuned hyperparameters, or more than 100 static and tuned together, for one training job definition",
    doc: include_str!("../../../rules/TN005.md"),
    check: Check::Request(check),
};

/// The most tunable hyperparameters (categorical, integer and continuous ranges together).
const MAX_TUNED: usize = 30;
/// The most hyperparameters in all, static and tunable.
const MAX_TOTAL: usize = 100;

fn count(r: &ParameterRanges) -> usize {
    r.integer_parameter_ranges.as_ref().map_or(0, Vec::len)
        + r.continuous_parameter_ranges.as_ref().map_or(0, Vec::len)
        + r.categorical_parameter_ranges.as_ref().map_or(0, Vec::len)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Each definition with its ranges: its own HyperParameterRanges, or (for the one
    // TrainingJobDefinition) the tuning job's ParameterRanges.
    let definitions = super::definitions_of(cx).into_iter().map(|(here, d)| {
        let (at, ranges) = super::ranges_of(cx, &here, d);
        (here, at, d, ranges)
    });
    for (here, ranges_at, d, ranges) in definitions {
        let tuned = ranges.map_or(0, count);
        let fixed = d.static_hyper_parameters.as_ref().map_or(0, |s| s.len());
        if tuned > MAX_TUNED {
            out.push(
                cx.diagnostic(
                    &RULE,
                    ranges_at.clone(),
                    Target::Key,
                    format!("{tuned} hyperparameters are tuned; a tuning job searches at most {MAX_TUNED} (categorical, integer and continuous together)"),
                )
                .with_help("tune the hyperparameters that matter most, and give the others fixed values in StaticHyperParameters"),
            );
        } else if tuned + fixed > MAX_TOTAL {
            out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{here}/StaticHyperParameters"),
                    Target::Key,
                    format!("{fixed} static and {tuned} tuned hyperparameters make {}; a training job definition takes at most {MAX_TOTAL} in all", tuned + fixed),
                )
                .with_help("drop static hyperparameters that only repeat the algorithm's defaults"),
            );
        }
    }
}
