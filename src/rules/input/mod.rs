//! Input data: channels, data sources, input modes (SL3xx).

use crate::model::Channel;
use crate::rules::{describe, Context};

registry! {
    augmented_manifest_requires_pipe,
    compression_or_wrapper_requires_pipe,
    data_source_not_exactly_one,
    duplicate_channel_name,
    unknown_instance_group_name,
    sharded_on_single_instance,
    file_system_without_vpc,
    file_system_path_not_absolute,
    file_system_requires_file_mode,
    fastfile_requires_prefix,
    fastfile_prefix_without_slash,
}

/// The pointer of channel `i`.
pub(crate) fn channel_ptr(i: usize) -> String {
    format!("/InputDataConfig/{i}")
}

/// How a message names a channel: by its name, else by its position.
pub(crate) fn channel_label(i: usize, channel: &Channel) -> String {
    match channel.channel_name.as_deref() {
        Some(name) if !name.is_empty() => format!("channel `{}`", describe::quote(name)),
        _ => format!("channel {i}"),
    }
}

/// Where a channel's effective input mode comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ModeFrom {
    /// The channel's own `InputMode`.
    Channel,
    /// `AlgorithmSpecification.TrainingInputMode`, which the channel inherits.
    Job,
}

impl ModeFrom {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            ModeFrom::Channel => "the channel's InputMode",
            ModeFrom::Job => "AlgorithmSpecification.TrainingInputMode",
        }
    }
}

/// A channel's effective input mode: its own `InputMode` when set, otherwise the job's
/// `TrainingInputMode`. `None` when it is not known before the job runs (a Step Functions path
/// `InputMode.$`, a template placeholder) or is not one of `Pipe`, `File`, `FastFile` (the
/// schema reports a wrong value; judging it here would report the same mistake twice).
pub(crate) fn input_mode<'a>(
    cx: &'a Context<'_>,
    i: usize,
    channel: &'a Channel,
) -> Option<(&'a str, ModeFrom)> {
    let known = |m: Option<&'a str>| m.filter(|m| matches!(*m, "Pipe" | "File" | "FastFile"));
    if cx.has(&format!("{}/InputMode", channel_ptr(i))) {
        return known(channel.input_mode.as_deref()).map(|m| (m, ModeFrom::Channel));
    }
    if cx.has("/AlgorithmSpecification/TrainingInputMode") {
        let job = cx
            .request
            .algorithm_specification
            .as_ref()
            .and_then(|a| a.training_input_mode.as_deref());
        return known(job).map(|m| (m, ModeFrom::Job));
    }
    None
}

/// What the request says about `ResourceConfig.InstanceGroups` (heterogeneous clusters).
enum Groups<'a> {
    /// Not readable before the job runs (a Step Functions path, a template placeholder, a value
    /// of the wrong type, a group without a literal name): nothing can be judged.
    Unknown,
    /// No instance groups: the cluster is `ResourceConfig.InstanceType` and `InstanceCount`.
    None,
    /// The groups, each with a literal `InstanceGroupName`.
    Defined(&'a [crate::model::InstanceGroup]),
}

fn instance_groups<'a>(cx: &'a Context<'_>) -> Groups<'a> {
    let rc = cx.request.resource_config.as_ref();
    if cx.has("/ResourceConfig") && rc.is_none() {
        return Groups::Unknown;
    }
    if !cx.has("/ResourceConfig/InstanceGroups") {
        return Groups::None;
    }
    match rc.and_then(|r| r.instance_groups.as_deref()) {
        Some([]) => Groups::None,
        Some(groups)
            if groups
                .iter()
                .all(|g| literal(g.instance_group_name.as_deref())) =>
        {
            Groups::Defined(groups)
        }
        _ => Groups::Unknown,
    }
}

/// A string that is set (a value known only later reads as unset: `crate::runtime`).
fn literal(s: Option<&str>) -> bool {
    s.is_some_and(|s| !s.is_empty())
}

/// A channel's `S3DataSource.InstanceGroupNames`, when the document sets it as a list.
fn instance_group_names<'a>(
    cx: &Context<'_>,
    i: usize,
    channel: &'a Channel,
) -> Option<&'a [String]> {
    if !cx.has(&format!(
        "{}/DataSource/S3DataSource/InstanceGroupNames",
        channel_ptr(i)
    )) {
        return None;
    }
    channel
        .data_source
        .as_ref()?
        .s3_data_source
        .as_ref()?
        .instance_group_names
        .as_deref()
}

#[cfg(test)]
mod tests {
    use crate::source::{Format, SourceFile};

    /// The SL3xx diagnostics of a YAML request whose other members are a valid File-mode job.
    fn input_rules(channels_and_more: &str) -> Vec<(&'static str, String)> {
        let text = format!(
            "TrainingJobName: j\n\
             RoleArn: arn:aws:iam::123456789012:role/SageMakerTrainingRole\n\
             OutputDataConfig: {{S3OutputPath: 's3://b/o/'}}\n\
             StoppingCondition: {{MaxRuntimeInSeconds: 3600}}\n\
             {channels_and_more}"
        );
        let source = SourceFile::new("t.yaml", text, Format::Yaml);
        crate::check::check(&source)
            .into_iter()
            .filter(|d| d.rule.code.starts_with("SL3"))
            .map(|d| (d.rule.code, d.pointer))
            .collect()
    }

    const JOB: &str = "AlgorithmSpecification: {TrainingImage: 'x.dkr.ecr.us-east-1.amazonaws.com/i:1', TrainingInputMode: File}\n\
                       ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 30}\n";

    #[test]
    fn modes_known_only_at_run_time_are_not_judged() {
        let channel = "InputDataConfig:\n- {ChannelName: t, CompressionType: Gzip, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: 's3://b/t/'}}}\n";
        // Inherited File mode: reported.
        assert_eq!(
            input_rules(&format!("{JOB}{channel}")),
            vec![("SL302", "/InputDataConfig/0/CompressionType".to_string())]
        );
        // The channel's mode is a Step Functions path or a placeholder: unknown, not File.
        for mode in [
            "'InputMode.$': $.mode",
            "InputMode: '${Mode}'",
            "InputMode: pipe",
        ] {
            let doc = format!(
                "{JOB}{}",
                channel.replace("{ChannelName: t,", &format!("{{ChannelName: t, {mode},"))
            );
            assert_eq!(input_rules(&doc), vec![], "{mode}");
        }
        // The job's mode is a Step Functions path.
        let doc = format!(
            "{}{channel}",
            JOB.replace("TrainingInputMode: File", "'TrainingInputMode.$': $.mode")
        );
        assert_eq!(input_rules(&doc), vec![]);
    }

    #[test]
    fn instance_counts_known_only_at_run_time_are_not_judged() {
        let sharded = "InputDataConfig:\n- {ChannelName: t, DataSource: {S3DataSource: {S3DataType: S3Prefix, S3Uri: 's3://b/t/', S3DataDistributionType: ShardedByS3Key}}}\n";
        let at = "/InputDataConfig/0/DataSource/S3DataSource/S3DataDistributionType".to_string();
        assert_eq!(
            input_rules(&format!("{JOB}{sharded}")),
            vec![("SL306", at.clone())]
        );
        for count in ["'InstanceCount.$': $.n", "InstanceCount: 4"] {
            let doc = format!("{}{sharded}", JOB.replace("InstanceCount: 1", count));
            assert_eq!(input_rules(&doc), vec![], "{count}");
        }
        // No InstanceCount next to an InstanceType: the request is incomplete (SL504's case).
        let doc = format!("{}{sharded}", JOB.replace("InstanceCount: 1, ", ""));
        assert_eq!(input_rules(&doc), vec![]);
        // The whole ResourceConfig is a Step Functions path.
        let doc = format!(
            "AlgorithmSpecification: {{TrainingImage: 'x.dkr.ecr.us-east-1.amazonaws.com/i:1', TrainingInputMode: File}}\n\
             'ResourceConfig.$': $.resources\n{sharded}"
        );
        assert_eq!(input_rules(&doc), vec![]);
    }

    #[test]
    fn group_names_known_only_at_run_time_are_not_judged() {
        let groups = "AlgorithmSpecification: {TrainingImage: 'x.dkr.ecr.us-east-1.amazonaws.com/i:1', TrainingInputMode: File}\n\
                      ResourceConfig: {InstanceGroups: [{InstanceGroupName: gpus, InstanceType: ml.p4d.24xlarge, InstanceCount: 2}]}\n";
        let channel = |names: &str| {
            format!("InputDataConfig:\n- {{ChannelName: t, DataSource: {{S3DataSource: {{S3DataType: S3Prefix, S3Uri: 's3://b/t/', {names}}}}}}}\n")
        };
        let unknown = input_rules(&format!(
            "{groups}{}",
            channel("InstanceGroupNames: [gpus, gpu]")
        ));
        assert_eq!(
            unknown,
            vec![(
                "SL305",
                "/InputDataConfig/0/DataSource/S3DataSource/InstanceGroupNames/1".to_string()
            )]
        );
        for names in [
            "InstanceGroupNames: ['${G}']",
            "'InstanceGroupNames.$': $.g",
            "InstanceGroupNames: []",
        ] {
            assert_eq!(
                input_rules(&format!("{groups}{}", channel(names))),
                vec![],
                "{names}"
            );
        }
        // A group whose name is filled in at run time might be the one the channel names.
        let templated = groups.replace("InstanceGroupName: gpus", "InstanceGroupName: '${G}'");
        assert_eq!(
            input_rules(&format!(
                "{templated}{}",
                channel("InstanceGroupNames: [gpu]")
            )),
            vec![]
        );
    }
}
