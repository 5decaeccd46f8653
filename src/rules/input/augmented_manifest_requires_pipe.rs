//! SL301 `augmented-manifest-requires-pipe` (see `rules/SL301.md`).

use super::{channel_label, channel_ptr, input_mode, ModeFrom};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL301",
    name: "augmented-manifest-requires-pipe",
    severity: Severity::Error,
    summary: "An AugmentedManifestFile channel whose input mode is not Pipe",
    doc: include_str!("../../../rules/SL301.md"),
    check: Check::Request(check),
};

/// Whether a channel reads an augmented manifest in File or FastFile mode (SL302 leaves such a
/// channel to this rule: switching it to Pipe fixes both).
pub(super) fn applies(cx: &Context<'_>, i: usize, channel: &crate::model::Channel) -> bool {
    let data_type = channel
        .data_source
        .as_ref()
        .and_then(|d| d.s3_data_source.as_ref())
        .and_then(|s| s.s3_data_type.as_deref());
    data_type == Some("AugmentedManifestFile")
        && input_mode(cx, i, channel).is_some_and(|(mode, _)| mode != "Pipe")
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        if !applies(cx, i, channel) {
            continue;
        }
        let Some((mode, from)) = input_mode(cx, i, channel) else {
            continue;
        };
        let help = match from {
            ModeFrom::Channel => "change this channel's InputMode to Pipe",
            ModeFrom::Job => {
                "set InputMode: Pipe on this channel (it overrides the job's TrainingInputMode)"
            }
        };
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{}/DataSource/S3DataSource/S3DataType", channel_ptr(i)),
                Target::Value,
                format!(
                    "{} reads an AugmentedManifestFile in {mode} mode (from {}); augmented manifests need Pipe mode",
                    channel_label(i, channel),
                    from.describe()
                ),
            )
            .with_help(help),
        );
    }
}
