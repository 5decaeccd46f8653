//! The language server gives the CLI's findings: on every invalid fixture, the diagnostics it
//! publishes are those of `sagelint check --format json` (same rules, severities, messages and
//! positions, converted from 1-based character columns to 0-based UTF-16 ones); its quick fixes
//! resolve what they fix; it survives broken and malformed input; shutdown and exit follow the
//! protocol. The end-to-end test with a real client is `tests/lsp_client.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;
#[path = "common/lsp.rs"]
mod lsp_client;

use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use lsp_client::{apply_edits, file_uri, lsp_lines, utf16_column, Client};
use serde_json::{json, Value};

fn invalid_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join("testdata/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| sagelint::Format::from_path(p).is_some())
        .collect();
    files.sort();
    files
}

fn language(path: &Path) -> &'static str {
    match sagelint::Format::from_path(path) {
        Some(sagelint::Format::Json) => "json",
        _ => "yaml",
    }
}

/// `sagelint check --format json` on one file: its diagnostics.
fn cli_json(path: &Path) -> Vec<Value> {
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--format", "json", "--exit-zero"])
        .arg(path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v["diagnostics"].as_array().unwrap().clone()
}

/// A CLI diagnostic as the LSP one it should be: (code, severity, message, range).
fn expected(d: &Value, text: &str, bom_sent: bool) -> (String, i64, String, [usize; 4]) {
    let lines = lsp_lines(text);
    let pos = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let column = p["column"].as_u64().unwrap() as usize;
        let line_text = lines[line - 1];
        // The CLI does not count a byte order mark; an editor that sends it does.
        let (bom, rest) = match line_text.strip_prefix('\u{feff}') {
            Some(rest) if line == 1 => (usize::from(bom_sent), rest),
            _ => (0, line_text),
        };
        (line - 1, bom + utf16_column(rest, column))
    };
    let (sl, sc) = pos(&d["span"]["start"]);
    let (el, ec) = pos(&d["span"]["end"]);
    let severity = match d["severity"].as_str().unwrap() {
        "error" => 1,
        "warning" => 2,
        _ => 3,
    };
    let message = match d["help"].as_str() {
        Some(help) => format!("{}\nhelp: {help}", d["message"].as_str().unwrap()),
        None => d["message"].as_str().unwrap().to_string(),
    };
    (
        d["rule"].as_str().unwrap().to_string(),
        severity,
        message,
        [sl, sc, el, ec],
    )
}

fn actual(d: &Value) -> (String, i64, String, [usize; 4]) {
    let n = |v: &Value| v.as_u64().unwrap() as usize;
    let r = &d["range"];
    (
        d["code"].as_str().unwrap().to_string(),
        d["severity"].as_i64().unwrap(),
        d["message"].as_str().unwrap().to_string(),
        [
            n(&r["start"]["line"]),
            n(&r["start"]["character"]),
            n(&r["end"]["line"]),
            n(&r["end"]["character"]),
        ],
    )
}

#[test]
fn diagnostics_match_the_cli_json_on_every_invalid_fixture() {
    let mut client = Client::start(&["utf-16"]);
    let mut compared = 0;
    let mut failures = Vec::new();
    for path in invalid_fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let cli = cli_json(&path);
        assert!(!cli.is_empty(), "{} raises nothing", path.display());
        // As the file is (BOM included), and as editors send it (BOM stripped).
        let mut variants = vec![(text.clone(), true)];
        if let Some(stripped) = text.strip_prefix('\u{feff}') {
            variants.push((stripped.to_string(), false));
        }
        for (sent, bom_sent) in variants {
            let uri = file_uri(&path);
            let lsp = client.open(&uri, language(&path), &sent);
            let want: Vec<_> = cli.iter().map(|d| expected(d, &text, bom_sent)).collect();
            let got: Vec<_> = lsp.iter().map(actual).collect();
            if want != got {
                failures.push(format!(
                    "{} (BOM sent: {bom_sent}):\n  cli: {want:#?}\n  lsp: {got:#?}",
                    path.display()
                ));
            }
            for d in &lsp {
                assert_eq!(d["source"], "sagelint");
                let code = d["code"].as_str().unwrap();
                assert!(sagelint::rules::find(code).is_some(), "{code}");
            }
            client.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
            assert!(client.diagnostics(&uri, None).is_empty());
            compared += 1;
        }
    }
    assert!(compared >= 100, "only {compared} fixtures compared");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(client.stop(), sagelint::lsp::Ending::Clean);
}

#[test]
fn quick_fixes_resolve_their_findings_on_every_fixture() {
    let mut client = Client::start(&["utf-16"]);
    let mut fixed = std::collections::BTreeMap::<String, usize>::new();
    for path in invalid_fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let uri = file_uri(&path);
        let diagnostics = client.open(&uri, language(&path), &text);
        let mut version = 1;
        for d in &diagnostics {
            let actions = client.request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": d["range"],
                       "context": {"diagnostics": [d]}}),
            );
            for action in actions.as_array().cloned().unwrap_or_default() {
                let fixes = &action["diagnostics"][0];
                if fixes["range"] != d["range"] || fixes["code"] != d["code"] {
                    continue;
                }
                assert_eq!(action["kind"], "quickfix");
                let edits = action["edit"]["changes"][&uri].as_array().unwrap();
                let new_text = apply_edits(&text, edits);
                version += 1;
                let after = client.change_full(&uri, version, &new_text);
                let code = d["code"].as_str().unwrap();
                let pointer = &d["data"]["pointer"];
                assert!(
                    !after
                        .iter()
                        .any(|a| a["code"] == code && &a["data"]["pointer"] == pointer),
                    "{}: `{}` did not resolve {code} at {pointer}:\n{new_text}",
                    path.display(),
                    action["title"]
                );
                assert!(
                    !after.iter().any(|a| a["code"] == "SL001"),
                    "{}: `{}` broke the document:\n{new_text}",
                    path.display(),
                    action["title"]
                );
                *fixed.entry(code.to_string()).or_default() += 1;
                // Back to the original text for the next diagnostic.
                version += 1;
                client.change_full(&uri, version, &text);
            }
        }
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        client.diagnostics(&uri, None);
    }
    for code in ["SL100", "SL103", "SL302", "SL501", "SL508", "SL902"] {
        assert!(
            fixed.contains_key(code),
            "no quick fix for {code}: {fixed:?}"
        );
    }
    client.stop();
}

#[test]
fn documents_that_are_not_requests_get_nothing() {
    let mut client = Client::start(&[]);
    let uri = "file:///tmp/sagelint-lsp-test/package.json";
    assert!(client
        .open(uri, "json", "{\"name\": \"x\", \"version\": \"1.0.0\"}")
        .is_empty());
    // Not even a syntax error, unless the text names request members.
    assert!(client.change_full(uri, 2, "{\"name\": ").is_empty());
    let broken = client.change_full(uri, 3, "{\"TrainingJobName\": \"x\", \"RoleArn\": ");
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0]["code"], "SL001");
    let k8s = "file:///tmp/sagelint-lsp-test/job.yaml";
    assert!(client
        .open(
            k8s,
            "yaml",
            "apiVersion: sagemaker.aws/v1\nkind: TrainingJob\n"
        )
        .is_empty());
    client.stop();
}

#[test]
fn incremental_changes_and_utf8_positions() {
    // A client that negotiates UTF-8 gets byte columns; incremental edits use them too.
    let mut client = Client::start(&["utf-8", "utf-16"]);
    let uri = "untitled:job.yaml";
    let text =
        "TrainingJobName: \"é😀\"\nRoleArn: arn:aws:iam::123456789012:role/r\nTrainingJobNam3: x\n";
    let d = client.open(uri, "yaml", text);
    let sl100 = d.iter().find(|d| d["code"] == "SL100").unwrap();
    assert_eq!(sl100["range"]["start"], json!({"line": 2, "character": 0}));
    let sl104 = d.iter().find(|d| d["code"] == "SL104").unwrap();
    // `"é😀"` is 8 bytes, starting at byte 17.
    assert_eq!(
        sl104["range"],
        json!({"start": {"line": 0, "character": 17}, "end": {"line": 0, "character": 25}})
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 18}, "end": {"line": 0, "character": 24}},
             "text": "job"},
            {"range": {"start": {"line": 2, "character": 14}, "end": {"line": 2, "character": 15}},
             "text": "e"},
        ]}),
    );
    let d = client.diagnostics(uri, Some(2));
    let codes: Vec<_> = d.iter().map(|d| d["code"].as_str().unwrap()).collect();
    // `TrainingJobName: "job"` is valid; `TrainingJobName` twice is a duplicate key now.
    assert!(!codes.contains(&"SL104"), "{codes:?}");
    assert!(!codes.contains(&"SL100"), "{codes:?}");
    assert!(codes.contains(&"SL002"), "{codes:?}");
    client.stop();
}

#[test]
fn hover_and_completion() {
    let mut client = Client::start(&[]);
    let uri = "untitled:job.yaml";
    let text = "TrainingJobName: x\nRoleArn: arn:aws:iam::123456789012:role/r\nResourceConfig:\n  InstanceType: ml.p4d.24xlarge\n  VolumeKmsKeyId: k\n";
    client.open(uri, "yaml", text);
    let h = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 4}}),
    );
    let value = h["contents"]["value"].as_str().unwrap();
    assert!(value.contains("**InstanceType**"), "{value}");
    assert!(value.contains("The ML compute instance type."), "{value}");
    assert!(value.contains("one of "), "{value}");
    assert_eq!(
        h["range"],
        json!({"start": {"line": 3, "character": 2}, "end": {"line": 3, "character": 14}})
    );
    // On a finding: its rule's documentation too.
    let h = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 3}}),
    );
    let value = h["contents"]["value"].as_str().unwrap();
    assert!(
        value.contains("**SL501** `volume-kms-on-local-storage`"),
        "{value}"
    );
    let c = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 0}}),
    );
    let labels: Vec<_> = c
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"AlgorithmSpecification"), "{labels:?}");
    assert!(!labels.contains(&"RoleArn"), "{labels:?}");
    client.stop();
}

/// The real binary over stdio, with raw frames.
struct Raw {
    child: std::process::Child,
    out: BufReader<std::process::ChildStdout>,
}

impl Raw {
    fn start() -> Raw {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sagelint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = BufReader::new(child.stdout.take().unwrap());
        Raw { child, out }
    }

    fn raw(&mut self, body: &str) {
        let stdin = self.child.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, v: Value) {
        self.raw(&v.to_string());
    }

    /// Read messages until one matches.
    fn until(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = lsp_server::Message::read(&mut self.out)
                .unwrap()
                .expect("server closed its output");
            let v = serde_json::to_value(&m).unwrap();
            if pred(&v) {
                return v;
            }
        }
    }
}

#[test]
fn stdio_server_survives_malformed_messages_and_broken_documents() {
    let mut s = Raw::start();
    s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
    let init = s.until(|v| v["id"] == 1);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    s.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    // Garbage: not JSON, not JSON-RPC, bad parameters, an unknown method.
    s.raw("{this is not json");
    s.raw("[1, 2, 3]");
    s.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"nope": 1}}));
    s.send(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": 5}));
    let bad = s.until(|v| v["id"] == 2);
    assert_eq!(bad["error"]["code"], -32602);
    s.send(json!({"jsonrpc": "2.0", "id": 3, "method": "sagelint/nothing", "params": {}}));
    assert_eq!(s.until(|v| v["id"] == 3)["error"]["code"], -32601);
    // A document broken mid-edit: the syntax error is reported, and the server keeps serving.
    let uri = "file:///tmp/sagelint-lsp-stdio/job.json";
    s.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "json", "version": 1,
        "text": "{\"TrainingJobName\": \"x\", \"RoleArn\": \"arn:aws:iam::123456789012:role/r\",\n \"ResourceConfig\": {\"InstanceType\": "}}}));
    let d = s
        .until(|v| v["method"] == "textDocument/publishDiagnostics" && v["params"]["version"] == 1);
    assert_eq!(d["params"]["diagnostics"][0]["code"], "SL001", "{d}");
    s.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 1, "character": 36}, "end": {"line": 1, "character": 36}},
                            "text": "\"ml.m5.xlarge\", \"InstanceCount\": 1}}"}]}}));
    let d = s
        .until(|v| v["method"] == "textDocument/publishDiagnostics" && v["params"]["version"] == 2);
    let codes: Vec<_> = d["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert!(!codes.contains(&"SL001".to_string()), "{codes:?}");
    assert!(codes.contains(&"SL101".to_string()), "{codes:?}");
    // Shutdown, then requests are refused, then exit: status 0.
    s.send(json!({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}));
    assert!(s.until(|v| v["id"] == 4)["result"].is_null());
    s.send(json!({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover",
                  "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}}));
    assert_eq!(s.until(|v| v["id"] == 5)["error"]["code"], -32600);
    s.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut s = Raw::start();
    s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
    s.until(|v| v["id"] == 1);
    s.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(s.child.wait().unwrap().code(), Some(1));
    // And a client that just goes away ends the server too.
    let mut s = Raw::start();
    drop(s.child.stdin.take());
    assert_eq!(s.child.wait().unwrap().code(), Some(1));
}
