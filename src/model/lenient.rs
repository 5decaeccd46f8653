//! Deserializers that never fail: a malformed field becomes `None` (the schema check reports
//! it), so one bad value cannot hide the diagnostics of every other field.

use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A scalar or a nested structure; `None` when the value has the wrong type.
pub fn value<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let v = Value::deserialize(d)?;
    Ok(T::deserialize(v).ok())
}

/// A list; a malformed item becomes `T::default()` so item indices still match the document.
pub fn list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => Some(
            items
                .into_iter()
                .map(|i| T::deserialize(i).unwrap_or_default())
                .collect(),
        ),
        _ => None,
    })
}

/// A string-to-string map, in document order; non-string values are kept as their JSON text so
/// that counts and keys stay exact (the schema reports the wrong type).
pub fn map<'de, D>(d: D) -> Result<Option<IndexMap<String, String>>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(match Value::deserialize(d)? {
        Value::Object(members) => Some(
            members
                .into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::String(s) => s,
                        Value::Null => String::new(),
                        other => other.to_string(),
                    };
                    (k, v)
                })
                .collect(),
        ),
        _ => None,
    })
}
