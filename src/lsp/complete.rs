//! Completion: the member names an object may have and does not have yet, and the values an
//! enum (or boolean) member takes. Works on text that does not parse (mid-edit).

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, TextEdit,
};
use serde_json::Value;

use super::analysis::{InRequest, Served};
use super::cursor::{self, Context};
use super::document::Document;
use super::Encoding;
use crate::shape::Shape;
use crate::source::{Format, Span};
use crate::{pointer, schema};

/// Completion at `offset`, inside one of `requests` (their pointers in the document).
pub fn complete(
    doc: &Document,
    requests: &[Served],
    offset: usize,
    enc: Encoding,
) -> Vec<CompletionItem> {
    let Some(mut cx) = cursor::context(&doc.text, doc.format, offset) else {
        return Vec::new();
    };
    // In a stream of Kubernetes resources, pointers start with the document's index.
    let document = match doc.format {
        Format::Yaml => Some(format!("/{}", cursor::yaml_document(&doc.text, offset))),
        Format::Json => None,
    };
    let indexed = document
        .filter(|d| {
            requests
                .iter()
                .any(|r| r.pointer.starts_with(&format!("{d}/")))
        })
        .map(|d| format!("{d}{}", cx.pointer));
    let Some(place) = super::analysis::within(requests, indexed.as_deref().unwrap_or(&cx.pointer))
    else {
        return Vec::new();
    };
    let shape = place.shape;
    cx.pointer = place.api.clone();
    let offset = cx.prefix_start.max(offset.min(doc.text.len()));
    let range = doc
        .index
        .range(&doc.text, Span::new(cx.prefix_start, offset), enc);
    let rest_of_line = doc.text[offset..]
        .split('\n')
        .next()
        .unwrap_or_default()
        .to_string();
    let item = |label: String, kind, insert: String, documentation: Option<String>, detail| {
        CompletionItem {
            label,
            kind: Some(kind),
            detail,
            documentation: documentation.map(|d| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: d,
                })
            }),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range,
                new_text: insert,
            })),
            ..CompletionItem::default()
        }
    };
    if cx.at_key {
        keys(&place, &cx)
            .into_iter()
            .map(|(key, spelt)| {
                let ptr = pointer::join(&cx.pointer, key);
                let insert = key_text(doc.format, &cx, &spelt, &rest_of_line);
                let detail = schema::at(shape, &ptr)
                    .and_then(|s| s.get("type"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                item(
                    spelt,
                    CompletionItemKind::FIELD,
                    insert,
                    super::hover::member_doc(shape, &ptr),
                    detail,
                )
            })
            .collect()
    } else {
        values(shape, &cx.pointer)
            .into_iter()
            .map(|(value, is_string)| {
                let insert = value_text(doc.format, &cx, &value, is_string);
                item(value, CompletionItemKind::ENUM_MEMBER, insert, None, None)
            })
            .collect()
    }
}

/// The members the object at the cursor may have and does not have yet: each name, and the
/// name as the document spells it.
fn keys(place: &InRequest, cx: &Context) -> Vec<(&'static str, String)> {
    schema::allowed_keys(place.shape, &cx.pointer)
        .into_iter()
        .filter(|k| {
            place
                .spelling
                .as_ref()
                .is_none_or(|s| s.offers(&cx.pointer, k))
        })
        .map(|k| (k, place.spell(&cx.pointer, k)))
        .filter(|(_, spelt)| {
            !cx.present
                .iter()
                .any(|p| p == spelt || p.strip_suffix(".$") == Some(spelt))
        })
        .collect()
}

/// The values a member takes, when they are a closed set: `(text, is a string)`.
fn values(shape: Shape, ptr: &str) -> Vec<(String, bool)> {
    let Some(s) = schema::at(shape, ptr) else {
        return Vec::new();
    };
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        return values
            .iter()
            .filter_map(Value::as_str)
            .map(|v| (v.to_string(), true))
            .collect();
    }
    if s.get("type").and_then(Value::as_str) == Some("boolean") {
        return vec![("true".into(), false), ("false".into(), false)];
    }
    Vec::new()
}

fn key_text(format: Format, cx: &Context, key: &str, rest_of_line: &str) -> String {
    let has_colon = rest_of_line.contains(':');
    match (format, cx.quoted) {
        (_, true) => key.to_string(),
        (Format::Json, false) if has_colon => format!("\"{key}\""),
        (Format::Json, false) => format!("\"{key}\": "),
        (Format::Yaml, false) if has_colon => key.to_string(),
        (Format::Yaml, false) => format!("{key}: "),
    }
}

fn value_text(format: Format, cx: &Context, value: &str, is_string: bool) -> String {
    match (format, cx.quoted, is_string) {
        (_, true, _) | (_, false, false) => value.to_string(),
        (Format::Json, false, true) => format!("\"{value}\""),
        (Format::Yaml, false, true) => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn labels(text_with_cursor: &str, uri: &str) -> Vec<(String, String)> {
        let offset = text_with_cursor.find('|').unwrap();
        let text = text_with_cursor.replace('|', "");
        let doc = Document::new(lsp_types::Uri::from_str(uri).unwrap(), "", 1, text);
        complete(&doc, &[Served::default()], offset, Encoding::Utf16)
            .into_iter()
            .map(|i| {
                let insert = match i.text_edit {
                    Some(CompletionTextEdit::Edit(e)) => e.new_text,
                    _ => String::new(),
                };
                (i.label, insert)
            })
            .collect()
    }

    #[test]
    fn member_names_not_yet_present() {
        let items = labels(
            "ResourceConfig:\n  InstanceType: ml.m5.xlarge\n  Vol|\n",
            "untitled:a.yaml",
        );
        let names: Vec<&str> = items.iter().map(|(l, _)| l.as_str()).collect();
        assert!(names.contains(&"VolumeSizeInGB"), "{names:?}");
        assert!(!names.contains(&"InstanceType"), "{names:?}");
        assert!(items.contains(&("VolumeKmsKeyId".into(), "VolumeKmsKeyId: ".into())));
        let items = labels("{\"TrainingJobName\": \"x\", \"Ro|\"}", "untitled:a.json");
        assert!(items.contains(&("RoleArn".into(), "RoleArn".into())));
        assert!(!items.iter().any(|(l, _)| l == "TrainingJobName"));
    }

    #[test]
    fn enum_values() {
        let items = labels(
            "AlgorithmSpecification:\n  TrainingInputMode: F|\n",
            "untitled:a.yaml",
        );
        let names: Vec<&str> = items.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(names, ["Pipe", "File", "FastFile"]);
        let items = labels(
            "{\"AlgorithmSpecification\": {\"TrainingInputMode\": |}}",
            "untitled:a.json",
        );
        assert!(items.contains(&("File".into(), "\"File\"".into())));
        let items = labels("EnableManagedSpotTraining: |\n", "untitled:a.yaml");
        assert_eq!(items.len(), 2);
    }
}
