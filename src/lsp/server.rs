//! The main loop: initialization, document synchronization, diagnostics, requests, shutdown.
//!
//! One thread handles every message in order. Checks are debounced by the queue: a change only
//! marks its document dirty, and dirty documents are checked and published once no message is
//! waiting, so a burst of keystrokes costs one check, on the latest text.

use std::collections::{BTreeSet, HashMap};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, Completion, HoverRequest, RegisterCapability, Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, InitializeResult, MessageType,
    PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};
use serde::de::DeserializeOwned;

use super::analysis::{self, Analysis, Configs, Options};
use super::convert::Encoding;
use super::document::{Document, Store};
use super::{actions, complete, hover};

/// How the session ended: `exit` after `shutdown` is a clean exit (status 0); `exit` without
/// it, or the client going away, is not (status 1), as the protocol says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Clean,
    Unclean,
}

struct Server {
    conn: Connection,
    docs: Store,
    analyses: HashMap<String, Analysis>,
    /// The request pointers of each document's last analysis that parsed (for completion).
    requests: HashMap<String, Vec<analysis::Served>>,
    /// Documents whose diagnostics must be (re)published once the queue is empty.
    dirty: BTreeSet<String>,
    configs: Configs,
    enc: Encoding,
    options: Options,
    shutdown: bool,
    next_request: i32,
}

/// Serve one client on a connection until `exit` (or until the client goes away).
pub fn serve(conn: Connection) -> Ending {
    let Some((id, params)) = wait_for_initialize(&conn) else {
        return Ending::Unclean;
    };
    let init: InitializeParams = serde_json::from_value(params.clone()).unwrap_or_else(|e| {
        eprintln!("sagelint lsp: initialize parameters not understood ({e}); using defaults");
        InitializeParams::default()
    });
    let enc = Encoding::negotiate(
        init.capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let options: Options = init
        .initialization_options
        .clone()
        .and_then(|o| serde_json::from_value(o).ok())
        .unwrap_or_default();
    let watch = init
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let result = InitializeResult {
        capabilities: capabilities(enc),
        server_info: Some(ServerInfo {
            name: "sagelint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let mut server = Server {
        conn,
        docs: Store::default(),
        analyses: HashMap::new(),
        requests: HashMap::new(),
        dirty: BTreeSet::new(),
        configs: Configs::new(options.config.clone()),
        enc,
        options,
        shutdown: false,
        next_request: 0,
    };
    server.respond(Response::new_ok(id, result));
    if watch {
        server.watch_config_files();
    }
    server.run()
}

fn capabilities(enc: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(enc.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into()]),
            ..CompletionOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

/// Wait for `initialize`: other requests get `ServerNotInitialized`, notifications are dropped;
/// `exit` (or the end of input) ends the session.
fn wait_for_initialize(conn: &Connection) -> Option<(RequestId, serde_json::Value)> {
    loop {
        match conn.receiver.recv().ok()? {
            Message::Request(req) if req.method == "initialize" => {
                return Some((req.id, req.params))
            }
            Message::Request(req) => {
                let _ = conn.sender.send(
                    Response::new_err(
                        req.id,
                        ErrorCode::ServerNotInitialized as i32,
                        "the server is not initialized yet".into(),
                    )
                    .into(),
                );
            }
            Message::Notification(n) if n.method == "exit" => return None,
            _ => {}
        }
    }
}

impl Server {
    fn run(&mut self) -> Ending {
        loop {
            let message = if self.dirty.is_empty() {
                match self.conn.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ending::Unclean,
                }
            } else {
                match self.conn.receiver.try_recv() {
                    Ok(m) => m,
                    Err(e) if e.is_empty() => {
                        self.publish_dirty();
                        continue;
                    }
                    Err(_) => return Ending::Unclean,
                }
            };
            match message {
                Message::Request(req) => self.request(req),
                Message::Notification(n) if n.method == "exit" => {
                    return if self.shutdown {
                        Ending::Clean
                    } else {
                        Ending::Unclean
                    };
                }
                // After `shutdown`, only `exit` counts.
                Message::Notification(_) if self.shutdown => {}
                Message::Notification(n) => self.notification(n),
                // Answers to our own requests (capability registration): nothing to do.
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        if self.conn.sender.send(message).is_err() {
            eprintln!("sagelint lsp: the client connection is closed");
        }
    }

    fn respond(&self, response: Response) {
        self.send(response.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params).into());
    }

    fn request(&mut self, req: Request) {
        if self.shutdown {
            return self.respond(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
        }
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(serde_json::Value::Null)
            }
            HoverRequest::METHOD => params::<lsp_types::HoverParams>(req).map(|p| self.hover(p)),
            CodeActionRequest::METHOD => {
                params::<lsp_types::CodeActionParams>(req).map(|p| self.code_action(p))
            }
            Completion::METHOD => {
                params::<lsp_types::CompletionParams>(req).map(|p| self.completion(p))
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("sagelint does not handle {other}"),
            )),
        };
        self.respond(match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let handled = match method.as_str() {
            DidOpenTextDocument::METHOD => {
                notification_params::<lsp_types::DidOpenTextDocumentParams>(n).map(|p| {
                    let d = p.text_document;
                    let uri = d.uri.as_str().to_string();
                    self.docs
                        .open(Document::new(d.uri, &d.language_id, d.version, d.text));
                    self.changed(uri);
                })
            }
            DidChangeTextDocument::METHOD => {
                notification_params::<lsp_types::DidChangeTextDocumentParams>(n).map(|p| {
                    let uri = p.text_document.uri.as_str().to_string();
                    match self.docs.get_mut(&uri) {
                        Some(doc) => {
                            doc.apply(p.content_changes, self.enc);
                            doc.version = p.text_document.version;
                            self.changed(uri);
                        }
                        None => eprintln!("sagelint lsp: change to a document not open: {}", uri),
                    }
                })
            }
            DidSaveTextDocument::METHOD => {
                notification_params::<lsp_types::DidSaveTextDocumentParams>(n).map(|p| {
                    let uri = p.text_document.uri;
                    let is_config = super::document::file_path(&uri)
                        .is_some_and(|p| analysis::is_config_file(&p));
                    if is_config {
                        self.config_changed();
                    } else if self.docs.get(uri.as_str()).is_some() {
                        self.changed(uri.as_str().to_string());
                    }
                })
            }
            DidCloseTextDocument::METHOD => {
                notification_params::<lsp_types::DidCloseTextDocumentParams>(n).map(|p| {
                    let uri = p.text_document.uri;
                    self.docs.close(uri.as_str());
                    self.analyses.remove(uri.as_str());
                    self.requests.remove(uri.as_str());
                    self.dirty.remove(uri.as_str());
                    self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                        uri,
                        diagnostics: Vec::new(),
                        version: None,
                    });
                })
            }
            DidChangeWatchedFiles::METHOD => {
                notification_params::<lsp_types::DidChangeWatchedFilesParams>(n).map(|p| {
                    let config = p.changes.iter().any(|c| {
                        super::document::file_path(&c.uri)
                            .is_some_and(|p| analysis::is_config_file(&p))
                    });
                    if config {
                        self.config_changed();
                    }
                })
            }
            // initialized, $/cancelRequest, $/setTrace, workspace/didChangeConfiguration, ...
            _ => Ok(()),
        };
        if let Err(e) = handled {
            eprintln!("sagelint lsp: ignoring {method}: {e}");
        }
    }

    /// A document's text changed: its analysis is stale and its diagnostics due.
    fn changed(&mut self, uri: String) {
        // Completion still needs to know where the requests were while the text is broken.
        if let Some(before) = self.analyses.remove(&uri).filter(|a| a.root.is_some()) {
            self.requests.insert(uri.clone(), before.requests);
        }
        self.dirty.insert(uri);
    }

    fn config_changed(&mut self) {
        self.configs.invalidate();
        for uri in self.docs.uris() {
            self.changed(uri);
        }
    }

    /// Check (if needed) and publish every dirty document.
    fn publish_dirty(&mut self) {
        let dirty = std::mem::take(&mut self.dirty);
        for uri in dirty {
            self.analyse(&uri);
            let (Some(doc), Some(analysis)) = (self.docs.get(&uri), self.analyses.get(&uri)) else {
                continue;
            };
            let diagnostics = analysis
                .diagnostics
                .iter()
                .map(|d| analysis::to_lsp(doc, d, self.enc, self.options.rules_url.as_deref()))
                .collect();
            self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri: doc.uri.clone(),
                diagnostics,
                version: Some(doc.version),
            });
        }
        for message in std::mem::take(&mut self.configs.messages) {
            eprintln!("{message}");
            self.notify::<ShowMessage>(ShowMessageParams {
                typ: MessageType::WARNING,
                message,
            });
        }
    }

    /// The analysis of the current text of a document, computed once per version.
    fn analyse(&mut self, uri: &str) {
        if self.analyses.contains_key(uri) {
            return;
        }
        if let Some(doc) = self.docs.get(uri) {
            // A bug in a rule must not take the editor's server down: log it, serve on.
            let configs = &mut self.configs;
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                analysis::analyse(doc, configs)
            }));
            let a = result.unwrap_or_else(|_| {
                eprintln!("sagelint lsp: checking {uri} failed (a bug: please report it)");
                Analysis {
                    served: false,
                    diagnostics: Vec::new(),
                    root: None,
                    requests: Vec::new(),
                }
            });
            if a.root.is_some() {
                self.requests.insert(uri.to_string(), a.requests.clone());
            }
            self.analyses.insert(uri.to_string(), a);
        }
    }

    fn doc_and_analysis(&mut self, uri: &str) -> Option<(&Document, &Analysis)> {
        self.analyse(uri);
        Some((self.docs.get(uri)?, self.analyses.get(uri)?))
    }

    fn hover(&mut self, p: lsp_types::HoverParams) -> serde_json::Value {
        let enc = self.enc;
        let at = p.text_document_position_params;
        let Some((doc, analysis)) = self.doc_and_analysis(at.text_document.uri.as_str()) else {
            return serde_json::Value::Null;
        };
        if !analysis.served {
            return serde_json::Value::Null;
        }
        let offset = doc.index.offset(&doc.text, at.position, enc);
        to_value(hover::hover(doc, analysis, offset, enc))
    }

    fn code_action(&mut self, p: lsp_types::CodeActionParams) -> serde_json::Value {
        let enc = self.enc;
        let rules_url = self.options.rules_url.clone();
        let Some((doc, analysis)) = self.doc_and_analysis(p.text_document.uri.as_str()) else {
            return serde_json::Value::Null;
        };
        let range = doc.index.span(&doc.text, p.range, enc);
        to_value(actions::code_actions(
            doc,
            analysis,
            range,
            enc,
            rules_url.as_deref(),
        ))
    }

    fn completion(&mut self, p: lsp_types::CompletionParams) -> serde_json::Value {
        let enc = self.enc;
        let at = p.text_document_position;
        let Some(doc) = self.docs.get(at.text_document.uri.as_str()) else {
            return serde_json::Value::Null;
        };
        let offset = doc.index.offset(&doc.text, at.position, enc);
        // The requests of the last analysis that parsed (the text may be broken mid-edit); a
        // document with none known is completed as a request file.
        let requests = self
            .requests
            .get(at.text_document.uri.as_str())
            .filter(|r| !r.is_empty())
            .map_or_else(|| vec![analysis::Served::default()], Clone::clone);
        to_value(complete::complete(doc, &requests, offset, enc))
    }

    /// Ask the client to tell us when a configuration file changes on disk.
    fn watch_config_files(&mut self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: crate::config::FILE_NAMES
                .iter()
                .map(|name| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{name}")),
                    kind: None,
                })
                .collect(),
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "sagelint-config-files".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let id = RequestId::from(format!("sagelint-{}", self.next_request));
        self.send(Request::new(id, RegisterCapability::METHOD.into(), params).into());
    }
}

fn to_value<T: serde::Serialize>(value: T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

fn params<P: DeserializeOwned>(req: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(req.params).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("invalid {} parameters: {e}", req.method),
        )
    })
}

fn notification_params<P: DeserializeOwned>(n: Notification) -> Result<P, String> {
    serde_json::from_value(n.params).map_err(|e| format!("invalid parameters: {e}"))
}
