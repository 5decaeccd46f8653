//! One secret of every kind the detector knows, planted in every place the SL6xx rules look
//! (hyperparameters, environment, tag keys and values, the Debugger and profiler parameter maps,
//! the container's entry point and arguments), in a JSON and a YAML request. The `sagelint`
//! binary must report each one, with its rule, at its place, and no output format (human, with
//! and without color, concise, json, sarif, github, and a written baseline) may show any of them
//! in full, nor may it show the secrets of the `testdata/` fixtures, nor a secret whose finding
//! the configuration, a suppression or the baseline hides. The language server is held to the
//! same: nothing it sends (diagnostics, hovers, completions, code actions) shows one.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::{json, Map, Value};

#[path = "common/lsp.rs"]
mod lsp_client;

const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXItZm9yLXRlc3RzIn0.FAKEsignatureFAKEsignature0123456789abcd";
const PEM_BODY: &str = "MIIEowIBAAKCAQEAfakeKEYmaterialFORtests0123456789";

/// One fake secret: the name it is planted under, the value, the part that must never be shown,
/// and how the message describes it.
struct Plant {
    name: &'static str,
    value: String,
    secret: String,
    described: &'static str,
}

/// One plant per kind of `sagelint::secrets::SecretKind` (all synthetic, visibly fake).
fn plants() -> Vec<Plant> {
    let p = |name, value: &str, secret: &str, described| Plant {
        name,
        value: value.to_string(),
        secret: secret.to_string(),
        described,
    };
    let same = |name, value: &str, described| p(name, value, value, described);
    vec![
        // Not the rule documents' examples (AKIAIOSFODNN7EXAMPLE, ...): SARIF output carries the
        // documents, and so would show them.
        same(
            "aws_access_key_id",
            "AKIAQWERTYFAKE7TESTS",
            "AWS access key ID",
        ),
        same(
            "aws_secret_access_key",
            "FAKEsecretKEY0123456789+abcdefGHIJKLmnop",
            "AWS secret access key",
        ),
        same(
            "aws_session_token",
            "IQoJb3JpZ2luX2VjEFAKEsessionTOKENforTESTSonly0123456789abcdefgh",
            "AWS session token",
        ),
        p(
            "private_key",
            &format!(
                "-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END RSA PRIVATE KEY-----\n"
            ),
            PEM_BODY,
            "private key",
        ),
        same(
            "github_token",
            "ghp_FAKE0123456789abcdefghijABCDEFGHIJkl",
            "GitHub token",
        ),
        same("gitlab_token", "glpat-FAKEfake0123456789ab", "GitLab token"),
        same(
            "slack_token",
            "xoxb-1234567890-1234567890123-FAKEfakeTOKENvalue12",
            "Slack token",
        ),
        same(
            "hf_token",
            "hf_FakeTokenForTestingOnlyAbCdEfGhIjKl",
            "Hugging Face token",
        ),
        same(
            "openai_api_key",
            "sk-proj-FAKE0123456789abcdefGHIJklmnOPQRstuv",
            "OpenAI API key",
        ),
        same(
            "stripe_key",
            "sk_live_FAKE0123456789abcdefGHIJ",
            "Stripe key",
        ),
        same(
            "google_api_key",
            "AIzaFAKE0123456789abcdefghijklmnopqrstu",
            "Google API key",
        ),
        same("auth_jwt", JWT, "JSON Web Token"),
        p(
            "database_url",
            "postgres://admin:s3cr3tP4ssw0rd@db.internal:5432/features",
            "s3cr3tP4ssw0rd",
            "password in a URL",
        ),
        same("db_password", "Hunter22xyz", "secret-like name"),
    ]
}

/// A map of every plant under its name (upper-case for environment variables).
fn map(plants: &[Plant], upper: bool) -> Value {
    let mut m = Map::new();
    for p in plants {
        let name = if upper {
            p.name.to_uppercase()
        } else {
            p.name.to_string()
        };
        m.insert(name, json!(p.value));
    }
    Value::Object(m)
}

/// `--name value` for every plant: the value is judged by its flag.
fn command_line(plants: &[Plant]) -> Value {
    let mut items = vec![json!("python3"), json!("train.py")];
    for p in plants {
        items.push(json!(format!("--{}", p.name.replace('_', "-"))));
        items.push(json!(p.value));
    }
    Value::Array(items)
}

/// The request, and every planted place: (pointer, rule, plant index).
fn request(plants: &[Plant]) -> (Value, Vec<(String, &'static str, usize)>) {
    let rules_image =
        "503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest";
    let mut tags = vec![json!({"Key": "team", "Value": "ml-platform"})];
    for p in plants {
        // A tag key is judged alone: a secret-named one is written `name=value`.
        let key = if p.described == "secret-like name" {
            format!("{}={}", p.name, p.value)
        } else {
            p.value.clone()
        };
        tags.push(json!({"Key": key, "Value": "x"}));
    }
    for p in plants {
        tags.push(json!({"Key": p.name, "Value": p.value}));
    }
    let request = json!({
        "TrainingJobName": "secrets-everywhere",
        "RoleArn": "arn:aws:iam::123456789012:role/SageMakerTrainingRole",
        "AlgorithmSpecification": {
            "TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311",
            "TrainingInputMode": "File",
            "ContainerEntrypoint": command_line(plants),
            "ContainerArguments": command_line(plants),
        },
        "HyperParameters": map(plants, false),
        "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/output"},
        "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
        "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
        "Environment": map(plants, true),
        "Tags": tags,
        "DebugHookConfig": {
            "S3OutputPath": "s3://my-bucket/debug-output",
            "HookParameters": map(plants, false),
            "CollectionConfigurations": [
                {"CollectionName": "losses", "CollectionParameters": map(plants, false)},
            ],
        },
        "DebugRuleConfigurations": [{
            "RuleConfigurationName": "LossNotDecreasing",
            "RuleEvaluatorImage": rules_image,
            "RuleParameters": map(plants, false),
        }],
        "ProfilerConfig": {
            "S3OutputPath": "s3://my-bucket/profiler-output",
            "ProfilingParameters": map(plants, false),
        },
        "ProfilerRuleConfigurations": [{
            "RuleConfigurationName": "ProfilerReport",
            "RuleEvaluatorImage": rules_image,
            "RuleParameters": map(plants, false),
        }],
    });

    let mut places = Vec::new();
    for (i, p) in plants.iter().enumerate() {
        let upper = p.name.to_uppercase();
        places.push((format!("/HyperParameters/{}", p.name), "SL601", i));
        places.push((format!("/Environment/{upper}"), "SL602", i));
        places.push((format!("/Tags/{}/Key", 1 + i), "SL603", i));
        places.push((format!("/Tags/{}/Value", 1 + plants.len() + i), "SL603", i));
        for map in [
            "/DebugHookConfig/HookParameters",
            "/DebugHookConfig/CollectionConfigurations/0/CollectionParameters",
            "/DebugRuleConfigurations/0/RuleParameters",
            "/ProfilerConfig/ProfilingParameters",
            "/ProfilerRuleConfigurations/0/RuleParameters",
        ] {
            places.push((format!("{map}/{}", p.name), "SL604", i));
        }
        for list in ["ContainerEntrypoint", "ContainerArguments"] {
            places.push((
                format!("/AlgorithmSpecification/{list}/{}", 3 + 2 * i),
                "SL605",
                i,
            ));
        }
    }
    (request, places)
}

/// Block-style YAML: multi-line strings as literal blocks, other strings double-quoted (JSON
/// escapes are YAML escapes).
fn to_yaml(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    let scalar = |v: &Value, indent: usize| -> String {
        match v {
            Value::String(s) if s.contains('\n') => {
                let chomp = if s.ends_with('\n') { "|" } else { "|-" };
                let body: String = s
                    .trim_end_matches('\n')
                    .lines()
                    .map(|l| format!("\n{}{l}", " ".repeat(indent + 2)))
                    .collect();
                format!("{chomp}{body}")
            }
            other => other.to_string(),
        }
    };
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                out.push_str(&format!("{pad}{}:", Value::String(k.clone())));
                match v {
                    Value::Object(_) | Value::Array(_) => {
                        out.push('\n');
                        to_yaml(v, indent + 2, out);
                    }
                    _ => out.push_str(&format!(" {}\n", scalar(v, indent))),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push_str(&format!("{pad}-"));
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        out.push('\n');
                        to_yaml(item, indent + 2, out);
                    }
                    _ => out.push_str(&format!(" {}\n", scalar(item, indent))),
                }
            }
        }
        _ => out.push_str(&format!("{pad}{}\n", scalar(v, indent))),
    }
}

/// Every output format, by name and the arguments that select it.
const FORMATS: &[(&str, &[&str])] = &[
    ("human", &["--format", "human"]),
    ("human (color)", &["--format", "human", "--color", "always"]),
    ("concise", &["--format", "concise"]),
    ("json", &["--format", "json"]),
    ("sarif", &["--format", "sarif"]),
    ("github", &["--format", "github"]),
];

/// stdout and stderr of `sagelint check ARGS PATHS` in `dir`, which must find something.
fn run_in(dir: &Path, args: &[&str], paths: &[&Path]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .arg("check")
        .args(args)
        .args(paths)
        .current_dir(dir)
        .output()
        .expect("run sagelint");
    assert_eq!(o.status.code(), Some(1), "{args:?}: expected findings");
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn run(path: &Path, format: &str) -> String {
    let (_, args) = FORMATS
        .iter()
        .find(|(name, _)| *name == format)
        .expect("a format");
    run_in(path.parent().expect("temp dir"), args, &[path])
}

/// The baseline `--write-baseline` writes for `path`: an output too.
fn baseline_of(path: &Path) -> String {
    let dir = path.parent().expect("temp dir");
    let baseline = dir.join("baseline.json");
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--write-baseline"])
        .arg(&baseline)
        .arg(path)
        .current_dir(dir)
        .output()
        .expect("run sagelint");
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(&baseline).expect("baseline written");
    std::fs::remove_file(&baseline).expect("remove baseline");
    text + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn every_secret_is_reported_and_none_is_shown() {
    let plants = plants();
    let (request, places) = request(&plants);
    let dir = tempfile::tempdir().expect("temp dir");
    let json_path = dir.path().join("job.json");
    std::fs::write(&json_path, serde_json::to_string_pretty(&request).unwrap()).unwrap();
    let yaml_path = dir.path().join("job.yaml");
    let mut yaml = String::new();
    to_yaml(&request, 0, &mut yaml);
    std::fs::write(&yaml_path, yaml).unwrap();

    let mut failures = Vec::new();
    for path in [&json_path, &yaml_path] {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The planted request itself holds each secret in full: the check is meaningful.
        let text = std::fs::read_to_string(path).unwrap();
        assert!(plants.iter().all(|p| text.contains(&p.secret)), "{name}");

        // One process per format, side by side.
        let mut outputs: Vec<(&str, String)> = std::thread::scope(|scope| {
            let runs: Vec<_> = FORMATS
                .iter()
                .map(|(format, _)| scope.spawn(move || (*format, run(path, format))))
                .collect();
            runs.into_iter().map(|r| r.join().expect("run")).collect()
        });
        outputs.push(("baseline", baseline_of(path)));
        for (format, out) in &outputs {
            for p in &plants {
                if out.contains(&p.secret) {
                    failures.push(format!("{name} {format}: shows `{}` in full", p.name));
                }
            }
        }

        let json_output = &outputs.iter().find(|(f, _)| *f == "json").expect("json").1;
        let report: Value = serde_json::from_str(json_output).expect("JSON output");
        let found: BTreeSet<(String, String)> = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"].as_str().unwrap_or_default().starts_with("SL6"))
            .map(|d| {
                let message = d["message"].as_str().unwrap_or_default();
                (
                    format!(
                        "{} {}",
                        d["rule"].as_str().unwrap(),
                        d["pointer"].as_str().unwrap()
                    ),
                    message.to_string(),
                )
            })
            .collect();
        for (pointer, rule, i) in &places {
            let at = format!("{rule} {pointer}");
            match found.iter().find(|(k, _)| *k == at) {
                None => failures.push(format!("{name}: {at} ({}) not reported", plants[*i].name)),
                Some((_, message)) if !message.contains(plants[*i].described) => {
                    failures.push(format!(
                        "{name}: {at}: `{message}` does not say {}",
                        plants[*i].described
                    ))
                }
                Some(_) => {}
            }
        }
        let extra: Vec<_> = found
            .iter()
            .filter(|(k, _)| !places.iter().any(|(p, r, _)| *k == format!("{r} {p}")))
            .collect();
        if !extra.is_empty() {
            failures.push(format!("{name}: unexpected reports {extra:#?}"));
        }
        // The human report names each finding once, under its rule.
        let human = &outputs[0].1;
        for rule in ["SL601", "SL602", "SL603", "SL604", "SL605"] {
            let want = places.iter().filter(|(_, r, _)| *r == rule).count();
            let got = human.matches(&format!("{rule}(")).count();
            if got != want {
                failures.push(format!("{name} human: {got} {rule} reports, want {want}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The secret values in `files`: each string value an SL6xx diagnostic of the JSON output
/// points at, with its file.
fn found_secrets(dir: &Path, files: &[&Path]) -> Vec<(String, String)> {
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--format", "json"])
        .args(files)
        .current_dir(dir)
        .output()
        .expect("run sagelint");
    let report: Value = serde_json::from_slice(&o.stdout).expect("JSON output");
    let mut found = Vec::new();
    for d in report["diagnostics"].as_array().expect("diagnostics") {
        let (Some(rule), Some(file), Some(pointer)) = (
            d["rule"].as_str(),
            d["file"].as_str(),
            d["pointer"].as_str(),
        ) else {
            continue;
        };
        if !rule.starts_with("SL6") {
            continue;
        }
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).expect("fixture");
        let format = sagelint::Format::from_path(&path).expect("extension");
        let source = sagelint::SourceFile::new(file, text, format);
        let Some(root) = sagelint::parse::parse(&source).root else {
            continue;
        };
        if let Some(value) = root.lookup(pointer).and_then(|f| f.node.as_str()) {
            found.push((file.to_string(), value.to_string()));
        }
    }
    found
}

#[test]
fn no_fixture_secret_is_shown_in_any_format() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("testdata/invalid"))
        .expect("testdata/invalid")
        .map(|e| e.expect("entry").path())
        .filter(|p| sagelint::Format::from_path(p).is_some())
        .map(|p| p.strip_prefix(&root).expect("under the root").to_path_buf())
        .collect();
    files.sort();
    let files: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let planted = found_secrets(&root, &files);
    assert!(
        planted.len() >= 20,
        "the fixtures plant secrets: {planted:?}"
    );
    let with_secrets: BTreeSet<&str> = planted.iter().map(|(f, _)| f.as_str()).collect();
    let with_secrets: Vec<&Path> = with_secrets.into_iter().map(Path::new).collect();
    let mut failures = Vec::new();
    let outputs: Vec<(&str, String)> = std::thread::scope(|scope| {
        let runs: Vec<_> = FORMATS
            .iter()
            .map(|(format, args)| {
                let (root, with_secrets) = (&root, &with_secrets);
                scope.spawn(move || (*format, run_in(root, args, with_secrets)))
            })
            .collect();
        runs.into_iter().map(|r| r.join().expect("run")).collect()
    });
    for (format, mut out) in outputs {
        if format == "sarif" {
            // The tool's rule descriptions quote the rule documents, whose examples are fake
            // secrets too (`AKIAIOSFODNN7EXAMPLE`): judge the results, what comes from the input.
            let mut sarif: Value = serde_json::from_str(&out).expect("SARIF");
            sarif["runs"][0]["tool"] = Value::Null;
            out = sarif.to_string();
        }
        for (file, secret) in &planted {
            if out.contains(secret.as_str()) {
                failures.push(format!("{format}: {file} shows `{secret}`"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A request whose secret sits on the line next to another finding, so that the other
/// finding's source lines show the secret's line.
const NEIGHBOUR: &str = "\
TrainingJobName: neighbours
RoleArn: arn:aws:iam::123456789012:role/SageMakerRole
AlgorithmSpecification:
  TrainingImage: 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311
  TrainingInputMode: File
HyperParameters:
  epochs: 10
  hf_token: hf_FakeTokenForTestingOnlyAbCdEfGhIjKl
  lr: 0.1
OutputDataConfig:
  S3OutputPath: s3://bucket/out
ResourceConfig:
  InstanceType: ml.m5.xlarge
  InstanceCount: 1
  VolumeSizeInGB: 30
StoppingCondition:
  MaxRuntimeInSeconds: 3600
";

const NEIGHBOUR_SECRET: &str = "hf_FakeTokenForTestingOnlyAbCdEfGhIjKl";

#[test]
fn a_secret_stays_masked_when_its_finding_is_hidden() {
    let dir = tempfile::tempdir().expect("temp dir");
    let job = dir.path().join("job.yaml");
    let check = |args: &[&str]| {
        let out = run_in(dir.path(), args, &[&job]);
        // The neighbours are reported, with the secret's line in their snippets.
        assert!(
            out.contains("hyperparameters must be") || out.contains("SL102"),
            "{out}"
        );
        assert!(
            !out.contains(NEIGHBOUR_SECRET),
            "{args:?} shows the secret:\n{out}"
        );
        assert!(
            out.contains("hf_F*"),
            "{args:?}: the masked line is shown:\n{out}"
        );
    };

    // Disabled in the configuration.
    std::fs::write(&job, NEIGHBOUR).expect("write");
    std::fs::write(
        dir.path().join("sagelint.toml"),
        "ignore = [\"secret-in-hyperparameters\"]\n",
    )
    .expect("write");
    check(&["--format", "human"]);
    std::fs::remove_file(dir.path().join("sagelint.toml")).expect("remove");

    // Suppressed by a comment on its line.
    std::fs::write(
        &job,
        NEIGHBOUR.replace(
            NEIGHBOUR_SECRET,
            &format!("{NEIGHBOUR_SECRET}  # sagelint: ignore[SL601] rotated"),
        ),
    )
    .expect("write");
    check(&["--format", "human"]);

    // In the baseline, with the neighbours new since.
    std::fs::write(
        &job,
        NEIGHBOUR
            .replace("epochs: 10", "epochs: '10'")
            .replace("lr: 0.1", "lr: '0.1'"),
    )
    .expect("write");
    let baseline = dir.path().join("baseline.json");
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .arg("check")
        .arg("--write-baseline")
        .arg(&baseline)
        .arg(&job)
        .current_dir(dir.path())
        .output()
        .expect("run sagelint");
    assert_eq!(o.status.code(), Some(0));
    std::fs::write(&job, NEIGHBOUR).expect("write");
    check(&[
        "--format",
        "human",
        "--baseline",
        baseline.to_str().expect("utf-8"),
    ]);
}

/// The LSP position (0-based line, UTF-16 character) of a byte offset.
fn lsp_position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

#[test]
fn the_language_server_shows_no_secret() {
    let plants = plants();
    let (request, _) = request(&plants);
    let mut yaml = String::new();
    to_yaml(&request, 0, &mut yaml);
    let documents = [
        (
            "untitled:job.json",
            "json",
            serde_json::to_string_pretty(&request).unwrap(),
        ),
        ("untitled:job.yaml", "yaml", yaml),
    ];
    let mut client = lsp_client::Client::start(&[]);
    let mut failures = Vec::new();
    for (uri, language, text) in &documents {
        let diagnostics = client.open(uri, language, text);
        let secret_findings = diagnostics
            .iter()
            .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("SL6")))
            .count();
        assert!(secret_findings >= plants.len(), "{uri}: {diagnostics:#?}");
        let mut sent = vec![Value::Array(diagnostics.clone())];
        for p in &plants {
            for (at, _) in text.match_indices(p.secret.as_str()) {
                // On the secret, in its middle, and at its end; and whatever can be done there.
                for offset in [at, at + p.secret.len() / 2, at + p.secret.len()] {
                    let position = lsp_position(text, offset);
                    let here = json!({"textDocument": {"uri": uri}, "position": position});
                    sent.push(client.request("textDocument/hover", here.clone()));
                    sent.push(client.request("textDocument/completion", here));
                }
                let range = json!({
                    "start": lsp_position(text, at),
                    "end": lsp_position(text, at + p.secret.len()),
                });
                sent.push(client.request(
                    "textDocument/codeAction",
                    json!({"textDocument": {"uri": uri}, "range": range,
                           "context": {"diagnostics": diagnostics}}),
                ));
            }
        }
        let sent = Value::Array(sent).to_string();
        for p in &plants {
            // The document holds each secret: the search below can fail.
            assert!(text.contains(p.secret.as_str()), "{uri}: {}", p.name);
            if sent.contains(p.secret.as_str()) {
                failures.push(format!("{uri}: the server shows `{}` in full", p.name));
            }
        }
    }
    client.stop();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A key given twice: the rules read the last value, but the first is shown as source context
/// too (SL002's), and must be masked as well; so must the same token pasted elsewhere.
#[test]
fn a_secret_written_twice_is_masked_both_times() {
    const TOKEN: &str = "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    let dir = tempfile::tempdir().unwrap();
    let request = dir.path().join("twice.yaml");
    std::fs::write(
        &request,
        format!(
            "TrainingJobName: job\nRoleArn: arn:aws:iam::123456789012:role/r\n\
             AlgorithmSpecification:\n  TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1\n  TrainingInputMode: File\n\
             HyperParameters:\n  hf_token: {TOKEN}\n  hf_token: {TOKEN}\n\
             Environment:\n  NOTE: {TOKEN}\n\
             OutputDataConfig:\n  S3OutputPath: s3://b/o\n\
             ResourceConfig: {{InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 30}}\n\
             StoppingCondition: {{MaxRuntimeInSeconds: 3600}}\n"
        ),
    )
    .unwrap();
    // The SageMaker Operator's `{name, value}` lists make a name given twice common.
    let operator = dir.path().join("operator.yaml");
    let resource = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/valid/k8s-operator-tuning-job.yaml"),
    )
    .unwrap()
    .replace(
        "      - name: num_class\n",
        &format!(
            "      - name: hf_token\n        value: {TOKEN}\n      - name: hf_token\n        value: {TOKEN}\n      - name: num_class\n"
        ),
    );
    assert!(resource.contains(TOKEN));
    std::fs::write(&operator, resource).unwrap();
    for path in [&request, &operator] {
        for format in ["human", "concise", "json", "sarif", "github"] {
            let out = run(path, format);
            assert!(out.contains("SL601"), "{format}: {out}");
            assert!(!out.contains(TOKEN), "{} {format}: {out}", path.display());
        }
    }
}
