//! Requests inside other documents: Step Functions state machines, CloudFormation/SAM/CDK
//! templates, SageMaker Pipelines definitions. Each finding must point at the right text of the
//! outer file (asserted from the file here, not only from the snapshots in `testdata/`), every
//! output names the request, and the walk, `--kind`, the configuration, the language server and
//! the real corpus see them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;
#[path = "common/lsp.rs"]
mod lsp_client;

use std::path::Path;
use std::process::Command;

use lsp_client::{file_uri, Client};
use serde_json::{json, Value};

/// A finding: its rule, its line, and the exact text of the file under its span.
type Finding = (&'static str, usize, &'static str);

/// For each fixture, its findings in order.
const EXPECTED: &[(&str, &[Finding])] = &[
    (
        "sfn-nested.asl.json",
        &[
            ("SL401", 19, "3600"),
            ("SL501", 51, "\"VolumeKmsKeyId\""),
            (
                "SL020",
                68,
                "\"arn:aws:states:::sagemaker:createTrainingJob.waitForTaskToken\"",
            ),
        ],
    ),
    (
        "sfn-jsonata.asl.yaml",
        &[("SL103", 19, "ml.m5.xlarg"), ("SL021", 28, "Parameters")],
    ),
    (
        "cfn-definition.yaml",
        &[
            // The literal DefinitionSubstitutions value, reported at its placeholder.
            ("SL103", 33, "${InstanceType}"),
            ("SL404", 38, "MaxWaitTimeInSeconds"),
        ],
    ),
    (
        "cfn-block-definitionstring.yaml",
        // One misspelt key, one finding (not also SL503 for the volume size it misspells).
        &[("SL100", 25, "\"VolumeSizeInGb\"")],
    ),
    (
        "cfn-fnsub-definitionstring.json",
        &[("SL103", 10, "\\\"Fil\\\"")],
    ),
    (
        "cdk-join-definitionstring.json",
        &[("SL301", 42, "\\\"AugmentedManifestFile\\\"")],
    ),
    (
        "sam-state-machine.yaml",
        &[
            ("SL601", 25, "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"),
            ("SL402", 33, "3600000"),
        ],
    ),
    (
        "pipeline-definition.json",
        &[("SL505", 27, "0"), ("SL402", 62, "3000000")],
    ),
    (
        "create-pipeline-request.json",
        &[("SL505", 5, "0"), ("SL402", 5, "3000000")],
    ),
    (
        // Response-only members and nulls are not reported: only the request's own mistake.
        "describe-training-job.json",
        &[("SL501", 54, "\"VolumeKmsKeyId\"")],
    ),
    (
        "eventbridge-training-job-state-change.yaml",
        &[("SL301", 27, "AugmentedManifestFile")],
    ),
    (
        // The tuning job's own rules, and the shared rules on each training job definition.
        "tuning-job.json",
        &[
            ("TN004", 11, "10"),
            ("TN001", 17, "\"12\""),
            ("TN002", 26, "\"Logarithmic\""),
            ("SL501", 66, "\"VolumeKmsKeyId\""),
            ("TN009", 80, "\"num_round\""),
            ("SL501", 104, "\"VolumeKmsKeyId\""),
            ("TN001", 119, "\"150.5\""),
        ],
    ),
    (
        // One training job definition of its own (`--training-job-definition file://...`):
        // checked as a definition, `StaticHyperParameters` its hyperparameters.
        "tuning-definition.json",
        &[
            ("SL103", 4, "\"Maximise\""),
            // The tuning job's rules about one definition run on a definition of its own.
            ("TN001", 11, "\"10\""),
            ("SL601", 18, "\"0123456789abcdef0123456789abcdef01234567\""),
            ("SL501", 43, "\"VolumeKmsKeyId\""),
        ],
    ),
    (
        // A tuning request in YAML with one definition: the ranges of its ParameterRanges.
        "tuning-job-single.yaml",
        &[
            ("TN001", 17, "\"9.5\""),
            ("TN002", 22, "ReverseLogarithmic"),
            ("SL404", 45, "MaxWaitTimeInSeconds"),
        ],
    ),
    (
        "sfn-tuning.asl.yaml",
        &[
            ("TN003", 11, "Auto"),
            ("TN014", 24, "StaticHyperParameters"),
            ("SL503", 33, "ml.m5.xlarge"),
        ],
    ),
    (
        // HyperParameterTuningJobName is supplied by the pipeline.
        "pipeline-tuning-step.json",
        &[
            ("SL405", 69, "true"),
            ("SL403", 70, "\"StoppingCondition\""),
        ],
    ),
    (
        // An ACK TrainingJob: the spec as written (`$NAME` placeholders not judged).
        "k8s-ack-training-job.yaml",
        &[
            ("SL103", 16, "Fille"),
            // A field ACK's controller leaves out (its generator.yaml).
            ("SL100", 17, "containerEntrypoint"),
            ("SL501", 24, "volumeKMSKeyID"),
            ("SL100", 26, "maxRuntimeInSecond"),
            // The operator's spelling in an ACK resource: unknown, and not also missing.
            ("SL100", 32, "s3Uri"),
        ],
    ),
    (
        // Two ACK TrainingJobs with a Deployment between them: each job checked, the
        // Deployment not.
        "k8s-stream.yaml",
        &[
            ("SL404", 21, "maxWaitTimeInSeconds"),
            ("SL104", 46, "churn_large"),
            ("SL100", 59, "subnet"),
        ],
    ),
    (
        // An ACK TrainingJob, a Deployment and an ACK HyperParameterTuningJob of two
        // definitions: the tuning job's rules on its spec, each definition on its own, fields
        // ACK leaves out of its tuning job CRD.
        "k8s-ack-tuning-jobs.yaml",
        &[
            ("SL404", 22, "maxWaitTimeInSeconds"),
            ("SL100", 56, "maxRuntimeInSeconds"),
            ("TN001", 66, "\"10\""),
            ("SL501", 80, "volumeKMSKeyID"),
            ("TN002", 92, "Logarithmic"),
            ("SL100", 95, "environment"),
            ("SL103", 99, "Fille"),
            ("SL100", 108, "maxRuntimeInSecond"),
        ],
    ),
    (
        "k8s-operator-tuning-job.yaml",
        &[
            ("TN003", 24, "Auto"),
            // (The operator's CRD has no strategyConfig, so no maxResource.)
            ("TN014", 26, "staticHyperParameters"),
            ("SL002", 31, "objective"),
            ("SL404", 51, "maxWaitTimeInSeconds"),
        ],
    ),
    (
        "k8s-operator-training-job.yaml",
        &[
            ("SL101", 7, "spec"),
            ("SL002", 13, "max_depth"),
            ("SL102", 15, "value: \"multi:softmax\""),
            ("SL100", 19, "roleARN"),
            ("SL103", 32, "S3Prefx"),
        ],
    ),
];

fn sagelint(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(args)
        .current_dir(common::root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_of(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let (_, out, err) = sagelint(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"))
}

/// The first quick fix the language server offers for a diagnostic it published.
fn quick_fix(client: &mut Client, uri: &str, d: &Value) -> Value {
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"],
               "context": {"diagnostics": [d]}}),
    );
    actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap_or_else(|| panic!("no quick fix: {actions}"))
        .clone()
}

#[test]
fn findings_point_at_the_outer_file() {
    for (name, expected) in EXPECTED {
        let path = format!("testdata/invalid/{name}");
        let text = std::fs::read(common::root().join(&path)).unwrap();
        let out = json_of(&[&path]);
        let found: Vec<(String, usize, String)> = out["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let offset = d["span"]["offset"].as_u64().unwrap() as usize;
                let length = d["span"]["length"].as_u64().unwrap() as usize;
                (
                    d["rule"].as_str().unwrap().to_string(),
                    d["span"]["start"]["line"].as_u64().unwrap() as usize,
                    String::from_utf8_lossy(&text[offset..offset + length]).into_owned(),
                )
            })
            .collect();
        let expected: Vec<(String, usize, String)> = expected
            .iter()
            .map(|(r, l, t)| (r.to_string(), *l, t.to_string()))
            .collect();
        assert_eq!(found, expected, "{path}");
    }
}

#[test]
fn outputs_name_the_request() {
    let out = json_of(&["testdata/invalid/sfn-nested.asl.json"]);
    let d = &out["diagnostics"][1];
    assert_eq!(d["rule"], "SL501");
    assert_eq!(
        d["pointer"],
        "/States/Fan out/Branches/0/States/Per item/ItemProcessor/States/Train item/Parameters/ResourceConfig/VolumeKmsKeyId"
    );
    assert_eq!(
        d["request"],
        "/States/Fan out/Branches/0/States/Per item/ItemProcessor/States/Train item/Parameters"
    );
    // A request file of its own: "" (and the pointer as before).
    let bare = json_of(&["testdata/invalid/instance-storage.yaml"]);
    assert_eq!(bare["diagnostics"][0]["request"], "");

    let (_, human, _) = sagelint(&[
        "check",
        "--color",
        "never",
        "testdata/invalid/cfn-definition.yaml",
    ]);
    assert!(
        human
            .contains("SL404(max-wait-without-spot) in resource TrainingStateMachine, state Train"),
        "{human}"
    );
    let (_, concise, _) = sagelint(&[
        "check",
        "--format",
        "concise",
        "testdata/invalid/pipeline-definition.json",
    ]);
    assert!(
        concise.contains("the maximum is 28 days (2419200) (in pipeline step Retrain)"),
        "{concise}"
    );
    let (_, github, _) = sagelint(&[
        "check",
        "--format",
        "github",
        "testdata/invalid/pipeline-definition.json",
    ]);
    assert!(
        github.contains("title=SL402 max-runtime-over-limit in pipeline step Retrain::"),
        "{github}"
    );
    let (_, human, _) = sagelint(&["check", "testdata/invalid/pipeline-definition.json"]);
    assert!(
        human.contains("SL402(max-runtime-over-limit) in pipeline step Retrain"),
        "{human}"
    );

    let (_, sarif, _) = sagelint(&[
        "check",
        "--format",
        "sarif",
        "testdata/invalid/sfn-jsonata.asl.yaml",
    ]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let logical = &sarif["runs"][0]["results"][0]["locations"][0]["logicalLocations"][0];
    assert_eq!(logical["fullyQualifiedName"], "/States/Train/Arguments");
    assert_eq!(logical["name"], "state Train");
}

#[test]
fn pipelines_supply_the_job_name_and_runtime_values_are_never_judged() {
    // No TrainingJobName in a pipeline step, expressions everywhere: only the planted mistakes.
    for path in [
        "testdata/valid/tuning-job.json",
        "testdata/valid/pipeline-definition.json",
        "testdata/valid/sfn-jsonpath.asl.json",
        "testdata/valid/sfn-jsonata.asl.yaml",
        "testdata/valid/sam-state-machine.yaml",
        "testdata/valid/cdk-join-definitionstring.json",
    ] {
        let out = json_of(&[path]);
        assert_eq!(out["diagnostics"], json!([]), "{path}");
    }
    // The same training step in a state machine needs its name.
    let dir = tempfile::tempdir().unwrap();
    let definition: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("testdata/valid/pipeline-definition.json"))
            .unwrap(),
    )
    .unwrap();
    let machine = json!({"StartAt": "Train", "States": {"Train": {
        "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob",
        "Parameters": definition["Steps"][1]["Arguments"]["ElseSteps"][0]["Arguments"], "End": true}}});
    let file = dir.path().join("machine.json");
    std::fs::write(&file, machine.to_string()).unwrap();
    let out = json_of(&[file.to_str().unwrap()]);
    let rules: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].clone(), d["message"].clone()))
        .collect();
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert_eq!(rules[0].0, "SL101");
}

#[test]
fn a_walk_checks_containers_that_hold_requests_and_is_quiet_on_others() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["sfn-nested.asl.json", "pipeline-definition.json"] {
        std::fs::copy(
            common::root().join("testdata/invalid").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let lambda_only = json!({"StartAt": "A", "States": {"A": {"Type": "Task",
        "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true}}});
    std::fs::write(dir.path().join("other.asl.json"), lambda_only.to_string()).unwrap();
    std::fs::write(
        dir.path().join("template.yaml"),
        "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n",
    )
    .unwrap();
    let out = json_of(&[dir.path().to_str().unwrap()]);
    assert_eq!(out["summary"]["files"], 2, "{out}");
    let files: std::collections::BTreeSet<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            Path::new(d["file"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        ["pipeline-definition.json", "sfn-nested.asl.json"]
    );
    // Named explicitly, a state machine without a training task gets one SL005 that says what
    // was looked for.
    let other = dir.path().join("other.asl.json");
    let out = json_of(&[other.to_str().unwrap()]);
    assert_eq!(out["diagnostics"][0]["rule"], "SL005");
    let message = out["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("no CreateTrainingJob request found in a Step Functions state machine")
            && message.contains("sagemaker:createTrainingJob"),
        "{message}"
    );
}

#[test]
fn kind_is_named_on_the_command_line_or_in_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    // States without StartAt: not recognised as a state machine by content.
    let machine = json!({"States": {"Train": {"Type": "Task",
        "Resource": "arn:aws:states:::sagemaker:createTrainingJob",
        "Parameters": {"TrainingJobName": "x"}, "End": true}}});
    let file = dir.path().join("flow.json");
    std::fs::write(&file, machine.to_string()).unwrap();
    let path = file.to_str().unwrap();
    let rules = |out: Value| -> Vec<String> {
        out["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(rules(json_of(&[path])), ["SL005"]);
    let forced = rules(json_of(&["--kind", "state-machine", path]));
    assert!(forced.contains(&"SL101".to_string()), "{forced:?}");
    let (status, _, err) = sagelint(&["check", "--kind", "workflow", path]);
    assert_eq!(status, 2);
    assert!(err.contains("unknown kind `workflow`"), "{err}");

    std::fs::write(
        dir.path().join("sagelint.toml"),
        "[kind]\n\"flow*.json\" = \"state-machine\"\n",
    )
    .unwrap();
    let configured = rules(json_of(&[path]));
    assert_eq!(configured, forced);
    std::fs::write(
        dir.path().join("sagelint.toml"),
        "[kind]\n\"*.json\" = \"workflow\"\n",
    )
    .unwrap();
    let (status, _, err) = sagelint(&["check", path]);
    assert_eq!(status, 2);
    assert!(err.contains("sagelint.toml:2:"), "{err}");
}

#[test]
fn a_request_that_is_one_runtime_value_is_found_with_nothing_to_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("whole.asl.yaml");
    std::fs::write(
        &file,
        "QueryLanguage: JSONata\nStartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: arn:aws:states:::sagemaker:createTrainingJob.sync\n    Arguments: \"{% $states.input.request %}\"\n    End: true\n",
    )
    .unwrap();
    let out = json_of(&[file.to_str().unwrap()]);
    assert_eq!(out["diagnostics"], json!([]), "{out}");
    // A walk counts it as checked, too.
    let out = json_of(&[dir.path().to_str().unwrap()]);
    assert_eq!(out["summary"]["files"], 1, "{out}");
}

#[test]
fn each_rule_runs_once_on_a_tuning_job_by_declaration() {
    // A duplicate key inside a definition: one SL002 (the tuning job's), not one more from the
    // definition; a tag rule on the tuning job's own Tags; no training-job rule on the tuning
    // job itself (it has no ResourceConfig or StoppingCondition of its own).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tuning.json");
    let valid = std::fs::read_to_string(common::root().join("testdata/valid/tuning-job.json"))
        .unwrap()
        .replacen("\"RoleArn\"", "\"RoleArn\": \"x\", \"RoleArn\"", 1)
        .replace("\"Key\": \"team\"", "\"Key\": \"aws:team\"");
    std::fs::write(&file, valid).unwrap();
    let out = json_of(&[file.to_str().unwrap()]);
    let rules: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["request"].clone(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        [
            ("SL702".to_string(), json!("")),
            ("SL002".to_string(), json!(""))
        ],
        "{out}"
    );
}

#[test]
fn a_walk_skips_describe_output_unless_the_configuration_names_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/describe-training-job.json"),
        dir.path().join("describe.json"),
    )
    .unwrap();
    let out = json_of(&[dir.path().to_str().unwrap()]);
    assert_eq!(out["summary"]["files"], 0, "{out}");
    std::fs::write(
        dir.path().join("sagelint.toml"),
        "[kind]\n\"describe*.json\" = \"describe\"\n",
    )
    .unwrap();
    let out = json_of(&[dir.path().to_str().unwrap()]);
    assert_eq!(out["summary"]["files"], 1, "{out}");
    assert_eq!(out["diagnostics"][0]["rule"], "SL501");
    // As a request (--kind request), its response-only members are unknown keys.
    let file = dir.path().join("describe.json");
    let out = json_of(&["--kind", "request", file.to_str().unwrap()]);
    let unknown = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "SL100")
        .count();
    assert!(unknown >= 10, "{out}");
}

#[test]
fn suppressions_and_secrets_work_inside_containers() {
    let dir = tempfile::tempdir().unwrap();
    let sam =
        std::fs::read_to_string(common::root().join("testdata/invalid/sam-state-machine.yaml"))
            .unwrap();
    let token = "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    for format in ["human", "concise", "json", "sarif", "github"] {
        let (_, out, _) = sagelint(&[
            "check",
            "--format",
            format,
            "testdata/invalid/sam-state-machine.yaml",
        ]);
        assert!(!out.contains(token), "{format} shows the secret:\n{out}");
    }
    // A YAML comment suppresses a finding inside the template; a [[suppress]] pointer names
    // the place in the outer file.
    let commented = sam.replace(
        "                MaxRuntimeInSeconds: 3600000",
        "                MaxRuntimeInSeconds: 3600000  # sagelint: ignore[SL402] long job",
    );
    let file = dir.path().join("sam.yaml");
    std::fs::write(&file, commented).unwrap();
    std::fs::write(
        dir.path().join("sagelint.toml"),
        "[[suppress]]\npath = \"sam.yaml\"\nrule = \"SL601\"\npointer = \"/Resources/TrainingWorkflow/Properties/Definition/States/Train/Parameters/HyperParameters/hf_token\"\nreason = \"test token\"\n",
    )
    .unwrap();
    let out = json_of(&[file.to_str().unwrap()]);
    assert_eq!(out["diagnostics"], json!([]), "{out}");
}

#[test]
fn the_language_server_serves_requests_inside_a_state_machine() {
    let mut client = Client::start(&[]);
    let path = common::root().join("testdata/invalid/sfn-nested.asl.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = file_uri(&path);
    let d = client.open(&uri, "json", &text);
    let codes: Vec<_> = d.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["SL401", "SL501", "SL020"]);
    // Hover on a member inside a state's Parameters: its reference documentation.
    let h = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 16, "character": 30}}),
    );
    let value = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(value.contains("**InstanceType**"), "{h}");
    // Completion inside Parameters: the request's members; outside: nothing from the request.
    let edited = text.replace(
        "\"CheckpointConfig\": {\"S3Uri\": \"s3://my-bucket/checkpoints\"}",
        "\"CheckpointConfig\": {\"S3Uri\": \"s3://my-bucket/checkpoints\"},\n        \"\"",
    );
    client.change_full(&uri, 2, &edited);
    let line = edited.lines().position(|l| l.trim() == "\"\"").unwrap();
    let c = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 9}}),
    );
    let labels: Vec<_> = c
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"VpcConfig"), "{labels:?}");
    assert!(!labels.contains(&"RoleArn"), "{labels:?}");
    client.stop();

    // No quick fix is offered where the request came from a string (DefinitionString).
    let mut client = Client::start(&[]);
    let path = common::root().join("testdata/invalid/cfn-block-definitionstring.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = file_uri(&path);
    let d = client.open(&uri, "yaml", &text);
    let sl100 = d.iter().find(|d| d["code"] == "SL100").unwrap();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": sl100["range"],
               "context": {"diagnostics": [sl100]}}),
    );
    let quickfixes = actions
        .as_array()
        .map(|a| a.iter().filter(|a| a["kind"] == "quickfix").count())
        .unwrap_or(0);
    assert_eq!(quickfixes, 0, "{actions}");
    client.stop();
}

/// Hover and completion inside a Kubernetes resource's spec speak the resource's spelling.
#[test]
fn the_language_server_speaks_a_kubernetes_resources_spelling() {
    let mut client = Client::start(&[]);
    let path = common::root().join("testdata/valid/k8s-ack-tuning-job.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = file_uri(&path);
    assert_eq!(client.open(&uri, "yaml", &text), Vec::<Value>::new());
    let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap();
    // Hover on a member of the tuning job's definition: the API's documentation, titled as
    // the resource writes the member.
    let h = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri},
               "position": {"line": line_of(&text, "volumeKMSKeyID"), "character": 8}}),
    );
    let value = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.starts_with("**volumeKMSKeyID** (`VolumeKmsKeyId` in the API)"),
        "{h}"
    );
    // Hover on a member of the tuning job itself.
    let h = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri},
               "position": {"line": line_of(&text, "maxParallelTrainingJobs"), "character": 8}}),
    );
    let value = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(value.starts_with("**maxParallelTrainingJobs**"), "{h}");

    // Completion: the members not written yet, spelt as ACK does, less those ACK leaves out.
    let complete = |client: &mut Client, version: i64, after: &str, indent: usize| {
        let edited = text.replacen(after, &format!("{after}\n{}", " ".repeat(indent)), 1);
        client.change_full(&uri, version, &edited);
        let line = line_of(&edited, after) + 1;
        let c = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": indent}}),
        );
        c.as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let labels = complete(&mut client, 2, "      volumeSizeInGB: 25", 6);
    assert!(
        labels.contains(&"keepAlivePeriodInSeconds".into()),
        "{labels:?}"
    );
    // (A member of the API newer than ACK's CRD.)
    assert!(
        !labels.contains(&"instancePreferences".into()),
        "{labels:?}"
    );
    assert!(
        !labels
            .iter()
            .any(|l| l == "volumeKMSKeyID" || l == "instanceType"),
        "{labels:?}"
    );
    let labels = complete(&mut client, 3, "    enableNetworkIsolation: true", 4);
    assert!(labels.contains(&"vpcConfig".into()), "{labels:?}");
    assert!(labels.contains(&"checkpointConfig".into()), "{labels:?}");
    assert!(!labels.contains(&"roleARN".into()), "{labels:?}");
    // (ACK's tuning job CRD has no environment and no hyperParameterTuningResourceConfig.)
    assert!(!labels.contains(&"environment".into()), "{labels:?}");
    assert!(
        !labels.contains(&"hyperParameterTuningResourceConfig".into()),
        "{labels:?}"
    );
    client.stop();

    // The operator's resources: only the fields its CRD has.
    let mut client = Client::start(&[]);
    let path = common::root().join("testdata/valid/k8s-operator-tuning-job.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = file_uri(&path);
    client.open(&uri, "yaml", &text);
    let after = "    enableManagedSpotTraining: true";
    let edited = text.replacen(after, &format!("{after}\n    "), 1);
    client.change_full(&uri, 2, &edited);
    let line = line_of(&edited, after) + 1;
    let c = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 4}}),
    );
    let labels: Vec<_> = c
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"vpcConfig"), "{labels:?}");
    for absent in [
        "environment",
        "retryStrategy",
        "definitionName",
        "hyperParameterRanges",
    ] {
        assert!(!labels.contains(&absent), "{absent}: {labels:?}");
    }
    client.stop();

    // The second document of a stream (a ConfigMap before it, a Service after it).
    let mut client = Client::start(&[]);
    let path = common::root().join("testdata/valid/k8s-ack-training-jobs.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = file_uri(&path);
    client.open(&uri, "yaml", &text);
    let after = "    maximumRetryAttempts: 2";
    let edited = text.replacen(after, &format!("{after}\n  "), 1);
    client.change_full(&uri, 2, &edited);
    let line = line_of(&edited, after) + 1;
    let c = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 2}}),
    );
    let labels: Vec<_> = c
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"enableNetworkIsolation"), "{labels:?}");
    assert!(
        !labels.contains(&"roleARN") && !labels.contains(&"ports"),
        "{labels:?}"
    );
    client.stop();
}

/// The real specs of `../shared/corpus/real/` (third-party documents, kept beside the
/// repository): every one is read without a crash or an exit status above 1.
#[test]
fn the_real_corpus_never_crashes() {
    let corpus = common::root().join("../shared/corpus/real");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the real corpus is missing at {}",
            corpus.display()
        );
        eprintln!("skipped: no corpus at {}", corpus.display());
        return;
    };
    let mut files: Vec<String> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "json" || e == "yaml" || e == "yml")
        })
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(files.len() > 50, "{}", files.len());
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let (status, out, err) = sagelint(&args);
    assert!(status <= 1, "exit status {status}: {err}");
    let out: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(out["summary"]["files"], files.len());
    // The whole documents hold requests that are checked in place.
    let checked_inside: std::collections::BTreeSet<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["request"].as_str().is_some_and(|r| !r.is_empty()))
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    assert!(checked_inside.len() >= 3, "{checked_inside:?}");
}

/// The messages, pointers and quick fixes of a Kubernetes resource speak its spelling.
#[test]
fn kubernetes_findings_speak_the_files_spelling() {
    let out = json_of(&["testdata/invalid/k8s-ack-training-job.yaml"]);
    let diagnostics = out["diagnostics"].as_array().unwrap();
    let by_rule = |rule: &str| diagnostics.iter().find(|d| d["rule"] == rule).unwrap();
    let nvme = by_rule("SL501");
    assert_eq!(nvme["pointer"], "/spec/resourceConfig/volumeKMSKeyID");
    assert_eq!(nvme["request"], "/spec");
    assert!(
        nvme["message"]
            .as_str()
            .unwrap()
            .starts_with("volumeKMSKeyID cannot be used with ml.p4d.24xlarge"),
        "{nvme}"
    );
    let enum_typo = by_rule("SL103");
    assert!(
        enum_typo["message"]
            .as_str()
            .unwrap()
            .contains("`spec.algorithmSpecification.trainingInputMode`"),
        "{enum_typo}"
    );
    let unknown = &diagnostics[3];
    assert_eq!(
        unknown["message"],
        "unknown key `maxRuntimeInSecond` in `spec.stoppingCondition` (did you mean `maxRuntimeInSeconds`?)"
    );
    let left_out = &diagnostics[1];
    assert_eq!(
        left_out["pointer"],
        "/spec/algorithmSpecification/containerEntrypoint"
    );
    assert!(left_out["message"].as_str().unwrap().starts_with(
        "`spec.algorithmSpecification.containerEntrypoint` is not a field of ACK's TrainingJob"
    ));
    // No API spelling left in any text of any Kubernetes fixture.
    for name in [
        "k8s-ack-training-job.yaml",
        "k8s-stream.yaml",
        "k8s-operator-training-job.yaml",
        "k8s-ack-tuning-jobs.yaml",
        "k8s-operator-tuning-job.yaml",
    ] {
        let out = json_of(&[&format!("testdata/invalid/{name}")]);
        for d in out["diagnostics"].as_array().unwrap() {
            // (A field ACK leaves out is named as the API names it, on purpose.)
            let texts = format!("{} {}", d["message"], d["help"])
                .replace("the API's AlgorithmSpecification.ContainerEntrypoint", "")
                .replace(
                    "the API's HyperParameterTuningJobConfig.ResourceLimits.MaxRuntimeInSeconds",
                    "",
                )
                .replace("the API's TrainingJobDefinitions.Environment", "");
            for api in [
                "TrainingJobDefinition",
                "MinValue",
                "ScalingType",
                "TrainingJobEarlyStoppingType",
                "VolumeKmsKeyId",
                "ResourceConfig",
                "StoppingCondition",
                "TrainingInputMode`",
                "RoleArn",
                "EnableManagedSpotTraining",
                "VpcConfig",
                "the request",
            ] {
                assert!(!texts.contains(api), "{name}: {api} in {texts}");
            }
            let pointer = d["pointer"].as_str().unwrap();
            assert!(
                !pointer
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_uppercase())
                    && !pointer.contains("/Resource"),
                "{name}: {pointer}"
            );
        }
    }
    // The operator's spelling: `roleArn`, and a stream's documents by index.
    let out = json_of(&["testdata/invalid/k8s-operator-training-job.yaml"]);
    let unknown = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "SL100")
        .unwrap();
    assert_eq!(
        unknown["message"],
        "unknown key `roleARN` in `spec` (did you mean `roleArn`?)"
    );
    let out = json_of(&["testdata/invalid/k8s-stream.yaml"]);
    let pointers: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["request"].clone(), d["pointer"].clone()))
        .collect();
    assert_eq!(
        pointers,
        [
            (
                json!("/0/spec"),
                json!("/0/spec/stoppingCondition/maxWaitTimeInSeconds")
            ),
            (json!("/2/spec"), json!("/2/spec/trainingJobName")),
            (json!("/2/spec"), json!("/2/spec/vpcConfig/subnet")),
        ]
    );
    let (_, human, _) = sagelint(&[
        "check",
        "--color",
        "never",
        "testdata/invalid/k8s-stream.yaml",
    ]);
    assert!(
        human.contains("SL100(unknown-key) in TrainingJob churn-large"),
        "{human}"
    );

    // A tuning job's definitions: pointers and texts from the definition's place in the spec.
    let out = json_of(&["testdata/invalid/k8s-ack-tuning-jobs.yaml"]);
    let last = out["diagnostics"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        last["request"], "/2/spec/trainingJobDefinitions/1",
        "{last}"
    );
    assert_eq!(
        last["message"],
        "unknown key `maxRuntimeInSecond` in `spec.trainingJobDefinitions[1].stoppingCondition` (did you mean `maxRuntimeInSeconds`?)"
    );
    let (_, human, _) = sagelint(&[
        "check",
        "--color",
        "never",
        "testdata/invalid/k8s-ack-tuning-jobs.yaml",
    ]);
    assert!(
        human.contains(
            "SL100(unknown-key) in HyperParameterTuningJob churn-tuning, definition xgb-large"
        ),
        "{human}"
    );

    // The quick fix writes the name as the resource spells it.
    let mut client = Client::start(&[]);
    let path = common::root().join("testdata/invalid/k8s-ack-training-job.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = file_uri(&path);
    let d = client.open(&uri, "yaml", &text);
    let mut fixed = Vec::new();
    for d in d.iter().filter(|d| {
        d["code"] == "SL100"
            && !d["message"]
                .as_str()
                .unwrap()
                .contains("is not a field of ACK")
    }) {
        let action = quick_fix(&mut client, &uri, d);
        let edits = &action["edit"]["changes"][uri.as_str()];
        fixed.push((
            action["title"].as_str().unwrap().to_string(),
            edits[0]["newText"].as_str().unwrap().to_string(),
        ));
    }
    // A field ACK leaves out: removing it is the fix.
    let left_out = d
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("is not a field of ACK")
        })
        .unwrap();
    let removal = quick_fix(&mut client, &uri, left_out);
    assert_eq!(
        removal["edit"]["changes"][uri.as_str()][0]["newText"],
        "",
        "{removal}"
    );
    assert_eq!(fixed.len(), 2, "{fixed:?}");
    assert_eq!(fixed[0].1, "maxRuntimeInSeconds", "{fixed:?}");
    assert_eq!(fixed[1].1, "s3URI", "{fixed:?}");
    assert!(
        fixed
            .iter()
            .all(|(title, new)| title.contains(new.as_str())),
        "{fixed:?}"
    );
    // Inside a tuning job's definition too.
    let path = common::root().join("testdata/invalid/k8s-ack-tuning-jobs.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = file_uri(&path);
    let d = client.open(&uri, "yaml", &text);
    let typo = d
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("maxRuntimeInSecond`")
        })
        .unwrap();
    let fix = quick_fix(&mut client, &uri, typo);
    assert_eq!(
        fix["edit"]["changes"][uri.as_str()][0]["newText"],
        "maxRuntimeInSeconds",
        "{fix}"
    );
    client.stop();
}

#[test]
fn kubernetes_walks_kinds_and_tuning_jobs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/k8s-stream.yaml"),
        dir.path().join("jobs.yaml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("deployment.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n",
    )
    .unwrap();
    // The walk checks the file with training jobs and is quiet on the other.
    let out = json_of(&[dir.path().to_str().unwrap()]);
    assert_eq!(out["summary"]["files"], 1, "{out}");
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 3, "{out}");
    // Named, the other says what was looked for (and no SL004 for its two documents).
    let other = dir.path().join("deployment.yaml");
    let out = json_of(&[other.to_str().unwrap()]);
    let rules: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rules, ["SL005"], "{out}");
    assert!(out["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no TrainingJob or HyperParameterTuningJob resource of ACK"));

    // A stream whose first document is not a resource: a request file's SL004, unless the
    // kind is named (`--kind kubernetes`, or `kubernetes` in the configuration's [kind]).
    let job =
        std::fs::read_to_string(common::root().join("testdata/invalid/k8s-stream.yaml")).unwrap();
    let last = job.rsplit("---\n").next().unwrap();
    let file = dir.path().join("mixed.yaml");
    std::fs::write(&file, format!("note: rendered by a script\n---\n{last}")).unwrap();
    let path = file.to_str().unwrap();
    let rules = |out: Value| -> Vec<String> {
        out["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(rules(json_of(&[path])).contains(&"SL004".to_string()));
    let forced = rules(json_of(&["--kind", "kubernetes", path]));
    assert_eq!(forced, ["SL104", "SL100"], "{forced:?}");
    std::fs::write(
        dir.path().join("sagelint.toml"),
        "[kind]\n\"mixed.yaml\" = \"kubernetes\"\n",
    )
    .unwrap();
    assert_eq!(rules(json_of(&[path])), forced);

    // The items of a `kind: List` (`kubectl get -o yaml`) are resources too.
    let list = dir.path().join("list.yaml");
    let items: String = last
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect::<String>()
        .replacen("    apiVersion", "  - apiVersion", 1);
    std::fs::write(
        &list,
        format!("apiVersion: v1\nkind: List\nitems:\n{items}"),
    )
    .unwrap();
    let out = json_of(&[list.to_str().unwrap()]);
    let pointers: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["pointer"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        pointers,
        [
            "/items/0/spec/trainingJobName",
            "/items/0/spec/vpcConfig/subnet"
        ],
        "{out}"
    );

    // The operator's region: required, a string, not empty.
    let operator = std::fs::read_to_string(
        common::root().join("testdata/valid/k8s-operator-training-job.yaml"),
    )
    .unwrap();
    for (region, rule) in [("\"\"", "SL105"), ("[us-west-2]", "SL102")] {
        let file = dir.path().join("operator.yaml");
        std::fs::write(
            &file,
            operator.replace("region: us-west-2", &format!("region: {region}")),
        )
        .unwrap();
        let out = json_of(&[file.to_str().unwrap()]);
        assert_eq!(out["diagnostics"][0]["rule"], rule, "{out}");
        assert_eq!(out["diagnostics"][0]["pointer"], "/spec/region", "{out}");
        assert_eq!(out["diagnostics"].as_array().unwrap().len(), 1, "{out}");
    }

    // A tuning job's kind in the other controller's spelling is no resource of its group.
    let tuning = dir.path().join("tuning.yaml");
    let hpo =
        std::fs::read_to_string(common::root().join("testdata/valid/k8s-operator-tuning-job.yaml"))
            .unwrap();
    std::fs::write(
        &tuning,
        hpo.replace(
            "kind: HyperparameterTuningJob",
            "kind: HyperParameterTuningJob",
        ),
    )
    .unwrap();
    let out = json_of(&[tuning.to_str().unwrap()]);
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 1, "{out}");
    let d = &out["diagnostics"][0];
    assert_eq!(
        (&d["rule"], &d["pointer"]),
        (&"SL103".into(), &"/kind".into()),
        "{out}"
    );
    // Its quick fix writes the group's spelling.
    let mut client = Client::start(&[]);
    let text = std::fs::read_to_string(&tuning).unwrap();
    let uri = file_uri(&tuning);
    let d = client.open(&uri, "yaml", &text);
    let fix = quick_fix(&mut client, &uri, &d[0]);
    assert_eq!(
        fix["edit"]["changes"][uri.as_str()][0]["newText"],
        "HyperparameterTuningJob",
        "{fix}"
    );
    client.stop();
    // A field of the manifest given twice (the operator's region, a second spec).
    std::fs::write(
        &tuning,
        hpo.replace(
            "  region: us-west-2\n",
            "  region: us-west-2\n  region: eu-west-1\n",
        ),
    )
    .unwrap();
    let out = json_of(&[tuning.to_str().unwrap()]);
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 1, "{out}");
    assert_eq!(
        (
            &out["diagnostics"][0]["rule"],
            &out["diagnostics"][0]["pointer"]
        ),
        (&"SL002".into(), &"/spec/region".into()),
        "{out}"
    );
    std::fs::write(&tuning, format!("{hpo}spec: {{}}\n")).unwrap();
    let out = json_of(&[tuning.to_str().unwrap()]);
    assert!(
        out["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "SL002" && d["pointer"] == "/spec"),
        "{out}"
    );
    // A member of the API newer than ACK's CRD never reaches SageMaker either.
    let ack = std::fs::read_to_string(common::root().join("testdata/valid/k8s-ack-tuning-job.yaml"))
        .unwrap()
        .replace(
            "      volumeSizeInGB: 25\n",
            "      volumeSizeInGB: 25\n      instancePreferences:\n        - instanceType: ml.m5.2xlarge\n",
        );
    std::fs::write(&tuning, ack).unwrap();
    let out = json_of(&[tuning.to_str().unwrap()]);
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 1, "{out}");
    assert_eq!(
        out["diagnostics"][0]["pointer"],
        "/0/spec/trainingJobDefinition/resourceConfig/instancePreferences",
        "{out}"
    );
    assert!(out["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("not a field of ACK's HyperParameterTuningJob: its CRD has no such field"));
    // A member of the API the operator's CRD does not have never reaches SageMaker.
    std::fs::write(
        &tuning,
        hpo.replace(
            "    strategy: Bayesian\n",
            "    strategy: Bayesian\n    randomSeed: 7\n",
        ),
    )
    .unwrap();
    let out = json_of(&[tuning.to_str().unwrap()]);
    let d = &out["diagnostics"][0];
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 1, "{out}");
    assert_eq!(d["rule"], "SL100", "{out}");
    assert_eq!(
        d["pointer"], "/spec/hyperParameterTuningJobConfig/randomSeed",
        "{out}"
    );
    assert!(d["message"]
        .as_str()
        .unwrap()
        .contains("not a field of the SageMaker Operator's HyperparameterTuningJob"));
    // The operator's region is required on its tuning jobs too, and its name is not.
    std::fs::write(&tuning, hpo.replace("  region: us-west-2\n", "")).unwrap();
    let out = json_of(&[tuning.to_str().unwrap()]);
    let found: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["pointer"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("SL101", "/spec")], "{out}");
}

/// A training job definition that is not an object is the tuning job's schema error, once.
#[test]
fn a_definition_that_is_not_an_object_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tuning.json");
    std::fs::write(
        &file,
        r#"{"HyperParameterTuningJobName": "x",
 "HyperParameterTuningJobConfig": {"Strategy": "Bayesian", "ResourceLimits": {"MaxNumberOfTrainingJobs": 1, "MaxParallelTrainingJobs": 1}},
 "TrainingJobDefinitions": [1, null]}"#,
    )
    .unwrap();
    let out = json_of(&[file.to_str().unwrap()]);
    let found: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["pointer"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("SL102", "/TrainingJobDefinitions/0"),
            ("SL102", "/TrainingJobDefinitions/1")
        ],
        "{out}"
    );
}

/// A training job definition on its own is recognised, walked, and named with `--kind`.
#[test]
fn a_training_job_definition_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("definition.json");
    std::fs::copy(
        common::root().join("testdata/invalid/tuning-definition.json"),
        &file,
    )
    .unwrap();
    let out = json_of(&[dir.path().to_str().unwrap()]);
    assert_eq!(out["summary"]["files"], 1, "{out}");
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 4, "{out}");
    // Read as a CreateTrainingJob request, it is not one: the hint names the kind.
    let out = json_of(&["--kind", "request", file.to_str().unwrap()]);
    let hinted = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["rule"] == "SL100"
                && d["help"]
                    .as_str()
                    .is_some_and(|h| h.contains("--kind definition"))
        })
        .count();
    assert_eq!(hinted, 4, "{out}");
    let out = json_of(&["--kind", "definition", file.to_str().unwrap()]);
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 4, "{out}");

    // Without a member only a definition has, it reads as a request without a name: the help
    // says what else it may be.
    let valid: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("testdata/valid/tuning-definition.json"))
            .unwrap(),
    )
    .unwrap();
    let mut bare = valid.clone();
    for member in [
        "DefinitionName",
        "TuningObjective",
        "HyperParameterRanges",
        "StaticHyperParameters",
    ] {
        bare.as_object_mut().unwrap().remove(member);
    }
    std::fs::write(&file, serde_json::to_string_pretty(&bare).unwrap()).unwrap();
    let out = json_of(&[file.to_str().unwrap()]);
    assert_eq!(out["diagnostics"][0]["rule"], "SL101", "{out}");
    assert!(out["diagnostics"][0]["help"]
        .as_str()
        .unwrap()
        .contains("--kind definition"));
    let out = json_of(&["--kind", "definition", file.to_str().unwrap()]);
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 0, "{out}");
}

/// The real ACK and operator resources of the corpus: the findings reviewed (see the README's
/// "Where your requests live").
#[test]
fn the_real_kubernetes_resources_give_their_true_findings() {
    let corpus = common::root().join("../shared/corpus/real");
    if !corpus.is_dir() {
        eprintln!("skipped: no corpus at {}", corpus.display());
        return;
    }
    let found = |name: &str| -> Vec<(String, String)> {
        let path = corpus.join(name);
        json_of(&[path.to_str().unwrap()])["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().to_string(),
                    d["pointer"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    // ACK's own unit test of a name the API rejects, and an image without a repository.
    assert_eq!(
        found("aws-controllers-k8s__sagemaker-controller__unit-invalid-before-create.full.yaml"),
        pairs(&[
            ("SL104", "/spec/trainingJobName"),
            ("SL206", "/spec/algorithmSpecification/trainingImage"),
        ])
    );
    // `roleArn: {ROLE_ARN}` is a YAML mapping, not the placeholder string meant.
    assert_eq!(
        found("aws__amazon-sagemaker-operator-for-k8s__failing-xgboost-mnist.full.yaml"),
        pairs(&[("SL102", "/spec/roleArn")])
    );
    // envsubst placeholders are not judged: only the operator-style collectionParameters.
    let debugger = found(
        "aws-controllers-k8s__sagemaker-controller__e2e-xgboost-trainingjob-debugger.full.yaml",
    );
    assert_eq!(debugger.len(), 4, "{debugger:?}");
    assert!(
        debugger.iter().all(|(rule, _)| rule == "SL803"),
        "{debugger:?}"
    );
    // ACK's tuning job sample: its `<YOUR ...>` placeholders, in the tuning job and in its
    // definition.
    assert_eq!(
        found(
            "aws-controllers-k8s__sagemaker-controller__sample-hpo-trainingjobdefinition.full.yaml"
        ),
        pairs(&[
            ("SL104", "/spec/hyperParameterTuningJobName"),
            ("SL104", "/spec/trainingJobDefinition/roleARN"),
        ])
    );
    for clean in [
        "aws__amazon-sagemaker-operator-for-k8s__spot-xgboost-mnist-hpo-trainingjobdefinition.full.yaml",
        "aws__amazon-sagemaker-operator-for-k8s__efs-xgboost-mnist.full.yaml",
        "aws__amazon-sagemaker-operator-for-k8s__fsx-xgboost-mnist.full.yaml",
        "aws__amazon-sagemaker-operator-for-k8s__spot-xgboost-mnist.full.yaml",
        "aws__amazon-sagemaker-operator-for-k8s__image-classifier-augmented-manifest.full.yaml",
    ] {
        assert_eq!(found(clean), [], "{clean}");
    }
}

/// A baseline keeps matching a Kubernetes resource's findings when a document is added before
/// it (its pointer's index changes, the resource does not).
#[test]
fn a_baseline_follows_kubernetes_resources_not_their_index() {
    let dir = tempfile::tempdir().unwrap();
    let stream = dir.path().join("jobs.yaml");
    let text =
        std::fs::read_to_string(common::root().join("testdata/invalid/k8s-stream.yaml")).unwrap();
    std::fs::write(&stream, &text).unwrap();
    let baseline = dir.path().join("baseline.json");
    let (code, _, err) = sagelint(&[
        "check",
        "--write-baseline",
        baseline.to_str().unwrap(),
        stream.to_str().unwrap(),
    ]);
    assert!(code <= 1, "{err}");
    let config_map =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n---\n";
    std::fs::write(&stream, format!("{config_map}{text}")).unwrap();
    let out = json_of(&[
        "--baseline",
        baseline.to_str().unwrap(),
        stream.to_str().unwrap(),
    ]);
    assert_eq!(out["diagnostics"].as_array().unwrap().len(), 0, "{out}");
    // A new finding in one of them is still reported.
    std::fs::write(
        &stream,
        format!("{config_map}{text}").replace("volumeSizeInGB: 30", "volumeSizeInGB: 0"),
    )
    .unwrap();
    let out = json_of(&[
        "--baseline",
        baseline.to_str().unwrap(),
        stream.to_str().unwrap(),
    ]);
    let rules: Vec<_> = out["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rules, ["SL503"], "{out}");
}
