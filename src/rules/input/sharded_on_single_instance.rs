//! SL306 `sharded-on-single-instance` (see `rules/SL306.md`).

use std::collections::{HashMap, HashSet};

use super::{channel_label, channel_ptr, instance_group_names, instance_groups, literal, Groups};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::model::Channel;
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL306",
    name: "sharded-on-single-instance",
    severity: Severity::Info,
    summary: "S3DataDistributionType ShardedByS3Key on a channel that only one instance receives",
    doc: include_str!("../../../rules/SL306.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    let groups = GroupIndex::of(instance_groups(cx));
    for (i, channel) in channels.iter().enumerate() {
        let distribution = channel
            .data_source
            .as_ref()
            .and_then(|d| d.s3_data_source.as_ref())
            .and_then(|s| s.s3_data_distribution_type.as_deref());
        if distribution != Some("ShardedByS3Key") {
            continue;
        }
        let Some((count, whose)) = instances(cx, &groups, i, channel) else {
            continue;
        };
        if count != 1 {
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
                    "{} is ShardedByS3Key, but only one instance receives it ({whose}): there is nothing to shard, that instance gets every object",
                    channel_label(i, channel)
                ),
            )
            .with_help(
                "use FullyReplicated (the default), or raise the instance count if you meant to train on several instances",
            ),
        );
    }
}

/// The request's instance groups, looked up by name (made once for all the channels).
struct GroupIndex<'a> {
    groups: Groups<'a>,
    /// The first group of each name.
    by_name: HashMap<&'a str, usize>,
    /// The instances of all the groups (`None` when a count is not known).
    all: Option<i64>,
}

impl<'a> GroupIndex<'a> {
    fn of(groups: Groups<'a>) -> GroupIndex<'a> {
        let mut by_name = HashMap::new();
        if let Groups::Defined(defined) = groups {
            for (j, g) in defined.iter().enumerate() {
                if let Some(name) = g.instance_group_name.as_deref() {
                    by_name.entry(name).or_insert(j);
                }
            }
        }
        let all = match groups {
            Groups::Defined(defined) => defined.iter().map(|g| g.instance_count).sum(),
            _ => None,
        };
        GroupIndex {
            groups,
            by_name,
            all,
        }
    }
}

/// How many instances receive channel `i`, and the phrase that explains a count of one.
/// `None` when it is not known before the job runs, or when the channel names groups that do
/// not exist (SL305's case).
fn instances(
    cx: &Context<'_>,
    index: &GroupIndex<'_>,
    i: usize,
    channel: &Channel,
) -> Option<(i64, String)> {
    let names = instance_group_names(cx, i, channel).filter(|n| !n.is_empty());
    match index.groups {
        Groups::Unknown => None,
        Groups::None => {
            if names.is_some() {
                return None;
            }
            // Without InstanceCount the request is incomplete (SL504): nothing to judge here.
            let count = cx.request.resource_config.as_ref()?.instance_count?;
            Some((count, "ResourceConfig.InstanceCount is 1".to_string()))
        }
        Groups::Defined(groups) => {
            // The indices of the groups that receive the channel: those it names, else all.
            let (receiving, whose): (Vec<usize>, _) = match names {
                Some(names) => {
                    let mut receiving = Vec::new();
                    let mut seen = HashSet::new();
                    for name in names {
                        if !literal(Some(name)) {
                            return None;
                        }
                        let j = *index.by_name.get(name.as_str())?;
                        if seen.insert(j) {
                            receiving.push(j);
                        }
                    }
                    let whose = match receiving.as_slice() {
                        [j] => format!(
                            "the instance group it names, `{}`, has one instance",
                            describe::quote(groups.get(*j)?.instance_group_name.as_deref()?)
                        ),
                        _ => "the instance groups it names have one instance in all".to_string(),
                    };
                    (receiving, whose)
                }
                None => {
                    return Some((
                        index.all?,
                        "ResourceConfig.InstanceGroups has one instance in all".to_string(),
                    ))
                }
            };
            let mut total = 0;
            for j in receiving {
                // A count the schema rejects, or one filled in at run time, is not judged.
                total += groups.get(j)?.instance_count?;
            }
            Some((total, whose))
        }
    }
}
