//! Running the composite GitHub Action's shell steps the way the runner runs them (shared by
//! tests/action.rs and tests/wheel.rs).
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use super::common;
use sagelint::tree::Node;
use sagelint::{Format, SourceFile};

fn action() -> Node {
    let text = std::fs::read_to_string(common::root().join("action.yml")).unwrap();
    let parsed = sagelint::parse::parse(&SourceFile::new("action.yml", text, Format::Yaml));
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.root.unwrap()
}

/// Replace `${{ inputs.x }}` and evaluate `if: inputs.x == 'y'` the way the runner does.
fn substitute(text: &str, inputs: &HashMap<String, String>) -> String {
    let mut out = text.to_string();
    for (k, v) in inputs {
        out = out.replace(&format!("${{{{ inputs.{k} }}}}"), v);
    }
    out
}

fn runs_if(condition: Option<&str>, inputs: &HashMap<String, String>) -> bool {
    let Some(c) = condition else { return true };
    let (lhs, rhs) = c.split_once("==").expect("simple condition");
    let key = lhs.trim().strip_prefix("inputs.").unwrap();
    inputs[key] == rhs.trim().trim_matches('\'')
}

/// Run the action's shell steps; returns the last step's exit code and output.
pub fn run_action(
    workspace: &Path,
    overrides: &[(&str, &str)],
    env: &[(&str, &std::ffi::OsStr)],
) -> (Option<i32>, String) {
    let action = action();
    let mut inputs: HashMap<String, String> = action
        .get("inputs")
        .unwrap()
        .as_object()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m.key.clone(),
                m.value
                    .get("default")
                    .and_then(|d| d.as_str())
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    for (k, v) in overrides {
        inputs.insert(k.to_string(), v.to_string());
    }
    let temp = tempfile::tempdir().unwrap();
    let github_path = temp.path().join("github_path");
    let mut last = (None, String::new());
    let steps = action.get("runs").unwrap().get("steps").unwrap();
    for step in steps.as_array().unwrap() {
        let Some(script) = step.get("run").and_then(Node::as_str) else {
            continue; // a `uses:` step (the cache, the SARIF upload) cannot run here
        };
        if !runs_if(step.get("if").and_then(Node::as_str), &inputs) {
            continue;
        }
        let mut cmd = Command::new("bash");
        cmd.args(["-e", "-c", &substitute(script, &inputs)])
            .current_dir(workspace)
            .env("GITHUB_ACTION_PATH", common::root())
            .env("RUNNER_TEMP", temp.path())
            .env("GITHUB_PATH", &github_path)
            .env("GITHUB_OUTPUT", temp.path().join("github_output"))
            // Reuse one build between runs of the suite.
            .env(
                "CARGO_TARGET_DIR",
                common::root().join("target/install-build"),
            )
            // Test builds only: the install steps are what is tested, not the optimiser, so an
            // unoptimised "release" build keeps the suite fast.
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .envs(env.iter().copied());
        for member in step
            .get("env")
            .and_then(Node::as_object)
            .unwrap_or_default()
        {
            cmd.env(
                &member.key,
                substitute(member.value.as_str().unwrap(), &inputs),
            );
        }
        let o = cmd.output().unwrap();
        last = (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
        );
        if !o.status.success() {
            break;
        }
    }
    assert!(std::fs::read_to_string(&github_path)
        .unwrap_or_default()
        .contains("sagelint/bin"));
    last
}
