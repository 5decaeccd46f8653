//! `sagelint lsp`: a Language Server Protocol server over stdio.
//!
//! It checks the JSON and YAML training job specs an editor has open with the same core as
//! `sagelint check` (same rules, messages and severities, after the configuration), publishes
//! the findings as diagnostics on open, change and save, offers the rules' certain fixes as
//! quick fixes, documents members on hover and completes member names and enum values.
//!
//! - [`server`]: the main loop (one thread; checks debounced by the message queue)
//! - [`transport`]: framed messages on stdio, tolerant of malformed ones
//! - [`document`]: the open documents, with full and incremental changes
//! - [`convert`]: byte offsets ↔ LSP positions (UTF-16 by default)
//! - [`analysis`]: which documents are served, checking, LSP diagnostics
//! - [`actions`], [`hover`], [`complete`], [`cursor`]: the editor features

pub mod actions;
pub mod analysis;
pub mod complete;
pub mod convert;
pub mod cursor;
pub mod document;
pub mod hover;
pub mod server;
pub mod transport;

pub use convert::Encoding;
pub use lsp_server::Connection;
pub use server::{serve, Ending};

/// Run the server on standard input and output until the client says `exit`.
pub fn run() -> std::process::ExitCode {
    let (connection, writer) = transport::stdio();
    let ending = serve(connection);
    // Dropping the connection ends the writer once every message is written.
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    match ending {
        Ending::Clean => std::process::ExitCode::SUCCESS,
        Ending::Unclean => std::process::ExitCode::from(1),
    }
}
