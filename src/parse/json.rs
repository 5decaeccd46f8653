//! Strict JSON (RFC 8259) with byte spans, via dprint's `jsonc-parser`.

use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

use super::{number, ParseError, Parsed, MAX_DEPTH};
use crate::source::Span;
use crate::tree::{mark_shadowed, Member, Node, Value};

/// jsonc-parser accepts JSONC/JSON5 by default; the AWS CLI's `json` module accepts none of it.
const STRICT: ParseOptions = ParseOptions {
    allow_comments: false,
    allow_loose_object_property_names: false,
    allow_trailing_commas: false,
    allow_missing_commas: false,
    allow_single_quoted_strings: false,
    allow_hexadecimal_numbers: false,
    allow_unary_plus_numbers: false,
    allow_bare_decimal_point_numbers: false,
    allow_non_finite_numbers: false,
    allow_extended_string_escapes: false,
};

pub fn parse(text: &str) -> Parsed {
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    match jsonc_parser::parse_to_ast(text, &collect, &STRICT) {
        Ok(result) => {
            let mut errors = Vec::new();
            let root = match result.value {
                Some(v) => convert(v, 0, &mut errors),
                None => {
                    errors.push(ParseError::syntax(
                        "the file is empty: expected a JSON object",
                        Span::new(0, 0),
                    ));
                    None
                }
            };
            Parsed {
                root,
                more: Vec::new(),
                errors,
            }
        }
        Err(e) => {
            let r = e.range();
            Parsed {
                root: None,
                more: Vec::new(),
                errors: vec![ParseError::syntax(
                    format!("invalid JSON: {}", e.kind()),
                    Span::new(r.start, r.end),
                )],
            }
        }
    }
}

fn span(r: jsonc_parser::common::Range) -> Span {
    Span::new(r.start, r.end)
}

fn convert(v: ast::Value<'_>, depth: usize, errors: &mut Vec<ParseError>) -> Option<Node> {
    let node = match v {
        ast::Value::NullKeyword(n) => Node::new(Value::Null, span(n.range)),
        ast::Value::BooleanLit(b) => Node::new(Value::Bool(b.value), span(b.range)),
        ast::Value::StringLit(s) => Node::new(Value::String(s.value.into_owned()), span(s.range)),
        ast::Value::NumberLit(n) => match number::decimal(n.value) {
            Some(num) => Node::new(Value::Number(num), span(n.range)),
            None => {
                errors.push(ParseError::syntax(
                    format!("the number {} is out of range", n.value),
                    span(n.range),
                ));
                Node::new(Value::Null, span(n.range))
            }
        },
        ast::Value::Array(a) => {
            if depth >= MAX_DEPTH {
                errors.push(too_deep(span(a.range)));
                return None;
            }
            let mut items = Vec::with_capacity(a.elements.len());
            for e in a.elements {
                items.push(convert(e, depth + 1, errors)?);
            }
            Node::new(Value::Array(items), span(a.range))
        }
        ast::Value::Object(o) => {
            if depth >= MAX_DEPTH {
                errors.push(too_deep(span(o.range)));
                return None;
            }
            let mut members = Vec::with_capacity(o.properties.len());
            for p in o.properties {
                let (key, key_span) = match p.name {
                    ast::ObjectPropName::String(s) => (s.value.into_owned(), span(s.range)),
                    ast::ObjectPropName::Word(w) => (w.value.to_string(), span(w.range)),
                };
                let value = convert(p.value, depth + 1, errors)?;
                members.push(Member::new(key, key_span, value));
            }
            mark_shadowed(&mut members);
            Node::new(Value::Object(members), span(o.range))
        }
    };
    Some(node)
}

fn too_deep(at: Span) -> ParseError {
    ParseError::syntax(
        format!("nesting deeper than {MAX_DEPTH} levels: this cannot be a training job request"),
        Span::new(at.start, at.start + 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_bytes_of_keys_and_values() {
        let text = r#"{"Ké": "välue", "n": 3}"#;
        let p = parse(text);
        let root = p.root.expect("parsed");
        let m = &root.as_object().expect("object")[0];
        assert_eq!(&text[m.key_span.start..m.key_span.end], "\"Ké\"");
        assert_eq!(&text[m.value.span.start..m.value.span.end], "\"välue\"");
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let p = parse(r#"{"a": 1, "a": 2}"#);
        assert_eq!(
            p.root.expect("parsed").as_object().map(|m| m.len()),
            Some(2)
        );
    }

    #[test]
    fn jsonc_extensions_are_errors() {
        for bad in [
            "{\"a\": 1,}",
            "{// c\n\"a\": 1}",
            "{'a': 1}",
            "{\"a\": 0x1}",
            "{a: 1}",
            "{\"a\": NaN}",
        ] {
            let p = parse(bad);
            assert!(p.root.is_none() && !p.errors.is_empty(), "{bad} accepted");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let p = parse(&text);
        assert!(p.root.is_none());
        assert_eq!(p.errors.len(), 1);
    }
}
