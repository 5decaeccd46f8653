//! SL214 `builtin-sharded-input` (see `rules/SL214.md`).

use super::builtin;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::input::{channel_label, channel_ptr};
use crate::rules::resources::total_instances;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL214",
    name: "builtin-sharded-input",
    severity: Severity::Warning,
    summary: "BlazingText on several instances with a ShardedByS3Key channel (it distributes the data itself: FullyReplicated)",
    doc: include_str!("../../../rules/SL214.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if builtin::of(cx).is_none_or(|a| a.repository != "blazingtext") {
        return;
    }
    if total_instances(cx).is_none_or(|n| n <= 1) {
        return;
    }
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        let sharded = channel
            .data_source
            .as_ref()
            .and_then(|d| d.s3_data_source.as_ref())
            .and_then(|s| s.s3_data_distribution_type.as_deref())
            == Some("ShardedByS3Key");
        if !sharded {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                format!(
                    "{}/DataSource/S3DataSource/S3DataDistributionType",
                    channel_ptr(i)
                ),
                Target::Value,
                format!(
                    "{} is ShardedByS3Key on a BlazingText job of several instances: BlazingText distributes the data across machines itself, and expects every instance to get all of it",
                    channel_label(i, channel)
                ),
            )
            .with_help("set S3DataDistributionType to FullyReplicated (the default)"),
        );
    }
}
