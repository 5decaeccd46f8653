//! The committed schema and Rust model must match what `schemas/generate.py`
//! makes from the pinned botocore. These tests need Python 3 with
//! `pip install -r schemas/requirements.txt`: `bash .ci/run` makes that
//! virtualenv in `.ci/venv`, which they use when it exists (else
//! `SAGELINT_PYTHON`, else `python3`); without it they fail (on purpose: a
//! silent skip would let the files drift).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::Path;
use std::process::{Command, Output};

const INSTALL_HINT: &str =
    "run `bash .ci/run` once (it makes the virtualenv .ci/venv with the pinned \
                            botocore), or point SAGELINT_PYTHON at a Python with \
                            `pip install -r schemas/requirements.txt`";

/// Exit codes of schemas/generate.py.
const EXIT_STALE: i32 = 1;
const EXIT_MODEL: i32 = 2;
const EXIT_ENV: i32 = 3;

fn python() -> String {
    if let Ok(python) = std::env::var("SAGELINT_PYTHON") {
        return python;
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/venv/bin/python");
    if venv.exists() {
        return venv.display().to_string();
    }
    "python3".to_owned()
}

fn run_generator(flag: &str) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = python();
    match Command::new(&python)
        .arg("schemas/generate.py")
        .arg(flag)
        .current_dir(root)
        .output()
    {
        Ok(output) => output,
        Err(err) => {
            panic!("cannot run `{python} schemas/generate.py {flag}`: {err}\n{INSTALL_HINT}")
        }
    }
}

fn describe(flag: &str, output: &Output) -> String {
    let advice = match output.status.code() {
        Some(EXIT_STALE) if flag == "--check" => {
            "the committed generated files are stale: run `python3 schemas/generate.py` \
             and commit schemas/create-training-job.schema.json and src/model/generated.rs"
                .to_owned()
        }
        Some(EXIT_STALE) => "the generator's self-test failed".to_owned(),
        Some(EXIT_MODEL) => "the botocore model holds something the generator does not \
                             understand; see schemas/README.md"
            .to_owned(),
        Some(EXIT_ENV) => format!("botocore is missing or not the pinned version: {INSTALL_HINT}"),
        _ => format!("unexpected failure; if Python or botocore is missing, {INSTALL_HINT}"),
    };
    format!(
        "`python3 schemas/generate.py {flag}` exited with {}\n{advice}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn generated_files_are_up_to_date() {
    let output = run_generator("--check");
    assert!(output.status.success(), "{}", describe("--check", &output));
}

#[test]
fn pattern_translation_self_test_passes() {
    let output = run_generator("--self-test");
    assert!(
        output.status.success(),
        "{}",
        describe("--self-test", &output)
    );
}
