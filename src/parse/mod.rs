//! Parsing JSON and YAML into one spanned [`Node`] tree.

mod json;
mod number;
mod yaml;

use crate::source::{Format, SourceFile, Span};
use crate::tree::Node;

/// Deeper nesting than this is refused: a real request is about 6 levels deep, and a bound keeps
/// every recursive walk of the tree (conversion, rules, drop) far from the stack limit.
pub const MAX_DEPTH: usize = 128;

/// What stopped or troubled the parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub message: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Not valid JSON or YAML, or beyond a resource bound (depth, aliases, numbers).
    Syntax,
    /// A YAML stream with a second document: one request per file.
    MultipleDocuments,
}

/// The tree (absent when the text could not be parsed) and the problems found on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    pub root: Option<Node>,
    /// The documents after the first of a YAML stream (`---`), each with spans in the file: a
    /// request file has none (a second one is a [`ParseErrorKind::MultipleDocuments`] error),
    /// a file of Kubernetes resources often several. Empty when `root` is `None`.
    pub more: Vec<Node>,
    pub errors: Vec<ParseError>,
}

/// Parse a source file by its format. Spans in the result are byte offsets into `source.text`.
pub fn parse(source: &SourceFile) -> Parsed {
    let bom = source.bom_len();
    let text = &source.text[bom..];
    let mut parsed = match source.format {
        Format::Json => json::parse(text),
        Format::Yaml => yaml::parse(text),
    };
    if bom > 0 {
        shift(&mut parsed, bom);
    }
    parsed
}

/// Move every span right by `by` bytes (the parsers never see the BOM).
fn shift(parsed: &mut Parsed, by: usize) {
    fn node(n: &mut Node, by: usize) {
        n.span = Span::new(n.span.start + by, n.span.end + by);
        match &mut n.value {
            crate::tree::Value::Array(items) => items.iter_mut().for_each(|i| node(i, by)),
            crate::tree::Value::Object(members) => {
                for m in members {
                    m.key_span = Span::new(m.key_span.start + by, m.key_span.end + by);
                    node(&mut m.value, by);
                }
            }
            _ => {}
        }
    }
    if let Some(root) = &mut parsed.root {
        node(root, by);
    }
    for doc in &mut parsed.more {
        node(doc, by);
    }
    for e in &mut parsed.errors {
        e.span = Span::new(e.span.start + by, e.span.end + by);
    }
}

impl ParseError {
    fn syntax(message: impl Into<String>, span: Span) -> ParseError {
        ParseError {
            kind: ParseErrorKind::Syntax,
            message: message.into(),
            span,
        }
    }
}
