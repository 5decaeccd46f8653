//! The spanned tree read as a plain JSON instance, in place: by the schema validator (as
//! jsonschema's custom JSON representation, [`Tree`]) and by serde (the typed model,
//! [`deserialize`]). No copy of the document is made for either.
//!
//! Both see what the AWS CLI's loaders would: of a key written twice, only the last member
//! counts ([`Member::shadowed`] marks the others), in the order of the last occurrences.

use std::borrow::Cow;

use jsonschema::json::{self, Json, NodeIdentity};
use jsonschema::types::JsonType;
use serde::de::{self, IntoDeserializer, Visitor};

use crate::tree::{Member, Node, Value};

/// jsonschema's view of the tree (see [`jsonschema::json`]).
pub struct Tree;

/// One value the validator looks at: a node of the tree, or a property name (which
/// `propertyNames` validates like a string value).
#[derive(Clone, Copy)]
pub enum Instance<'a> {
    Node(&'a Node),
    Key(&'a str),
}

impl<'a> From<&'a Node> for Instance<'a> {
    fn from(node: &'a Node) -> Self {
        Instance::Node(node)
    }
}

impl Json for Tree {
    type Node<'a> = Instance<'a>;
    type PreparedKey = String;
    type StringBuffer = ();

    /// A member lookup is a scan of the members, so a members pass is never dearer than a
    /// lookup (see jsonschema's `required`).
    const KEYS_PER_LOOKUP: usize = 1 << 20;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(_: &mut (), string: &str, f: impl FnOnce(Instance<'_>) -> T) -> T {
        f(Instance::Key(string))
    }
}

impl<'a> json::Node<'a, Tree> for Instance<'a> {
    type Object = Members<'a>;
    type Array = Items<'a>;
    type Number = &'a serde_json::Number;

    fn as_object(&self) -> Option<Members<'a>> {
        match self {
            Instance::Node(Node {
                value: Value::Object(members),
                ..
            }) => Some(Members(members)),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Items<'a>> {
        match self {
            Instance::Node(Node {
                value: Value::Array(items),
                ..
            }) => Some(Items(items)),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self {
            Instance::Node(Node {
                value: Value::String(s),
                ..
            }) => Some(Cow::Borrowed(s)),
            Instance::Key(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<&'a serde_json::Number> {
        match self {
            Instance::Node(Node {
                value: Value::Number(n),
                ..
            }) => Some(n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self {
            Instance::Node(Node {
                value: Value::Bool(b),
                ..
            }) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(
            self,
            Instance::Node(Node {
                value: Value::Null,
                ..
            })
        )
    }

    fn json_type(&self) -> JsonType {
        match self {
            Instance::Key(_) => JsonType::String,
            Instance::Node(n) => match n.value {
                // Never judged: the schema's errors about it are dropped (`schema::validate`).
                Value::Null | Value::Runtime => JsonType::Null,
                Value::Bool(_) => JsonType::Boolean,
                Value::Number(_) => JsonType::Number,
                Value::String(_) => JsonType::String,
                Value::Array(_) => JsonType::Array,
                Value::Object(_) => JsonType::Object,
            },
        }
    }

    fn string_length(&self) -> Option<u64> {
        let s = self.as_string()?;
        let n = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        Some(n as u64)
    }

    /// `enum` and `const`: strings, booleans and null compare in place; numbers and
    /// collections through jsonschema's JSON equality.
    fn equals_value(&self, expected: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (self, expected) {
            (Instance::Key(s), J::String(e)) => s == e,
            (Instance::Key(_), _) => false,
            (Instance::Node(n), _) => match (&n.value, expected) {
                (Value::String(s), J::String(e)) => s == e,
                (Value::Bool(b), J::Bool(e)) => b == e,
                (Value::Null, J::Null) => true,
                (Value::String(_) | Value::Bool(_) | Value::Null, _) => false,
                _ => json::cmp::equal(&n.to_json(), expected),
            },
        }
    }

    fn to_value(&self) -> Cow<'a, serde_json::Value> {
        Cow::Owned(match self {
            Instance::Node(n) => n.to_json(),
            Instance::Key(s) => serde_json::Value::String((*s).to_string()),
        })
    }

    fn identity(&self) -> Option<NodeIdentity> {
        match self {
            Instance::Node(n) => Some(NodeIdentity::new(std::ptr::from_ref::<Node>(n) as usize)),
            Instance::Key(_) => None,
        }
    }
}

/// An object's members, less those a later duplicate overrides.
#[derive(Clone, Copy)]
pub struct Members<'a>(&'a [Member]);

impl<'a> Members<'a> {
    fn live(self) -> impl Iterator<Item = &'a Member> {
        self.0.iter().filter(|m| !m.shadowed)
    }
}

impl<'a> json::Object<'a, Tree> for Members<'a> {
    type Node = Instance<'a>;
    type MemberName = &'a str;
    type MembersIter = Box<dyn Iterator<Item = (&'a str, Instance<'a>)> + 'a>;

    fn len(&self) -> usize {
        self.live().count()
    }

    fn get(&self, key: &String) -> Option<Instance<'a>> {
        // The last member of a name is the one that is not shadowed.
        self.0
            .iter()
            .rev()
            .find(|m| m.key == *key)
            .map(|m| Instance::Node(&m.value))
    }

    fn members(&self) -> Self::MembersIter {
        Box::new(
            self.live()
                .map(|m| (m.key.as_str(), Instance::Node(&m.value))),
        )
    }
}

#[derive(Clone, Copy)]
pub struct Items<'a>(&'a [Node]);

impl<'a> json::Array<'a, Tree> for Items<'a> {
    type Node = Instance<'a>;
    type ElementsIter = std::iter::Map<std::slice::Iter<'a, Node>, fn(&'a Node) -> Instance<'a>>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn elements(&self) -> Self::ElementsIter {
        self.0.iter().map(Instance::Node)
    }
}

/// Deserialize `T` from the tree, as `serde_json::from_value` would from [`Node::to_json`].
pub fn deserialize<'de, T: serde::Deserialize<'de>>(
    node: &'de Node,
) -> Result<T, de::value::Error> {
    T::deserialize(Deserializer(node))
}

/// A serde deserializer over a node. Each member and item is a deserializer of its own, so a
/// value that fails to deserialize leaves its siblings readable (the lenient model relies on
/// this).
#[derive(Clone, Copy)]
pub struct Deserializer<'de>(pub &'de Node);

impl<'de> IntoDeserializer<'de, de::value::Error> for Deserializer<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

fn number_error(e: serde_json::Error) -> de::value::Error {
    de::Error::custom(e)
}

impl<'de> de::Deserializer<'de> for Deserializer<'de> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match &self.0.value {
            // A value known later reads as absent: the typed model has no value to judge.
            Value::Null | Value::Runtime => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => de::Deserializer::deserialize_any(n, visitor).map_err(number_error),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                let mut seq = de::value::SeqDeserializer::new(items.iter().map(Deserializer));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(members) => {
                let mut map = de::value::MapDeserializer::new(
                    members
                        .iter()
                        .filter(|m| !m.shadowed)
                        .map(|m| (m.key.as_str(), Deserializer(&m.value))),
                );
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0.value {
            Value::Null | Value::Runtime => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;
    use crate::source::{Format, SourceFile};

    fn tree(text: &str, format: Format) -> Node {
        parse::parse(&SourceFile::new("t", text, format))
            .root
            .expect("parses")
    }

    #[test]
    fn deserializes_like_the_json_copy() {
        let text = r#"{"a": 1, "b": [true, null, "x", 1.5, -3], "a": {"k": "v", "n": 18446744073709551615}, "c": {}}"#;
        let node = tree(text, Format::Json);
        let direct: serde_json::Value = deserialize(&node).expect("deserializes");
        assert_eq!(direct, node.to_json());
        assert_eq!(
            direct
                .as_object()
                .map(|o| o.keys().cloned().collect::<Vec<_>>()),
            Some(vec!["b".to_string(), "a".to_string(), "c".to_string()])
        );
    }

    #[test]
    fn yaml_merges_and_duplicates_deserialize_like_the_json_copy() {
        let text = "base: &b {x: 1, y: 2}\njob:\n  <<: *b\n  y: 3\n  y: 4\n";
        let node = tree(text, Format::Yaml);
        let direct: serde_json::Value = deserialize(&node).expect("deserializes");
        assert_eq!(direct, node.to_json());
    }
}
