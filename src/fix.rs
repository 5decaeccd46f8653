//! Machine-applicable fixes for the findings whose fix is certain: a misspelt key or enum value
//! replaced by the one meant, a member that must not be there removed.
//!
//! Rules compute them while checking (they have the text and the tree); editors offer them as
//! quick fixes. A fix is only produced when the edit is unambiguous: otherwise `None`.

use crate::diagnostic::{Edit, Fix};
use crate::pointer;
use crate::source::{Format, SourceFile, Span};
use crate::tree::Node;

/// Replace the scalar (key or value) at `span` with `with`, keeping its quotes.
pub fn replace_scalar(source: &SourceFile, span: Span, with: &str) -> Option<Fix> {
    let old = source.text.get(span.start..span.end)?;
    let quote = old
        .chars()
        .next()
        .filter(|q| matches!(q, '"' | '\'') && old.len() >= 2 && old.ends_with(*q));
    let text = match quote {
        Some(q) => format!("{q}{with}{q}"),
        None if source.format == Format::Json => return None,
        // A plain YAML scalar that would not read back as the string meant is quoted.
        None if !plain_yaml_string(with) => format!("\"{with}\""),
        None => with.to_string(),
    };
    Some(Fix {
        title: format!("Replace with `{with}`"),
        edits: vec![Edit { span, text }],
    })
}

/// Whether `s`, written as a plain YAML scalar, reads back as the string `s` (YAML 1.2 core).
fn plain_yaml_string(s: &str) -> bool {
    let reserved = [
        "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
    ];
    !reserved.contains(&s)
        && s.parse::<f64>().is_err()
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|',
        ])
        && !s.starts_with(['>', '\'', '"', '%', '@', '`', ' '])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with([':', ' '])
}

/// Remove the member at `ptr` (or its Step Functions form `Name.$`): in a YAML block mapping
/// the whole `key: value` line(s); in JSON or a YAML flow mapping the `"key": value` pair and
/// the comma that separates it from a neighbour.
pub fn remove_member(source: &SourceFile, root: &Node, ptr: &str) -> Option<Fix> {
    let parent = root.lookup(pointer::parent(ptr)?)?.node;
    let members = parent.as_object()?;
    let key = pointer::last(ptr)?;
    let step_functions = format!("{key}.$");
    let i = members
        .iter()
        .rposition(|m| m.key == key || m.key == step_functions)?;
    let m = &members[i];
    let text = source.text.as_str();
    // A member merged in (`<<: *base`) or an aliased value lives elsewhere in the text: removing
    // the text there would change other members too.
    let inside = |s: Span| parent.span.start <= s.start && s.end <= parent.span.end;
    let end = last_end(text, &m.value);
    if !inside(m.key_span) || m.value.span.start < m.key_span.end || end > parent.span.end {
        return None;
    }
    let start = m.key_span.start;
    let flow = source.format == Format::Json || text[parent.span.start..].starts_with('{');
    let span = if flow {
        flow_removal(text, members, i, start, end)?
    } else {
        block_removal(text, members, i, start, end)?
    };
    Some(Fix {
        title: format!("Remove {}", m.key),
        edits: vec![Edit {
            span,
            text: String::new(),
        }],
    })
}

fn flow_removal(
    text: &str,
    members: &[crate::tree::Member],
    i: usize,
    start: usize,
    end: usize,
) -> Option<Span> {
    let separator = |a: usize, b: usize| {
        a <= b && {
            let between = text[a..b].trim();
            between == ","
        }
    };
    if let Some(next) = members.get(i + 1) {
        let next_start = next.key_span.start;
        if !separator(end, next_start) {
            return None;
        }
        // On lines of its own: delete those lines (the next member keeps its indentation).
        if alone_before(text, start) && text[end..next_start].contains('\n') {
            return Some(Span::new(
                line_start(text, start),
                line_start(text, next_start),
            ));
        }
        return Some(Span::new(start, next_start));
    }
    if i > 0 {
        let prev_end = last_end(text, &members[i - 1].value);
        if !separator(prev_end, start) {
            return None;
        }
        return Some(Span::new(prev_end, end));
    }
    // The only member.
    if alone_before(text, start) && alone_after(text, end) {
        return Some(Span::new(line_start(text, start), line_end(text, end)));
    }
    Some(Span::new(start, end))
}

fn block_removal(
    text: &str,
    members: &[crate::tree::Member],
    i: usize,
    start: usize,
    end: usize,
) -> Option<Span> {
    let from = line_start(text, start);
    let before = &text[from..start];
    if before.trim().is_empty() {
        return Some(Span::new(from, line_end(text, end)));
    }
    // The first member of a sequence item (`- Key: value`): the next member moves up to the dash.
    let dash = before.trim_start();
    if dash.starts_with('-') && dash.trim_start_matches(['-', ' ']).is_empty() {
        let next = members.get(i + 1)?;
        let between = text.get(line_end(text, end)..next.key_span.start)?;
        if between.trim().is_empty() {
            return Some(Span::new(start, next.key_span.start));
        }
    }
    None
}

/// Whether only blanks stand between the start of `at`'s line and `at`.
fn alone_before(text: &str, at: usize) -> bool {
    text[line_start(text, at)..at].trim().is_empty()
}

/// Whether only blanks stand between `at` and the end of its line.
fn alone_after(text: &str, at: usize) -> bool {
    text[at..line_end(text, at)].trim().is_empty()
}

/// The offset where the line holding `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The offset just past the line break ending the line that holds `at` (or the end of text).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// The end of the last piece of text a value spans (nested values included). A YAML block
/// collection's own span may run on to the next token, so it ends with its last child; a flow
/// collection ends at its closing bracket.
fn last_end(text: &str, node: &Node) -> usize {
    use crate::tree::Value;
    let children = match &node.value {
        Value::Array(items) => items.iter().map(|n| last_end(text, n)).max(),
        Value::Object(members) => members
            .iter()
            .map(|m| last_end(text, &m.value).max(m.key_span.end))
            .max(),
        _ => return node.span.end,
    };
    let open = text.get(node.span.start..).and_then(|t| t.chars().next());
    match (open, children) {
        (Some(open @ ('{' | '[')), children) => {
            let close = if open == '{' { '}' } else { ']' };
            let from = children.unwrap_or(node.span.start + 1);
            text.get(from..)
                .and_then(|t| t.find(close))
                .map_or(node.span.end, |i| from + i + 1)
        }
        (_, Some(end)) => end,
        (_, None) => node.span.end,
    }
}

/// Apply a fix's edits to a text (for tests and for tools that fix files).
pub fn apply(text: &str, fix: &Fix) -> String {
    let mut out = text.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        if e.span.start <= e.span.end && out.get(e.span.start..e.span.end).is_some() {
            out.replace_range(e.span.start..e.span.end, &e.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str, format: Format, ptr: &str) -> Option<String> {
        let source = SourceFile::new("t", text, format);
        let root = crate::parse::parse(&source).root?;
        let fix = remove_member(&source, &root, ptr)?;
        let out = apply(text, &fix);
        // The result must still parse.
        let again = SourceFile::new("t", out.clone(), format);
        assert!(
            crate::parse::parse(&again).errors.is_empty(),
            "fix broke the document:\n{out}"
        );
        Some(out)
    }

    #[test]
    fn yaml_block_member_lines_go() {
        let text = "A: 1\nB:\n  C: 2 # c\n  D:\n    - x\nE: 3\n";
        assert_eq!(
            removed(text, Format::Yaml, "/B/D").as_deref(),
            Some("A: 1\nB:\n  C: 2 # c\nE: 3\n")
        );
        assert_eq!(
            removed(text, Format::Yaml, "/B/C").as_deref(),
            Some("A: 1\nB:\n  D:\n    - x\nE: 3\n")
        );
        assert_eq!(
            removed("A: 1\r\nB: 2\r\n", Format::Yaml, "/A").as_deref(),
            Some("B: 2\r\n")
        );
        assert_eq!(
            removed("A: 1\nB: 2", Format::Yaml, "/B").as_deref(),
            Some("A: 1\n")
        );
    }

    #[test]
    fn yaml_first_member_of_a_sequence_item() {
        let text = "L:\n  - A: 1\n    B: 2\n";
        assert_eq!(
            removed(text, Format::Yaml, "/L/0/A").as_deref(),
            Some("L:\n  - B: 2\n")
        );
        assert_eq!(removed("L:\n  - A: 1\n", Format::Yaml, "/L/0/A"), None);
    }

    #[test]
    fn yaml_flow_mapping() {
        let text = "R: {A: 1, B: 2, C: 3}\n";
        assert_eq!(
            removed(text, Format::Yaml, "/R/B").as_deref(),
            Some("R: {A: 1, C: 3}\n")
        );
        assert_eq!(
            removed(text, Format::Yaml, "/R/C").as_deref(),
            Some("R: {A: 1, B: 2}\n")
        );
    }

    #[test]
    fn json_pair_and_its_comma() {
        let text = "{\n  \"A\": 1,\n  \"B\": {\"x\": [1]},\n  \"C\": 3\n}\n";
        assert_eq!(
            removed(text, Format::Json, "/B").as_deref(),
            Some("{\n  \"A\": 1,\n  \"C\": 3\n}\n")
        );
        assert_eq!(
            removed(text, Format::Json, "/C").as_deref(),
            Some("{\n  \"A\": 1,\n  \"B\": {\"x\": [1]}\n}\n")
        );
        assert_eq!(
            removed("{\"A\": 1, \"B\": 2}", Format::Json, "/A").as_deref(),
            Some("{\"B\": 2}")
        );
        assert_eq!(
            removed("{\"R\": {\n  \"A\": 1\n}}", Format::Json, "/R/A").as_deref(),
            Some("{\"R\": {\n}}")
        );
    }

    #[test]
    fn merged_members_are_not_removed() {
        let text = "base: &b\n  K: 1\nR:\n  <<: *b\n  J: 2\n";
        assert_eq!(removed(text, Format::Yaml, "/R/K"), None);
    }

    #[test]
    fn replacement_keeps_quotes() {
        let s = SourceFile::new("t", "{\"Fiel\": 1}", Format::Json);
        let fix = replace_scalar(&s, Span::new(1, 7), "File").expect("fix");
        assert_eq!(apply(&s.text, &fix), "{\"File\": 1}");
        let s = SourceFile::new("t", "a: 'Fiel'\nb: Fiel\n", Format::Yaml);
        let fix = replace_scalar(&s, Span::new(3, 9), "File").expect("fix");
        assert_eq!(apply(&s.text, &fix), "a: 'File'\nb: Fiel\n");
        let fix = replace_scalar(&s, Span::new(13, 17), "true").expect("fix");
        assert_eq!(apply(&s.text, &fix), "a: 'Fiel'\nb: \"true\"\n");
    }
}
