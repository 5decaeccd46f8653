//! SL301 `augmented-manifest-requires-pipe` (see `rules/SL301.md`).

use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};

pub const RULE: Rule = Rule {
    code: "SL301",
    name: "augmented-manifest-requires-pipe",
    severity: Severity::Error,
    summary: "An AugmentedManifestFile channel whose input mode is not Pipe",
    doc: include_str!("../../../rules/SL301.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    let job_mode = cx
        .request
        .algorithm_specification
        .as_ref()
        .and_then(|a| a.training_input_mode.as_deref());
    for (i, channel) in channels.iter().enumerate() {
        let data_type = channel
            .data_source
            .as_ref()
            .and_then(|d| d.s3_data_source.as_ref())
            .and_then(|s| s.s3_data_type.as_deref());
        if data_type != Some("AugmentedManifestFile") {
            continue;
        }
        let (mode, from, help) = match (channel.input_mode.as_deref(), job_mode) {
            (Some(m), _) => (
                m,
                "the channel's InputMode",
                "change this channel's InputMode to Pipe",
            ),
            (None, Some(m)) => (
                m,
                "AlgorithmSpecification.TrainingInputMode",
                "set InputMode: Pipe on this channel (it overrides the job's TrainingInputMode)",
            ),
            (None, None) => continue,
        };
        if mode == "Pipe" {
            continue;
        }
        let name = channel.channel_name.as_deref().unwrap_or("?");
        out.push(
            cx.diagnostic(
                &RULE,
                format!("/InputDataConfig/{i}/DataSource/S3DataSource/S3DataType"),
                Target::Value,
                format!(
                    "channel `{name}` reads an AugmentedManifestFile in {mode} mode (from {from}); augmented manifests need Pipe mode"
                ),
            )
            .with_help(help),
        );
    }
}
