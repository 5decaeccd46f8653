//! The stdio transport: `Content-Length` framed JSON-RPC messages on standard input and output.
//!
//! lsp-server's own stdio transport stops reading at the first malformed message; this one logs
//! it to stderr and reads on, so one bad message never takes the server down.

use std::io::{self, BufRead, Write};
use std::thread::JoinHandle;

use lsp_server::{Connection, Message};

/// The server's end of a stdio connection, and the writer thread to join (so every message is
/// flushed) before the process exits.
pub fn stdio() -> (Connection, Option<JoinHandle<()>>) {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    let reader = std::thread::Builder::new()
        .name("sagelint-lsp-reader".into())
        .spawn(move || {
            let mut input = io::stdin().lock();
            loop {
                match read_message(&mut input) {
                    Ok(Some(Ok(message))) => {
                        let exit =
                            matches!(&message, Message::Notification(n) if n.method == "exit");
                        if to_server.send(message).is_err() || exit {
                            break;
                        }
                    }
                    Ok(Some(Err(error))) => eprintln!("sagelint lsp: ignoring a message: {error}"),
                    Ok(None) => break,
                    Err(error) => {
                        eprintln!("sagelint lsp: cannot read standard input: {error}");
                        break;
                    }
                }
            }
        });
    if let Err(e) = reader {
        eprintln!("sagelint lsp: cannot start the reader thread: {e}");
    }
    let writer = std::thread::Builder::new()
        .name("sagelint-lsp-writer".into())
        .spawn(move || {
            let mut out = io::stdout().lock();
            for message in from_server {
                if let Err(e) = message.write(&mut out) {
                    eprintln!("sagelint lsp: cannot write to standard output: {e}");
                    break;
                }
            }
            let _ = out.flush();
        });
    let writer = match writer {
        Ok(handle) => Some(handle),
        Err(e) => {
            eprintln!("sagelint lsp: cannot start the writer thread: {e}");
            None
        }
    };
    (server, writer)
}

/// Read one framed message. `Ok(None)` at the end of input; `Ok(Some(Err(_)))` for a message
/// that was framed but is not a JSON-RPC message (it is skipped); `Err` when the stream itself
/// fails.
pub fn read_message(input: &mut impl BufRead) -> io::Result<Option<Result<Message, String>>> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() || bad_header.is_some() {
                break;
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length header {header:?}")),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("malformed header {header:?}")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Err(
            bad_header.unwrap_or_else(|| "no Content-Length".into())
        )));
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    if let Some(bad) = bad_header {
        return Ok(Some(Err(bad)));
    }
    Ok(Some(match serde_json::from_slice::<Message>(&body) {
        Ok(message) => Ok(message),
        Err(e) => Err(format!(
            "not a JSON-RPC message ({e}): {}",
            String::from_utf8_lossy(&body[..body.len().min(200)])
        )),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_messages_are_skipped() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let text = format!(
            "{}{}{}{}",
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":1.5}"#),
            "Content-Length: x\r\n\r\n",
            frame(good)
        );
        let mut input = io::Cursor::new(text.into_bytes());
        assert!(matches!(read_message(&mut input), Ok(Some(Err(_)))));
        assert!(matches!(read_message(&mut input), Ok(Some(Err(_)))));
        assert!(matches!(read_message(&mut input), Ok(Some(Err(_)))));
        match read_message(&mut input) {
            Ok(Some(Ok(Message::Notification(n)))) => assert_eq!(n.method, "initialized"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(read_message(&mut input), Ok(None)));
    }
}
