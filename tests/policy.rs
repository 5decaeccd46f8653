//! The policy rules end to end: off without a configuration, on with the README's team policy
//! file, through `sagelint check` (CLI) and its exit status.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::process::Command;

/// The ```toml block of the README's "Policy rules for platform teams" section.
fn readme_policy_file() -> String {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = &readme[readme
        .find("## Policy rules for platform teams")
        .expect("README section")..];
    let block = &section[section.find("```toml\n").expect("toml block") + 8..];
    block[..block.find("```").unwrap()].to_string()
}

fn check(dir: &std::path::Path, file: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--format", "concise", "--quiet", file])
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

const JOB: &str = "TrainingJobName: resnet-2025-01
RoleArn: arn:aws:iam::123456789012:role/SageMakerTrainingRole
AlgorithmSpecification:
  TrainingImage: 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311
  TrainingInputMode: File
OutputDataConfig:
  S3OutputPath: s3://my-bucket/output
ResourceConfig:
  InstanceType: ml.p3.16xlarge
  InstanceCount: 2
  VolumeSizeInGB: 100
StoppingCondition:
  MaxRuntimeInSeconds: 172800
Tags:
  - Key: team
    Value: vision
";

#[test]
fn policy_rules_are_off_by_default_and_on_with_the_readme_policy_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("job.yaml"), JOB).unwrap();
    let (status, out) = check(dir.path(), "job.yaml");
    assert_eq!((status, out.as_str()), (0, ""), "no configuration: {out}");

    std::fs::write(dir.path().join("sagelint.toml"), readme_policy_file()).unwrap();
    let (status, out) = check(dir.path(), "job.yaml");
    assert_eq!(status, 1, "{out}");
    let rules: Vec<&str> = out
        .lines()
        .map(|l| &l[l.find('[').unwrap() + 1..l.find(']').unwrap()])
        .collect();
    assert_eq!(
        rules,
        ["PL001", "PL002", "PL005", "PL004", "PL003", "PL007", "PL008", "PL006", "PL006"],
        "{out}"
    );
    // The README's [severity] table makes PL005 a warning.
    assert!(out.contains("warning[PL005]"), "{out}");

    // A compliant request passes the same policy (ml.g5.12xlarge has NVMe storage: no
    // VolumeKmsKeyId, which it could not take).
    let compliant = JOB
        .replace("ml.p3.16xlarge", "ml.g5.12xlarge")
        .replace("MaxRuntimeInSeconds: 172800", "MaxRuntimeInSeconds: 86400")
        .replace(
            "  S3OutputPath: s3://my-bucket/output\n",
            "  S3OutputPath: s3://my-bucket/output\n  KmsKeyId: alias/ml-artifacts\n",
        )
        + "  - Key: cost-center\n    Value: cc-1234\n  - Key: data-classification\n    Value: internal\n\
           EnableNetworkIsolation: true\nEnableInterContainerTrafficEncryption: true\n\
           VpcConfig:\n  SecurityGroupIds: [sg-0a1b2c3d4e5f60718]\n  Subnets: [subnet-0a1b2c3d4e5f60718]\n";
    std::fs::write(dir.path().join("ok.yaml"), compliant).unwrap();
    let (status, out) = check(dir.path(), "ok.yaml");
    assert_eq!((status, out.as_str()), (0, ""), "{out}");
}

/// Every policy rule, with every parameter, over every fixture (broken ones included): no panic,
/// and every finding's span lies within its file.
#[test]
fn every_policy_rule_runs_on_every_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("sagelint.toml");
    std::fs::write(
        &config,
        "extend-select = [\"policy\"]\n[policy]\nrequired-tags = [\"team\", \"cost-center\"]\n\
         allowed-instance-types = [\"ml.m5.*\"]\nmax-runtime-in-seconds = 600\n",
    )
    .unwrap();
    let config = sagelint::config::Config::load(&config).unwrap();
    assert_eq!(config.policy.enabled().count(), 8);
    let mut policy_findings = 0;
    for sub in ["valid", "invalid"] {
        for entry in std::fs::read_dir(common::root().join("testdata").join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let Some(format) = sagelint::Format::from_path(&path) else {
                continue;
            };
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let source = sagelint::SourceFile::new(path.display().to_string(), text, format);
            let parsed = sagelint::parse::parse(&source);
            let found = sagelint::check::check_parsed_with(&source, parsed, &config.policy);
            for d in &found.diagnostics {
                assert!(
                    d.span.end <= source.text.len(),
                    "{}: {} span out of the file",
                    path.display(),
                    d.rule.code
                );
            }
            policy_findings += found.diagnostics.iter().filter(|d| d.rule.opt_in()).count();
        }
    }
    assert!(policy_findings > 100, "{policy_findings}");
}
