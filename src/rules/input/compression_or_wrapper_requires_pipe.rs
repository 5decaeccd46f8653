//! SL302 `compression-or-wrapper-requires-pipe` (see `rules/SL302.md`).

use super::{augmented_manifest_requires_pipe, channel_label, channel_ptr, input_mode, ModeFrom};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL302",
    name: "compression-or-wrapper-requires-pipe",
    severity: Severity::Error,
    summary: "A channel's CompressionType or RecordWrapperType is set (not None) in File or FastFile mode",
    doc: include_str!("../../../rules/SL302.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        // An augmented manifest outside Pipe mode is SL301's: its fix (Pipe) fixes this too.
        if augmented_manifest_requires_pipe::applies(cx, i, channel) {
            continue;
        }
        let Some((mode, from)) = input_mode(cx, i, channel) else {
            continue;
        };
        if mode == "Pipe" {
            continue;
        }
        let members = [
            (
                "CompressionType",
                channel.compression_type.as_deref(),
                "Gzip",
            ),
            (
                "RecordWrapperType",
                channel.record_wrapper_type.as_deref(),
                "RecordIO",
            ),
        ];
        for (key, value, pipe_only) in members {
            // Only the documented values: a misspelt one is the schema's enum error.
            if value != Some(pipe_only) {
                continue;
            }
            let instead = match key {
                "CompressionType" => "let the training code decompress the files itself",
                _ => "convert the data to RecordIO before uploading it",
            };
            let pipe = match from {
                ModeFrom::Channel => "change this channel's InputMode to Pipe",
                ModeFrom::Job => "set InputMode: Pipe on this channel",
            };
            let help = format!(
                "remove {key} (or set it to None) and {instead}, or {pipe} if the algorithm supports Pipe mode"
            );
            let at = format!("{}/{key}", channel_ptr(i));
            let fix = crate::fix::remove_member(cx.source, cx.root, &at);
            out.push(
                cx.diagnostic(
                    &RULE,
                    at,
                    Target::Key,
                    format!(
                        "{} sets {key}: {pipe_only} in {mode} mode (from {}); {key} applies only in Pipe mode and must be unset or None otherwise",
                        channel_label(i, channel),
                        from.describe(),
                    ),
                )
                .with_help(help)
                .with_fix(fix),
            );
        }
    }
}
