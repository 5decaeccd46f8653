//! A minimal LSP client for the tests: the server in-process on a memory connection, driven
//! with raw JSON messages.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};

pub struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<sagelint::lsp::Ending>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    pending: VecDeque<Notification>,
}

const TIMEOUT: Duration = Duration::from_secs(30);

impl Client {
    /// Start a server and initialize it (UTF-16 positions unless `encodings` says otherwise).
    pub fn start(encodings: &[&str]) -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || sagelint::lsp::serve(server));
        let mut c = Client {
            conn: client,
            server: Some(handle),
            next_id: 0,
            pending: VecDeque::new(),
        };
        let result = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": {"general": {"positionEncodings": encodings}},
            }),
        );
        assert!(
            result["capabilities"]["textDocumentSync"].is_object(),
            "{result}"
        );
        c.notify("initialized", json!({}));
        c
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.to_string(), params).into())
            .expect("server alive");
    }

    /// Send a request and wait for its response (its result; panics on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        match self.try_request(method, params) {
            Ok(v) => v,
            Err(e) => panic!("{method} failed: {e}"),
        }
    }

    pub fn try_request(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.to_string(), params).into())
            .expect("server alive");
        loop {
            match self.conn.receiver.recv_timeout(TIMEOUT) {
                Ok(Message::Response(r)) if r.id == id => {
                    return r
                        .response_result
                        .map_err(|e| format!("{} {}", e.code, e.message));
                }
                Ok(Message::Notification(n)) => self.pending.push_back(n),
                Ok(_) => {}
                Err(e) => panic!("no response to {method}: {e}"),
            }
        }
    }

    fn next_notification(&mut self) -> Notification {
        if let Some(n) = self.pending.pop_front() {
            return n;
        }
        loop {
            match self.conn.receiver.recv_timeout(TIMEOUT) {
                Ok(Message::Notification(n)) => return n,
                Ok(_) => {}
                Err(e) => panic!("no notification: {e}"),
            }
        }
    }

    /// The next `publishDiagnostics` for `uri` (of `version`, when given), skipping others.
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        loop {
            let n = self.next_notification();
            if n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
                && version.is_none_or(|v| n.params["version"] == v)
            {
                return n.params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }

    pub fn open(&mut self, uri: &str, language: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.diagnostics(uri, Some(1))
    }

    pub fn change_full(&mut self, uri: &str, version: i64, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"text": text}]}),
        );
        self.diagnostics(uri, Some(version))
    }

    /// Shut down and exit; returns how the server saw the ending.
    pub fn stop(mut self) -> sagelint::lsp::Ending {
        let r = self.request("shutdown", Value::Null);
        assert!(r.is_null());
        self.notify("exit", Value::Null);
        self.server
            .take()
            .expect("running")
            .join()
            .expect("server thread")
    }
}

/// A `file:` URI for a path (percent-encoding what needs it).
pub fn file_uri(path: &std::path::Path) -> String {
    let abs = std::path::absolute(path).expect("absolute path");
    let mut out = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The UTF-16 column of the `column`-th character (1-based, as the CLI counts) of `line_text`.
pub fn utf16_column(line_text: &str, column: usize) -> usize {
    line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf16)
        .sum()
}

/// The lines of a text as the LSP counts them (`\n`, `\r\n` or `\r` end a line).
pub fn lsp_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

/// The byte offset of an LSP position (UTF-16 columns) in a text.
pub fn offset_of(text: &str, line: usize, character: usize) -> usize {
    let lines = lsp_lines(text);
    let mut offset = 0;
    for l in lines.iter().take(line) {
        offset += l.len();
        // Skip the terminator.
        let rest = &text[offset..];
        offset += if rest.starts_with("\r\n") {
            2
        } else {
            usize::from(!rest.is_empty())
        };
    }
    let mut units = 0;
    for (i, c) in lines.get(line).copied().unwrap_or_default().char_indices() {
        if units >= character {
            return offset + i;
        }
        units += c.len_utf16();
    }
    offset + lines.get(line).map_or(0, |l| l.len())
}

/// Apply LSP text edits (UTF-16 ranges) to a text.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r = &e["range"];
            let at = |p: &Value| {
                offset_of(
                    text,
                    p["line"].as_u64().expect("line") as usize,
                    p["character"].as_u64().expect("character") as usize,
                )
            };
            (
                at(&r["start"]),
                at(&r["end"]),
                e["newText"].as_str().expect("newText").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}
