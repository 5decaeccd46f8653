//! The pre-commit hook, end to end with the real `pre-commit` tool (`bash .ci/run` installs it
//! into the virtualenv `.ci/venv`, used when it exists; else `pre-commit` from PATH): in a
//! temporary repository, a good spec passes, a bad one fails, a `package.json` passes without a
//! word, and a file the configuration excludes is left alone. pre-commit builds the hook from
//! this repository with `cargo install` (language: rust).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn pre_commit() -> std::path::PathBuf {
    let venv = common::root().join(".ci/venv/bin/pre-commit");
    if venv.exists() {
        venv
    } else {
        "pre-commit".into()
    }
}

fn try_repo(dir: &Path, cache: &Path, file: &str) -> Output {
    Command::new(pre_commit())
        .args([
            "try-repo",
            common::root().to_str().unwrap(),
            "sagelint",
            "--files",
            file,
        ])
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", cache)
        .env(
            "CARGO_TARGET_DIR",
            common::root().join("target/install-build"),
        )
        // Test builds only: skip LTO so the release build takes a minute, not several.
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .output()
        .unwrap_or_else(|e| {
            panic!("pre-commit is not installed ({e}): run `bash .ci/run` once (it installs it into .ci/venv)")
        })
}

#[test]
fn pre_commit_hook_passes_good_specs_and_fails_bad_ones() {
    let repo = tempfile::tempdir().unwrap();
    // Keep pre-commit's environments (the cargo-installed hook) between runs of the suite.
    let cache = common::root().join("target/pre-commit-home");
    std::fs::create_dir_all(&cache).unwrap();
    git(repo.path(), &["init", "-q"]);
    std::fs::copy(
        common::root().join("testdata/valid/minimal.yaml"),
        repo.path().join("good.yaml"),
    )
    .unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/instance-storage.json"),
        repo.path().join("bad.json"),
    )
    .unwrap();
    std::fs::write(repo.path().join("package.json"), "{\"name\": \"x\"}\n").unwrap();
    git(repo.path(), &["add", "."]);

    let good = try_repo(repo.path(), &cache, "good.yaml");
    let out =
        String::from_utf8_lossy(&good.stdout).into_owned() + &String::from_utf8_lossy(&good.stderr);
    assert!(good.status.success(), "good spec failed the hook:\n{out}");
    assert!(out.contains("sagelint") && out.contains("Passed"), "{out}");

    let other = try_repo(repo.path(), &cache, "package.json");
    let out = String::from_utf8_lossy(&other.stdout).into_owned();
    assert!(
        other.status.success(),
        "a non-spec JSON file must not fail the hook:\n{out}"
    );
    assert!(
        !out.contains("SL005"),
        "no SL005 noise for a package.json:\n{out}"
    );

    // The configuration's `exclude` applies to the files pre-commit passes (--force-exclude).
    std::fs::create_dir(repo.path().join("legacy")).unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/instance-storage.json"),
        repo.path().join("legacy/old.json"),
    )
    .unwrap();
    std::fs::write(
        repo.path().join("sagelint.toml"),
        "exclude = [\"legacy/**\"]\n",
    )
    .unwrap();
    git(repo.path(), &["add", "."]);
    let excluded = try_repo(repo.path(), &cache, "legacy/old.json");
    let out = String::from_utf8_lossy(&excluded.stdout).into_owned();
    assert!(
        excluded.status.success(),
        "an excluded file failed the hook:\n{out}"
    );

    let bad = try_repo(repo.path(), &cache, "bad.json");
    let out = String::from_utf8_lossy(&bad.stdout).into_owned();
    assert!(!bad.status.success(), "bad spec passed the hook:\n{out}");
    assert!(out.contains("Failed") && out.contains("SL501"), "{out}");
}
