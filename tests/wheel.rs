//! The Python wheel, end to end, as a user without Rust gets it: built with
//! `pip wheel --no-deps -w DIR .` (maturin, release profile; the build directory
//! `target/wheel-build` is kept between runs), installed into a fresh virtualenv whose `PATH`
//! holds no cargo, then `tests/python/test_wheel.py` exercises the command, `python -m
//! sagelint`, `__version__`, `check()` on a dict, on YAML text and on a path, and the boto3
//! guard with botocore's `Stubber`; in another, the guard stops `Estimator(...).fit()` of the
//! SageMaker Python SDK 2 (`tests/python/test_sagemaker_sdk.py`). The same wheel then serves
//! the pre-commit mirror template (`pre-commit-mirror/`, `language: python`) and the GitHub
//! Action's release install path.
//!
//! Needs Python 3 with venv and pip, and PyPI (maturin for the build, boto3, sagemaker and
//! setuptools for the installs). `bash .ci/run` provides pre-commit in `.ci/venv`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

#[path = "common/action.rs"]
mod action;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Instant;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("SAGELINT_PYTHON") {
        return p.into();
    }
    let venv = common::root().join(".ci/venv/bin/python");
    if venv.exists() {
        return venv;
    }
    "python3".into()
}

fn run(cmd: &mut Command, what: &str) -> Output {
    let o = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run ({e}); install Python 3 with venv and pip"));
    assert!(
        o.status.success(),
        "{what} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The wheel, built once per run of this test binary: its path.
fn wheel() -> &'static Path {
    static WHEEL: OnceLock<PathBuf> = OnceLock::new();
    WHEEL.get_or_init(|| {
        let dist = common::root().join("target/wheel-build/dist");
        let _ = std::fs::remove_dir_all(&dist);
        let start = Instant::now();
        run(
            Command::new(python())
                .args([
                    "-m",
                    "pip",
                    "wheel",
                    "--no-deps",
                    "--disable-pip-version-check",
                    "-w",
                ])
                .arg(&dist)
                .arg(common::root())
                .env(
                    "CARGO_TARGET_DIR",
                    common::root().join("target/wheel-build"),
                ),
            "pip wheel --no-deps -w DIR .",
        );
        let wheel = std::fs::read_dir(&dist)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "whl"))
            .expect("a wheel in the output directory");
        let name = wheel.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(
            name.starts_with(&format!("sagelint-{VERSION}-py3-none-")),
            "a platform wheel of the crate's version: {name}"
        );
        assert!(!name.ends_with("-any.whl"), "{name}");
        eprintln!(
            "built {name} ({} bytes) in {:.0?}",
            std::fs::metadata(&wheel).unwrap().len(),
            start.elapsed()
        );
        wheel
    })
}

/// `PATH` without any directory holding cargo or rustc: a machine without Rust.
fn path_without_rust(first: &[&Path]) -> OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs = first.iter().map(|p| p.to_path_buf()).chain(
        std::env::split_paths(&path)
            .filter(|d| !d.join("cargo").exists() && !d.join("rustc").exists()),
    );
    std::env::join_paths(dirs).unwrap()
}

/// A command that sees no Rust: PATH without it, and none of cargo's variables.
fn without_rust(program: impl AsRef<std::ffi::OsStr>, path: &OsString) -> Command {
    let mut cmd = Command::new(program);
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("CARGO") || k.starts_with("RUSTUP") || k.starts_with("RUST") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PATH", path);
    cmd
}

/// A fresh virtualenv with the wheel and `packages` (from PyPI) installed, used with a PATH
/// without Rust: its `bin` directory and that PATH.
fn fresh_venv(dir: &Path, packages: &[&str]) -> (PathBuf, OsString) {
    let venv = dir.join("venv");
    run(
        Command::new(python()).args(["-m", "venv"]).arg(&venv),
        "python -m venv",
    );
    let bin = venv.join("bin");
    let path = path_without_rust(&[&bin]);
    let pip = |args: &[&std::ffi::OsStr], what: &str| {
        run(
            without_rust(bin.join("python"), &path)
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                ])
                .args(args),
            what,
        )
    };
    let start = Instant::now();
    pip(
        &["--no-deps".as_ref(), wheel().as_os_str()],
        "pip install the wheel",
    );
    eprintln!("pip install of the wheel: {:.1?}", start.elapsed());
    let start = Instant::now();
    let packages: Vec<&std::ffi::OsStr> = packages.iter().map(|p| p.as_ref()).collect();
    pip(&packages, "pip install (from PyPI)");
    eprintln!("pip install {packages:?}: {:.1?}", start.elapsed());
    (bin, path)
}

/// Run a unittest file of tests/python with the virtualenv's Python; assert that every test
/// ran and passed.
fn unittest(bin: &Path, path: &OsString, dir: &Path, file: &str) {
    let o = run(
        without_rust(bin.join("python"), path)
            .arg(common::root().join("tests/python").join(file))
            .current_dir(dir)
            .env("SAGELINT_TESTDATA", common::root().join("testdata"))
            .env("SAGELINT_EXPECTED_VERSION", VERSION)
            .env("SAGEMAKER_SUPPRESS_V2_WARNING", "1")
            .env_remove("SAGELINT_BIN"),
        file,
    );
    let out = String::from_utf8_lossy(&o.stderr);
    eprintln!("{out}");
    // unittest's closing lines: every test ran, none failed or was skipped.
    assert!(out.trim_end().ends_with("\nOK"), "{out}");
    assert!(!out.contains("skipped"), "{out}");
}

#[test]
fn wheel_installs_and_works_without_rust() {
    let dir = tempfile::tempdir().unwrap();
    let (bin, path) = fresh_venv(dir.path(), &["boto3"]);
    unittest(&bin, &path, dir.path(), "test_wheel.py");
}

/// The guard through the SageMaker Python SDK 2 (`Estimator(...).fit()`); SDK 3 has no
/// Estimator, and its install is 1 GB (see tests/python/sagemaker_sdk3_by_hand.py).
#[test]
fn guard_stops_a_sagemaker_sdk_estimator_fit() {
    let dir = tempfile::tempdir().unwrap();
    let (bin, path) = fresh_venv(dir.path(), &["sagemaker==2.257.7"]);
    unittest(&bin, &path, dir.path(), "test_sagemaker_sdk.py");
}

fn pre_commit() -> PathBuf {
    let venv = common::root().join(".ci/venv/bin/pre-commit");
    if venv.exists() {
        venv
    } else {
        "pre-commit".into()
    }
}

fn git(dir: &Path, args: &[&str]) {
    run(
        Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(dir),
        "git",
    );
}

#[test]
fn pre_commit_mirror_installs_the_wheel() {
    let wheel = wheel();
    let dir = tempfile::tempdir().unwrap();
    // The mirror: the template, pinned to this version, committed.
    let mirror = dir.path().join("mirror");
    std::fs::create_dir(&mirror).unwrap();
    for file in [".pre-commit-hooks.yaml", "pyproject.toml", "README.md"] {
        let text = std::fs::read_to_string(common::root().join("pre-commit-mirror").join(file))
            .unwrap()
            .replace("sagelint==0.1.0", &format!("sagelint=={VERSION}"));
        std::fs::write(mirror.join(file), text).unwrap();
    }
    git(&mirror, &["init", "-q"]);
    git(&mirror, &["add", "."]);
    git(&mirror, &["commit", "-q", "-m", "mirror"]);

    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("legacy")).unwrap();
    git(&repo, &["init", "-q"]);
    let bad = common::root().join("testdata/invalid/instance-storage.json");
    std::fs::copy(&bad, repo.join("bad.json")).unwrap();
    std::fs::copy(&bad, repo.join("legacy/old.json")).unwrap();
    std::fs::copy(
        common::root().join("testdata/valid/minimal.yaml"),
        repo.join("good.yaml"),
    )
    .unwrap();
    std::fs::write(repo.join("package.json"), "{\"name\": \"x\"}\n").unwrap();
    std::fs::write(repo.join("sagelint.toml"), "exclude = [\"legacy/**\"]\n").unwrap();
    git(&repo, &["add", "."]);

    let path = path_without_rust(&[]);
    let home = dir.path().join("pre-commit-home");
    let try_repo = |file: &str| {
        without_rust(pre_commit(), &path)
            .args(["try-repo"])
            .arg(&mirror)
            .args(["sagelint", "--files", file])
            .current_dir(&repo)
            .env("PRE_COMMIT_HOME", &home)
            // sagelint is not on PyPI yet: pip finds this wheel beside it.
            .env("PIP_FIND_LINKS", wheel.parent().unwrap())
            .output()
            .unwrap_or_else(|e| {
                panic!("pre-commit is not installed ({e}): run `bash .ci/run` once")
            })
    };
    let text = |o: &Output| {
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
    };
    let good = try_repo("good.yaml");
    assert!(good.status.success(), "{}", text(&good));
    let other = try_repo("package.json");
    assert!(other.status.success(), "{}", text(&other));
    assert!(!text(&other).contains("SL005"), "{}", text(&other));
    let excluded = try_repo("legacy/old.json");
    assert!(excluded.status.success(), "{}", text(&excluded));
    let failed = try_repo("bad.json");
    assert!(!failed.status.success(), "{}", text(&failed));
    assert!(text(&failed).contains("SL501"), "{}", text(&failed));
}

#[test]
fn github_action_installs_a_release_from_its_wheel() {
    let wheel = wheel();
    let ws = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/instance-storage.yaml"),
        ws.path().join("job.yaml"),
    )
    .unwrap();
    let path = path_without_rust(&[]);
    // The release path never needs cargo: PATH has none; pip reads only the local wheel.
    let (code, out) = action::run_action(
        ws.path(),
        &[("version", VERSION)],
        &[
            ("PATH", path.as_os_str()),
            ("PIP_NO_INDEX", "1".as_ref()),
            ("PIP_FIND_LINKS", wheel.parent().unwrap().as_os_str()),
        ],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("::error file=job.yaml,line="), "{out}");
}
