//! SL306 `sharded-on-single-instance` (see `rules/SL306.md`).

use foldhash::HashMap;

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
    let cluster = Cluster::of(cx);
    for (i, channel) in channels.iter().enumerate() {
        let distribution = channel
            .data_source
            .as_ref()
            .and_then(|d| d.s3_data_source.as_ref())
            .and_then(|s| s.s3_data_distribution_type.as_deref());
        if distribution != Some("ShardedByS3Key") {
            continue;
        }
        let Some((count, whose)) = instances(cx, &cluster, i, channel) else {
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

/// The instance groups, looked at once for all channels (there may be thousands of both).
struct Cluster<'a> {
    groups: Groups<'a>,
    /// Each group name, with the index of the first group of that name.
    by_name: HashMap<&'a str, usize>,
    /// The instances of all groups; `None` when a count is unknown (or absurdly large).
    all: Option<i64>,
}

impl<'a> Cluster<'a> {
    fn of(cx: &'a Context<'_>) -> Cluster<'a> {
        let groups = instance_groups(cx);
        let mut by_name = HashMap::default();
        let mut all = Some(0i64);
        if let Groups::Defined(defined) = groups {
            for (j, g) in defined.iter().enumerate() {
                if let Some(name) = g.instance_group_name.as_deref() {
                    by_name.entry(name).or_insert(j);
                }
                all = all.and_then(|a| a.checked_add(g.instance_count?));
            }
        }
        Cluster {
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
    cluster: &Cluster<'_>,
    i: usize,
    channel: &Channel,
) -> Option<(i64, String)> {
    let names = instance_group_names(cx, i, channel).filter(|n| !n.is_empty());
    match cluster.groups {
        Groups::Unknown => None,
        Groups::None => {
            if names.is_some() {
                return None;
            }
            // Without InstanceCount the request is incomplete (SL504): nothing to judge here.
            let count = cx.request.resource_config.as_ref()?.instance_count?;
            Some((count, "ResourceConfig.InstanceCount is 1".to_string()))
        }
        Groups::Defined(groups) => match names {
            // The groups that receive the channel: those it names.
            Some(names) => {
                let mut receiving = Vec::new();
                let mut seen = foldhash::HashSet::default();
                for name in names {
                    if !literal(Some(name)) {
                        return None;
                    }
                    let j = *cluster.by_name.get(name.as_str())?;
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
                let mut total = 0i64;
                for j in receiving {
                    // A count the schema rejects, or one filled in at run time, is not judged.
                    total = total.checked_add(groups.get(j)?.instance_count?)?;
                }
                Some((total, whose))
            }
            // All of them.
            None => Some((
                cluster.all?,
                "ResourceConfig.InstanceGroups has one instance in all".to_string(),
            )),
        },
    }
}
