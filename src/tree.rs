//! The spanned document tree: what both parsers produce and everything else reads.
//!
//! Every key and every value carries its byte span, so a diagnostic found anywhere (schema,
//! typed model, rules) can point at the exact text through a JSON Pointer.

use foldhash::HashMap;
use std::sync::Arc;

use crate::pointer;
use crate::source::Span;

/// A parsed value with the span of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
    /// For an object of many members, where each key last occurs (see [`Node::member`]).
    index: MemberIndex,
}

/// Objects with more members than this get a [`MemberIndex`].
const INDEXED: usize = 16;

/// Key → position of its last occurrence, so that looking members up (every diagnostic does,
/// to find its span) stays O(1) in an object of thousands of members instead of making a check
/// quadratic. Built with the node; only a hint, verified on use, so a tree changed afterwards
/// still gives correct answers.
#[derive(Clone, Default)]
struct MemberIndex(Option<Arc<HashMap<String, usize>>>);

impl MemberIndex {
    fn of(value: &Value) -> MemberIndex {
        match value {
            Value::Object(members) if members.len() > INDEXED => MemberIndex(Some(Arc::new(
                members
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (m.key.clone(), i))
                    .collect(),
            ))),
            _ => MemberIndex(None),
        }
    }
}

impl PartialEq for MemberIndex {
    /// An index says nothing about the value: nodes compare by value and span.
    fn eq(&self, _: &MemberIndex) -> bool {
        true
    }
}

impl std::fmt::Debug for MemberIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MemberIndex")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Node>),
    /// Members in document order, duplicates kept (they are reported, and the last one wins,
    /// as in the AWS CLI's JSON and YAML loaders).
    Object(Vec<Member>),
    /// A value known only later (a Step Functions path, a JSONata expression, a CloudFormation
    /// intrinsic, a Pipelines expression, a `${...}` placeholder): see [`crate::runtime`]. The
    /// parsers never make one; the extraction layer puts it where such a value was written.
    Runtime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
    /// A later member of the same object has the same key, and wins (see [`mark_shadowed`]).
    pub shadowed: bool,
}

impl Member {
    pub fn new(key: String, key_span: Span, value: Node) -> Member {
        Member {
            key,
            key_span,
            value,
            shadowed: false,
        }
    }
}

/// Mark the members that a later member of the same key overrides, as the AWS CLI's loaders
/// keep the last. The parsers call this once per object; linear in its size.
pub fn mark_shadowed(members: &mut [Member]) {
    const SMALL: usize = 16;
    let shadowed: Vec<usize> = if members.len() <= SMALL {
        (0..members.len())
            .filter(|&i| members[i + 1..].iter().any(|m| m.key == members[i].key))
            .collect()
    } else {
        let mut last =
            foldhash::HashMap::with_capacity_and_hasher(members.len(), Default::default());
        for (i, m) in members.iter().enumerate() {
            last.insert(m.key.as_str(), i);
        }
        (0..members.len())
            .filter(|&i| last.get(members[i].key.as_str()) != Some(&i))
            .collect()
    };
    for i in shadowed {
        members[i].shadowed = true;
    }
}

impl Node {
    pub fn new(value: Value, span: Span) -> Node {
        Node {
            index: MemberIndex::of(&value),
            value,
            span,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The member named `key` (the last one when the key is duplicated).
    pub fn member(&self, key: &str) -> Option<&Member> {
        let members = self.as_object()?;
        if let Some(index) = &self.index.0 {
            let hit = index.get(key).and_then(|&i| members.get(i));
            if let Some(m) = hit.filter(|m| m.key == key) {
                return Some(m);
            }
        }
        members.iter().rev().find(|m| m.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    /// A short name for the kind of value, as JSON names it.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(ref n) if n.is_f64() => "number",
            Value::Number(_) => "integer",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Runtime => "run-time value",
        }
    }

    /// Whether the value is only known at run or deploy time.
    pub fn is_runtime(&self) -> bool {
        matches!(self.value, Value::Runtime)
    }

    /// Where a JSON Pointer leads: the member it names (for key spans) and the node.
    /// Returns `None` when any segment is missing.
    pub fn lookup(&self, ptr: &str) -> Option<Found<'_>> {
        let mut found = Found {
            member: None,
            node: self,
        };
        for segment in pointer::segments(ptr) {
            found = match &found.node.value {
                Value::Object(_) => {
                    let member = found.node.member(&segment)?;
                    Found {
                        member: Some(member),
                        node: &member.value,
                    }
                }
                Value::Array(items) => {
                    let index: usize = segment.parse().ok()?;
                    Found {
                        member: found.member,
                        node: items.get(index)?,
                    }
                }
                _ => return None,
            };
        }
        Some(found)
    }

    /// The tree as a plain JSON value (the schema validator and the typed model read the tree in
    /// place, through [`crate::instance`]; this copy is for error values and tests).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null | Value::Runtime => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => J::Number(n.clone()),
            Value::String(s) => J::String(s.clone()),
            Value::Array(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Object(members) => {
                // The last member of a key wins, in the position of its last occurrence.
                let mut map = serde_json::Map::with_capacity(members.len());
                for m in members.iter().filter(|m| !m.shadowed) {
                    map.insert(m.key.clone(), m.value.to_json());
                }
                J::Object(map)
            }
        }
    }
}

/// The result of a pointer lookup.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    /// The innermost object member on the path (for an array item, the member holding the array).
    pub member: Option<&'a Member>,
    pub node: &'a Node,
}

impl Node {
    /// The span to underline for a pointer: the key or the value it names. When the pointer leads
    /// nowhere (a missing member), the key of the nearest existing ancestor.
    pub fn locate(&self, ptr: &str, target: crate::diagnostic::Target) -> Span {
        use crate::diagnostic::Target;
        match self.lookup(ptr) {
            Some(found) => match (target, found.member) {
                (Target::Key, Some(m)) if std::ptr::eq(&m.value, found.node) => m.key_span,
                (Target::Key, _) if ptr.is_empty() => {
                    Span::new(self.span.start, self.span.start + 1.min(self.span.len()))
                }
                _ => found.node.span,
            },
            None => match pointer::parent(ptr) {
                Some(parent) => self.locate(parent, crate::diagnostic::Target::Key),
                None => Span::new(self.span.start, self.span.start),
            },
        }
    }
}
