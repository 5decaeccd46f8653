//! The open documents: their text as the editor has it, kept up to date by full or incremental
//! changes, with the line index that converts positions.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::convert::{Encoding, LineIndex};
use crate::source::Format;

/// One open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub uri: Uri,
    pub text: String,
    pub version: i32,
    pub format: Format,
    /// The file it is, for `file:` URIs (configuration discovery, per-file rules).
    pub path: Option<PathBuf>,
    pub index: LineIndex,
}

impl Document {
    pub fn new(uri: Uri, language_id: &str, version: i32, text: String) -> Document {
        let path = file_path(&uri);
        let format = format_of(path.as_deref(), uri.as_str(), language_id, &text);
        let index = LineIndex::new(&text);
        Document {
            uri,
            text,
            version,
            format,
            path,
            index,
        }
    }

    /// Apply the changes of one `didChange`, in order. A change with a range replaces that
    /// range (positions in `enc`); one without replaces the whole text.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>, enc: Encoding) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.index.span(&self.text, range, enc);
                    self.text.replace_range(span.start..span.end, &change.text);
                }
                None => self.text = change.text,
            }
            self.index = LineIndex::new(&self.text);
        }
    }
}

/// The open documents, by URI text (`Uri` itself caches parts of itself, so it is no map key).
#[derive(Debug, Default)]
pub struct Store {
    docs: HashMap<String, Document>,
}

impl Store {
    pub fn open(&mut self, doc: Document) {
        self.docs.insert(doc.uri.as_str().to_string(), doc);
    }

    pub fn close(&mut self, uri: &str) -> Option<Document> {
        self.docs.remove(uri)
    }

    pub fn get(&self, uri: &str) -> Option<&Document> {
        self.docs.get(uri)
    }

    pub fn get_mut(&mut self, uri: &str) -> Option<&mut Document> {
        self.docs.get_mut(uri)
    }

    /// The URIs of the open documents, sorted.
    pub fn uris(&self) -> Vec<String> {
        let mut uris: Vec<String> = self.docs.keys().cloned().collect();
        uris.sort();
        uris
    }
}

/// The format by extension, else by the editor's language, else by content.
fn format_of(path: Option<&std::path::Path>, uri: &str, language_id: &str, text: &str) -> Format {
    if let Some(f) = path.and_then(Format::from_path) {
        return f;
    }
    if let Some(f) = Format::from_path(std::path::Path::new(uri)) {
        return f;
    }
    match language_id {
        "json" | "jsonc" => Format::Json,
        "yaml" => Format::Yaml,
        _ => Format::sniff(text),
    }
}

/// The local path of a `file:` URI (percent-decoded), if it is one.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///path` (empty authority) or `file://localhost/path`.
    let path = if rest.starts_with('/') {
        rest
    } else {
        let slash = rest.find('/')?;
        if !rest[..slash].eq_ignore_ascii_case("localhost") {
            return None;
        }
        &rest[slash..]
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    // `file:///C:/dir` on Windows names `C:/dir`.
    #[cfg(windows)]
    let decoded = match decoded.strip_prefix('/') {
        Some(rest) if rest.as_bytes().get(1) == Some(&b':') => rest.to_string(),
        _ => decoded,
    };
    Some(PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};
    use std::str::FromStr;

    fn uri(s: &str) -> Uri {
        Uri::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_changes_in_utf16() {
        let mut d = Document::new(
            uri("file:///t/job.yaml"),
            "yaml",
            1,
            "a: 😀x\r\nb: 2\r\n".into(),
        );
        // Replace `x` (after the emoji, UTF-16 column 5) with `yz`.
        d.apply(vec![change(Some(((0, 5), (0, 6))), "yz")], Encoding::Utf16);
        assert_eq!(d.text, "a: 😀yz\r\nb: 2\r\n");
        // Insert a line, then edit the line that moved down, in one notification.
        d.apply(
            vec![
                change(Some(((1, 0), (1, 0))), "c: é\r\n"),
                change(Some(((2, 3), (2, 4))), "3"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(d.text, "a: 😀yz\r\nc: é\r\nb: 3\r\n");
        d.apply(vec![change(None, "new")], Encoding::Utf16);
        assert_eq!(d.text, "new");
        assert_eq!(d.index.line_count(), 1);
    }

    #[test]
    fn paths_and_formats() {
        let d = Document::new(
            uri("file:///tmp/my%20specs/job.yml"),
            "plaintext",
            1,
            "{}".into(),
        );
        assert_eq!(d.path, Some(PathBuf::from("/tmp/my specs/job.yml")));
        assert_eq!(d.format, Format::Yaml);
        let d = Document::new(uri("untitled:Untitled-1"), "json", 1, "".into());
        assert_eq!(d.path, None);
        assert_eq!(d.format, Format::Json);
        let d = Document::new(uri("untitled:Untitled-2"), "", 1, " {".into());
        assert_eq!(d.format, Format::Json);
    }
}
