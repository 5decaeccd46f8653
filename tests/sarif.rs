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

/// Validate a SARIF log with the Multitool; panics with its errors.
fn validate(sarif: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("sagelint.sarif");
    std::fs::write(&log, sarif).unwrap();
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

#[test]
fn sarif_output_passes_the_multitool_validator() {
    // Every invalid fixture plus an unused config suppression, in one run of the binary.
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--format", "sarif", "testdata/invalid"])
        .current_dir(common::root())
        .output()
        .unwrap();
    assert!(o.stdout.len() > 1000);
    validate(&o.stdout);
}

#[test]
fn every_kind_of_path_is_a_valid_uri() {
    // Absolute and relative names, inside and outside the working directory, with `..`,
    // spaces, non-ASCII and a Windows-style name (standard input's --stdin-filename).
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    let inside = work.join("sub dir");
    let outside = tmp.path().join("other place");
    std::fs::create_dir_all(&inside).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let spec =
        std::fs::read(common::root().join("testdata/invalid/instance-storage.yaml")).unwrap();
    std::fs::write(inside.join("jöb 1.yaml"), &spec).unwrap();
    std::fs::write(outside.join("ünïcode job.yaml"), &spec).unwrap();
    let work = work.canonicalize().unwrap();
    let outside = outside.canonicalize().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .arg("check")
        .args([
            "--format",
            "sarif",
            "--stdin-filename",
            "C:\\Users\\me\\job.yaml",
        ])
        .arg("sub dir/jöb 1.yaml")
        .arg(work.join("sub dir/jöb 1.yaml"))
        .arg("sub dir/../sub dir/jöb 1.yaml")
        .arg("../other place/ünïcode job.yaml")
        .arg(outside.join("ünïcode job.yaml"))
        .arg("-")
        .current_dir(&work)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &spec).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let run = &log["runs"][0];
    let base = format!("file://{}/", work.display());
    assert_eq!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], base.as_str());
    let uris: Vec<String> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let a = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            format!("{} {}", a["uriBaseId"], a["uri"].as_str().unwrap())
        })
        .collect();
    // Two findings per file, six files (the path kinds each name one).
    assert_eq!(uris.len(), 12, "{uris:#?}");
    let uris: Vec<&String> = uris.iter().step_by(2).collect();
    let outside_uri = format!(
        "null file://{}/%C3%BCn%C3%AFcode%20job.yaml",
        outside.display().to_string().replace(' ', "%20")
    );
    assert_eq!(
        uris,
        [
            "\"%SRCROOT%\" sub%20dir/j%C3%B6b%201.yaml",
            "\"%SRCROOT%\" sub%20dir/j%C3%B6b%201.yaml",
            "\"%SRCROOT%\" sub%20dir/j%C3%B6b%201.yaml",
            &outside_uri,
            &outside_uri,
            "null file:///C:/Users/me/job.yaml",
        ]
    );
    validate(&o.stdout);
}
