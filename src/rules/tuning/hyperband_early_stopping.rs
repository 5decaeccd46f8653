//! TN003 `hyperband-early-stopping` (see `rules/TN003.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN003",
    name: "hyperband-early-stopping",
    severity: Severity::Error,
    summary: "The Hyperband strategy with TrainingJobEarlyStoppingType other than Off, or HyperbandStrategyConfig without Hyperband",
    doc: include_str!("../../../rules/TN003.md"),
    check: Check::Request(check),
};

const CONFIG: &str = "/HyperParameterTuningJobConfig";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(config) = cx
        .tuning
        .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
    else {
        return;
    };
    let strategy = config.strategy.as_deref();
    let hyperband = strategy == Some("Hyperband");
    if hyperband {
        if let Some(stopping) = config
            .training_job_early_stopping_type
            .as_deref()
            .filter(|s| *s != "Off")
        {
            out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{CONFIG}/TrainingJobEarlyStoppingType"),
                    Target::Value,
                    format!("TrainingJobEarlyStoppingType is {stopping}, but the Hyperband strategy stops jobs early itself: it must be Off"),
                )
                .with_help("set TrainingJobEarlyStoppingType to Off (or leave it out)"),
            );
        }
    }
    let strategy_config = config
        .strategy_config
        .as_ref()
        .is_some_and(|c| c.hyperband_strategy_config.is_some());
    // A strategy known only later (a run-time value) reads as unset: not judged.
    if strategy_config && strategy.is_some() && !hyperband {
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{CONFIG}/StrategyConfig/HyperbandStrategyConfig"),
                Target::Key,
                format!(
                    "HyperbandStrategyConfig is set, but the strategy is {}: it configures the Hyperband strategy only",
                    strategy.unwrap_or_default()
                ),
            )
            .with_help("remove HyperbandStrategyConfig, or set Strategy to Hyperband"),
        );
    }
}
