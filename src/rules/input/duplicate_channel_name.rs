//! SL304 `duplicate-channel-name` (see `rules/SL304.md`).

use foldhash::HashMap;

use super::channel_ptr;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL304",
    name: "duplicate-channel-name",
    severity: Severity::Error,
    summary: "Two channels of InputDataConfig have the same ChannelName",
    doc: include_str!("../../../rules/SL304.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    // Where each name's first channel is (its line is worked out for a duplicate only).
    let mut first: HashMap<&str, usize> = HashMap::default();
    for (i, channel) in channels.iter().enumerate() {
        let Some(name) = channel.channel_name.as_deref() else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let at = format!("{}/ChannelName", channel_ptr(i));
        let offset = cx.span(&at, Target::Value).start;
        let Some(&first_offset) = first.get(name) else {
            first.insert(name, offset);
            continue;
        };
        let line_of_first = cx.source.position(first_offset).line;
        out.push(
            cx.diagnostic(
                &RULE,
                at.as_str(),
                Target::Value,
                format!(
                    "channel name `{}` is already used by the channel on line {line_of_first}: each channel of InputDataConfig needs a name of its own",
                    describe::quote(name)
                ),
            )
            .with_help(
                "rename this channel (the container finds it under /opt/ml/input/data/<ChannelName>), or merge the two channels into one",
            ),
        );
    }
}
