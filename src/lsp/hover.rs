//! Hover: the reference documentation of the member under the cursor (the service model's
//! documentation compiled into the schema) and its constraints; on a finding, its rule's
//! documentation (what `sagelint explain` prints).

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use serde_json::Value;

use super::analysis::{Analysis, InRequest};
use super::cursor;
use super::document::Document;
use crate::shape::Shape;
use crate::{pointer, schema};

/// The hover text at a byte offset, and the span it is about.
pub fn hover_text(analysis: &Analysis, offset: usize) -> Option<(String, crate::Span)> {
    let place = analysis
        .root
        .as_ref()
        .and_then(|r| cursor::place(r, offset));
    let mut sections = Vec::new();
    let mut span = None;
    if let Some(place) = &place {
        let member = analysis.in_request(&place.pointer);
        if let Some(doc) = member.as_ref().and_then(|m| spelt_doc(m, &place.pointer)) {
            sections.push(doc);
            span = Some(place.span);
        }
    }
    for d in analysis
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
    {
        sections.push(format!(
            "**{}** `{}` ({})\n\n{}",
            d.rule.code,
            d.rule.name,
            d.severity,
            d.rule.doc.trim()
        ));
        span.get_or_insert(d.span);
    }
    if sections.is_empty() {
        return None;
    }
    Some((sections.join("\n\n---\n\n"), span?))
}

pub fn hover(
    doc: &Document,
    analysis: &Analysis,
    offset: usize,
    enc: super::Encoding,
) -> Option<Hover> {
    let (text, span) = hover_text(analysis, offset)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(doc.index.range(&doc.text, span, enc)),
    })
}

/// The documentation of the member at a place, titled with its name as the document writes it
/// (`written` is the place's pointer in the document) and the API's name beside it.
fn spelt_doc(m: &InRequest, written: &str) -> Option<String> {
    let doc = member_doc(m.shape, &m.api)?;
    if m.spelling.is_none() {
        return Some(doc);
    }
    let member = |ptr: &str| {
        pointer::segments(ptr)
            .filter(|s| s.parse::<usize>().is_err())
            .last()
            .map(|s| s.into_owned())
    };
    let (Some(api), Some(spelt)) = (member(&m.api), member(written)) else {
        return Some(doc);
    };
    if api == spelt {
        return Some(doc);
    }
    Some(doc.replacen(
        &format!("**{api}**"),
        &format!("**{spelt}** (`{api}` in the API)"),
        1,
    ))
}

/// The documentation of the member at `ptr` (for an array item, of the array's member).
pub fn member_doc(shape: Shape, ptr: &str) -> Option<String> {
    // `/InputDataConfig/0` is documented as InputDataConfig; its item schema gives constraints.
    let mut member = ptr;
    while pointer::last(member).is_some_and(|s| s.parse::<usize>().is_ok()) {
        member = pointer::parent(member)?;
    }
    let name = pointer::last(member)?;
    let name = name.strip_suffix(".$").unwrap_or(&name).to_string();
    let member = pointer::join(pointer::parent(member)?, &name);
    let value_schema = schema::at(shape, &member)?;
    let mut out = format!("**{name}**");
    if let Some(t) = type_label(value_schema) {
        out.push_str(&format!(" · `{t}`"));
    }
    let required = pointer::parent(&member)
        .and_then(|p| schema::at(shape, p))
        .and_then(|p| p.get("required"))
        .and_then(Value::as_array)
        .is_some_and(|r| r.iter().any(|v| v.as_str() == Some(&name)));
    out.push_str(if required {
        " · required"
    } else {
        " · optional"
    });
    if let Some(desc) = schema::description(shape, &member) {
        out.push_str("\n\n");
        out.push_str(desc);
    }
    let mut constraints = constraints(value_schema);
    if member != ptr {
        if let Some(item) = schema::at(shape, ptr) {
            constraints.extend(constraints_of_items(item));
        }
    }
    if !constraints.is_empty() {
        out.push_str("\n\n");
        out.push_str(
            &constraints
                .iter()
                .map(|c| format!("- {c}"))
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    Some(out)
}

fn constraints_of_items(item: &Value) -> Vec<String> {
    constraints(item)
        .into_iter()
        .map(|c| format!("each item: {c}"))
        .collect()
}

fn type_label(s: &Value) -> Option<String> {
    let t = s.get("type")?.as_str()?;
    Some(match s.get("x-aws-shape").and_then(Value::as_str) {
        Some(shape) if shape != t => format!("{t} ({shape})"),
        _ => t.to_string(),
    })
}

fn number(s: &Value, key: &str) -> Option<String> {
    s.get(key).map(|v| v.to_string())
}

fn bounds(s: &Value, min: &str, max: &str, what: &str) -> Option<String> {
    match (number(s, min).filter(|a| a != "0"), number(s, max)) {
        (Some(a), Some(b)) => Some(format!("{what} {a} to {b}")),
        (Some(a), None) => Some(format!("{what} at least {a}")),
        (None, Some(b)) => Some(format!("{what} at most {b}")),
        (None, None) => None,
    }
}

/// The constraints of a schema node, one line each.
pub fn constraints(s: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        let names: Vec<String> = values
            .iter()
            .filter_map(Value::as_str)
            .map(|v| format!("`{v}`"))
            .collect();
        if names.len() <= 20 {
            out.push(format!("one of {}", names.join(", ")));
        } else {
            out.push(format!(
                "one of {} values: {}, ...",
                names.len(),
                names[..8].join(", ")
            ));
        }
    }
    out.extend(bounds(s, "minLength", "maxLength", "length"));
    out.extend(bounds(s, "minimum", "maximum", "value"));
    out.extend(bounds(s, "minItems", "maxItems", "items"));
    out.extend(bounds(s, "minProperties", "maxProperties", "entries"));
    if let Some(p) = s
        .get("x-aws-pattern")
        .or_else(|| s.get("pattern"))
        .and_then(Value::as_str)
    {
        out.push(format!("pattern `{p}`"));
    }
    if let Some(req) = s.get("required").and_then(Value::as_array) {
        let names: Vec<&str> = req.iter().filter_map(Value::as_str).collect();
        if !names.is_empty() {
            out.push(format!("requires {}", names.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_documentation_and_constraints() {
        let doc = member_doc(Shape::TrainingJob, "/ResourceConfig/VolumeKmsKeyId").unwrap();
        assert!(
            doc.starts_with("**VolumeKmsKeyId** · `string (KmsKeyId)` · optional"),
            "{doc}"
        );
        assert!(doc.contains("You can't request a VolumeKmsKeyId"), "{doc}");
        assert!(doc.contains("length at most 2048"), "{doc}");
        assert!(doc.contains("pattern `[a-zA-Z0-9:/_-]*`"), "{doc}");
        let doc = member_doc(
            Shape::TrainingJob,
            "/AlgorithmSpecification/TrainingInputMode",
        )
        .unwrap();
        assert!(doc.contains("one of `Pipe`, `File`, `FastFile`"), "{doc}");
        assert!(doc.contains("required"), "{doc}");
        let doc = member_doc(Shape::TrainingJob, "/InputDataConfig/0").unwrap();
        assert!(doc.starts_with("**InputDataConfig** · `array"), "{doc}");
        assert!(doc.contains("items 1 to 20"), "{doc}");
        assert!(member_doc(Shape::TrainingJob, "/NoSuchMember").is_none());
    }
}
