//! Suppression comments in YAML files:
//!
//! ```yaml
//! RoleArn: arn:aws:iam::123456789012:role/x  # sagelint: ignore[SL104] role made by the pipeline
//! # sagelint: ignore[pattern-mismatch] the line below
//! TrainingJobName: my_job
//! # sagelint: ignore-file[SL405] every job here checkpoints through the framework
//! ```
//!
//! A comment applies to diagnostics starting on its own line, or, when it stands alone on a
//! line, on the next line. `ignore` without a rule list covers every rule. A suppression that
//! covers nothing is reported (SL010), like ruff's unused `noqa`. JSON has no comments: JSON
//! findings are suppressed in the configuration file instead (`[[suppress]]`).

use crate::diagnostic::Diagnostic;
use crate::rules::{self, Rule};
use crate::source::{Format, SourceFile, Span};
use crate::tree::{Node, Value};

/// One `# sagelint: ignore...` comment.
#[derive(Debug, Clone)]
pub struct Comment {
    pub span: Span,
    /// The 1-based line the comment applies to (its own, or the next when it stands alone).
    pub line: usize,
    pub whole_file: bool,
    /// The rules named; empty means every rule.
    pub rules: Vec<&'static Rule>,
    /// Names in the list that are not rules.
    pub unknown: Vec<String>,
}

const MARKER: &str = "sagelint:";

/// The suppression comments of a YAML file. `root` tells which `#` are inside string values.
pub fn comments(source: &SourceFile, root: Option<&Node>) -> Vec<Comment> {
    if source.format != Format::Yaml || !source.text.contains(MARKER) {
        return Vec::new();
    }
    let mut strings = Vec::new();
    if let Some(root) = root {
        string_spans(root, &mut strings);
    }
    let strings = Strings::new(strings);
    let mut out = Vec::new();
    let mut line_start = 0;
    for (index, line) in source.text.split('\n').enumerate() {
        if let Some(c) = parse_line(line, line_start, index + 1, &strings) {
            out.push(c);
        }
        line_start += line.len() + 1;
    }
    out
}

/// The spans of a document's strings, to tell a `#` inside a string in O(log n).
struct Strings {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl Strings {
    fn new(mut spans: Vec<Span>) -> Strings {
        spans.sort_unstable();
        let max_end = spans
            .iter()
            .scan(0, |max, s| {
                *max = s.end.max(*max);
                Some(*max)
            })
            .collect();
        Strings { spans, max_end }
    }

    fn contain(&self, at: usize) -> bool {
        let before = self.spans.partition_point(|s| s.start <= at);
        before
            .checked_sub(1)
            .and_then(|i| self.max_end.get(i))
            .is_some_and(|&end| at < end)
    }
}

fn parse_line(line: &str, offset: usize, number: usize, strings: &Strings) -> Option<Comment> {
    let mut search = 0;
    while let Some(i) = line[search..].find('#') {
        let hash = search + i;
        search = hash + 1;
        let starts_comment = hash == 0 || line[..hash].ends_with([' ', '\t']);
        let at = offset + hash;
        if !starts_comment || strings.contain(at) {
            continue;
        }
        let body = line[hash + 1..].trim_start();
        let rest = body.strip_prefix(MARKER)?.trim_start();
        let (whole_file, rest) = if let Some(r) = rest.strip_prefix("ignore-file") {
            (true, r)
        } else {
            (false, rest.strip_prefix("ignore")?)
        };
        let mut rules_named = Vec::new();
        let mut unknown = Vec::new();
        if let Some(list) = rest.strip_prefix('[') {
            let list = list.split(']').next().unwrap_or_default();
            for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                match rules::find(name) {
                    Some(r) => rules_named.push(r),
                    None => unknown.push(name.to_string()),
                }
            }
        }
        let alone = line[..hash].trim().is_empty();
        return Some(Comment {
            span: Span::new(at, offset + line.trim_end_matches('\r').len()),
            line: if alone { number + 1 } else { number },
            whole_file,
            rules: rules_named,
            unknown,
        });
    }
    None
}

fn string_spans(node: &Node, out: &mut Vec<Span>) {
    match &node.value {
        // A value known later was a string (or an intrinsic function) as written.
        Value::String(_) | Value::Runtime => out.push(node.span),
        Value::Array(items) => items.iter().for_each(|i| string_spans(i, out)),
        Value::Object(members) => {
            for m in members {
                out.push(m.key_span);
                string_spans(&m.value, out);
            }
        }
        _ => {}
    }
}

impl Comment {
    fn covers(&self, d: &Diagnostic, source: &SourceFile) -> bool {
        (self.whole_file || source.position(d.span.start).line == self.line)
            && (self.rules.is_empty() && self.unknown.is_empty()
                || self.rules.iter().any(|r| r.code == d.rule.code))
    }
}

/// Drop the diagnostics the comments cover; return diagnostics for comments that covered
/// nothing or name unknown rules.
pub fn apply(
    source: &SourceFile,
    comments: &[Comment],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut used = vec![false; comments.len()];
    // The comments that may cover a diagnostic: those of its line, and the whole-file ones
    // (not every comment for every diagnostic: both may number in the thousands).
    let mut by_line: foldhash::HashMap<usize, Vec<usize>> = Default::default();
    let mut whole_file = Vec::new();
    for (i, c) in comments.iter().enumerate() {
        if c.whole_file {
            whole_file.push(i);
        } else {
            by_line.entry(c.line).or_default().push(i);
        }
    }
    diagnostics.retain(|d| {
        let line = source.position(d.span.start).line;
        let mut kept = true;
        let here = by_line.get(&line).map(Vec::as_slice).unwrap_or_default();
        for &i in whole_file.iter().chain(here) {
            if comments[i].covers(d, source) {
                used[i] = true;
                kept = false;
            }
        }
        kept
    });
    let rule = &rules::document::unused_suppression::RULE;
    let mut out = Vec::new();
    for (c, used) in comments.iter().zip(used) {
        let message = if !c.unknown.is_empty() {
            format!(
                "suppression names unknown rule{} {}",
                if c.unknown.len() == 1 { "" } else { "s" },
                c.unknown
                    .iter()
                    .map(|u| format!("`{u}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else if !used {
            let what = if c.rules.is_empty() {
                "any rule".to_string()
            } else {
                c.rules
                    .iter()
                    .map(|r| r.code)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let place = if c.whole_file {
                "this file"
            } else {
                "its line"
            };
            format!("unused suppression: no finding of {what} on {place}")
        } else {
            continue;
        };
        out.push(Diagnostic {
            rule,
            severity: rule.severity,
            message,
            help: Some("remove the comment, or fix the rule list".into()),
            pointer: String::new(),
            span: c.span,
            redact: false,
            fix: None,
            origin: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Comment> {
        let source = SourceFile::new("t.yaml", text, Format::Yaml);
        let root = crate::parse::parse(&source).root;
        comments(&source, root.as_ref())
    }

    #[test]
    fn forms() {
        let c = parse("a: 1  # sagelint: ignore[SL104, out-of-range] why\n");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].line, 1);
        assert_eq!(c[0].rules.len(), 2);
        let c = parse("# sagelint: ignore[SL104]\na: 1\n");
        assert_eq!(c[0].line, 2);
        let c = parse("# sagelint: ignore-file\na: 1\n");
        assert!(c[0].whole_file && c[0].rules.is_empty());
        let c = parse("a: 1 # sagelint: ignore[NOPE]\n");
        assert_eq!(c[0].unknown, vec!["NOPE".to_string()]);
    }

    #[test]
    fn hash_inside_a_string_is_not_a_comment() {
        assert!(parse("a: \"x # sagelint: ignore[SL104]\"\n").is_empty());
        assert!(parse("a: x#sagelint: ignore\n").is_empty());
    }
}
