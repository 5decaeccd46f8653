//! sagelint as a CI gate: output formats, configuration, suppressions, baselines and exit
//! statuses, end to end through the binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sagelint::render::{self, FileResult};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run sagelint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn rules_of(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

/// A temporary project holding copies of fixtures.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, fixture) in files {
        let to = dir.path().join(name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(common::root().join("testdata").join(fixture), to).unwrap();
    }
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

fn invalid_fixtures() -> Vec<FileResult> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join("testdata/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| sagelint::Format::from_path(p).is_some())
        .collect();
    files.sort();
    files.iter().map(|f| common::check_file(f)).collect()
}

#[test]
fn concise_github_and_sarif_match_their_snapshots() {
    let results = invalid_fixtures();
    let dir = common::root().join("testdata/formats");
    let mut failures = Vec::new();
    failures.extend(common::snapshot(
        &dir.join("invalid.concise.out"),
        &render::concise::render(&results),
    ));
    failures.extend(common::snapshot(
        &dir.join("invalid.github.out"),
        &render::github::render(&results),
    ));
    // The results part of the SARIF log; the rule descriptors are checked structurally below
    // and by the SARIF Multitool (tests/sarif.rs).
    let sarif: serde_json::Value = serde_json::from_str(&render::sarif::render(&results)).unwrap();
    let results_only = serde_json::to_string_pretty(&sarif["runs"][0]["results"]).unwrap() + "\n";
    failures.extend(common::snapshot(
        &dir.join("invalid.sarif-results.out"),
        &results_only,
    ));
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn sarif_describes_every_rule() {
    let sarif: serde_json::Value =
        serde_json::from_str(&render::sarif::render(&invalid_fixtures())).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), sagelint::rules::RULES.len());
    for (r, expected) in rules.iter().zip(sagelint::rules::RULES.iter()) {
        assert_eq!(r["id"], expected.code);
        assert_eq!(r["name"], expected.name);
        for key in ["shortDescription", "fullDescription"] {
            assert!(
                !r[key]["text"].as_str().unwrap().is_empty(),
                "{key} of {}",
                expected.code
            );
        }
        assert!(r["help"]["markdown"].as_str().unwrap().starts_with('#'));
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(result["partialFingerprints"]["sagelint/v1"].is_string());
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn fingerprints_survive_line_moves() {
    let fixture = common::root().join("testdata/invalid/instance-storage.yaml");
    let text = std::fs::read_to_string(&fixture).unwrap();
    let print = |text: String| {
        let source = sagelint::SourceFile::new("specs/job.yaml", text, sagelint::Format::Yaml);
        let diagnostics = sagelint::check(&source);
        render::fingerprint::of(&FileResult {
            source,
            diagnostics,
        })
    };
    let before = print(text.clone());
    let moved = print(format!("# a comment\n\n# another\n{text}"));
    assert!(!before.is_empty());
    assert_eq!(before, moved);
}

#[test]
fn fail_on_and_exit_zero() {
    // A YAML file whose only finding is a warning (an unused suppression).
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::root().join("testdata/valid/minimal.yaml")).unwrap();
    write(
        dir.path(),
        "job.yaml",
        &format!("{text}# sagelint: ignore-file[SL104]\n"),
    );
    let codes = |args: &[&str]| run(dir.path(), args).status.code();
    assert_eq!(codes(&["check", "job.yaml"]), Some(0));
    assert_eq!(
        codes(&["check", "--fail-on", "warning", "job.yaml"]),
        Some(1)
    );
    assert_eq!(codes(&["check", "--fail-on", "info", "job.yaml"]), Some(1));
    assert_eq!(
        codes(&["check", "--fail-on", "warning", "--exit-zero", "job.yaml"]),
        Some(0)
    );
    let bad = project(&[("job.yaml", "invalid/instance-storage.yaml")]);
    assert_eq!(
        run(bad.path(), &["check", "--exit-zero", "job.yaml"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn config_selects_ignores_and_overrides_severity() {
    let dir = project(&[
        ("specs/job.yaml", "invalid/instance-storage.yaml"),
        ("specs/legacy/old.yaml", "invalid/instance-storage.yaml"),
    ]);
    let all = json(&run(dir.path(), &["check", "--format", "json", "specs"]));
    assert_eq!(rules_of(&all), ["SL502", "SL501", "SL502", "SL501"]);

    write(
        dir.path(),
        "sagelint.toml",
        "ignore = [\"volume-kms-on-local-storage\"]\n",
    );
    let v = json(&run(dir.path(), &["check", "--format", "json", "specs"]));
    assert_eq!(rules_of(&v), ["SL502", "SL502"]);

    write(
        dir.path(),
        "sagelint.toml",
        "select = [\"SL501\"]\n[severity]\nSL501 = \"warning\"\n",
    );
    let o = run(dir.path(), &["check", "--format", "json", "specs"]);
    let v = json(&o);
    assert_eq!(rules_of(&v), ["SL501", "SL501"]);
    assert_eq!(v["diagnostics"][0]["severity"], "warning");
    assert_eq!(o.status.code(), Some(0), "warnings do not fail by default");

    write(
        dir.path(),
        "sagelint.toml",
        "[per-file-ignores]\n\"specs/legacy/**\" = [\"SL501\", \"SL502\"]\n",
    );
    let v = json(&run(dir.path(), &["check", "--format", "json", "specs"]));
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(rules_of(&v), ["SL502", "SL501"]);

    write(
        dir.path(),
        "sagelint.toml",
        "exclude = [\"specs/legacy/**\"]\n",
    );
    let v = json(&run(dir.path(), &["check", "--format", "json", "specs"]));
    assert_eq!(v["summary"]["files"], 1);

    write(
        dir.path(),
        "sagelint.toml",
        "include = [\"specs/legacy/**\"]\n",
    );
    let v = json(&run(dir.path(), &["check", "--format", "json", "."]));
    assert_eq!(v["summary"]["files"], 1);
    assert!(v["diagnostics"][0]["file"]
        .as_str()
        .unwrap()
        .contains("legacy"));
}

#[test]
fn config_is_found_upward_in_pyproject_and_can_be_named() {
    let dir = project(&[("ml/specs/job.yaml", "invalid/instance-storage.yaml")]);
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"churn\"\n\n[tool.sagelint]\nignore = [\"SL501\", \"SL502\"]\n",
    );
    let o = run(dir.path(), &["check", "ml/specs/job.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // --config wins over discovery.
    write(dir.path(), "strict.toml", "select = [\"ALL\"]\n");
    let o = run(
        dir.path(),
        &["check", "--config", "strict.toml", "ml/specs/job.yaml"],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn bad_config_is_exit_2_naming_file_line_and_key() {
    let dir = project(&[("job.yaml", "valid/minimal.yaml")]);
    write(
        dir.path(),
        ".sagelint.toml",
        "# strict\nselect = [\"ALL\"]\nignore = [\"SL9O1\"]\n",
    );
    let o = run(dir.path(), &["check", "job.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(".sagelint.toml:3:11"), "{err}");
    assert!(err.contains("SL9O1"), "{err}");
    assert_eq!(stdout(&o), "", "nothing is checked with a bad config");

    write(dir.path(), ".sagelint.toml", "[severity]\nSL501 = 3\n");
    let o = run(dir.path(), &["check", "job.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".sagelint.toml:2:"), "{}", stderr(&o));

    write(dir.path(), ".sagelint.toml", "selct = []\n");
    let o = run(dir.path(), &["check", "job.yaml"]);
    assert!(stderr(&o).contains("selct"), "{}", stderr(&o));
}

#[test]
fn a_comment_after_a_quoted_value_suppresses_it() {
    // The value's span ends at its closing quote: the comment after it is a comment.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::root().join("testdata/valid/minimal.yaml")).unwrap();
    let name = text
        .lines()
        .find(|l| l.starts_with("TrainingJobName:"))
        .unwrap()
        .to_string();
    let quoted = "TrainingJobName: \"churn_2025\"  # sagelint: ignore[SL104] legacy name";
    write(dir.path(), "job.yaml", &text.replace(&name, quoted));
    let v = json(&run(dir.path(), &["check", "--format", "json", "job.yaml"]));
    assert_eq!(rules_of(&v), Vec::<String>::new(), "{v:#}");
    let unquoted = text.replace(&name, "TrainingJobName: \"churn_2025\"  # a note");
    write(dir.path(), "job.yaml", &unquoted);
    let v = json(&run(dir.path(), &["check", "--format", "json", "job.yaml"]));
    assert_eq!(rules_of(&v), ["SL104"], "{v:#}");
    assert_eq!(v["diagnostics"][0]["span"]["length"], 12, "{v:#}");
}

#[test]
fn yaml_comments_suppress_and_unused_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(common::root().join("testdata/invalid/instance-storage.yaml"))
            .unwrap()
            .replace(
                "  VolumeSizeInGB: 10000\n",
                "  # sagelint: ignore[SL502] sized by the platform team\n  VolumeSizeInGB: 10000\n",
            )
            .replace(
                "  VolumeKmsKeyId:",
                "  VolumeKmsKeyId:  # sagelint: ignore[volume-kms-on-local-storage, SL104]\n   ",
            );
    write(dir.path(), "job.yaml", &text);
    let v = json(&run(dir.path(), &["check", "--format", "json", "job.yaml"]));
    assert_eq!(rules_of(&v), Vec::<String>::new(), "{v:#}");

    // The same comment once nothing is wrong is reported as unused.
    let fixed = text.replace("VolumeSizeInGB: 10000", "VolumeSizeInGB: 100");
    write(dir.path(), "job.yaml", &fixed);
    let v = json(&run(dir.path(), &["check", "--format", "json", "job.yaml"]));
    assert_eq!(rules_of(&v), ["SL010"]);
    assert!(v["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("SL502"));

    // Whole-file form.
    let whole = format!(
        "# sagelint: ignore-file[SL501, SL502]\n{}",
        std::fs::read_to_string(common::root().join("testdata/invalid/instance-storage.yaml"))
            .unwrap()
    );
    write(dir.path(), "job.yaml", &whole);
    let v = json(&run(dir.path(), &["check", "--format", "json", "job.yaml"]));
    assert_eq!(rules_of(&v), Vec::<String>::new());
}

#[test]
fn json_findings_are_suppressed_by_config_and_unused_entries_reported() {
    let dir = project(&[
        ("specs/job.json", "invalid/instance-storage.json"),
        ("specs/other.json", "invalid/algorithm-name-and-image.json"),
    ]);
    write(
        dir.path(),
        "sagelint.toml",
        r#"[[suppress]]
path = "specs/job.json"
rule = "SL501"
reason = "accepted risk"

[[suppress]]
path = "specs/job.json"
rule = "SL502"
pointer = "/ResourceConfig/VolumeSizeInGB"

[[suppress]]
path = "specs/other.json"
rule = "SL104"
pointer = "/RoleArn"
"#,
    );
    let o = run(dir.path(), &["check", "--format", "json", "specs"]);
    let v = json(&o);
    let found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("specs/other.json".into(), "SL203".into())),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(f, _)| f == "specs/job.json"),
        "{found:?}"
    );
    // The third entry suppresses nothing: reported in the configuration file, at its line.
    let unused = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "SL010")
        .expect("unused suppression reported");
    assert!(unused["file"].as_str().unwrap().ends_with("sagelint.toml"));
    assert_eq!(unused["span"]["start"]["line"], 11);
}

#[test]
fn baseline_hides_known_findings_and_reports_new_ones() {
    let dir = project(&[("specs/job.yaml", "invalid/instance-storage.yaml")]);
    let o = run(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "specs"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("recorded 2 findings"));

    let o = run(
        dir.path(),
        &["check", "--baseline", "baseline.json", "specs"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("2 known findings hidden by the baseline"));

    // Lines move and a new problem appears: only the new one is reported.
    let path = dir.path().join("specs/job.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!(
            "# moved down\n\n{}",
            text.replace(
                "InstanceCount: 1",
                "InstanceCount: 1\n  KeepAlivePeriodInSecond: 60"
            )
        ),
    )
    .unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "specs",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(rules_of(&json(&o)), ["SL100"]);

    let o = run(
        dir.path(),
        &["check", "--baseline", "missing.json", "specs"],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn github_format_escapes_and_maps_levels() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::root().join("testdata/valid/minimal.yaml")).unwrap();
    write(
        dir.path(),
        "a,b:c.yaml",
        &format!("{text}# sagelint: ignore-file[SL104]\n"),
    );
    let o = run(dir.path(), &["check", "--format", "github", "a,b:c.yaml"]);
    let out = stdout(&o);
    assert!(
        out.starts_with("::warning file=a%2Cb%3Ac.yaml,line="),
        "{out}"
    );
    assert!(out.contains(",title=SL010 unused-suppression::"), "{out}");
}
