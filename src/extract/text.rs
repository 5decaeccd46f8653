//! A JSON document held in a string of the outer file (a CloudFormation `DefinitionString`, a
//! CreatePipeline `PipelineDefinition`), parsed with every span in the outer file.
//!
//! The string's value is rebuilt byte by byte, each byte remembering the text of the outer file
//! it came from: through JSON and YAML escapes, block-scalar indentation and line folding, the
//! fragments of an `Fn::Join`, and `${...}` placeholders. Placeholders whose value is known
//! (literal `DefinitionSubstitutions` or `Fn::Sub` variables) are filled in; the others, and
//! intrinsic functions between fragments, become `${...}` strings, which the extraction layer
//! reads as values known later ([`crate::runtime`]). The text is then parsed as JSON and each
//! span mapped back.

use std::collections::HashMap;

use crate::parse::{self, ParseError};
use crate::source::{Format, SourceFile, Span};
use crate::tree::{Node, Value};

/// Text being rebuilt, with the outer span of each byte.
#[derive(Default)]
pub struct Builder {
    text: String,
    /// For each byte of `text`, the outer text it stands for.
    spans: Vec<Span>,
    /// Whether the end of `text` is inside a JSON string (and just after a backslash there).
    in_string: bool,
    escaped: bool,
}

/// What a `${Name}` placeholder is replaced with.
pub type Variables = HashMap<String, String>;

impl Builder {
    /// Append the value of a string scalar of the outer file, filling in its placeholders.
    pub fn push_string(&mut self, outer: &str, node: &Node, vars: &Variables) {
        let Some(value) = node.as_str() else { return };
        let raw = outer.get(node.span.start..node.span.end).unwrap_or("");
        let spans = align(raw, node.span.start, value);
        let mut rest = 0;
        while let Some(open) = value[rest..].find("${").map(|i| rest + i) {
            let Some(close) = value[open..].find('}').map(|i| open + i) else {
                break;
            };
            self.push_aligned(&value[rest..open], &spans[rest..open]);
            let span = Span::new(spans[open].start, spans[close].end);
            let name = &value[open + 2..close];
            match name.strip_prefix('!') {
                // `${!Literal}` is the text `${Literal}`.
                Some(literal) => self.push_literal(&format!("${{{literal}}}"), span),
                None => match vars.get(name) {
                    Some(v) => self.push_literal(v, span),
                    None => self.push_runtime(name, span),
                },
            }
            rest = close + 1;
        }
        self.push_aligned(&value[rest..], &spans[rest..]);
    }

    fn push_aligned(&mut self, text: &str, spans: &[Span]) {
        self.track(text);
        self.text.push_str(text);
        self.spans.extend_from_slice(spans);
    }

    /// Append text that stands for `span` of the outer file as a whole (a substituted value):
    /// escaped when it lands inside a JSON string.
    pub fn push_literal(&mut self, text: &str, span: Span) {
        let text = if self.in_string {
            let quoted = serde_json::to_string(text).unwrap_or_default();
            quoted[1..quoted.len().saturating_sub(1).max(1)].to_string()
        } else {
            text.to_string()
        };
        self.track(&text);
        self.spans.extend(std::iter::repeat_n(span, text.len()));
        self.text.push_str(&text);
    }

    /// Append a value known only at deploy time (an intrinsic function, a placeholder of no
    /// known value): `${name}` inside a JSON string, a `"${name}"` string elsewhere.
    pub fn push_runtime(&mut self, name: &str, span: Span) {
        let name: String = name
            .chars()
            .filter(|c| !matches!(c, '"' | '\\' | '}') && !c.is_control())
            .collect();
        let text = if self.in_string {
            format!("${{{name}}}")
        } else {
            format!("\"${{{name}}}\"")
        };
        self.push_literal(&text, span);
    }

    /// Follow the JSON string state through appended text.
    fn track(&mut self, text: &str) {
        for b in text.bytes() {
            if self.escaped {
                self.escaped = false;
            } else if self.in_string && b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = !self.in_string;
            }
        }
    }

    /// Parse the text as JSON; spans (of the tree and of a syntax error) in the outer file.
    pub fn parse(self, name: &str) -> Result<Node, ParseError> {
        let source = SourceFile::new(name, self.text, Format::Json);
        let parsed = parse::parse(&source);
        let map = |s: Span| map_span(&self.spans, s);
        if let Some(e) = parsed.errors.into_iter().next() {
            return Err(ParseError {
                span: map(e.span),
                ..e
            });
        }
        let mut root = parsed.root.ok_or_else(|| ParseError {
            kind: parse::ParseErrorKind::Syntax,
            message: "the string is empty".into(),
            span: Span::default(),
        })?;
        remap(&mut root, &map);
        Ok(root)
    }
}

/// The outer span of a span of the rebuilt text.
fn map_span(spans: &[Span], s: Span) -> Span {
    let Some(last) = spans.last() else {
        return Span::default();
    };
    let start = spans.get(s.start).unwrap_or(last).start;
    let end = if s.end > s.start {
        spans.get(s.end - 1).unwrap_or(last).end
    } else {
        start
    };
    Span::new(start, end.max(start))
}

fn remap(node: &mut Node, map: &impl Fn(Span) -> Span) {
    node.span = map(node.span);
    match &mut node.value {
        Value::Object(members) => {
            for m in members {
                m.key_span = map(m.key_span);
                remap(&mut m.value, map);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| remap(i, map)),
        _ => {}
    }
}

/// How far [`align`] looks ahead for a character it did not find where it expected it.
const LOOKAHEAD: usize = 8;

/// One character of a scalar as written: where it is, and the character it decodes to
/// (`None` for text that decodes to nothing, such as an escaped line break).
struct Token {
    span: Span,
    decoded: Option<char>,
}

/// The outer span of each byte of `value`, the decoded text of the scalar written as `raw`
/// (at `offset` in the outer file). Escapes are decoded where written; what decoding removes or
/// folds (indentation, line breaks, quotes) is matched greedily, so a character that cannot be
/// placed exactly is placed at the nearest text, never outside the scalar.
fn align(raw: &str, offset: usize, value: &str) -> Vec<Span> {
    let tokens = tokens(raw, offset);
    let end = Span::new(offset + raw.len(), offset + raw.len());
    let mut out = Vec::with_capacity(value.len());
    let mut t = 0;
    for c in value.chars() {
        // Skip what decoding removed (white space, escaped line breaks) up to `c`; else look a
        // few characters ahead for it.
        let mut k = t;
        while k < tokens.len()
            && tokens[k].decoded != Some(c)
            && tokens[k].decoded.is_none_or(char::is_whitespace)
        {
            k += 1;
        }
        let exact = (k < tokens.len() && tokens[k].decoded == Some(c))
            .then_some(k)
            .or_else(|| {
                (t..tokens.len().min(t + LOOKAHEAD)).find(|&k| tokens[k].decoded == Some(c))
            });
        let span = if let Some(k) = exact {
            t = k + 1;
            tokens[k].span
        } else if tokens
            .get(t)
            .is_some_and(|tok| tok.decoded.is_some_and(|d| !d.is_whitespace()))
        {
            // Decoded otherwise than read here: one for one.
            t += 1;
            tokens[t - 1].span
        } else {
            // Made by folding: at the next text.
            tokens
                .get(t)
                .map_or(end, |tok| Span::new(tok.span.start, tok.span.start))
        };
        out.extend(std::iter::repeat_n(span, c.len_utf8()));
    }
    out
}

/// The characters of a scalar as written, by its style (told by its first character, after
/// any tag and anchor).
fn tokens(raw: &str, offset: usize) -> Vec<Token> {
    let mut skipped = 0;
    while raw[skipped..].starts_with(['!', '&']) {
        let rest = &raw[skipped..];
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let space = rest[word..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len() - word);
        skipped += word + space;
    }
    let (raw, offset) = (&raw[skipped..], offset + skipped);
    let at = |i: usize, len: usize| Span::new(offset + i, offset + i + len);
    let mut out = Vec::with_capacity(raw.len());
    let plain = |from: usize, out: &mut Vec<Token>| {
        for (i, c) in raw[from..].char_indices() {
            out.push(Token {
                span: at(from + i, c.len_utf8()),
                decoded: Some(c),
            });
        }
    };
    match raw.chars().next() {
        Some('"') => double_quoted(raw, offset, &mut out),
        Some('\'') => {
            let body = quoted_body(raw, '\'');
            let mut chars = body.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let mut len = c.len_utf8();
                if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                    len = 2;
                }
                out.push(Token {
                    span: at(1 + i, len),
                    decoded: Some(c),
                });
            }
        }
        // A block scalar: its text starts on the line after the header.
        Some('|' | '>') => plain(raw.find('\n').map_or(raw.len(), |i| i + 1), &mut out),
        _ => plain(0, &mut out),
    }
    out
}

/// The text between a scalar's opening quote and its closing one (if it has one).
fn quoted_body(raw: &str, quote: char) -> &str {
    let body = raw.strip_prefix(quote).unwrap_or(raw);
    body.strip_suffix(quote).unwrap_or(body)
}

/// A JSON string or YAML double-quoted scalar: escapes decoded where written.
fn double_quoted(raw: &str, offset: usize, out: &mut Vec<Token>) {
    let body = quoted_body(raw, '"');
    let bytes = body.as_bytes();
    let mut i = 0;
    let hex = |from: usize, n: usize| {
        body.get(from..from + n)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    while i < body.len() {
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        let (decoded, len) = if c != '\\' {
            (Some(c), c.len_utf8())
        } else {
            match bytes.get(i + 1) {
                Some(b'u') => match hex(i + 2, 4) {
                    // A surrogate pair is one character.
                    Some(hi @ 0xD800..=0xDBFF)
                        if body.get(i + 6..i + 8) == Some("\\u")
                            && hex(i + 8, 4).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo)) =>
                    {
                        let lo = hex(i + 8, 4).unwrap_or(0xDC00);
                        let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        (char::from_u32(code), 12)
                    }
                    Some(code) => (char::from_u32(code), 6),
                    None => (None, 2),
                },
                Some(b'x') => (hex(i + 2, 2).and_then(char::from_u32), 4),
                Some(b'U') => (hex(i + 2, 8).and_then(char::from_u32), 10),
                Some(&b) => {
                    let decoded = match b {
                        b'n' => Some('\n'),
                        b't' | b'\t' => Some('\t'),
                        b'r' => Some('\r'),
                        b'b' => Some('\u{8}'),
                        b'f' => Some('\u{c}'),
                        b'0' => Some('\0'),
                        b'a' => Some('\u{7}'),
                        b'e' => Some('\u{1b}'),
                        b'v' => Some('\u{b}'),
                        b'N' => Some('\u{85}'),
                        b'_' => Some('\u{a0}'),
                        b'L' => Some('\u{2028}'),
                        b'P' => Some('\u{2029}'),
                        // An escaped line break continues the line.
                        b'\n' | b'\r' => None,
                        b if b.is_ascii() => Some(b as char),
                        _ => None,
                    };
                    let len = 1 + body[i + 1..].chars().next().map_or(1, char::len_utf8);
                    (decoded, len)
                }
                None => (Some('\\'), 1),
            }
        };
        // An escape cut short by the end of the text, or followed by a multi-byte character,
        // ends at the next character boundary.
        let mut len = len.min(body.len() - i);
        while !body.is_char_boundary(i + len) {
            len += 1;
        }
        out.push(Token {
            span: Span::new(offset + 1 + i, offset + 1 + i + len),
            decoded,
        });
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parse `outer` (a document with one string member `s`), rebuild the JSON in `s`, and
    /// return the outer text under the span of the value at `pointer` inside it.
    fn outer_text_at(outer: &str, format: Format, pointer: &str) -> String {
        let source = SourceFile::new("t", outer, format);
        let root = parse::parse(&source).root.expect("outer parses");
        let node = root.get("s").expect("member s");
        let mut b = Builder::default();
        b.push_string(outer, node, &Variables::new());
        let inner = b.parse("t").expect("inner parses");
        let found = inner.lookup(pointer).expect("pointer");
        let span = match found.member {
            Some(m) if pointer.ends_with("#key") => m.key_span,
            _ => found.node.span,
        };
        outer[span.start..span.end].to_string()
    }

    #[test]
    fn spans_map_through_json_escapes() {
        let outer = r#"{"s": "{\"A\": {\"B\": \"x\\\"y\", \"C\": 10, \"D\": \"\u00e9t\u00e9\"}}"}"#;
        assert_eq!(outer_text_at(outer, Format::Json, "/A/C"), "10");
        assert_eq!(outer_text_at(outer, Format::Json, "/A/B"), r#"\"x\\\"y\""#);
        assert_eq!(
            outer_text_at(outer, Format::Json, "/A/D"),
            r#"\"\u00e9t\u00e9\""#
        );
    }

    #[test]
    fn spans_map_through_a_block_scalar() {
        let outer =
            "s: |\n  {\n    \"A\": {\n      \"B\": \"value\",\n      \"C\": 10\n    }\n  }\nt: 1\n";
        assert_eq!(outer_text_at(outer, Format::Yaml, "/A/B"), "\"value\"");
        assert_eq!(outer_text_at(outer, Format::Yaml, "/A/C"), "10");
    }

    #[test]
    fn spans_map_through_yaml_quoting_and_folding() {
        let outer = "s: '{\"A\": \"it''s\",\n  \"C\": 10}'\n";
        assert_eq!(outer_text_at(outer, Format::Yaml, "/A"), "\"it''s\"");
        assert_eq!(outer_text_at(outer, Format::Yaml, "/C"), "10");
        let outer = "s: \"{\\\"A\\\": \\\"\\u00e9\\\",\n  \\\"C\\\": 10}\"\n";
        assert_eq!(outer_text_at(outer, Format::Yaml, "/C"), "10");
    }

    #[test]
    fn placeholders_are_filled_or_become_runtime_strings() {
        let outer = r#"{"s": "{\"A\": \"${Known}\", \"B\": ${Count}, \"C\": \"x-${Unknown}\", \"D\": \"${!Lit}\"}"}"#;
        let source = SourceFile::new("t", outer, Format::Json);
        let root = parse::parse(&source).root.expect("parses");
        let mut vars = Variables::new();
        vars.insert("Known".into(), "a\"b".into());
        let mut b = Builder::default();
        b.push_string(outer, root.get("s").expect("s"), &vars);
        let inner = b.parse("t").expect("parses");
        assert_eq!(inner.get("A").and_then(Node::as_str), Some("a\"b"));
        assert_eq!(inner.get("B").and_then(Node::as_str), Some("${Count}"));
        assert_eq!(inner.get("C").and_then(Node::as_str), Some("x-${Unknown}"));
        assert_eq!(inner.get("D").and_then(Node::as_str), Some("${Lit}"));
        let b_span = inner.get("B").expect("B").span;
        assert_eq!(&outer[b_span.start..b_span.end], "${Count}");
        let a_span = inner.get("A").expect("A").span;
        assert_eq!(&outer[a_span.start..a_span.end], r#"\"${Known}\""#);
    }

    /// Any text, any decoded value: every span stays inside the scalar, and nothing panics.
    #[test]
    fn alignment_never_leaves_the_scalar() {
        let raws = [
            "\"",
            "'",
            "\"\\",
            "\"\\u12\"",
            "\"\\ud800\\u0041\"",
            "'é''",
            "|\n  é",
            ">-\n  a\n\n  b",
            "!Sub \"x\"",
            "&a !Sub 'é'",
            "é",
            "\"\\x4\"",
            "\"😀\\\"\"",
            "",
            "\"\\x0é\"",
            "\"\\u0é\"",
        ];
        let values = ["", "é", "😀\"\n", "a\u{85}b", "{\"A\": 1}", "\\", "''"];
        for raw in raws {
            for value in values {
                let offset = 7;
                for span in align(raw, offset, value) {
                    assert!(
                        offset <= span.start
                            && span.start <= span.end
                            && span.end <= offset + raw.len(),
                        "{raw:?} {value:?} {span:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_syntax_error_is_placed_in_the_outer_file() {
        let outer = r#"{"s": "{\"A\": 1,, \"B\": 2}"}"#;
        let source = SourceFile::new("t", outer, Format::Json);
        let root = parse::parse(&source).root.expect("parses");
        let mut b = Builder::default();
        b.push_string(outer, root.get("s").expect("s"), &Variables::new());
        let e = b.parse("t").expect_err("fails");
        assert!(e.span.start > 6 && e.span.end <= outer.len(), "{e:?}");
    }
}
