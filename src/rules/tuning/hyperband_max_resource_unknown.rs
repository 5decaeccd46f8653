//! TN014 `hyperband-max-resource-unknown` (see `rules/TN014.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "TN014",
    name: "hyperband-max-resource-unknown",
    severity: Severity::Error,
    summary: "The Hyperband strategy without MaxResource, and no epochs static hyperparameter to infer it from",
    doc: include_str!("../../../rules/TN014.md"),
    check: Check::Request(check),
};

const STRATEGY_CONFIG: &str = "/HyperParameterTuningJobConfig/StrategyConfig";
const HYPERBAND: &str = "/HyperParameterTuningJobConfig/StrategyConfig/HyperbandStrategyConfig";

/// The static hyperparameters Hyperband reads MaxResource from when it is not given.
const EPOCHS: [&str; 5] = ["epochs", "numepochs", "n-epochs", "n_epochs", "num_epochs"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(t) = cx.tuning else {
        return;
    };
    let hyperband = t
        .hyper_parameter_tuning_job_config
        .as_ref()
        .and_then(|c| c.strategy.as_deref())
        == Some("Hyperband");
    if !hyperband || cx.has(&format!("{HYPERBAND}/MaxResource")) {
        return;
    }
    // A configuration known only later may hold MaxResource.
    if [STRATEGY_CONFIG, HYPERBAND]
        .iter()
        .any(|at| cx.has(at) && !super::is_object(cx, at))
    {
        return;
    }
    for (here, _) in super::definitions(t) {
        if !super::is_object(cx, &here) {
            continue;
        }
        let statics = format!("{here}/StaticHyperParameters");
        let written = cx.has(&statics);
        if written && !super::is_object(cx, &statics) {
            continue;
        }
        if EPOCHS
            .iter()
            .any(|key| cx.has(&crate::pointer::join(&statics, key)))
        {
            continue;
        }
        let at = if written { statics } else { here };
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Key,
                format!("the Hyperband strategy has no MaxResource, and none of {} is a static hyperparameter to infer it from: the tuning job is rejected", EPOCHS.join(", ")),
            )
            .with_help("set StrategyConfig.HyperbandStrategyConfig.MaxResource to the most epochs (or other resource) a training job may use, or give the epochs as a static hyperparameter under one of those names (the only way in a Kubernetes resource: neither ACK's nor the SageMaker Operator's tuning job has strategyConfig)"),
        );
    }
}
