//! Deserializers that never fail: a malformed field becomes `None` (the schema check reports
//! it), so one bad value cannot hide the diagnostics of every other field.
//!
//! They expect a deserializer over a document held in memory (the tree, see
//! [`crate::instance::Deserializer`], or a `serde_json::Value`), where each field is a
//! deserializer of its own: a field that fails leaves the others readable, so nothing needs to
//! be buffered. (A streaming deserializer would be left mid-value by a failure.)

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::StringMap;

/// A scalar or a nested structure; `None` when the value has the wrong type.
pub fn value<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(T::deserialize(d).ok())
}

/// A list item that never fails: a malformed one is `T::default()`.
struct Item<T>(T);

impl<'de, T: DeserializeOwned + Default> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Item(T::deserialize(d).unwrap_or_default()))
    }
}

/// A list; a malformed item becomes `T::default()` so item indices still match the document.
pub fn list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    Ok(Vec::<Item<T>>::deserialize(d)
        .ok()
        .map(|items| items.into_iter().map(|i| i.0).collect()))
}

/// A map value as text: a string as it is, `null` as empty, anything else as its JSON text.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Text(match Value::deserialize(d)? {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        }))
    }
}

/// A string-to-string map, in document order; non-string values are kept as their JSON text so
/// that counts and keys stay exact (the schema reports the wrong type).
pub fn map<'de, D>(d: D) -> Result<Option<StringMap>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(d.deserialize_map(MapVisitor).ok())
}

/// Builds the map in one pass (a later duplicate key overrides the value, in the place of the
/// first, as `IndexMap` inserts).
struct MapVisitor;

impl<'de> Visitor<'de> for MapVisitor {
    type Value = StringMap;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a map of strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<StringMap, A::Error> {
        // The hint comes from the document: bounded so that it cannot reserve much.
        let capacity = access.size_hint().unwrap_or(0).min(1024);
        let mut map = StringMap::with_capacity_and_hasher(capacity, Default::default());
        while let Some((key, value)) = access.next_entry::<String, Text>()? {
            map.insert(key, value.0);
        }
        Ok(map)
    }
}
