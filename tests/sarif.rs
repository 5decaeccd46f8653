//! The SARIF output passes Microsoft's SARIF Multitool validation (the validator GitHub code
//! scanning's format is defined by) with no error. `.ci/run` installs the tool with npm into
//! `.ci/node-tools`; `SAGELINT_SARIF_MULTITOOL` may name another copy.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::PathBuf;
use std::process::Command;

fn multitool() -> PathBuf {
    let path = std::env::var_os("SAGELINT_SARIF_MULTITOOL")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join(".ci/node-tools/node_modules/.bin/sarif-multitool"));
    assert!(
        path.exists(),
        "SARIF Multitool not found at {}: run `npm install --prefix .ci/node-tools @microsoft/sarif-multitool@5` (bash .ci/run does)",
        path.display()
    );
    path
}

#[test]
fn sarif_output_passes_the_multitool_validator() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("sagelint.sarif");
    // Every invalid fixture plus an unused config suppression, in one run of the binary.
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--format", "sarif", "testdata/invalid"])
        .current_dir(common::root())
        .output()
        .unwrap();
    assert!(o.stdout.len() > 1000);
    std::fs::write(&log, &o.stdout).unwrap();

    let report = dir.path().join("validation.sarif");
    let v = Command::new(multitool())
        .arg("validate")
        .arg(&log)
        .arg("--output")
        .arg(&report)
        .output()
        .unwrap();
    let console = String::from_utf8_lossy(&v.stdout).into_owned();
    assert!(v.status.success(), "{console}");
    let validation: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let errors: Vec<String> = validation["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"] == "error")
        .map(|r| r.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF validation errors:\n{}\n{console}",
        errors.join("\n")
    );
}
