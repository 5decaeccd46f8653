//! A saved DescribeTrainingJob response (`aws sagemaker describe-training-job`), or the
//! `detail` of an EventBridge "SageMaker Training Job State Change" event: checked as the
//! request it describes. The response-only members (`schema::RESPONSE_ONLY`, generated from
//! the service model) and explicit `null`s are left out; an event's `Tags` is a map of keys to
//! values, not the request's list, and is left out too.
//! Sources: the SageMaker API Reference, DescribeTrainingJob; the SageMaker developer guide,
//! "Automating SageMaker AI with Amazon EventBridge".

use std::sync::Arc;

use super::{Found, How};
use crate::diagnostic::Origin;
use crate::discover::TRAINING_JOB_EVENT;
use crate::runtime::Dialect;
use crate::schema::RESPONSE_ONLY;
use crate::tree::{Node, Value};

pub(super) fn extract(found: &mut Found<'_>, root: &Node) {
    let event = root.get("detail-type").and_then(Node::as_str) == Some(TRAINING_JOB_EVENT);
    let (pointer, label, response) = match root.get("detail") {
        Some(detail) if event => ("/detail", "event detail", detail),
        _ => ("", "", root),
    };
    let mut request = response.clone();
    if let Value::Object(members) = &mut request.value {
        // An event's Tags is a map of keys to values, not the request's list.
        let event_tags =
            |m: &crate::tree::Member| event && m.key == "Tags" && m.value.as_object().is_some();
        members.retain(|m| !(RESPONSE_ONLY.contains(&m.key.as_str()) || event_tags(m)));
    }
    drop_nulls(&mut request);
    let origin = Arc::new(Origin {
        pointer: pointer.into(),
        label: label.into(),
    });
    found.request(&request, origin, Dialect::REQUEST, How::default());
}

/// Members set to `null`: a response's way of saying "not set".
fn drop_nulls(node: &mut Node) {
    match &mut node.value {
        Value::Object(members) => {
            members.retain(|m| !matches!(m.value.value, Value::Null));
            members.iter_mut().for_each(|m| drop_nulls(&mut m.value));
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
