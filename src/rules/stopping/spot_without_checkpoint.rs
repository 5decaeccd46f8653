//! SL405 `spot-without-checkpoint` (see `rules/SL405.md`).

use super::{spot, Spot};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL405",
    name: "spot-without-checkpoint",
    severity: Severity::Info,
    summary: "EnableManagedSpotTraining without CheckpointConfig: an interrupted job starts over",
    doc: include_str!("../../../rules/SL405.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if spot(cx) != Spot::On || cx.has("/CheckpointConfig") || misspelt(cx, "/CheckpointConfig") {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/EnableManagedSpotTraining",
            Target::Value,
            "EnableManagedSpotTraining is true without CheckpointConfig: when Spot capacity is reclaimed, the job restarts from the beginning",
        )
        .with_help("add CheckpointConfig.S3Uri and have the training code save checkpoints to its LocalPath (default /opt/ml/checkpoints) and resume from the latest one"),
    );
}
