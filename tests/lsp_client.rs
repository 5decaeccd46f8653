//! End to end with a real LSP client: `tests/lsp-client/drive.js` runs VS Code's language client
//! protocol layer (`vscode-languageserver-protocol`, `vscode-jsonrpc`) and its document model
//! (`vscode-languageserver-textdocument`) under Node against `sagelint lsp`: it opens a CRLF spec
//! with known errors (one after an emoji, so UTF-16 columns matter) in a directory whose name
//! needs percent-encoding and holds a `sagelint.toml`, edits it incrementally, applies a quick
//! fix, types a burst that breaks the document, repairs it, hovers, completes, saves, closes,
//! and shuts the server down. This test asserts the diagnostics and ranges it saw.
//!
//! `.ci/run` installs the client packages with npm into `.ci/node-tools`;
//! `SAGELINT_NODE_MODULES` may name another `node_modules`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::PathBuf;
use std::process::Command;

use serde_json::{json, Value};

const PACKAGES: &str =
    "vscode-languageserver-protocol@3.17.5 vscode-languageserver-textdocument@1.0.12";

fn node_modules() -> PathBuf {
    let dir = std::env::var_os("SAGELINT_NODE_MODULES")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join(".ci/node-tools/node_modules"));
    for package in [
        "vscode-languageserver-protocol",
        "vscode-languageserver-textdocument",
    ] {
        assert!(
            dir.join(package).join("package.json").exists(),
            "the LSP client package {package} is not installed in {}: run `npm install --prefix .ci/node-tools {PACKAGES}` (bash .ci/run does)",
            dir.display()
        );
    }
    dir
}

fn node() -> &'static str {
    let ok = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "Node.js (`node`) is needed to run the LSP client: install it (e.g. `apt-get install -y nodejs`)"
    );
    "node"
}

const SPEC: &str = "TrainingJobName: churn-2025\r
RoleArn: arn:aws:iam::123456789012:role/SageMakerRole\r
AlgorithmSpecification:\r
  TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1\r
  TrainingInputMode: Fiel\r
Environment: {TEAM: \"équipe 😀\", 1BAD: x}\r
OutputDataConfig:\r
  S3OutputPath: s3://my-bucket/out/\r
ResourceConfig:\r
  InstanceType: ml.p4d.24xlarge\r
  InstanceCount: 1\r
  VolumeSizeInGB: 100\r
  VolumeKmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\r
StoppingCondition:\r
  MaxRuntimeInSeconds: 3600\r
";

fn range(sl: u32, sc: u32, el: u32, ec: u32) -> Value {
    json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}})
}

/// (code, severity, range) of each diagnostic.
fn summary(diagnostics: &Value) -> Vec<(String, i64, Value)> {
    diagnostics
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {diagnostics}"))
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_i64().unwrap(),
                d["range"].clone(),
            )
        })
        .collect()
}

fn d(code: &str, severity: i64, range: Value) -> (String, i64, Value) {
    (code.to_string(), severity, range)
}

#[test]
fn a_real_lsp_client_sees_the_diagnostics_and_their_ranges() {
    let modules = node_modules();
    let node = node();
    let dir = tempfile::tempdir().unwrap();
    let specs = dir.path().join("spécs dir");
    std::fs::create_dir(&specs).unwrap();
    // The configuration applies in the editor as on the command line.
    std::fs::write(
        specs.join("sagelint.toml"),
        "[severity]\nSL104 = \"warning\"\n",
    )
    .unwrap();
    let spec = specs.join("train.yaml");
    std::fs::write(&spec, SPEC).unwrap();

    let o = Command::new(node)
        .arg(common::root().join("tests/lsp-client/drive.js"))
        .arg(env!("CARGO_BIN_EXE_sagelint"))
        .arg(&modules)
        .arg(&spec)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "the client failed:\n{stderr}");
    let t: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));

    assert_eq!(t["positionEncoding"], "utf-16");
    assert_eq!(t["sync"]["change"], 2, "incremental sync");

    // The CLI says, for this file:
    //   train.yaml:5:22: error[SL103] `Fiel` is not a valid TrainingInputMode ...
    //   train.yaml:6:33: warning[SL104] key `1BAD` in `Environment` ... (warning by config)
    //   train.yaml:13:3: error[SL501] VolumeKmsKeyId cannot be used with ml.p4d.24xlarge ...
    // In UTF-16: `😀` is two code units, so `1BAD` starts at character 33, not 32.
    assert_eq!(
        summary(&t["open"]),
        vec![
            d("SL103", 1, range(4, 21, 4, 25)),
            d("SL104", 2, range(5, 33, 5, 37)),
            d("SL501", 1, range(12, 2, 12, 16)),
        ]
    );
    let sl103 = &t["open"][0];
    assert_eq!(
        sl103["message"],
        "`Fiel` is not a valid TrainingInputMode for `AlgorithmSpecification.TrainingInputMode`: expected one of Pipe, File, FastFile (did you mean `File`?)"
    );
    assert_eq!(sl103["source"], "sagelint");

    // `Fiel` → `File` and a line inserted above: SL103 gone, the rest one line down.
    assert_eq!(
        summary(&t["edited"]),
        vec![
            d("SL104", 2, range(6, 33, 6, 37)),
            d("SL501", 1, range(13, 2, 13, 16)),
        ]
    );

    // The quick fix deletes the whole `VolumeKmsKeyId: ...` line.
    let remove = t["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Remove VolumeKmsKeyId (SL501)")
        .unwrap_or_else(|| panic!("{}", t["actions"]));
    assert_eq!(remove["kind"], "quickfix");
    let edits = remove["edit"]["changes"].as_object().unwrap();
    let edits: Vec<&Value> = edits.values().flat_map(|e| e.as_array().unwrap()).collect();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["range"], range(13, 0, 14, 0));
    assert_eq!(edits[0]["newText"], "");
    assert!(!t["afterQuickFix"]
        .as_str()
        .unwrap()
        .contains("VolumeKmsKeyId"));
    assert_eq!(
        summary(&t["quickFixed"]),
        vec![d("SL104", 2, range(6, 33, 6, 37))]
    );

    // Mid-edit: a syntax error on the line being typed, and the server still answers.
    let broken = summary(&t["broken"]);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0].0, "SL001");
    assert_eq!(broken[0].2["start"]["line"], 15, "{broken:?}");
    // Debounced: the burst of keystrokes was checked fewer times than it was sent.
    let sent = t["burst"]["sent"].as_u64().unwrap();
    let published = t["burst"]["published"].as_array().unwrap().len() as u64;
    assert!(
        published < sent,
        "{published} checks for {sent} changes: {}",
        t["burst"]
    );

    let repaired = summary(&t["repaired"]);
    assert!(
        repaired.iter().all(|(c, _, _)| c != "SL001"),
        "{repaired:?}"
    );
    assert!(
        repaired.iter().any(|(c, _, _)| c == "SL104"),
        "{repaired:?}"
    );

    // Hover: the service model's documentation of the member and its constraints.
    let hover = t["hover"]["contents"]["value"].as_str().unwrap();
    assert!(hover.contains("**InstanceType**"), "{hover}");
    assert!(hover.contains("The ML compute instance type."), "{hover}");
    assert_eq!(t["hover"]["range"], range(10, 2, 10, 14));

    // Completion: the members ResourceConfig may still have.
    let labels: Vec<&str> = t["completion"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"VolumeKmsKeyId"), "{labels:?}");
    assert!(labels.contains(&"InstanceGroups"), "{labels:?}");
    assert!(!labels.contains(&"InstanceCount"), "{labels:?}");
    assert!(!labels.contains(&"VolumeSizeInGB"), "{labels:?}");

    assert_eq!(summary(&t["saved"]), summary(&t["typingKey"]));
    assert_eq!(t["closed"], json!([]));
    assert_eq!(t["notARequest"], json!([]));
    assert!(t["shutdown"].is_null());
    assert_eq!(t["exitCode"], 0);
}
