//! Hostile input, end to end through the binary: resource bounds (alias bombs, deep nesting,
//! size limits, edge numbers, control characters, huge lines, degenerate documents), the file
//! system (binary files, permissions, symlink loops, FIFOs, vanishing files, odd names), safe
//! output, and internal errors. Inputs are generated here, never committed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Every output format, with the arguments that select it.
const FORMATS: &[&[&str]] = &[
    &["--format", "human", "--color", "never"],
    &["--format", "human", "--color", "always"],
    &["--format", "concise"],
    &["--format", "json"],
    &["--format", "sarif"],
    &["--format", "github"],
];

/// No run may take longer: a hang (a FIFO opened for reading, an exponential expansion) fails
/// the test instead of blocking the suite.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Run<'a> {
    args: Vec<&'a OsStr>,
    dir: &'a Path,
    env: Vec<(&'a str, &'a str)>,
    stdin: Option<Vec<u8>>,
    uid: Option<u32>,
}

impl<'a> Run<'a> {
    fn new<S>(dir: &'a Path, args: &[&'a S]) -> Run<'a>
    where
        S: AsRef<OsStr> + ?Sized + 'a,
    {
        Run {
            args: args.iter().map(|&a| a.as_ref()).collect(),
            dir,
            env: Vec::new(),
            stdin: None,
            uid: None,
        }
    }

    // Only the fault-injection tests (debug builds) set variables.
    #[cfg_attr(not(debug_assertions), allow(dead_code))]
    fn env(mut self, key: &'a str, value: &'a str) -> Self {
        self.env.push((key, value));
        self
    }

    fn stdin(mut self, bytes: Vec<u8>) -> Self {
        self.stdin = Some(bytes);
        self
    }

    fn output(self) -> Output {
        self.try_output().expect("run sagelint")
    }

    fn try_output(self) -> std::io::Result<Output> {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sagelint"));
        cmd.args(&self.args)
            .current_dir(self.dir)
            .env_remove("RUST_BACKTRACE")
            .env_remove("SAGELINT_DEBUG_FAULT")
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        #[cfg(unix)]
        if let Some(uid) = self.uid {
            use std::os::unix::process::CommandExt;
            cmd.uid(uid).gid(uid);
        }
        let mut child = cmd.spawn()?;
        let id = child.id();
        if let Some(bytes) = self.stdin {
            let mut pipe = child.stdin.take().unwrap();
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            });
        }
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(child.wait_with_output());
        });
        match receive.recv_timeout(TIMEOUT) {
            Ok(output) => output,
            Err(_) => {
                let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
                panic!("sagelint {:?} did not finish in {TIMEOUT:?}", self.args);
            }
        }
    }
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn rules(o: &Output) -> Vec<String> {
    json(o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

/// A sagelint process that ended by itself: no signal (a stack overflow aborts with SIGSEGV
/// or SIGABRT), and no internal error (3) or Rust panic (101).
fn assert_clean_exit(o: &Output, want: i32) {
    let (out, err) = text(o);
    assert_eq!(
        o.status.code(),
        Some(want),
        "status {:?}\nstdout:\n{}\nstderr:\n{err}",
        o.status,
        out.chars().take(3000).collect::<String>()
    );
    assert!(!err.contains("panicked"), "{err}");
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

const REQUEST_YAML: &str = "\
TrainingJobName: hostile
RoleArn: arn:aws:iam::123456789012:role/SageMakerRole
AlgorithmSpecification:
  TrainingImage: 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311
  TrainingInputMode: File
OutputDataConfig:
  S3OutputPath: s3://bucket/out
ResourceConfig:
  InstanceType: ml.m5.xlarge
  InstanceCount: 1
  VolumeSizeInGB: 30
StoppingCondition:
  MaxRuntimeInSeconds: 3600
";

// ---------------------------------------------------------------------------------------------
// Resource bounds

#[test]
fn billion_laughs_is_refused_with_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let mut bomb = String::from(REQUEST_YAML);
    bomb.push_str("HyperParameters:\n  a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for (name, prev) in ('b'..='j').zip('a'..='i') {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("  {name}: &{name} [{refs}]\n"));
    }
    write(dir.path(), "bomb.yaml", &bomb);
    let start = Instant::now();
    let o = Run::new(dir.path(), &["check", "--format", "json", "bomb.yaml"]).output();
    assert_clean_exit(&o, 1);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    let v = json(&o);
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "SL001");
    assert!(
        d["message"].as_str().unwrap().contains("alias"),
        "{}",
        d["message"]
    );
}

#[test]
fn deep_alias_chains_and_nested_anchors_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    // Each anchored list holds an alias of the previous one: every copy is one longer and one
    // deeper than the last, quadratic (and as deep as the chain) without a budget.
    let mut chain = String::from(REQUEST_YAML);
    chain.push_str("Tags:\n  - &t0 {Key: k, Value: v}\n");
    for i in 1..3000 {
        chain.push_str(&format!("  - &t{i} [*t{}, x]\n", i - 1));
    }
    write(dir.path(), "chain.yaml", &chain);
    // No alias at all: anchors nested 100 deep around a large list, each a copy of it.
    let leaf = vec!["1"; 50_000].join(",");
    let nested = format!(
        "{REQUEST_YAML}HyperParameters: {}[{leaf}]{}\n",
        (0..100).map(|i| format!("&n{i} [")).collect::<String>(),
        "]".repeat(100)
    );
    write(dir.path(), "nested.yaml", &nested);
    for file in ["chain.yaml", "nested.yaml"] {
        let start = Instant::now();
        let o = Run::new(dir.path(), &["check", "--format", "json", file]).output();
        assert_clean_exit(&o, 1);
        assert!(start.elapsed() < Duration::from_secs(20), "{file}");
        let v = json(&o);
        assert_eq!(v["diagnostics"][0]["rule"], "SL001", "{file}");
        assert!(
            v["diagnostics"][0]["message"]
                .as_str()
                .unwrap()
                .contains("refusing to expand"),
            "{file}: {v}"
        );
    }
}

#[test]
fn nesting_100000_levels_deep_is_a_diagnostic_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let cases = [
        ("arrays.json", format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (
            "objects.json",
            format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n)),
        ),
        ("flow.yaml", format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (
            "flow-maps.yaml",
            format!("{}1{}", "{a: ".repeat(n), "}".repeat(n)),
        ),
        ("sequences.yaml", format!("{}x\n", "- ".repeat(n))),
        (
            "block.yaml",
            (0..5_000)
                .map(|i| format!("{}k:\n", " ".repeat(i)))
                .collect(),
        ),
    ];
    for (name, content) in &cases {
        write(dir.path(), name, content);
        let o = Run::new(dir.path(), &["check", "--format", "json", name]).output();
        assert_clean_exit(&o, 1);
        assert_eq!(rules(&o), ["SL001"], "{name}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 64 GiB that would take minutes to read and exhaust memory if it were.
    let huge = std::fs::File::create(dir.path().join("huge.json")).unwrap();
    let huge_size = if huge.set_len(64 << 30).is_ok() {
        64u64 << 30
    } else {
        huge.set_len(17 << 20).unwrap();
        17 << 20
    };
    drop(huge);
    write(dir.path(), "job.yaml", REQUEST_YAML);
    let o = Run::new(
        dir.path(),
        &["check", "--format", "json", "huge.json", "job.yaml"],
    )
    .output();
    assert_clean_exit(&o, 2);
    let (_, err) = text(&o);
    assert!(
        err.contains("huge.json: not checked:") && err.contains("over the size limit of 16 MiB"),
        "{err}"
    );
    if huge_size == 64 << 30 {
        assert!(err.contains("64 GiB"), "{err}");
    }
    assert_eq!(json(&o)["summary"]["files"], 1, "the other file is checked");

    // --max-file-size, and `max-file-size` in the configuration; the flag wins.
    let o = Run::new(dir.path(), &["check", "--max-file-size", "100", "job.yaml"]).output();
    assert_clean_exit(&o, 2);
    assert!(text(&o).1.contains("over the size limit of 100 bytes"));
    write(dir.path(), "sagelint.toml", "max-file-size = \"1KiB\"\n");
    let bigger = format!("{REQUEST_YAML}# {}\n", "x".repeat(2000));
    write(dir.path(), "big.yaml", &bigger);
    let o = Run::new(dir.path(), &["check", "big.yaml"]).output();
    assert_clean_exit(&o, 2);
    assert!(text(&o).1.contains("over the size limit of 1 KiB"), "{o:?}");
    let o = Run::new(
        dir.path(),
        &["check", "--max-file-size", "1MiB", "big.yaml"],
    )
    .output();
    assert_clean_exit(&o, 0);

    // Standard input is bounded while it is read.
    let o = Run::new(dir.path(), &["check", "--max-file-size", "1KiB", "-"])
        .stdin(bigger.into_bytes())
        .output();
    assert_clean_exit(&o, 2);
    assert!(
        text(&o)
            .1
            .contains("standard input: not checked: more than"),
        "{o:?}"
    );

    // A bad size is a usage or configuration error.
    let o = Run::new(
        dir.path(),
        &["check", "--max-file-size", "lots", "job.yaml"],
    )
    .output();
    assert_clean_exit(&o, 2);
    write(dir.path(), "sagelint.toml", "max-file-size = -5\n");
    let o = Run::new(dir.path(), &["check", "job.yaml"]).output();
    assert_clean_exit(&o, 2);
    assert!(text(&o).1.contains("invalid configuration"), "{o:?}");
}

#[test]
fn edge_numbers_are_judged_not_crashed_on() {
    let dir = tempfile::tempdir().unwrap();
    let base = REQUEST_YAML.replace("  MaxRuntimeInSeconds: 3600\n", "");
    let numbers = [
        ("1e400", Some("SL001")),
        ("-1e400", Some("SL001")),
        ("0.1e999999999999999999", Some("SL001")),
        ("-0", Some("SL108")),
        ("-0.0", None),
        ("18446744073709551616", Some("SL108")),
        ("18446744073709551615", Some("SL108")),
        ("-9223372036854775809", Some("SL108")),
        (
            "123456789012345678901234567890123456789012345678901234567890",
            Some("SL108"),
        ),
        ("1e-400", None),
        ("3600.0", None),
    ];
    let mut files = Vec::new();
    for (i, (number, _)) in numbers.iter().enumerate() {
        let yaml = format!("{base}  MaxRuntimeInSeconds: {number}\n");
        let json_text = format!(
            "{{\"TrainingJobName\": \"x\", \"RoleArn\": \"arn:aws:iam::123456789012:role/R\", \
             \"StoppingCondition\": {{\"MaxRuntimeInSeconds\": {number}}}}}"
        );
        for (name, content) in [
            (format!("n{i}.yaml"), yaml),
            (format!("n{i}.json"), json_text),
        ] {
            write(dir.path(), &name, &content);
            files.push(name);
        }
    }
    let run = |format: &[&str]| {
        let mut args: Vec<&str> = vec!["check"];
        args.extend_from_slice(format);
        args.extend(files.iter().map(String::as_str));
        let o = Run::new(dir.path(), &args).output();
        assert_clean_exit(&o, 1);
        o
    };
    let v = json(&run(&["--format", "json"]));
    for (i, (number, rule)) in numbers.iter().enumerate() {
        for ext in ["yaml", "json"] {
            let file = format!("n{i}.{ext}");
            let found: Vec<&str> = v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["file"] == file.as_str())
                .map(|d| d["rule"].as_str().unwrap())
                .collect();
            // Whatever else is reported, a wrong number gets its own diagnostic.
            if let Some(rule) = rule {
                assert!(found.contains(rule), "{file} ({number}): {found:?}");
            }
        }
    }
    for format in FORMATS {
        run(format);
    }
}

/// Control characters and escape sequences, planted wherever input text can reach the output.
const NASTY: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\r\u{8}\u{202e}";

fn assert_no_raw_control(label: &str, output: &str, colored: bool) {
    for (i, c) in output.char_indices() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c == '\u{1b}' && colored {
            // Our own color codes: SGR only (`ESC [ digits/; m`), never anything else.
            let rest = &output[i + 1..];
            let sgr = rest.strip_prefix('[').is_some_and(|r| {
                let end = r.find(|c: char| !(c.is_ascii_digit() || c == ';'));
                end.is_some_and(|e| r[e..].starts_with('m'))
            });
            assert!(
                sgr,
                "{label}: raw escape sequence at {i}: {:?}",
                &output[i..]
            );
            continue;
        }
        if (c.is_control() && c != '\n' && c != '\t') || bidi {
            let at = output.floor_char_boundary_compat(i.saturating_sub(40));
            panic!(
                "{label}: raw {c:?} at byte {i}: {:?}",
                &output[at..(i + 20).min(output.len())]
            );
        }
    }
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[test]
fn control_characters_never_reach_a_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let n = serde_json::to_string(NASTY).unwrap();
    let n = &n[1..n.len() - 1]; // the JSON escapes, without the quotes
    let json_text = format!(
        r#"{{
  "TrainingJobName": "bad{n}name",
  "RoleArn": "arn:aws:iam::123456789012:role/R{n}",
  "Unknown{n}Key": 1,
  "AlgorithmSpecification": {{"TrainingImage": "img{n}:latest", "TrainingInputMode": "File{n}",
    "MetricDefinitions": [{{"Name": "m{n}", "Regex": "({n}"}}]}},
  "HyperParameters": {{"k{n}": "v{n}", "api_token": "{n}ghp_0123456789abcdefghijABCDEFGHIJ012345"}},
  "Tags": [{{"Key": "aws:{n}", "Value": "x"}}, {{"Key": "aws:{n}", "Value": "y"}}],
  "OutputDataConfig": {{"S3OutputPath": "s3://b/{n}"}},
  "ResourceConfig": {{"InstanceType": "ml.{n}", "InstanceCount": 1, "VolumeSizeInGB": 30}},
  "StoppingCondition": {{"MaxRuntimeInSeconds": "{n}"}}
}}"#
    );
    // YAML: double-quoted escapes, and raw characters in comments and plain scalars.
    let yaml_text = format!(
        "TrainingJobName: \"bad{n}name\"\nRoleArn: arn:aws:iam::123456789012:role/R # \u{1b}[2J comment\n\"Unknown{n}Key\": 1\nHyperParameters:\n  \"k{n}\": 1\nTags:\n  - {{Key: \"aws:{n}\", Value: x}}\n"
    );
    let raw_yaml = format!("TrainingJobName: bad{NASTY}name\nRoleArn: x{NASTY}\n");
    let file_name = format!("job{}.yaml", "\u{1b}[2J\u{7}");
    write(dir.path(), "job.json", &json_text);
    write(dir.path(), "job.yaml", &yaml_text);
    write(dir.path(), "raw.yaml", &raw_yaml);
    write(dir.path(), &file_name, &yaml_text);
    for format in FORMATS {
        let colored = format.contains(&"always");
        let mut args: Vec<&str> = vec!["check"];
        args.extend_from_slice(format);
        args.extend(["job.json", "job.yaml", "raw.yaml", file_name.as_str()]);
        let o = Run::new(dir.path(), &args).output();
        assert_clean_exit(&o, 1);
        let (out, err) = text(&o);
        assert_no_raw_control(&format!("{format:?}"), &out, colored);
        assert_no_raw_control(&format!("{format:?} stderr"), &err, false);
        // The same through a directory walk, and a walk error naming such a file.
        let mut args: Vec<&str> = vec!["check"];
        args.extend_from_slice(format);
        args.push(".");
        let o = Run::new(dir.path(), &args).output();
        let (out, err) = text(&o);
        assert_no_raw_control(&format!("walk {format:?}"), &out, colored);
        assert_no_raw_control(&format!("walk {format:?} stderr"), &err, false);
    }
    // Usage errors and unknown rules quote their arguments.
    for args in [
        vec!["check", "--format", NASTY],
        vec!["explain", NASTY],
        vec!["check", "--fail-on", NASTY],
    ] {
        let o = Run::new(dir.path(), &args).output();
        assert_eq!(o.status.code(), Some(2));
        assert_no_raw_control(&format!("{args:?}"), &text(&o).1, false);
    }
    // An unreadable file whose name holds escapes.
    let o = Run::new(dir.path(), &["check", &format!("missing{NASTY}.json")]).output();
    assert_eq!(o.status.code(), Some(2));
    assert_no_raw_control("missing file", &text(&o).1, false);
}

#[test]
fn nul_bytes_and_binary_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "nul.yaml", format!("{REQUEST_YAML}x: a\0b\n"));
    write(
        dir.path(),
        "image.json",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xd8",
    );
    write(dir.path(), "utf16.json", b"\xff\xfe{\0}\0");
    write(dir.path(), "job.yaml", REQUEST_YAML);
    for (file, says) in [
        ("nul.yaml", "binary file"),
        ("image.json", "binary file"),
        ("utf16.json", "UTF-16"),
    ] {
        let o = Run::new(dir.path(), &["check", "--format", "json", file, "job.yaml"]).output();
        assert_clean_exit(&o, 2);
        let (_, err) = text(&o);
        assert!(err.contains(file) && err.contains(says), "{file}: {err}");
        assert_no_raw_control(file, &err, false);
        assert_eq!(json(&o)["summary"]["files"], 1, "{file}: the other file");
    }
    // In a walk too: named, the others still checked, exit status 2.
    let o = Run::new(dir.path(), &["check", "--format", "json", "."]).output();
    assert_clean_exit(&o, 2);
    let (_, err) = text(&o);
    assert!(
        err.contains("image.json") && err.contains("nul.yaml"),
        "{err}"
    );
    assert_eq!(json(&o)["summary"]["files"], 1);
}

#[test]
fn a_megabyte_on_one_line_is_checked_quickly_and_shown_in_part() {
    let dir = tempfile::tempdir().unwrap();
    // A megabyte value first, then 5,000 wrong hyperparameters each a megabyte into the line:
    // positions counted from the line's start for each would take minutes.
    let hyperparameters: Vec<String> = (0..5_000).map(|i| format!("\"k{i}\":{i}")).collect();
    let one_line = format!(
        "{{\"TrainingJobName\":\"x\",\"RoleArn\":\"arn:aws:iam::123456789012:role/R\",\"Environment\":{{\"V\":\"{}\"}},\"HyperParameters\":{{{}}}}}",
        "vé".repeat(350_000),
        hyperparameters.join(",")
    );
    assert!(one_line.len() > 1_000_000 && !one_line.contains('\n'));
    write(dir.path(), "line.json", &one_line);
    std::thread::scope(|scope| {
        for format in FORMATS {
            let dir = dir.path();
            scope.spawn(move || {
                let mut args: Vec<&str> = vec!["check"];
                args.extend_from_slice(format);
                args.push("line.json");
                let start = Instant::now();
                let o = Run::new(dir, &args).output();
                assert_clean_exit(&o, 1);
                assert!(
                    start.elapsed() < Duration::from_secs(20),
                    "{format:?} {:?}",
                    start.elapsed()
                );
                if format[1] == "human" {
                    // Each report shows a window of the line, not the megabyte.
                    let (out, _) = text(&o);
                    let reports = out.matches("SL102(invalid-type)").count();
                    assert!(reports >= 5_000, "{reports}");
                    assert!(out.len() < 2_000 * (reports + 10), "{} bytes", out.len());
                }
            });
        }
    });
}

#[test]
fn large_lists_and_maps_are_checked() {
    large_lists_and_maps(2_000, Duration::from_secs(30));
}

/// The same at a size where quadratic time shows (minutes): in release builds only, as
/// `cargo test --release --test hostile -- --ignored`.
#[test]
#[ignore = "slow in debug builds: run with --release -- --ignored"]
fn large_lists_and_maps_are_checked_in_linear_time() {
    if cfg!(debug_assertions) {
        eprintln!("SKIPPED: a timing test for release builds (cargo test --release)");
        return;
    }
    large_lists_and_maps(50_000, Duration::from_secs(20));
}

/// Each of these took quadratic time (minutes at a few megabytes): unknown keys each looking
/// for their home in the whole document, duplicates found by scanning the names before,
/// instance groups looked up per channel, every secret searched in every message, YAML
/// suppression comments matched against every diagnostic and string.
fn large_lists_and_maps(n: usize, limit: Duration) {
    let dir = tempfile::tempdir().unwrap();
    let items = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    let json_text = format!(
        "{{\"TrainingJobName\":\"x\",\"RoleArn\":\"arn:aws:iam::123456789012:role/R\",{},\
         \"AlgorithmSpecification\":{{\"TrainingImage\":\"i:1\",\"TrainingInputMode\":\"File\",\"MetricDefinitions\":[{}]}},\
         \"Tags\":[{}],\"Environment\":{{{}}},\"DebugRuleConfigurations\":[{}],\
         \"ResourceConfig\":{{\"InstanceGroups\":[{}]}},\"InputDataConfig\":[{}]}}",
        items(&|i| format!("\"Unknown{i}\":1")),
        items(&|i| format!("{{\"Name\":\"m{i}\",\"Regex\":\"l{i}=(.*)\"}}")),
        items(&|i| format!("{{\"Key\":\"k{}\",\"Value\":\"v\"}}", i / 2)),
        items(&|i| format!("\"TOKEN_{i}\":\"Zx9{i:030}Qw\"")),
        items(&|i| format!("{{\"RuleConfigurationName\":\"r{}\",\"RuleEvaluatorImage\":\"x\"}}", i / 2)),
        items(&|i| format!("{{\"InstanceGroupName\":\"g{i}\",\"InstanceType\":\"ml.m5.xlarge\",\"InstanceCount\":1}}")),
        items(&|i| format!("{{\"ChannelName\":\"c{i}\",\"DataSource\":{{\"S3DataSource\":{{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://b/x\",\"S3DataDistributionType\":\"ShardedByS3Key\",\"InstanceGroupNames\":[\"g{i}\",\"h{i}\"]}}}}}}")),
    );
    write(dir.path(), "big.json", &json_text);
    let mut yaml = String::from(REQUEST_YAML);
    yaml.push_str("HyperParameters:\n");
    for i in 0..n {
        yaml.push_str(&format!(
            "  k{i}: 'v # {i}' # sagelint: ignore[SL102]\n  n{i}: {i}\n"
        ));
    }
    write(dir.path(), "big.yaml", &yaml);
    for file in ["big.json", "big.yaml"] {
        let start = Instant::now();
        let args = [
            "check",
            "--max-file-size",
            "64MiB",
            "--format",
            "concise",
            file,
        ];
        let o = Run::new(dir.path(), &args).output();
        assert_clean_exit(&o, 1);
        assert!(start.elapsed() < limit, "{file}: {:?}", start.elapsed());
    }
}

#[test]
fn degenerate_documents_get_one_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        ("empty.json", "", "SL001"),
        ("empty.yaml", "", "SL001"),
        ("blank.yaml", "  \n\n", "SL001"),
        ("comment.yaml", "# nothing\n", "SL001"),
        ("null.json", "null", "SL003"),
        ("null.yaml", "null\n", "SL003"),
        ("tilde.yaml", "~\n", "SL003"),
        ("scalar.json", "42", "SL003"),
        ("string.json", "\"TrainingJobName\"", "SL003"),
        ("scalar.yaml", "just some words\n", "SL003"),
        ("list.json", "[]", "SL003"),
        ("list.yaml", "- a\n", "SL003"),
        ("separator.yaml", "---\n", "SL003"),
        ("bom.json", "\u{feff}", "SL001"),
        ("object.json", "{}", "SL005"),
    ];
    for (name, content, _) in cases {
        write(dir.path(), name, content);
    }
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(&names);
    let o = Run::new(dir.path(), &args).output();
    assert_clean_exit(&o, 1);
    let v = json(&o);
    for (name, _, rule) in cases {
        let found: Vec<&str> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["file"] == *name)
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(found, [*rule], "{name}");
    }
    for format in FORMATS {
        let mut args: Vec<&str> = vec!["check"];
        args.extend_from_slice(format);
        args.extend(&names);
        assert_clean_exit(&Run::new(dir.path(), &args).output(), 1);
    }
}

// ---------------------------------------------------------------------------------------------
// The file system

#[cfg(unix)]
fn nobody_can_run_the_binary() -> bool {
    // The binary and its directories must be reachable for uid 65534.
    let o = Run {
        args: vec![OsStr::new("--version")],
        dir: Path::new("/"),
        env: Vec::new(),
        stdin: None,
        uid: Some(65534),
    }
    .try_output();
    matches!(o, Ok(o) if o.status.success())
}

#[cfg(unix)]
#[test]
fn permission_denied_files_and_directories() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    write(dir.path(), "job.yaml", REQUEST_YAML);
    let secret = write(dir.path(), "locked.yaml", REQUEST_YAML);
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let sub = dir.path().join("private");
    std::fs::create_dir(&sub).unwrap();
    write(&sub, "inner.yaml", REQUEST_YAML);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();

    // Root reads everything: run sagelint as `nobody`, for whom the modes hold. When that is not
    // possible (not root, and the files are ours), the modes hold for us anyway.
    let is_root = std::fs::read(&secret).is_ok();
    let uid = if is_root {
        if !nobody_can_run_the_binary() {
            eprintln!(
                "SKIPPED permission_denied_files_and_directories: running as root and the \
                 binary is not reachable as uid 65534, so no file can be unreadable"
            );
            return;
        }
        Some(65534)
    } else {
        None
    };
    let run = |args: &[&str]| {
        let mut r = Run::new(dir.path(), args);
        r.uid = uid;
        r.output()
    };
    let o = run(&["check", "--format", "json", "locked.yaml", "job.yaml"]);
    assert_clean_exit(&o, 2);
    let (_, err) = text(&o);
    assert!(
        err.contains("cannot read locked.yaml: Permission denied"),
        "{err}"
    );
    assert_eq!(json(&o)["summary"]["files"], 1);

    let o = run(&["check", "--format", "json", "."]);
    assert_clean_exit(&o, 2);
    let (_, err) = text(&o);
    assert!(
        err.contains("locked.yaml") && err.contains("private"),
        "{err}"
    );
    assert_eq!(json(&o)["summary"]["files"], 1, "job.yaml is still checked");

    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_links_to_specs_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("specs/nested")).unwrap();
    write(&root.join("specs"), "job.yaml", REQUEST_YAML);
    std::os::unix::fs::symlink("..", root.join("specs/nested/up")).unwrap();
    std::os::unix::fs::symlink(".", root.join("specs/self")).unwrap();
    std::os::unix::fs::symlink("job.yaml", root.join("specs/alias.yaml")).unwrap();
    std::os::unix::fs::symlink("loop.json", root.join("specs/loop.json")).unwrap();
    std::os::unix::fs::symlink("nowhere", root.join("specs/dangling.yaml")).unwrap();
    std::os::unix::fs::symlink("nowhere", root.join("specs/README")).unwrap();
    let o = Run::new(root, &["check", "--format", "json", "specs"]).output();
    assert_clean_exit(&o, 2);
    let (_, err) = text(&o);
    for want in [
        "specs/nested/up: symbolic link loop",
        "specs/self: symbolic link loop",
        "specs/loop.json:",
        "specs/dangling.yaml: a symbolic link to nothing",
    ] {
        assert!(err.contains(want), "{want}: {err}");
    }
    assert!(
        !err.contains("README"),
        "an irrelevant dangling link: {err}"
    );
    let v = json(&o);
    let files: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(files.is_empty(), "{files:?}");
    assert_eq!(v["summary"]["files"], 2, "job.yaml and the link to it");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_skipped_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "job.yaml", REQUEST_YAML);
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.json"))
        .status();
    if !matches!(made, Ok(s) if s.success()) {
        eprintln!("SKIPPED fifos_and_devices_are_skipped_and_never_opened: no mkfifo");
        return;
    }
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
    // A walk skips them quietly: not regular files, so not specs.
    let o = Run::new(dir.path(), &["check", "--format", "json", "."]).output();
    assert_clean_exit(&o, 0);
    assert_eq!(json(&o)["summary"]["files"], 1);
    assert_eq!(text(&o).1, "");
    // Named explicitly, they are refused without being opened: no hang (a FIFO without a
    // writer blocks the reader forever), no endless read of /dev/zero.
    for (name, what) in [
        ("pipe.json", "a FIFO"),
        ("zero.yaml", "a character device"),
        ("/dev/null", "a character device"),
    ] {
        let o = Run::new(dir.path(), &["check", "--format", "json", name, "job.yaml"]).output();
        assert_clean_exit(&o, 2);
        let (_, err) = text(&o);
        assert!(
            err.contains(&format!("{name}: not a regular file ({what})")),
            "{err}"
        );
        assert_eq!(json(&o)["summary"]["files"], 1);
    }
}

#[cfg(debug_assertions)]
#[test]
fn a_file_that_vanishes_between_the_walk_and_the_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", REQUEST_YAML);
    write(dir.path(), "b.yaml", REQUEST_YAML);
    // Debug builds only: deletes a.yaml after the walk has listed it, before it is read.
    let o = Run::new(dir.path(), &["check", "--format", "json", "."])
        .env("SAGELINT_DEBUG_FAULT", "vanish:a.yaml")
        .output();
    assert_clean_exit(&o, 2);
    let (_, err) = text(&o);
    assert!(
        err.contains("cannot read a.yaml: No such file or directory"),
        "{err}"
    );
    assert_eq!(json(&o)["summary"]["files"], 1);
    assert!(!dir.path().join("a.yaml").exists());
}

#[cfg(unix)]
#[test]
fn paths_with_spaces_and_names_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let spaced = dir.path().join("my specs");
    std::fs::create_dir(&spaced).unwrap();
    let bad = REQUEST_YAML.replace("InstanceCount: 1", "InstanceCount: 0");
    write(&spaced, "job one.yaml", &bad);
    let latin1 = OsStr::from_bytes(b"caf\xe9.yaml");
    std::fs::write(spaced.join(latin1), &bad).unwrap();
    for format in FORMATS {
        let mut args: Vec<&str> = vec!["check"];
        args.extend_from_slice(format);
        args.push("my specs");
        let o = Run::new(dir.path(), &args).output();
        assert_clean_exit(&o, 1);
        let (out, _) = text(&o);
        let label = format!("{format:?}");
        match format[1] {
            "json" => {
                let files: Vec<String> = json(&o)["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d["file"].as_str().unwrap().to_string())
                    .collect();
                assert!(
                    files.contains(&"my specs/job one.yaml".to_string()),
                    "{files:?}"
                );
                assert!(
                    files.contains(&"my specs/caf\u{fffd}.yaml".to_string()),
                    "{files:?}"
                );
            }
            "sarif" => {
                assert!(out.contains("my%20specs/job%20one.yaml"), "{label}");
                assert!(out.contains("my%20specs/caf%EF%BF%BD.yaml"), "{label}");
            }
            "github" => {
                assert!(out.contains("file=my specs/job one.yaml,"), "{label}");
                assert!(out.contains("file=my specs/caf\u{fffd}.yaml,"), "{label}");
            }
            _ => {
                assert!(out.contains("my specs/job one.yaml"), "{label}");
                assert!(out.contains("my specs/caf\u{fffd}.yaml"), "{label}");
            }
        }
    }
    // Named explicitly, too.
    let mut path = std::ffi::OsString::from("my specs/");
    path.push(latin1);
    let o = Run::new(dir.path(), &[OsStr::new("check"), path.as_os_str()]).output();
    assert_clean_exit(&o, 1);
}

// ---------------------------------------------------------------------------------------------
// Internal errors

#[cfg(debug_assertions)]
#[test]
fn an_internal_error_is_reported_for_its_file_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", REQUEST_YAML);
    let bad = REQUEST_YAML.replace("InstanceCount: 1", "InstanceCount: 0");
    write(dir.path(), "b.yaml", &bad);
    // Debug builds only: panics while checking a.yaml.
    for args in [
        vec!["check", "--format", "json", "a.yaml", "b.yaml"],
        vec!["check", "--format", "json", "."],
    ] {
        let o = Run::new(dir.path(), &args)
            .env("SAGELINT_DEBUG_FAULT", "panic:a.yaml")
            .output();
        assert_eq!(o.status.code(), Some(3), "{args:?}: {o:?}");
        let (_, err) = text(&o);
        assert!(
            err.contains("sagelint: internal error while checking a.yaml:")
                && err.contains("this is a bug in sagelint")
                && err.contains("Please report it"),
            "{err}"
        );
        assert!(
            !err.contains("panicked at") && !err.contains("RUST_BACKTRACE"),
            "{err}"
        );
        assert!(err.lines().count() <= 3, "a short report: {err}");
        let v = json(&o);
        assert_eq!(v["summary"]["files"], 1, "b.yaml is still checked");
        assert_eq!(v["diagnostics"][0]["file"], "b.yaml");
    }
    // The human summary says so.
    let o = Run::new(dir.path(), &["check", "a.yaml", "b.yaml"])
        .env("SAGELINT_DEBUG_FAULT", "panic:a.yaml")
        .output();
    assert_eq!(o.status.code(), Some(3));
    assert!(text(&o)
        .0
        .contains("1 file could not be checked: internal error"));
}

#[test]
fn exit_statuses_are_documented_in_help() {
    let o = Run::new(Path::new("."), &["check", "--help"]).output();
    let (out, _) = text(&o);
    for line in [
        "0  no diagnostic",
        "1  at least one diagnostic",
        "2  usage error",
        "3  internal error",
    ] {
        assert!(out.contains(line), "{line}: {out}");
    }
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    assert!(
        readme.contains("| 3 | internal error"),
        "README exit status table"
    );
    assert!(readme.contains("## Safety"), "README Safety section");
}
