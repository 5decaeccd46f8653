//! SL309 `file-system-requires-file-mode` (see `rules/SL309.md`).

use super::{channel_label, channel_ptr, input_mode, ModeFrom};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL309",
    name: "file-system-requires-file-mode",
    severity: Severity::Error,
    summary: "A channel reads an EFS or FSx for Lustre file system in Pipe or FastFile mode (File only)",
    doc: include_str!("../../../rules/SL309.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        if !cx.has(&format!(
            "{}/DataSource/FileSystemDataSource",
            channel_ptr(i)
        )) {
            continue;
        }
        let Some((mode, from)) = input_mode(cx, i, channel) else {
            continue;
        };
        if mode == "File" {
            continue;
        }
        // The channel's own mode, or (inherited) the channel's file system: one place per channel.
        let (at, target, help) = match from {
            ModeFrom::Channel => (
                format!("{}/InputMode", channel_ptr(i)),
                Target::Value,
                "set this channel's InputMode to File (the file system is mounted, not streamed)",
            ),
            ModeFrom::Job => (
                format!("{}/DataSource/FileSystemDataSource", channel_ptr(i)),
                Target::Key,
                "set InputMode: File on this channel (it overrides the job's TrainingInputMode), or make the job's TrainingInputMode File",
            ),
        };
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                target,
                format!(
                    "{} reads a file system (FileSystemDataSource) in {mode} mode (from {}); channels that read Amazon EFS or FSx for Lustre must use File mode",
                    channel_label(i, channel),
                    from.describe()
                ),
            )
            .with_help(help),
        );
    }
}
