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
            ("SL501", 104, "\"VolumeKmsKeyId\""),
            ("TN001", 119, "\"150.5\""),
        ],
    ),
    (
        "sfn-tuning.asl.yaml",
        &[("TN003", 11, "Auto"), ("SL503", 33, "ml.m5.xlarge")],
    ),
    (
        // HyperParameterTuningJobName is supplied by the pipeline.
        "pipeline-tuning-step.json",
        &[
            ("SL405", 69, "true"),
            ("SL403", 70, "\"StoppingCondition\""),
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
