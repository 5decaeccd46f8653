//! The command line end to end: exit statuses, stdin, directory walks, unreadable files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sagelint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(args)
        .current_dir(common::root())
        .output()
        .expect("run sagelint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn valid_file_exits_0_and_says_so() {
    let o = sagelint(&["check", "testdata/valid/minimal.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("All checks passed (1 file checked)"));
}

#[test]
fn invalid_file_exits_1() {
    let o = sagelint(&["check", "testdata/invalid/instance-storage.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("SL501(volume-kms-on-local-storage)"));
}

#[test]
fn quiet_prints_no_summary() {
    let o = sagelint(&["check", "--quiet", "testdata/valid/minimal.yaml"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

#[test]
fn json_output_is_the_contract() {
    let o = sagelint(&[
        "check",
        "--format",
        "json",
        "testdata/invalid/algorithm-name-and-image.json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let d = &v["diagnostics"][0];
    for key in [
        "file", "rule", "name", "severity", "message", "help", "pointer", "span",
    ] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    for key in ["start", "end", "offset", "length"] {
        assert!(d["span"].get(key).is_some(), "missing span.{key}");
    }
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn stdin_uses_the_named_format() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args([
            "check",
            "-",
            "--stdin-filename",
            "job.yaml",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"TrainingJobName: my_job\nRoleArn: arn:aws:iam::123456789012:role/R\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["diagnostics"][0]["file"], "job.yaml");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn directory_walk_skips_other_documents_and_checks_specs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name": "x", "version": "1"}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("compose.yaml"), "services: {}\n").unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/algorithm-name-and-image.yaml"),
        dir.path().join("job.yaml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("node_modules")).unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/instance-storage.json"),
        dir.path().join("node_modules/dep.json"),
    )
    .unwrap();
    let o = sagelint(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["summary"]["files"], 1, "{}", stdout(&o));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn broken_spec_in_a_walk_is_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("job.json"),
        "{\"TrainingJobName\": \"a\", \"RoleArn\": \"x\",}",
    )
    .unwrap();
    let o = sagelint(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["diagnostics"][0]["rule"], "SL001");
}

#[test]
fn unreadable_file_exits_2_and_the_others_are_still_checked() {
    let o = sagelint(&[
        "check",
        "--format",
        "json",
        "no/such/file.json",
        "testdata/invalid/instance-storage.yaml",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.json"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["summary"]["files"], 1);
}

#[test]
fn a_missing_path_is_never_a_pass() {
    // Nothing checked: no success line before the error.
    let o = sagelint(&["check", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        "No files checked.\n1 path could not be checked (see the messages above).\n"
    );
    assert_eq!(
        stderr(&o),
        "sagelint: cannot read no/such/file.json: No such file or directory\n"
    );
    // Some checked, without findings, and one missing: counted, not "passed".
    let o = sagelint(&["check", "testdata/valid/minimal.yaml", "no/such/dir/"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        "No findings (1 file checked).\n1 path could not be checked (see the messages above).\n"
    );
}

#[test]
fn a_walk_that_finds_no_request_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::create_dir(dir.path().join("other")).unwrap();
    std::fs::write(dir.path().join("other/package.json"), r#"{"name": "x"}"#).unwrap();
    for sub in ["empty", "other"] {
        let path = dir.path().join(sub);
        let path = path.to_str().unwrap();
        let o = sagelint(&["check", path]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stdout(&o), "No files checked.\n");
        assert_eq!(
            stderr(&o),
            format!("sagelint: no training job requests found under {path}\n")
        );
        // A CI gate can fail on it; the JSON output stays a document.
        let o = sagelint(&["check", "--fail-on-empty", "--format", "json", path]);
        assert_eq!(o.status.code(), Some(2));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v["summary"]["files"], 0);
        assert!(stderr(&o).contains("no training job requests found under"));
    }
    // Each directory named must find a request: one that does not is named, and fails the gate.
    let empty = dir.path().join("empty");
    let o = sagelint(&[
        "check",
        "--fail-on-empty",
        "testdata/valid",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "sagelint: no training job requests found under {}\n",
            empty.display()
        )
    );
    // A directory with requests is not empty, with or without findings.
    let o = sagelint(&["check", "--fail-on-empty", "testdata/valid"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
    let o = sagelint(&["check", "--fail-on-empty", "testdata/invalid"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn explicit_files_that_are_not_json_or_yaml_are_skipped_with_a_note() {
    // The project's own Cargo.toml and README.md: not JSON, and not YAML objects.
    let o = sagelint(&["check", "Cargo.toml", "README.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "No files checked.\n");
    assert_eq!(
        stderr(&o),
        "sagelint: Cargo.toml: skipped: neither its extension nor its content is JSON or YAML\n\
         sagelint: README.md: skipped: neither its extension nor its content is JSON or YAML\n"
    );

    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &[u8]| std::fs::write(dir.path().join(name), text).unwrap();
    write("notes.txt", b"hello world\n");
    write("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00");
    // Content decides for an unknown extension: a request in a .txt file is checked.
    write(
        "job.txt",
        &std::fs::read(common::root().join("testdata/invalid/instance-storage.yaml")).unwrap(),
    );
    // CloudFormation templates and state machines are checked (parsed), broken ones reported.
    write(
        "stack.template",
        b"AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n",
    );
    write("broken.template", b"{\"Resources\": {,}\n");
    write("machine.asl.json", br#"{"StartAt": "Train", "States": {}}"#);
    // An explicit .json file is checked whatever it holds.
    write("bad.json", b"not json");
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args([
            "check",
            "--format",
            "json",
            "notes.txt",
            "logo.png",
            "job.txt",
            "stack.template",
            "broken.template",
            "machine.asl.json",
            "bad.json",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "sagelint: notes.txt: skipped: neither its extension nor its content is JSON or YAML\n\
         sagelint: logo.png: skipped: neither its extension nor its content is JSON or YAML\n"
    );
    // Every file but the two skipped is checked (what a template or state machine holds is
    // judged by the rules; that they are read at all is what matters here).
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["summary"]["files"], 5, "{}", stdout(&o));
    let found: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let start = &d["span"]["start"];
            format!(
                "{} {} {}:{}",
                d["file"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                start["line"],
                start["column"]
            )
        })
        .collect();
    for expected in [
        "job.txt SL501 25:3",
        "broken.template SL001 1:16",
        "bad.json SL001 1:1",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} in {found:#?}"
        );
    }
}

#[test]
fn concise_output_keeps_the_did_you_mean() {
    let o = sagelint(&[
        "check",
        "--format",
        "concise",
        "testdata/invalid/misspelt-members.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(
            "misspelt-members.yaml:29:1: error[SL100] unknown key `StopingCondition` in the request (did you mean `StoppingCondition`?)\n"
        ),
        "{out}"
    );
    // One mistake, one finding: no SL101 for the StoppingCondition the typo stands for.
    assert!(!out.contains("SL101"), "{out}");
}

#[test]
fn non_utf8_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bin.json");
    std::fs::write(&path, [0x7b, 0xff, 0xfe, 0x7d]).unwrap();
    let o = sagelint(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bin.json") && stderr(&o).contains("UTF-8"));
}

#[test]
fn explain_and_rules() {
    let o = sagelint(&["explain", "SL501"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("# SL501 volume-kms-on-local-storage"));
    let by_name = sagelint(&["explain", "volume-kms-on-local-storage"]);
    assert_eq!(stdout(&by_name), stdout(&o));
    let o = sagelint(&["explain", "SL999"]);
    assert_eq!(o.status.code(), Some(2));
    let o = sagelint(&["rules"]);
    assert_eq!(stdout(&o).lines().count(), sagelint::rules::RULES.len());
}

#[test]
fn usage_error_exits_2() {
    let o = sagelint(&["check", "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot_tree(
    dir: &std::path::Path,
) -> Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else {
                out.push((
                    path.clone(),
                    std::fs::read(&path).unwrap(),
                    meta.modified().unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn checked_files_are_not_modified() {
    // The whole of testdata/ (valid and invalid specs, JSON and YAML, secrets, CRLF and BOM),
    // plus a configuration, checked in every format, as a directory and file by file.
    let dir = tempfile::tempdir().unwrap();
    let specs = dir.path().join("specs");
    std::fs::create_dir(&specs).unwrap();
    for sub in ["valid", "invalid"] {
        std::fs::create_dir(specs.join(sub)).unwrap();
        for entry in std::fs::read_dir(common::root().join("testdata").join(sub)).unwrap() {
            let from = entry.unwrap().path();
            std::fs::copy(&from, specs.join(sub).join(from.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(
        dir.path().join("sagelint.toml"),
        "[[suppress]]\npath = \"specs/invalid/counts.json\"\nrule = \"SL106\"\n",
    )
    .unwrap();
    let files: Vec<String> = snapshot_tree(&specs)
        .into_iter()
        .map(|(p, _, _)| p.strip_prefix(dir.path()).unwrap().display().to_string())
        .filter(|p| p.ends_with(".json") || p.ends_with(".yaml"))
        .collect();
    assert!(files.len() > 40);
    // Modification times have sub-second precision: even a rewrite of the same bytes in the
    // same second would show.
    let before = snapshot_tree(dir.path());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let formats: &[&[&str]] = &[
        &["--format", "human", "--color", "always"],
        &["--format", "concise"],
        &["--format", "json"],
        &["--format", "sarif"],
        &["--format", "github"],
    ];
    std::thread::scope(|scope| {
        for format in formats {
            for explicit in [false, true] {
                let (dir, files) = (dir.path(), &files);
                scope.spawn(move || {
                    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sagelint"));
                    cmd.arg("check").args(*format).current_dir(dir);
                    if explicit {
                        cmd.args(files);
                    } else {
                        cmd.arg("specs");
                    }
                    let o = cmd.output().unwrap();
                    assert_eq!(o.status.code(), Some(1), "{format:?}: {}", stderr(&o));
                });
            }
        }
    });
    let after = snapshot_tree(dir.path());
    assert_eq!(before.len(), after.len(), "no file was created or removed");
    for ((path, bytes, mtime), (_, bytes_after, mtime_after)) in before.iter().zip(&after) {
        assert!(bytes == bytes_after, "{} was changed", path.display());
        assert_eq!(mtime, mtime_after, "{} was touched", path.display());
    }
}

#[test]
fn secrets_never_appear_in_full() {
    let secrets = [
        "hf_FAKEabcdefghijklmnopqrstuvwxyzABCDEFGH",
        "AKIAIOSFODNN7EXAMPLE",
        "Tr41n1ngS3cret",
        "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5",
    ];
    for file in [
        "secrets-in-hyperparameters.yaml",
        "secrets-in-hyperparameters.json",
    ] {
        for format in ["human", "json"] {
            let o = sagelint(&[
                "check",
                "--format",
                format,
                &format!("testdata/invalid/{file}"),
            ]);
            let out = stdout(&o) + &stderr(&o);
            for s in secrets {
                assert!(!out.contains(s), "{file} --format {format} printed {s}");
            }
            assert_eq!(o.status.code(), Some(1));
        }
    }
}

#[test]
fn an_explicit_file_that_is_not_a_request_gets_one_info() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("package.json");
    std::fs::write(&path, r#"{"name": "x", "version": "1"}"#).unwrap();
    let o = sagelint(&["check", "--format", "json", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["diagnostics"][0]["rule"], "SL005");
    assert_eq!(o.status.code(), Some(0), "info does not fail the gate");
}

#[test]
fn walked_files_are_named_without_a_dot_slash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("testdata/invalid/instance-storage.yaml"),
        dir.path().join("job.yaml"),
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--format", "concise", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(stdout(&o).starts_with("job.yaml:"), "{}", stdout(&o));
}

/// Run sagelint in `dir`, with `stdin` on its standard input.
fn sagelint_in(dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn force_exclude_applies_exclude_to_named_files_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    let bad =
        std::fs::read_to_string(common::root().join("testdata/invalid/instance-storage.json"))
            .unwrap();
    std::fs::write(dir.path().join("legacy/old.json"), &bad).unwrap();
    std::fs::write(dir.path().join("new.json"), &bad).unwrap();
    std::fs::write(
        dir.path().join("sagelint.toml"),
        "exclude = [\"legacy/**\"]\n",
    )
    .unwrap();

    // Named explicitly, an excluded file is still checked (as before)...
    let o = sagelint_in(dir.path(), &["check", "legacy/old.json"], "");
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    // ...unless --force-exclude: then only new.json is.
    let o = sagelint_in(
        dir.path(),
        &[
            "check",
            "--force-exclude",
            "--format",
            "concise",
            "legacy/old.json",
            "new.json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("new.json:"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("old.json"), "{}", stdout(&o));
    let o = sagelint_in(
        dir.path(),
        &["check", "--force-exclude", "legacy/old.json"],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // An absolute path is matched relative to the configuration too.
    let abs = dir.path().join("legacy/old.json");
    let o = sagelint_in(
        dir.path(),
        &["check", "--force-exclude", abs.to_str().unwrap()],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Standard input named by --stdin-filename (what editors and the Python API pass).
    let args = [
        "check",
        "--force-exclude",
        "--stdin-filename",
        "legacy/x.json",
        "-",
    ];
    let o = sagelint_in(dir.path(), &args, &bad);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let args = [
        "check",
        "--force-exclude",
        "--stdin-filename",
        "x.json",
        "-",
    ];
    let o = sagelint_in(dir.path(), &args, &bad);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn requests_only_skips_other_documents_quietly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("package.json"), "{\"name\": \"x\"}\n").unwrap();
    let o = sagelint_in(dir.path(), &["check", "package.json"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("SL005"), "{}", stdout(&o));
    let o = sagelint_in(
        dir.path(),
        &["check", "--quiet", "--requests-only", "package.json"],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    // A request is still checked, and so is one that does not parse but names request members.
    let o = sagelint_in(
        dir.path(),
        &[
            "check",
            "--requests-only",
            "--format",
            "concise",
            common::root()
                .join("testdata/invalid/instance-storage.yaml")
                .to_str()
                .unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("SL501"));
    std::fs::write(
        dir.path().join("broken.json"),
        "{\"TrainingJobName\": \"x\", \"RoleArn\": ",
    )
    .unwrap();
    let o = sagelint_in(
        dir.path(),
        &[
            "check",
            "--requests-only",
            "--format",
            "concise",
            "broken.json",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("SL001"), "{}", stdout(&o));
}

#[test]
fn schema_prints_the_generated_schema() {
    let o = sagelint(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let committed =
        std::fs::read_to_string(common::root().join("schemas/create-training-job.schema.json"))
            .unwrap();
    assert_eq!(stdout(&o), committed);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["$ref"], "#/definitions/CreateTrainingJobRequest");
}

#[test]
fn other_sagemaker_requests_are_not_training_requests() {
    // A CreateProcessingJob request shares RoleArn and StoppingCondition with a training
    // request: its own name member says what it is.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("processing.json"),
        r#"{"ProcessingJobName": "prep", "RoleArn": "arn:aws:iam::123456789012:role/r",
 "StoppingCondition": {"MaxRuntimeInSeconds": 3600}, "Environment": {"MODE": "train"},
 "ProcessingResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30}}}"#,
    )
    .unwrap();
    let o = sagelint_in(dir.path(), &["check", "--format", "concise", "."], "");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = sagelint_in(
        dir.path(),
        &["check", "--format", "concise", "processing.json"],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("SL005") && !out.contains("SL101"), "{out}");
}
