//! What is under the cursor: the member (by JSON Pointer) whose key or value holds an offset,
//! in a parsed tree; and, for text that does not parse (mid-edit), the object the cursor is in
//! and whether it is at a key, found from the text alone.

use crate::pointer;
use crate::source::{Format, Span};
use crate::tree::{Node, Value};

/// The innermost member at an offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Pointer of the member (or array item) concerned.
    pub pointer: String,
    /// The cursor is on the member's key (else on its value).
    pub on_key: bool,
    /// The span of the key or scalar value under the cursor.
    pub span: Span,
}

/// The member whose key or scalar value contains `offset` (ends included, so a cursor just
/// after a word still finds it).
pub fn place(root: &Node, offset: usize) -> Option<Place> {
    let mut best = None;
    walk(root, "", offset, &mut best);
    best
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

fn walk(node: &Node, at: &str, offset: usize, best: &mut Option<Place>) {
    match &node.value {
        Value::Object(members) => {
            for m in members {
                let ptr = pointer::join(at, &m.key);
                if contains(m.key_span, offset) {
                    *best = Some(Place {
                        pointer: ptr.clone(),
                        on_key: true,
                        span: m.key_span,
                    });
                }
                walk(&m.value, &ptr, offset, best);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &pointer::join(at, i.to_string()), offset, best);
            }
        }
        _ => {
            if contains(node.span, offset) && !at.is_empty() {
                *best = Some(Place {
                    pointer: at.to_string(),
                    on_key: false,
                    span: node.span,
                });
            }
        }
    }
}

/// Where the cursor is, read from the text up to it (the text need not parse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// Pointer of the object (or, for a value, the member) the cursor is in.
    pub pointer: String,
    /// At a key position: completing a member name of the object at `pointer`. Else at a value
    /// position: completing the value of the member at `pointer`.
    pub at_key: bool,
    /// The keys already present in that object (at a key position).
    pub present: Vec<String>,
    /// The partial word before the cursor, and where it starts.
    pub prefix_start: usize,
    /// Whether the word is inside quotes (JSON keys and strings).
    pub quoted: bool,
}

/// The completion context at `offset`.
pub fn context(text: &str, format: Format, offset: usize) -> Option<Context> {
    let offset = floor(text, offset);
    match format {
        Format::Json => json_context(text, offset),
        Format::Yaml => yaml_context(text, offset),
    }
}

fn floor(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a line starts or ends a YAML document (`---`, `...`).
fn document_marker(line: &str) -> bool {
    ["---", "..."].iter().any(|m| {
        line.strip_prefix(m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

/// The index (from 0) of the document of a YAML stream that holds `offset`: the `---` lines
/// before it, less a `---` that only opens the first document.
pub fn yaml_document(text: &str, offset: usize) -> usize {
    let mut index = 0;
    let mut content = false;
    for line in text[..floor(text, offset)].split_inclusive('\n') {
        if !line.ends_with('\n') {
            break; // the cursor's own line
        }
        let line = line.trim_end_matches(['\n', '\r']);
        if line.starts_with("---") && document_marker(line) {
            if content {
                index += 1;
            }
            content = true;
        } else if !(line.trim().is_empty() || line.starts_with('#') || line.starts_with('%')) {
            content = true;
        }
    }
    index
}

/// An open container while scanning JSON text.
#[derive(Debug)]
struct Frame {
    pointer: String,
    object: bool,
    /// In an array: the index of the current item.
    index: usize,
    /// In an object: the keys seen so far.
    keys: Vec<String>,
    /// In an object: a key and its `:` have been read, so a value comes next.
    after_colon: bool,
    key: Option<String>,
}

impl Frame {
    fn new(pointer: String, object: bool) -> Frame {
        Frame {
            pointer,
            object,
            index: 0,
            keys: Vec::new(),
            after_colon: false,
            key: None,
        }
    }

    fn at_key(&self) -> bool {
        self.object && !self.after_colon
    }

    /// The pointer of the value being written in this container.
    fn value_pointer(&self) -> Option<String> {
        if self.object {
            Some(pointer::join(&self.pointer, self.key.as_deref()?))
        } else {
            Some(pointer::join(&self.pointer, self.index.to_string()))
        }
    }

    fn context(&self, prefix_start: usize, quoted: bool) -> Option<Context> {
        let at_key = self.at_key();
        Some(Context {
            pointer: if at_key {
                self.pointer.clone()
            } else {
                self.value_pointer()?
            },
            at_key,
            present: self.keys.clone(),
            prefix_start,
            quoted,
        })
    }
}

/// JSON: scan the text up to the cursor with a tolerant tokenizer, keeping the stack of open
/// containers (the pointer of each, the keys seen in each object).
fn json_context(text: &str, offset: usize) -> Option<Context> {
    let mut stack: Vec<Frame> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut last_string: Option<String> = None;
    while i < offset {
        match bytes[i] {
            b'"' => {
                let start = i;
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' && bytes[j] != b'\n' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if j >= offset {
                    // The cursor is inside this string (a key or a value being typed).
                    let mut cx = stack.last()?.context(start + 1, true)?;
                    if cx.at_key {
                        cx.present.extend(keys_after(text, j + 1));
                    }
                    return Some(cx);
                }
                let raw = text.get(start..=j).unwrap_or_default();
                last_string = Some(
                    serde_json::from_str::<String>(raw)
                        .unwrap_or_else(|_| raw.trim_matches('"').to_string()),
                );
                i = j + 1;
                continue;
            }
            b':' => {
                if let Some(f) = stack.last_mut().filter(|f| f.object) {
                    f.after_colon = true;
                    if let Some(k) = last_string.take() {
                        f.keys.push(k.clone());
                        f.key = Some(k);
                    }
                }
            }
            b',' => {
                if let Some(f) = stack.last_mut() {
                    f.after_colon = false;
                    f.key = None;
                    f.index += 1;
                }
                last_string = None;
            }
            b'{' | b'[' => {
                let pointer = stack
                    .last()
                    .and_then(Frame::value_pointer)
                    .unwrap_or_default();
                stack.push(Frame::new(pointer, bytes[i] == b'{'));
                last_string = None;
            }
            b'}' | b']' => {
                stack.pop();
                last_string = None;
            }
            _ => {}
        }
        i += 1;
    }
    // Keys after the cursor in the same object count as present too.
    let frame = stack.last_mut()?;
    if frame.object {
        frame.keys.extend(keys_after(text, offset));
    }
    frame.context(offset, false)
}

/// The keys of the object the cursor is in, after the cursor (a shallow scan to its end).
fn keys_after(text: &str, offset: usize) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut keys = Vec::new();
    let mut i = offset;
    let mut last: Option<String> = None;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' && bytes[j] != b'\n' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let raw = text.get(start..=j.min(bytes.len() - 1)).unwrap_or_default();
                last = serde_json::from_str::<String>(raw).ok();
                i = j + 1;
                continue;
            }
            b':' if depth == 0 => {
                if let Some(k) = last.take() {
                    keys.push(k);
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            _ => {}
        }
        if !bytes[i].is_ascii_whitespace() && bytes[i] != b':' {
            last = None;
        }
        i += 1;
    }
    keys
}

/// One line of YAML, as far as block structure goes.
struct Line<'a> {
    /// The column where the content starts, after indentation and sequence dashes.
    col: usize,
    /// The column of the first sequence dash, if the line starts an item.
    dash: Option<usize>,
    rest: &'a str,
}

fn yaml_line(line: &str) -> Line<'_> {
    let line = line.trim_end_matches('\r');
    let mut rest = line;
    let mut dash = None;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        if let Some(after) = trimmed.strip_prefix('-') {
            if after.is_empty() || after.starts_with(' ') {
                dash.get_or_insert(line.len() - trimmed.len());
                rest = after;
                continue;
            }
        }
        rest = trimmed;
        break;
    }
    Line {
        col: line.len() - rest.len(),
        dash,
        rest,
    }
}

/// The key a block line starts with (`Key:` or `Key: value`).
fn key_of(rest: &str) -> Option<String> {
    let colon = rest
        .find(": ")
        .or_else(|| rest.trim_end().strip_suffix(':').map(str::len))?;
    let key = rest[..colon].trim().trim_matches(['"', '\'']);
    (!key.is_empty() && !key.starts_with(['{', '[', '#'])).then(|| key.to_string())
}

enum Seek {
    /// Looking for the line that opens the mapping whose members start at this column.
    Mapping(usize),
    /// Looking for the key that holds the sequence whose dashes are at this column.
    Sequence(usize),
}

enum Step {
    Key(String),
    Item,
}

/// YAML: the enclosing mappings and sequence items are found by indentation, walking up from
/// the cursor's line, so the text need not parse.
fn yaml_context(text: &str, offset: usize) -> Option<Context> {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let here = yaml_line(&text[line_start..offset]);
    let rest_start = line_start + here.col;
    // `Key: val|` completes a value; anything else a key.
    let value = key_of(here.rest).and_then(|k| {
        let colon = here.rest.find(':')?;
        let after = &here.rest[colon + 1..];
        let v = after.trim_start();
        let quoted = v.starts_with(['"', '\'']);
        let start = rest_start + colon + 1 + (after.len() - v.len()) + usize::from(quoted);
        Some((k, start, quoted))
    });
    let mut steps: Vec<Step> = Vec::new();
    let mut siblings: Vec<String> = Vec::new();
    let mut seek = match here.dash {
        Some(d) => {
            steps.push(Step::Item);
            Seek::Sequence(d)
        }
        None => Seek::Mapping(here.col),
    };
    for raw in text[..line_start].split('\n').rev() {
        let raw = raw.trim_end_matches('\r');
        if document_marker(raw) {
            break;
        }
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let l = yaml_line(raw);
        match seek {
            Seek::Mapping(col) => {
                if l.col > col {
                    continue;
                }
                if l.col == col {
                    if steps.is_empty() {
                        siblings.extend(key_of(l.rest));
                    }
                    if let Some(d) = l.dash {
                        steps.push(Step::Item);
                        seek = Seek::Sequence(d);
                    }
                    continue;
                }
                match (key_of(l.rest), l.dash) {
                    (Some(k), None) => {
                        steps.push(Step::Key(k));
                        seek = Seek::Mapping(l.col);
                    }
                    (Some(k), Some(d)) => {
                        steps.push(Step::Key(k));
                        steps.push(Step::Item);
                        seek = Seek::Sequence(d);
                    }
                    (None, Some(d)) => {
                        steps.push(Step::Item);
                        seek = Seek::Sequence(d);
                    }
                    (None, None) => return None,
                }
            }
            Seek::Sequence(d) => {
                if l.dash == Some(d) || l.col > d {
                    continue;
                }
                match (key_of(l.rest), l.dash) {
                    (Some(k), None) => {
                        steps.push(Step::Key(k));
                        seek = Seek::Mapping(l.col);
                    }
                    (Some(k), Some(d2)) => {
                        steps.push(Step::Key(k));
                        steps.push(Step::Item);
                        seek = Seek::Sequence(d2);
                    }
                    _ => return None,
                }
            }
        }
        if matches!(seek, Seek::Mapping(0)) && !steps.is_empty() {
            break;
        }
    }
    // Siblings below the cursor, up to the end of the mapping (or of the item).
    if value.is_none() {
        let below = text.get(line_end(text, offset)..).unwrap_or_default();
        for raw in below.split('\n') {
            if document_marker(raw.trim_end_matches('\r')) {
                break;
            }
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let l = yaml_line(raw);
            if l.col < here.col || (l.col == here.col && l.dash.is_some()) {
                break;
            }
            if l.col == here.col {
                siblings.extend(key_of(l.rest));
            }
        }
    }
    // Item indices only lead to the item schema, the same for every item: 0 will do.
    let mut object = String::new();
    for step in steps.iter().rev() {
        object = match step {
            Step::Key(k) => pointer::join(&object, k),
            Step::Item => pointer::join(&object, "0"),
        };
    }
    Some(match value {
        Some((key, start, quoted)) => Context {
            pointer: pointer::join(&object, key),
            at_key: false,
            present: Vec::new(),
            prefix_start: start,
            quoted,
        },
        None => Context {
            pointer: object,
            at_key: true,
            present: siblings,
            prefix_start: rest_start + usize::from(here.rest.starts_with(['"', '\''])),
            quoted: here.rest.starts_with(['"', '\'']),
        },
    })
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn place_of(text: &str, format: Format, needle: &str) -> Option<Place> {
        let source = SourceFile::new("t", text, format);
        let root = crate::parse::parse(&source).root?;
        place(&root, text.find(needle)? + 1)
    }

    #[test]
    fn places_in_a_tree() {
        let yaml = "ResourceConfig:\n  InstanceType: ml.m5.xlarge\nL:\n  - A: b\n";
        let p = place_of(yaml, Format::Yaml, "InstanceType").unwrap();
        assert_eq!(p.pointer, "/ResourceConfig/InstanceType");
        assert!(p.on_key);
        let p = place_of(yaml, Format::Yaml, "ml.m5").unwrap();
        assert_eq!(p.pointer, "/ResourceConfig/InstanceType");
        assert!(!p.on_key);
        let p = place_of(yaml, Format::Yaml, "A:").unwrap();
        assert_eq!(p.pointer, "/L/0/A");
        let json = "{\"R\": {\"K\": \"v\"}}";
        let p = place_of(json, Format::Json, "\"K\"").unwrap();
        assert_eq!(p.pointer, "/R/K");
    }

    fn ctx(text_with_cursor: &str, format: Format) -> Context {
        let offset = text_with_cursor.find('|').unwrap();
        let text = text_with_cursor.replace('|', "");
        context(&text, format, offset).unwrap()
    }

    #[test]
    fn yaml_streams_are_read_document_by_document() {
        let text = "# jobs\n---\na: 1\n---\nkind: TrainingJob\nspec:\n  ro|\n---\nz: 2\n";
        let offset = text.find('|').unwrap();
        assert_eq!(yaml_document(&text.replace('|', ""), offset), 1);
        let c = ctx(text, Format::Yaml);
        assert_eq!(c.pointer, "/spec");
        let c = ctx("a: 1\n---\nb|\n---\nc: 3\n", Format::Yaml);
        assert_eq!(c.present, Vec::<String>::new());
        assert_eq!(yaml_document("a: 1\n---\nb\n", 10), 1);
        assert_eq!(yaml_document("a: 1\n", 3), 0);
    }

    #[test]
    fn yaml_contexts_without_parsing() {
        let c = ctx(
            "TrainingJobName: x\nResourceConfig:\n  InstanceType: ml.m5.xlarge\n  Vol|\nRoleArn: r\n",
            Format::Yaml,
        );
        assert_eq!(c.pointer, "/ResourceConfig");
        assert!(c.at_key);
        assert_eq!(c.present, vec!["InstanceType".to_string()]);
        let c = ctx("TrainingJobName: x\nRol|\n", Format::Yaml);
        assert_eq!(c.pointer, "");
        assert!(c.present.contains(&"TrainingJobName".to_string()));
        let c = ctx(
            "AlgorithmSpecification:\n  TrainingInputMode: Fi|\n",
            Format::Yaml,
        );
        assert_eq!(c.pointer, "/AlgorithmSpecification/TrainingInputMode");
        assert!(!c.at_key);
        let c = ctx(
            "InputDataConfig:\n  - ChannelName: train\n    Inp|\n",
            Format::Yaml,
        );
        assert_eq!(c.pointer, "/InputDataConfig/0");
        assert_eq!(c.present, vec!["ChannelName".to_string()]);
        let c = ctx(
            "InputDataConfig:\n  - ChannelName: train\n    DataSource:\n      S3DataSource:\n        S3DataType: |\n",
            Format::Yaml,
        );
        assert_eq!(
            c.pointer,
            "/InputDataConfig/0/DataSource/S3DataSource/S3DataType"
        );
    }

    #[test]
    fn json_contexts_without_parsing() {
        let c = ctx("{\"TrainingJobName\": \"x\", \"Res|", Format::Json);
        assert_eq!(c.pointer, "");
        assert!(c.at_key && c.quoted);
        assert_eq!(c.present, vec!["TrainingJobName".to_string()]);
        let c = ctx(
            "{\"A\": {\"x\": 1}, \"Ro|\", \"B\": [1], \"C\": {\"y\": 2}}",
            Format::Json,
        );
        assert_eq!(c.present, ["A", "B", "C"].map(String::from).to_vec());
        let c = ctx(
            "{\"AlgorithmSpecification\": {\"TrainingInputMode\": \"F|\"}}",
            Format::Json,
        );
        assert_eq!(c.pointer, "/AlgorithmSpecification/TrainingInputMode");
        assert!(!c.at_key);
        let c = ctx(
            "{\"InputDataConfig\": [{\"ChannelName\": \"t\", |}]}",
            Format::Json,
        );
        assert_eq!(c.pointer, "/InputDataConfig/0");
        assert!(c.at_key);
    }
}
