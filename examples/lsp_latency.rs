//! How long from a change to its published diagnostics, for a 500-line spec, through the real
//! server over stdio (JSON-RPC framing included).
//!
//! ```sh
//! cargo build --release && cargo run --release --example lsp_latency [-- path/to/sagelint [rounds]]
//! ```
//!
//! For each format (YAML, JSON) it opens a generated 500-line request with a few findings, then
//! sends `rounds` incremental changes one at a time (a character of a hyperparameter value,
//! typed and deleted), timing each from the write of `didChange` to the read of the
//! `publishDiagnostics` for that version; then a burst of 20 changes sent at once (debounced:
//! how many checks it cost and how long until the last version's diagnostics). It also times
//! the check alone, in process, for comparison.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic

use std::io::{BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};

fn spec(lines: usize, format: sagelint::Format) -> String {
    let head = [
        "TrainingJobName: churn-2025-01",
        "RoleArn: arn:aws:iam::123456789012:role/SageMakerRole",
        "AlgorithmSpecification:",
        "  TrainingImage: 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "  TrainingInputMode: Fiel",
        "OutputDataConfig:",
        "  S3OutputPath: s3://my-bucket/out/",
        "ResourceConfig:",
        "  InstanceType: ml.p4d.24xlarge",
        "  InstanceCount: 1",
        "  VolumeKmsKeyId: alias/training",
        "StoppingCondition:",
        "  MaxRuntimeInSeconds: 3600",
        "Environment:",
    ];
    // Environment (at most 100), then hyperparameters to fill the lines.
    let mut out: Vec<String> = head.iter().map(|s| s.to_string()).collect();
    for i in 0..90 {
        out.push(format!("  VAR_{i:03}: \"value {i}\""));
    }
    out.push("HyperParameters:".into());
    let mut i = 0;
    while out.len() < lines {
        out.push(format!("  feature_weight_{i:03}: \"0.{i:03}\""));
        i += 1;
    }
    let yaml = out.join("\n") + "\n";
    match format {
        sagelint::Format::Yaml => yaml,
        sagelint::Format::Json => {
            let source = sagelint::SourceFile::new("s.yaml", yaml, sagelint::Format::Yaml);
            let root = sagelint::parse::parse(&source).root.unwrap();
            // One member per line, as a formatter writes it.
            serde_json::to_string_pretty(&root.to_json()).unwrap() + "\n"
        }
    }
}

struct Server {
    child: std::process::Child,
    out: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn send(&mut self, m: Message) {
        let stdin = self.child.stdin.as_mut().unwrap();
        m.write(stdin).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Notification::new(method.into(), params).into());
    }

    /// Read until the diagnostics of `version`; returns how many publishes were read.
    fn diagnostics(&mut self, version: i64) -> (usize, Vec<Value>) {
        let mut publishes = 0;
        loop {
            match Message::read(&mut self.out).unwrap().unwrap() {
                Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                    publishes += 1;
                    if n.params["version"] == version {
                        let d = n.params["diagnostics"].as_array().unwrap().clone();
                        return (publishes, d);
                    }
                }
                _ => {}
            }
        }
    }
}

fn stats(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    format!(
        "median {:.2} ms, p95 {:.2} ms, min {:.2} ms, max {:.2} ms ({} changes)",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(samples[0]),
        ms(samples[samples.len() - 1]),
        samples.len()
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let binary = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/sagelint").into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(200);
    println!("server: {binary}");

    for (format, ext, language) in [
        (sagelint::Format::Yaml, "yaml", "yaml"),
        (sagelint::Format::Json, "json", "json"),
    ] {
        // 500 lines in either format (JSON closes its objects on lines of their own).
        let text = (400..=500)
            .rev()
            .map(|n| spec(n, format))
            .find(|t| t.lines().count() <= 500)
            .unwrap();
        let lines = text.lines().count();

        // The check alone, in process.
        let source = sagelint::SourceFile::new(format!("bench.{ext}"), text.clone(), format);
        let mut alone = Vec::new();
        for _ in 0..50 {
            let t = Instant::now();
            std::hint::black_box(sagelint::check(&source));
            alone.push(t.elapsed());
        }

        let mut child = Command::new(&binary)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{binary}: {e} (build it with `cargo build --release`)"));
        let out = BufReader::new(child.stdout.take().unwrap());
        let mut s = Server { child, out };
        s.send(
            Request::new(
                RequestId::from(1),
                "initialize".into(),
                json!({"processId": null, "rootUri": null, "capabilities": {}}),
            )
            .into(),
        );
        loop {
            if let Message::Response(_) = Message::read(&mut s.out).unwrap().unwrap() {
                break;
            }
        }
        s.notify("initialized", json!({}));
        let uri = format!("untitled:bench.{ext}");
        s.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        let (_, first) = s.diagnostics(1);

        // Where to type: the first character of the last hyperparameter's value.
        let (line, character) = text
            .lines()
            .enumerate()
            .filter_map(|(i, l)| l.find("\"0.").map(|c| (i, c + 1)))
            .last()
            .unwrap();
        let mut version = 1;
        let mut change = |s: &mut Server, insert: bool| {
            version += 1;
            let end = if insert { character } else { character + 1 };
            s.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{
                    "range": {"start": {"line": line, "character": character},
                              "end": {"line": line, "character": end}},
                    "text": if insert { "9" } else { "" }}]}),
            );
            version
        };
        let mut samples = Vec::new();
        for i in 0..rounds {
            let t = Instant::now();
            let v = change(&mut s, i % 2 == 0);
            let (_, d) = s.diagnostics(v);
            samples.push(t.elapsed());
            assert_eq!(d.len(), first.len());
        }

        // A burst of 20 keystrokes written at once.
        let t = Instant::now();
        let mut last = 0;
        for i in 0..20 {
            last = change(&mut s, i % 2 == 0);
        }
        let (publishes, _) = s.diagnostics(last);
        let burst = t.elapsed();

        s.send(Request::new(RequestId::from(2), "shutdown".into(), Value::Null).into());
        s.notify("exit", Value::Null);
        let status = s.child.wait().unwrap();

        println!("{language}: {lines} lines, {} diagnostics", first.len());
        println!("  check alone (in process):   {}", stats(alone));
        println!("  change -> diagnostics:      {}", stats(samples));
        println!(
            "  burst of 20 changes:        {:.2} ms to the last version's diagnostics, {} checks published",
            burst.as_secs_f64() * 1000.0,
            publishes
        );
        assert!(status.success());
    }
}
