//! SL310 `fastfile-requires-prefix` (see `rules/SL310.md`).

use super::{channel_label, channel_ptr, input_mode};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL310",
    name: "fastfile-requires-prefix",
    severity: Severity::Error,
    summary: "A FastFile channel whose S3DataType is ManifestFile (FastFile reads S3 prefixes only)",
    doc: include_str!("../../../rules/SL310.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        let data_type = channel
            .data_source
            .as_ref()
            .and_then(|d| d.s3_data_source.as_ref())
            .and_then(|s| s.s3_data_type.as_deref());
        // AugmentedManifestFile needs Pipe mode whatever else: SL301 reports it.
        if data_type != Some("ManifestFile") {
            continue;
        }
        let fast_file = input_mode(cx, i, channel).filter(|(mode, _)| *mode == "FastFile");
        let Some((_, from)) = fast_file else {
            continue;
        };
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{}/DataSource/S3DataSource/S3DataType", channel_ptr(i)),
                Target::Value,
                format!(
                    "{} reads a ManifestFile in FastFile mode (from {}); FastFile mode supports S3 prefixes only",
                    channel_label(i, channel),
                    from.describe()
                ),
            )
            .with_help("use S3DataType S3Prefix with a prefix that holds the data, or read the manifest in File mode (InputMode: File on this channel)"),
        );
    }
}
