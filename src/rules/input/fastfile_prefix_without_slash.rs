//! SL311 `fastfile-prefix-without-slash` (see `rules/SL311.md`).

use super::{channel_label, channel_ptr, input_mode};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL311",
    name: "fastfile-prefix-without-slash",
    severity: Severity::Warning,
    summary: "A FastFile channel's S3 prefix does not end with `/`: it may name a partial folder",
    doc: include_str!("../../../rules/SL311.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        let Some(s3) = channel
            .data_source
            .as_ref()
            .and_then(|d| d.s3_data_source.as_ref())
        else {
            continue;
        };
        // S3DataType defaults to nothing: the model requires it; only a literal S3Prefix counts.
        if s3.s3_data_type.as_deref() != Some("S3Prefix") {
            continue;
        }
        let Some(uri) = s3.s3_uri.as_deref() else {
            continue;
        };
        if uri.ends_with('/') {
            continue;
        }
        // A bucket alone (`s3://bucket`) is a whole bucket, not a partial folder.
        let Some(key) = uri
            .strip_prefix("s3://")
            .and_then(|rest| rest.split_once('/'))
            .map(|(_, key)| key)
        else {
            continue;
        };
        if key.is_empty() {
            continue;
        }
        let fast_file = input_mode(cx, i, channel).filter(|(mode, _)| *mode == "FastFile");
        let Some((_, from)) = fast_file else {
            continue;
        };
        out.push(
            cx.diagnostic(
                &RULE,
                format!("{}/DataSource/S3DataSource/S3Uri", channel_ptr(i)),
                Target::Value,
                format!(
                    "{} reads S3 prefix `{}` in FastFile mode (from {}) without a trailing `/`: FastFile mode does not allow a prefix that is a partial folder name, and without the slash the prefix also matches sibling folders and files",
                    channel_label(i, channel),
                    crate::rules::quote_for_message(uri),
                    from.describe()
                ),
            )
            .with_help(format!(
                "end the prefix with `/` to name the folder (`{}/`); a prefix that names one object is fine as it is",
                crate::rules::quote_for_message(uri)
            )),
        );
    }
}
