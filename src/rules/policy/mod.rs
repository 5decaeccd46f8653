//! Policy rules for platform teams (PLxxx): off by default, run when the configuration selects
//! them (`extend-select = ["policy"]`, or by code or name). They check what security scanners
//! check on live training jobs (network isolation, encryption, VPC) and a team's own limits
//! (tags, instance types, runtime), before the job exists. Parameters come from the `[policy]`
//! table of the configuration, through [`Context::policy`](crate::rules::Context).

use crate::rules::Context;

registry! {
    network_isolation_disabled,
    inter_container_encryption_disabled,
    volume_kms_key_missing,
    output_kms_key_missing,
    vpc_config_missing,
    required_tag_missing,
    instance_type_not_allowed,
    max_runtime_over_policy,
}

/// The most `max-runtime-in-seconds` may be: the API's own limit, 28 days.
pub const MAX_RUNTIME_LIMIT: i64 = 28 * 24 * 3600;

/// The `[policy]` parameter a policy rule needs, if any: without it the rule has nothing to
/// check and does not run.
pub fn parameter(code: &str) -> Option<&'static str> {
    match code {
        "PL006" => Some("required-tags"),
        "PL007" => Some("allowed-instance-types"),
        "PL008" => Some("max-runtime-in-seconds"),
        _ => None,
    }
}

/// The finding of a policy that wants the boolean `member` of the request true: at its value
/// when it is false, at the request when it is not set (its default is false); none when it is
/// true, or known only at run time (a Step Functions path `Name.$`, a placeholder).
/// `context` follows the member's state in the message (` on a job of 4 instances`).
fn not_enabled(
    cx: &Context<'_>,
    rule: &'static crate::rules::Rule,
    (member, typed): (&str, Option<bool>),
    context: &str,
    consequence: &str,
) -> Option<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::Target;
    let at = format!("/{member}");
    match typed {
        Some(true) => None,
        Some(false) => Some(cx.diagnostic(
            rule,
            at,
            Target::Value,
            format!("{member} is false{context}: {consequence}"),
        )),
        None if cx.has(&at) => None,
        None => Some(cx.diagnostic(
            rule,
            "",
            Target::Key,
            format!("{member} is not set (default false){context}: {consequence}"),
        )),
    }
}

/// Whether the request is a serverless job (no instances of its own to configure).
fn serverless(cx: &Context<'_>) -> bool {
    cx.has("/ServerlessJobConfig")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_parameter_names_a_policy_rule() {
        for r in crate::rules::RULES.iter() {
            if super::parameter(r.code).is_some() {
                assert!(r.opt_in(), "{}", r.code);
            }
        }
    }
}

#[cfg(test)]
mod edge_cases {
    use crate::policy::{AllowList, Policy};
    use crate::source::{Format, SourceFile};

    const HEAD: &str = "TrainingJobName: j\n\
        RoleArn: arn:aws:iam::123456789012:role/SageMakerTrainingRole\n\
        AlgorithmSpecification: {TrainingImage: 'x.dkr.ecr.us-east-1.amazonaws.com/i:1', TrainingInputMode: File}\n\
        OutputDataConfig: {S3OutputPath: 's3://b/o/'}\n";

    /// The pointers of the diagnostics of one policy rule, enabled alone.
    fn run(code: &'static str, policy: &mut Policy, rest: &str) -> Vec<String> {
        policy.enable(code);
        let source = SourceFile::new("t.yaml", format!("{HEAD}{rest}"), Format::Yaml);
        let parsed = crate::parse::parse(&source);
        crate::check::check_parsed_with(&source, parsed, policy)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule.code == code)
            .map(|d| d.pointer)
            .collect()
    }

    #[test]
    fn instance_groups_count_and_are_checked() {
        let groups = "ResourceConfig:\n  InstanceGroups:\n  - {InstanceGroupName: a, InstanceType: ml.c5.xlarge, InstanceCount: 1}\n  - {InstanceGroupName: b, InstanceType: ml.p4d.24xlarge, InstanceCount: 1}\n  VolumeSizeInGB: 30\nStoppingCondition: {MaxRuntimeInSeconds: 60}\n";
        // Two groups of one instance: a distributed job.
        assert_eq!(run("PL002", &mut Policy::default(), groups), [""]);
        // A group with NVMe storage cannot take the key (SL501), so none can be asked for; two
        // EBS-backed groups need it.
        assert!(run("PL003", &mut Policy::default(), groups).is_empty());
        let ebs = groups.replace("ml.p4d.24xlarge", "ml.m5.xlarge");
        assert_eq!(
            run("PL003", &mut Policy::default(), &ebs),
            ["/ResourceConfig/InstanceGroups/0/InstanceType"]
        );
        let mut p = Policy::default();
        p.allowed_instance_types = Some(AllowList::new(&["ml.p4d.*".to_string()]).expect("ok"));
        assert_eq!(
            run("PL007", &mut p, groups),
            ["/ResourceConfig/InstanceGroups/0/InstanceType"]
        );
    }

    #[test]
    fn a_tuning_definitions_instance_configurations_are_checked() {
        // A definition of its own (a file): its HyperParameterTuningResourceConfig is where the
        // instance types, counts and key are.
        let definition = |resources: &str| {
            HEAD.replace(
                "TrainingJobName: j\n",
                "StaticHyperParameters: {objective: 'reg:linear'}\n",
            ) + resources
                + "StoppingCondition: {MaxRuntimeInSeconds: 60}\n"
        };
        let configs = definition(
            "HyperParameterTuningResourceConfig:\n  InstanceConfigs:\n  - {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 30}\n  - {InstanceType: ml.c5.2xlarge, InstanceCount: 4, VolumeSizeInGB: 30}\n",
        );
        let only = |code: &'static str, policy: &mut Policy, text: &str| {
            policy.enable(code);
            let source = SourceFile::new("t.yaml", text.to_string(), Format::Yaml);
            crate::check::check_parsed_with(&source, crate::parse::parse(&source), policy)
                .diagnostics
                .into_iter()
                .filter(|d| d.rule.code == code)
                .map(|d| d.pointer)
                .collect::<Vec<_>>()
        };
        let mut p = Policy::default();
        p.allowed_instance_types = Some(AllowList::new(&["ml.m5.*".to_string()]).expect("ok"));
        assert_eq!(
            only("PL007", &mut p, &configs),
            ["/HyperParameterTuningResourceConfig/InstanceConfigs/1/InstanceType"]
        );
        assert_eq!(
            only("PL003", &mut Policy::default(), &configs),
            ["/HyperParameterTuningResourceConfig/InstanceConfigs/0/InstanceType"]
        );
        // Four instances in one of the configurations: a distributed job.
        assert_eq!(only("PL002", &mut Policy::default(), &configs), [""]);
        let keyed = configs.replace(
            "  InstanceConfigs:",
            "  VolumeKmsKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab\n  InstanceConfigs:",
        );
        assert!(only("PL003", &mut Policy::default(), &keyed).is_empty());
    }

    #[test]
    fn no_policy_that_another_rule_forbids_meeting() {
        // Semantic Segmentation cannot run isolated (SL208): PL001 does not ask for it.
        let rc = "ResourceConfig: {InstanceType: ml.p3.2xlarge, InstanceCount: 1, VolumeSizeInGB: 30}\nStoppingCondition: {MaxRuntimeInSeconds: 60}\n";
        let mut p = Policy::default();
        p.enable("PL001");
        let text = HEAD.replace(
            "x.dkr.ecr.us-east-1.amazonaws.com/i:1",
            "811284229777.dkr.ecr.us-east-1.amazonaws.com/semantic-segmentation:1",
        ) + rc;
        let source = SourceFile::new("t.yaml", text, Format::Yaml);
        let found = crate::check::check_parsed_with(&source, crate::parse::parse(&source), &p);
        assert!(!found.diagnostics.iter().any(|d| d.rule.code == "PL001"));
        // Another image is asked for it.
        assert_eq!(run("PL001", &mut Policy::default(), rc), [""]);
        // An S3 Express One Zone output cannot take a KMS key (SL507): PL004 does not ask.
        let express = HEAD.replace("s3://b/o/", "s3://out--use1-az4--x-s3/o/");
        let source = SourceFile::new("t.yaml", express + rc, Format::Yaml);
        let mut p = Policy::default();
        p.enable("PL004");
        let found = crate::check::check_parsed_with(&source, crate::parse::parse(&source), &p);
        assert!(!found.diagnostics.iter().any(|d| d.rule.code == "PL004"));
    }

    #[test]
    fn values_known_at_run_time_are_not_judged() {
        let rc =
            "ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 2, VolumeSizeInGB: 30}\n";
        let doc = format!(
            "{rc}StoppingCondition: {{MaxRuntimeInSeconds: 60}}\n'EnableNetworkIsolation.$': $.iso\n"
        );
        assert!(run("PL001", &mut Policy::default(), &doc).is_empty());
        let doc = format!("{rc}StoppingCondition: {{MaxRuntimeInSeconds: 60}}\n'EnableInterContainerTrafficEncryption.$': $.enc\n");
        assert!(run("PL002", &mut Policy::default(), &doc).is_empty());
        let mut p = Policy::default();
        p.max_runtime_in_seconds = Some(3600);
        let doc = format!("{rc}'StoppingCondition.$': $.stop\n");
        assert!(run("PL008", &mut p, &doc).is_empty());
        let doc = format!("{rc}StoppingCondition: {{'MaxRuntimeInSeconds.$': $.max}}\n");
        assert!(run("PL008", &mut p, &doc).is_empty());
        let doc = format!("{rc}StoppingCondition: {{MaxRuntimeInSeconds: 7200}}\n");
        assert_eq!(
            run("PL008", &mut p, &doc),
            ["/StoppingCondition/MaxRuntimeInSeconds"]
        );
        let mut p = Policy::default();
        p.required_tags = vec!["team".to_string()];
        let doc = format!("{rc}StoppingCondition: {{MaxRuntimeInSeconds: 60}}\n'Tags.$': $.tags\n");
        assert!(run("PL006", &mut p, &doc).is_empty());
        let doc = format!(
            "{rc}StoppingCondition: {{MaxRuntimeInSeconds: 60}}\nTags: [{{Key: Team, Value: x}}]\n"
        );
        assert_eq!(run("PL006", &mut p, &doc), ["/Tags"]);
    }
}
