//! The composite GitHub Action (`action.yml`): its shell steps run here the way the runner
//! runs them (inputs substituted, GITHUB_ACTION_PATH/RUNNER_TEMP/GITHUB_PATH set). The action
//! file is read with sagelint's own YAML parser.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

#[path = "common/action.rs"]
mod action;

use action::run_action;

#[test]
fn action_annotates_and_fails_on_a_bad_spec_and_writes_sarif() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/instance-storage.yaml"),
        ws.path().join("job.yaml"),
    )
    .unwrap();
    let (code, out) = run_action(ws.path(), &[("sarif", "true")], &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("::error file=job.yaml,line="), "{out}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ws.path().join("sagelint.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn action_passes_a_good_spec() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("testdata/valid/minimal.yaml"),
        ws.path().join("job.yaml"),
    )
    .unwrap();
    let (code, out) = run_action(ws.path(), &[], &[]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!ws.path().join("sagelint.sarif").exists());
}

#[test]
fn action_uses_a_cached_source_build_without_cargo() {
    // What actions/cache restores: the binary built from this source, in $RUNNER_TEMP/sagelint.
    let runner_temp = tempfile::tempdir().unwrap();
    let bin = runner_temp.path().join("sagelint/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_sagelint"), bin.join("sagelint")).unwrap();
    let ws = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/instance-storage.yaml"),
        ws.path().join("job.yaml"),
    )
    .unwrap();
    // No cargo on PATH: a cache hit must not build.
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path =
        std::env::join_paths(std::env::split_paths(&path).filter(|d| !d.join("cargo").exists()))
            .unwrap();
    let (code, out) = run_action(
        ws.path(),
        &[],
        &[
            ("RUNNER_TEMP", runner_temp.path().as_os_str()),
            ("PATH", path.as_os_str()),
        ],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("::error file=job.yaml,line="), "{out}");
}
