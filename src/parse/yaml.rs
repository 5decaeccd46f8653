//! YAML 1.2 with spans, built from `saphyr-parser` events.
//!
//! Building the tree ourselves (rather than through a loader) lets us keep duplicate keys for
//! reporting, bound nesting and alias expansion, and support `<<` merge keys as the AWS CLI's
//! YAML loader does.

use foldhash::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as YSpan};

use super::{number, ParseError, ParseErrorKind, Parsed, MAX_DEPTH};
use crate::source::Span;
use crate::tree::{mark_shadowed, Member, Node, Value};

/// Nodes that anchors and aliases may copy, in total: far above any real request, far below a
/// "billion laughs" document. An anchored node is copied when it is defined (so that aliases can
/// copy it again) and each alias copies it, so both count: nested anchors around a large node
/// would otherwise cost its size once per level.
pub const ALIAS_BUDGET: usize = 100_000;

/// How many times a parse is retried after relaxing a closing flow bracket (see [`relax`]).
const MAX_RELAXED: usize = 64;

/// Bytes that retries may parse in all: each retry parses the whole text again, so a large file
/// gets fewer (a 16 MiB file of brackets to relax would otherwise be parsed 64 times).
const RELAX_BUDGET: usize = 64 << 20;

pub fn parse(text: &str) -> Parsed {
    let mut current = std::borrow::Cow::Borrowed(text);
    let mut spent = 0usize;
    for _ in 0..MAX_RELAXED {
        let parsed = parse_strict(&current);
        spent = spent.saturating_add(current.len());
        if spent > RELAX_BUDGET {
            return parsed;
        }
        match relax(&current, &parsed) {
            Some(relaxed) => current = std::borrow::Cow::Owned(relaxed),
            None => return parsed,
        }
    }
    parse_strict(&current)
}

/// saphyr rejects a flow collection whose closing bracket sits left of the enclosing block's
/// indentation (`Resource: [` ... `]` under the key), which PyYAML and ruamel — the AWS CLI's
/// loaders — accept and CloudFormation templates often contain. When that is the error, join the
/// bracket's line to the previous one by turning the line break into spaces: the text keeps its
/// length, so every span still points into the original file. Not done when the previous line
/// has a comment, which would swallow the bracket.
fn relax(text: &str, parsed: &Parsed) -> Option<String> {
    let e = parsed.errors.first()?;
    if e.message != "invalid YAML: invalid indentation" {
        return None;
    }
    let at = e.span.start;
    if !matches!(text.as_bytes().get(at), Some(b']' | b'}')) {
        return None;
    }
    let line_start = text[..at].rfind('\n')?;
    if !text[line_start + 1..at].bytes().all(|b| b == b' ') {
        return None;
    }
    let prev_start = text[..line_start].rfind('\n').map_or(0, |i| i + 1);
    if text[prev_start..line_start].contains('#') {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    bytes[line_start] = b' ';
    if line_start > 0 && bytes[line_start - 1] == b'\r' {
        bytes[line_start - 1] = b' ';
    }
    String::from_utf8(bytes).ok()
}

fn parse_strict(text: &str) -> Parsed {
    let mut builder = Builder::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut documents = 0;
    // Syntax errors found before the second document began: the first document is broken.
    let mut first_broken = false;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(pair) => pair,
            Err(e) => {
                builder.scan_error(&e);
                first_broken |= documents <= 1;
                break;
            }
        };
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents == 2 {
                    // Reported for a request file; a stream of Kubernetes resources is read
                    // document by document (`crate::check`).
                    let at = builder.span(span);
                    builder.errors.push(ParseError {
                        kind: ParseErrorKind::MultipleDocuments,
                        message: "a second YAML document: a request file holds exactly one".into(),
                        span: Span::new(at.start, at.start.max(at.end)),
                    });
                }
            }
            Event::StreamEnd => break,
            other => {
                if let Err(e) = builder.event(other, span) {
                    builder.errors.push(e);
                    first_broken |= documents <= 1;
                    break;
                }
            }
        }
    }
    if builder.documents.is_empty() && builder.errors.is_empty() {
        builder.errors.push(ParseError::syntax(
            "the file is empty: expected a YAML mapping",
            Span::new(0, 0),
        ));
    }
    let mut documents = builder.documents.into_iter();
    let root = documents.next();
    if first_broken {
        return Parsed {
            root: None,
            more: Vec::new(),
            errors: builder.errors,
        };
    }
    Parsed {
        root,
        more: documents.collect(),
        errors: builder.errors,
    }
}

enum Frame {
    Seq {
        start: usize,
        anchor: usize,
        /// A CloudFormation short tag (`!Join [...]`): the intrinsic's key (see [`intrinsic`]).
        intrinsic: Option<&'static str>,
        /// Nodes in the collection so far, itself included.
        nodes: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        anchor: usize,
        intrinsic: Option<&'static str>,
        nodes: usize,
        members: Vec<Member>,
        key: Option<Key>,
        /// Mappings merged in with `<<`, applied at the end so explicit keys win.
        merges: Vec<Node>,
    },
}

struct Key {
    text: String,
    span: Span,
    merge: bool,
}

struct Builder<'t> {
    text: &'t str,
    /// Byte offset of each character index (saphyr's markers count characters); empty when the
    /// text is ASCII and the two are the same.
    char_to_byte: Vec<usize>,
    stack: Vec<Frame>,
    /// Each anchored node and its size in nodes.
    anchors: HashMap<usize, (Node, usize)>,
    /// Nodes copied for anchors and aliases so far (bounded by [`ALIAS_BUDGET`]).
    copied: usize,
    /// The root of each complete document of the stream, in order.
    documents: Vec<Node>,
    errors: Vec<ParseError>,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        let char_to_byte = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        Builder {
            text,
            char_to_byte,
            stack: Vec::new(),
            anchors: HashMap::default(),
            copied: 0,
            documents: Vec::new(),
            errors: Vec::new(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.char_to_byte.is_empty() {
            char_index.min(self.text.len())
        } else {
            self.char_to_byte
                .get(char_index)
                .copied()
                .unwrap_or(self.text.len())
        }
    }

    fn span(&self, s: YSpan) -> Span {
        Span::new(self.byte(s.start.index()), self.byte(s.end.index()))
    }

    /// A quoted scalar's span, ending at its closing quote: the parser's runs on over the spaces
    /// and the comment after it, which would take a suppression comment, or an edit there, for
    /// part of the value.
    fn quoted(&self, span: Span, style: ScalarStyle) -> Span {
        let quote = if style == ScalarStyle::SingleQuoted {
            b'\''
        } else {
            b'"'
        };
        let bytes = self.text.as_bytes();
        if bytes.get(span.start) != Some(&quote) {
            return span;
        }
        let mut i = span.start + 1;
        while i < bytes.len().min(span.end.max(span.start + 1)) {
            match bytes[i] {
                b'\\' if quote == b'"' => i += 2,
                // `''` is a quote inside a single-quoted scalar.
                b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
                b if b == quote => return Span::new(span.start, i + 1),
                _ => i += 1,
            }
        }
        span
    }

    fn scan_error(&mut self, e: &ScanError) {
        let at = self.byte(e.marker().index());
        let end = self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        self.errors.push(ParseError::syntax(
            format!("invalid YAML: {}", e.info()),
            Span::new(at, end),
        ));
    }

    fn event(&mut self, event: Event<'_>, ys: YSpan) -> Result<(), ParseError> {
        let span = self.span(ys);
        match event {
            Event::SequenceStart(anchor, tag) => self.open(
                Frame::Seq {
                    start: span.start,
                    anchor,
                    intrinsic: intrinsic(tag.as_deref()),
                    nodes: 1,
                    items: Vec::new(),
                },
                span,
            ),
            Event::MappingStart(anchor, tag) => self.open(
                Frame::Map {
                    start: span.start,
                    anchor,
                    intrinsic: intrinsic(tag.as_deref()),
                    nodes: 1,
                    members: Vec::new(),
                    key: None,
                    merges: Vec::new(),
                },
                span,
            ),
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor, nodes, tag) = match self.stack.pop() {
                    Some(Frame::Seq {
                        start,
                        anchor,
                        intrinsic,
                        nodes,
                        items,
                    }) => {
                        let end = items.last().map_or(span.end, |n| n.span.end.max(span.end));
                        (
                            Node::new(Value::Array(items), Span::new(start, end)),
                            anchor,
                            nodes,
                            intrinsic,
                        )
                    }
                    Some(Frame::Map {
                        start,
                        anchor,
                        intrinsic,
                        nodes,
                        mut members,
                        merges,
                        ..
                    }) => {
                        apply_merges(&mut members, merges);
                        mark_shadowed(&mut members);
                        let end = members
                            .last()
                            .map_or(span.end, |m| m.value.span.end.max(span.end));
                        (
                            Node::new(Value::Object(members), Span::new(start, end)),
                            anchor,
                            nodes,
                            intrinsic,
                        )
                    }
                    None => return Ok(()),
                };
                self.complete(tagged(node, tag), nodes, anchor, None)
            }
            Event::Scalar(text, style, anchor, tag) => {
                let span = match style {
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                        self.quoted(span, style)
                    }
                    _ => span,
                };
                let forced_string = tag
                    .as_ref()
                    .is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
                let mut value = if style == ScalarStyle::Plain && !forced_string {
                    resolve_plain(&text).map_err(|m| ParseError::syntax(m, span))?
                } else {
                    Value::String(String::new())
                };
                let merge = style == ScalarStyle::Plain && text == "<<";
                // The text goes to the string value, or to the key when the scalar is one (a
                // key's node is only used for its span); copied only for an anchored key.
                let is_key = matches!(self.stack.last(), Some(Frame::Map { key: None, .. }));
                let key = if is_key {
                    if let (Value::String(s), true) = (&mut value, anchor > 0) {
                        s.push_str(&text);
                    }
                    Some((text.into_owned(), merge))
                } else {
                    if let Value::String(s) = &mut value {
                        *s = text.into_owned();
                    }
                    None
                };
                let mut node = Node::new(value, span);
                if key.is_none() {
                    node = tagged(node, intrinsic(tag.as_deref()));
                }
                self.complete(node, 1, anchor, key)
            }
            Event::Alias(id) => {
                let size = self
                    .anchors
                    .get(&id)
                    .map(|(_, size)| *size)
                    .ok_or_else(|| ParseError::syntax("alias to an unknown anchor", span))?;
                self.spend(size, span)?;
                let node = match self.anchors.get(&id) {
                    Some((node, _)) => node.clone(),
                    None => return Err(ParseError::syntax("alias to an unknown anchor", span)),
                };
                self.complete(node, size, 0, None)
            }
            _ => Ok(()),
        }
    }

    fn open(&mut self, frame: Frame, span: Span) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(ParseError::syntax(
                format!(
                    "nesting deeper than {MAX_DEPTH} levels: this cannot be a training job request"
                ),
                Span::new(span.start, span.start + 1),
            ));
        }
        self.stack.push(frame);
        Ok(())
    }

    /// Count `nodes` more copied nodes against [`ALIAS_BUDGET`], before copying them.
    fn spend(&mut self, nodes: usize, span: Span) -> Result<(), ParseError> {
        self.copied = self.copied.saturating_add(nodes);
        if self.copied > ALIAS_BUDGET {
            return Err(ParseError::syntax(
                format!(
                    "YAML anchors and aliases copy more than {ALIAS_BUDGET} nodes: refusing to expand them (an alias bomb?)"
                ),
                span,
            ));
        }
        Ok(())
    }

    /// A node of `size` nodes is finished: record its anchor and hand it to its parent.
    /// `scalar` is the source text of a scalar, used when the node is a mapping key.
    fn complete(
        &mut self,
        node: Node,
        size: usize,
        anchor: usize,
        scalar: Option<(String, bool)>,
    ) -> Result<(), ParseError> {
        if anchor > 0 {
            self.spend(size, Span::new(node.span.start, node.span.start))?;
            self.anchors.insert(anchor, (node.clone(), size));
        }
        match self.stack.last_mut() {
            None => self.documents.push(node),
            Some(Frame::Seq { items, nodes, .. }) => {
                *nodes = nodes.saturating_add(size);
                items.push(node)
            }
            Some(Frame::Map {
                members,
                key,
                merges,
                nodes,
                ..
            }) => {
                *nodes = nodes.saturating_add(size);
                match key.take() {
                    None => {
                        let Some((text, merge)) = scalar else {
                            return Err(ParseError::syntax(
                                "a mapping key must be a plain string, not a collection or alias",
                                node.span,
                            ));
                        };
                        *key = Some(Key {
                            text,
                            span: node.span,
                            merge,
                        });
                    }
                    Some(k) if k.merge => match node.value {
                        Value::Object(_) => merges.push(node),
                        Value::Array(items) if items.iter().all(|i| i.as_object().is_some()) => {
                            merges.extend(items)
                        }
                        _ => {
                            return Err(ParseError::syntax(
                                "a `<<` merge key takes a mapping or a list of mappings",
                                node.span,
                            ))
                        }
                    },
                    Some(k) => members.push(Member::new(k.text, k.span, node)),
                }
            }
        }
        Ok(())
    }
}

/// CloudFormation's short tags and the intrinsic function each stands for (`!Ref` is `Ref`,
/// `!Sub` is `Fn::Sub`, ...): a template's `!Sub "..."` reads as `{"Fn::Sub": "..."}`, as the
/// JSON form is written and as CloudFormation itself reads it.
const INTRINSICS: &[(&str, &str)] = &[
    ("Ref", "Ref"),
    ("Condition", "Condition"),
    ("Sub", "Fn::Sub"),
    ("GetAtt", "Fn::GetAtt"),
    ("Join", "Fn::Join"),
    ("Select", "Fn::Select"),
    ("Split", "Fn::Split"),
    ("FindInMap", "Fn::FindInMap"),
    ("GetAZs", "Fn::GetAZs"),
    ("ImportValue", "Fn::ImportValue"),
    ("Base64", "Fn::Base64"),
    ("Cidr", "Fn::Cidr"),
    ("If", "Fn::If"),
    ("Equals", "Fn::Equals"),
    ("And", "Fn::And"),
    ("Or", "Fn::Or"),
    ("Not", "Fn::Not"),
    ("Transform", "Fn::Transform"),
    ("ToJsonString", "Fn::ToJsonString"),
    ("Length", "Fn::Length"),
    ("GetParam", "Fn::GetParam"),
];

/// The intrinsic a local tag (`!Ref`) stands for; other tags change nothing.
fn intrinsic(tag: Option<&saphyr_parser::Tag>) -> Option<&'static str> {
    let tag = tag.filter(|t| t.handle == "!")?;
    INTRINSICS
        .iter()
        .find(|(short, _)| *short == tag.suffix)
        .map(|(_, key)| *key)
}

/// `node` as the value of a one-member `{intrinsic: node}` object, when it had a short tag.
fn tagged(node: Node, intrinsic: Option<&'static str>) -> Node {
    match intrinsic {
        None => node,
        Some(key) => {
            let span = node.span;
            let at = Span::new(span.start, span.start);
            Node::new(
                Value::Object(vec![Member::new(key.to_string(), at, node)]),
                span,
            )
        }
    }
}

/// YAML merge semantics: keys written in the mapping win, then earlier merged mappings.
fn apply_merges(members: &mut Vec<Member>, merges: Vec<Node>) {
    if merges.is_empty() {
        return;
    }
    let mut present: foldhash::HashSet<String> = members.iter().map(|m| m.key.clone()).collect();
    for source in merges {
        if let Value::Object(merged) = source.value {
            for mut m in merged {
                if present.insert(m.key.clone()) {
                    // Merged in once, from a mapping whose own duplicates were already settled.
                    m.shadowed = false;
                    members.push(m);
                }
            }
        }
    }
}

/// Resolve a plain scalar by the YAML 1.2 core schema (what the AWS CLI v2's loader uses:
/// `yes`/`on` stay strings, `true`/`false` are booleans). A string comes back empty: the caller
/// moves the scalar's text in.
fn resolve_plain(text: &str) -> Result<Value, String> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        _ => {}
    }
    let number = |n: Option<serde_json::Number>| {
        n.map(Value::Number)
            .ok_or_else(|| format!("the number {text} is out of range"))
    };
    if let Some(hex) = text.strip_prefix("0x") {
        if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return number(u64::from_str_radix(hex, 16).ok().map(Into::into));
        }
    }
    if let Some(oct) = text.strip_prefix("0o") {
        if !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
            return number(u64::from_str_radix(oct, 8).ok().map(Into::into));
        }
    }
    if is_core_int(text) || is_core_float(text) {
        return number(number::decimal(text));
    }
    if matches!(
        text,
        ".inf"
            | ".Inf"
            | ".INF"
            | "+.inf"
            | "+.Inf"
            | "+.INF"
            | "-.inf"
            | "-.Inf"
            | "-.INF"
            | ".nan"
            | ".NaN"
            | ".NAN"
    ) {
        return Err(format!(
            "the number {text} is not finite: a request cannot hold it"
        ));
    }
    Ok(Value::String(String::new()))
}

fn is_core_int(t: &str) -> bool {
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_core_float(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    // Most plain scalars are words: a float starts with a digit or a point.
    if !t.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return false;
    }
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit()))
                && (!int.is_empty() || !frac.is_empty())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(is_core_int);
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        let p = parse(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        p.root.expect("root")
    }

    fn text_of(text: &str, s: Span) -> &str {
        &text[s.start..s.end]
    }

    #[test]
    fn key_and_value_spans_with_multibyte_text() {
        let text = "Täg: \"wört\"\nNext: plain välue\n";
        let r = root(text);
        let m = r.as_object().expect("map");
        assert_eq!(text_of(text, m[0].key_span), "Täg");
        assert_eq!(text_of(text, m[0].value.span), "\"wört\"");
        assert_eq!(text_of(text, m[1].value.span), "plain välue");
    }

    #[test]
    fn quoted_spans_end_at_the_closing_quote() {
        // The parser's own span runs on over the spaces and the comment after the value.
        let text = "A: \"x\\\" y\"  # sagelint: ignore[SL104]\nB: 'it''s'   # note\nC: \"multi\n  line\"  \nD: [\"in\" , 'flow' ]\n";
        let r = root(text);
        let m = r.as_object().expect("map");
        assert_eq!(text_of(text, m[0].value.span), "\"x\\\" y\"");
        assert_eq!(m[0].value.as_str(), Some("x\" y"));
        assert_eq!(text_of(text, m[1].value.span), "'it''s'");
        assert_eq!(text_of(text, m[2].value.span), "\"multi\n  line\"");
        let flow = m[3].value.as_array().expect("list");
        assert_eq!(text_of(text, flow[0].span), "\"in\"");
        assert_eq!(text_of(text, flow[1].span), "'flow'");
    }

    #[test]
    fn crlf_spans_exclude_line_ends() {
        let text = "A: one\r\nB: two\r\n";
        let r = root(text);
        let m = r.as_object().expect("map");
        assert_eq!(text_of(text, m[1].key_span), "B");
        assert_eq!(text_of(text, m[1].value.span), "two");
    }

    #[test]
    fn core_schema_scalars() {
        let r = root("a: yes\nb: true\nc: 10\nd: '10'\ne: 1.5\nf: ~\ng: !!str 5\nh: 0x1F\n");
        let get = |k: &str| r.get(k).expect(k).value.clone();
        assert_eq!(get("a"), Value::String("yes".into()));
        assert_eq!(get("b"), Value::Bool(true));
        assert_eq!(get("c"), Value::Number(10.into()));
        assert_eq!(get("d"), Value::String("10".into()));
        assert!(matches!(get("e"), Value::Number(n) if n.as_f64() == Some(1.5)));
        assert_eq!(get("f"), Value::Null);
        assert_eq!(get("g"), Value::String("5".into()));
        assert_eq!(get("h"), Value::Number(31.into()));
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let r = root("a: 1\na: 2\n");
        assert_eq!(r.as_object().map(|m| m.len()), Some(2));
    }

    #[test]
    fn merge_keys_apply_and_explicit_keys_win() {
        let r = root("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n");
        let used = r.get("use").expect("use");
        assert_eq!(
            used.get("x").map(|n| n.value.clone()),
            Some(Value::Number(1.into()))
        );
        assert_eq!(
            used.get("y").map(|n| n.value.clone()),
            Some(Value::Number(3.into()))
        );
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (i, prev) in ('b'..='i').zip('a'..='h') {
            text.push_str(&format!(
                "{i}: &{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let p = parse(&text);
        assert!(p.root.is_none());
        assert!(p.errors[0].message.contains("alias"), "{:?}", p.errors);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let p = parse(&"[".repeat(100_000));
        assert!(p.root.is_none() && !p.errors.is_empty());
        let block: String = (0..2000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        let p = parse(&block);
        assert!(p.root.is_none() && !p.errors.is_empty());
    }

    #[test]
    fn second_document_is_reported() {
        let p = parse("a: 1\n---\nb: 2\n");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].kind, ParseErrorKind::MultipleDocuments);
        assert!(p.root.is_some());
    }

    #[test]
    fn every_document_of_a_stream_is_kept_with_spans_in_the_file() {
        let text = "a: 1\n---\nb: 2\n---\n- c\n";
        let p = parse(text);
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert_eq!(p.more.len(), 2);
        let b = p.more[0].member("b").expect("b");
        assert_eq!(&text[b.key_span.start..b.key_span.end], "b");
        assert_eq!(&text[b.value.span.start..b.value.span.end], "2");
        let c = &p.more[1].as_array().expect("list")[0];
        assert_eq!(&text[c.span.start..c.span.end], "c");
        // A broken later document keeps the documents before it.
        let p = parse("a: 1\n---\nb: [\n---\n");
        assert!(p.root.is_some());
        assert!(p.errors.iter().any(|e| e.kind == ParseErrorKind::Syntax));
        // A broken first document leaves nothing.
        let p = parse("a: [\n---\nb: 2\n");
        assert!(p.root.is_none() && p.more.is_empty());
    }

    #[test]
    fn closing_bracket_at_the_key_indentation_is_accepted() {
        let text = "a:\n  Resource: [\n     \"x\",\n  ]\n  b: 1\n";
        let r = root(text);
        let a = r.get("a").expect("a");
        let b = a.member("b").expect("b");
        assert_eq!(text_of(text, b.key_span), "b");
        assert_eq!(
            a.get("Resource")
                .and_then(|n| n.as_array())
                .map(|x| x.len()),
            Some(1)
        );
        let top = "Resource: [\r\n  \"x\",\r\n]\r\n";
        assert!(parse(top).errors.is_empty());
    }

    #[test]
    fn syntax_error_has_a_position() {
        let text = "a: [1, 2\nb: 3\n";
        let p = parse(text);
        assert!(p.root.is_none());
        assert!(p.errors[0].span.start > 0);
    }
}
