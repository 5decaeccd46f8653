//! Wording shared by rule messages: how to name a field, a type, a value.

use super::Context;
use crate::pointer;
use crate::schema::SchemaError;
use crate::tree::Value;

/// A pointer as a readable path: `/InputDataConfig/0/ChannelName` → `` `InputDataConfig[0].ChannelName` ``.
pub fn field(ptr: &str) -> String {
    let mut out = String::new();
    for seg in pointer::segments(ptr) {
        if seg.bytes().all(|b| b.is_ascii_digit()) && !seg.is_empty() && !out.is_empty() {
            out.push_str(&format!("[{seg}]"));
        } else if seg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        } else {
            out.push_str(&format!("[{:?}]", quote(&seg)));
        }
    }
    if out.is_empty() {
        "the request".to_string()
    } else {
        format!("`{out}`")
    }
}

/// The object a pointer names, for "in ..." phrases.
pub fn object(ptr: &str) -> String {
    field(ptr)
}

/// "an integer", "a string", ...
pub fn a_type(name: &str) -> &'static str {
    match name {
        "integer" => "an integer",
        "number" => "a number",
        "string" => "a string",
        "boolean" => "a boolean (true or false)",
        "array" => "a list",
        "object" => "an object",
        "null" => "null",
        _ => "another type",
    }
}

/// A value shown in a message: shortened, so a long value cannot flood the output.
pub fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// The text of the key or scalar value a schema error is about.
pub fn actual(cx: &Context<'_>, e: &SchemaError) -> String {
    if e.map_key {
        return pointer::last(&e.pointer).unwrap_or_default().into_owned();
    }
    let node = cx.root.lookup(&e.pointer).map(|f| f.node);
    match node.map(|n| &n.value) {
        Some(Value::String(s)) => s.clone(),
        // As written: `18446744073709551616`, not the double it became (`1.8446744073709552e19`).
        Some(Value::Number(n)) => node
            .and_then(|node| cx.source.text.get(node.span.start..node.span.end))
            .filter(|t| !t.is_empty() && t.len() <= 64 && !t.contains(char::is_whitespace))
            .map_or_else(|| n.to_string(), str::to_string),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn readable_paths() {
        assert_eq!(field(""), "the request");
        assert_eq!(
            field("/InputDataConfig/0/DataSource"),
            "`InputDataConfig[0].DataSource`"
        );
        assert_eq!(field("/HyperParameters/a.b"), "`HyperParameters[\"a.b\"]`");
    }
}
