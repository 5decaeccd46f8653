//! SL305 `unknown-instance-group-name` (see `rules/SL305.md`).


use super::{channel_label, channel_ptr, instance_group_names, instance_groups, literal, Groups};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL305",
    name: "unknown-instance-group-name",
    severity: Severity::Error,
    summary: "S3DataSource.InstanceGroupNames names an instance group that ResourceConfig.InstanceGroups does not define",
    doc: include_str!("../../../rules/SL305.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    let groups = instance_groups(cx);
    // The defined names, once for all channels (there may be thousands of both).
    let known: Vec<&str> = match groups {
        Groups::Defined(defined) => defined
            .iter()
            .filter_map(|g| g.instance_group_name.as_deref())
            .collect(),
        _ => Vec::new(),
    };
    let known_set: foldhash::HashSet<&str> = known.iter().copied().collect();
    let list = {
        // The API takes 5 groups: a longer list is shortened, not quoted whole in every message.
        const SHOWN: usize = 10;
        let mut list = known
            .iter()
            .take(SHOWN)
            .map(|k| format!("`{}`", describe::quote(k)))
            .collect::<Vec<_>>()
            .join(", ");
        if known.len() > SHOWN {
            list.push_str(&format!(" and {} more", known.len() - SHOWN));
        }
        list
    };
    for (i, channel) in channels.iter().enumerate() {
        let Some(names) = instance_group_names(cx, i, channel) else {
            continue;
        };
        let at = format!(
            "{}/DataSource/S3DataSource/InstanceGroupNames",
            channel_ptr(i)
        );
        let label = channel_label(i, channel);
        match groups {
            Groups::Unknown => {}
            Groups::None => {
                let named: Vec<String> = names
                    .iter()
                    .filter(|n| literal(Some(n)))
                    .map(|n| format!("`{}`", describe::quote(n)))
                    .collect();
                if named.is_empty() {
                    continue;
                }
                let (noun, list) = match named.as_slice() {
                    [one] => ("group", one.clone()),
                    _ => ("groups", named.join(", ")),
                };
                out.push(
                    cx.diagnostic(
                        &RULE,
                        at.as_str(),
                        Target::Key,
                        format!(
                            "{label} sends its data to instance {noun} {list}, but ResourceConfig defines no InstanceGroups"
                        ),
                    )
                    .with_help(
                        "remove InstanceGroupNames (without instance groups every instance gets the channel), or define the groups in ResourceConfig.InstanceGroups",
                    ),
                );
            }
            Groups::Defined(_) => {
                for (j, name) in names.iter().enumerate() {
                    if !literal(Some(name)) || known_set.contains(name.as_str()) {
                        continue;
                    }
                    // A typo among the API's 5 groups, not among thousands (each comparison costs).
                    let typo = (known.len() <= 100)
                        .then(|| crate::suggest::closest(name, known.iter().copied()))
                        .flatten();
                    let mut message = format!(
                        "{label} sends its data to instance group `{}`, which ResourceConfig.InstanceGroups does not define (it defines {list})",
                        describe::quote(name)
                    );
                    // The suggestion is the fix: in the message, which every format shows.
                    if let Some(k) = typo {
                        message.push_str(&format!("; did you mean `{}`?", describe::quote(k)));
                    }
                    let d = cx.diagnostic(&RULE, format!("{at}/{j}"), Target::Value, message);
                    out.push(match typo {
                        Some(_) => d,
                        None => d.with_help("name one of the groups defined in ResourceConfig.InstanceGroups, or add the group there"),
                    });
                }
            }
        }
    }
}
