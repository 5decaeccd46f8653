//! Step Functions state machines (Amazon States Language): the Task states that call
//! SageMaker's CreateTrainingJob, at any depth.
//!
//! A JSONPath state (the default) carries the request in `Parameters`, with `Name.$` members
//! filled in at run time; a JSONata state (`QueryLanguage: JSONata` on the machine or the state)
//! carries it in `Arguments`, where any string may be a `{% ... %}` expression.
//! Sources: the Step Functions developer guide, "Create and manage Amazon SageMaker AI jobs with
//! Step Functions" and "Integrating optimized services with Step Functions".

use std::sync::Arc;

use super::{nested, Found, How};
use crate::diagnostic::Origin;
use crate::pointer;
use crate::rules::document::{parameters_in_jsonata_state, unsupported_integration_pattern};
use crate::runtime::Dialect;
use crate::shape::Shape;
use crate::tree::Node;

/// Where a state machine sits in the file.
#[derive(Debug, Default, Clone)]
pub struct Place {
    /// Pointer of the state machine's root.
    pub pointer: String,
    /// What holds it, for people (`resource TrainingStateMachine`), or empty.
    pub label: String,
    /// Inside a CloudFormation `Definition`: values may be intrinsic functions.
    pub cloudformation: bool,
    /// Parsed from a string of the outer file, or with placeholders filled in
    /// ([`super::Embedded::rewritten`]).
    pub rewritten: bool,
}

/// The requests of every SageMaker training task of the machine at `root`.
pub(super) fn extract(found: &mut Found<'_>, root: &Node, place: &Place) {
    let jsonata = query_language(root) == Some(true);
    states(found, root, &place.pointer, jsonata, place);
}

/// `Some(true)` for JSONata, `Some(false)` for JSONPath, `None` when not said.
fn query_language(node: &Node) -> Option<bool> {
    match node.get("QueryLanguage")?.as_str()? {
        "JSONata" => Some(true),
        "JSONPath" => Some(false),
        _ => None,
    }
}

/// The states of a machine, a `Parallel` branch or a `Map` processor at `at`.
fn states(found: &mut Found<'_>, machine: &Node, at: &str, jsonata: bool, place: &Place) {
    let Some(members) = machine.get("States").and_then(Node::as_object) else {
        return;
    };
    let at = pointer::join(at, "States");
    for m in members.iter().filter(|m| !m.shadowed) {
        let state = &m.value;
        let here = pointer::join(&at, &m.key);
        let jsonata = query_language(state).unwrap_or(jsonata);
        match state.get("Type").and_then(Node::as_str) {
            Some("Parallel") => {
                let branches = state.get("Branches").and_then(Node::as_array);
                for (i, branch) in branches.unwrap_or_default().iter().enumerate() {
                    let branch_at = pointer::join(&pointer::join(&here, "Branches"), i.to_string());
                    states(found, branch, &branch_at, jsonata, place);
                }
            }
            Some("Map") => {
                for key in ["ItemProcessor", "Iterator"] {
                    if let Some(processor) = state.get(key) {
                        let processor_jsonata = query_language(processor).unwrap_or(jsonata);
                        let processor_at = pointer::join(&here, key);
                        states(found, processor, &processor_at, processor_jsonata, place);
                    }
                }
            }
            Some("Task") => task(found, &m.key, state, &here, jsonata, place),
            _ => {}
        }
    }
}

/// How a Task state calls SageMaker's CreateTrainingJob or CreateHyperParameterTuningJob.
#[derive(Debug, PartialEq, Eq)]
struct Integration {
    /// `arn:aws:states:::aws-sdk:sagemaker:...` rather than the optimized integration.
    sdk: bool,
    /// A tuning job (`createHyperParameterTuningJob`) rather than a training job.
    tuning: bool,
    /// `.sync`, `.sync:2`, `.waitForTaskToken`, or empty (request and response).
    pattern: String,
}

fn task(found: &mut Found<'_>, name: &str, state: &Node, at: &str, jsonata: bool, place: &Place) {
    let Some(resource) = state.get("Resource") else {
        return;
    };
    let Some(integration) = integration(&resource_text(resource)) else {
        return;
    };
    let label = nested(&place.label, format!("state {name}"));
    let member = if jsonata { "Arguments" } else { "Parameters" };
    let origin = Arc::new(Origin {
        pointer: pointer::join(at, member),
        label,
    });
    let supported = if integration.sdk {
        // AWS SDK integrations: request-response and callbacks, no `.sync`.
        !integration.pattern.starts_with(".sync")
    } else {
        // The optimized SageMaker integration: request-response and `.sync` only.
        integration.pattern != ".waitForTaskToken"
    };
    if !supported {
        let (what, help) = if integration.sdk {
            (
                "the AWS SDK integration (aws-sdk:sagemaker:createTrainingJob) does not support the Run a Job (.sync) pattern",
                "use the optimized integration (arn:aws:states:::sagemaker:...sync, without aws-sdk:) to wait for the job",
            )
        } else {
            (
                "the SageMaker integration does not support the Wait for Callback (.waitForTaskToken) pattern: the state machine cannot run this task",
                "use the .sync form of the Resource to wait for the job, or no suffix to start it and go on",
            )
        };
        found.finding(
            &unsupported_integration_pattern::RULE,
            (pointer::join(at, "Resource"), resource.span),
            what.to_string(),
            help,
            Some(&origin),
        );
    }
    let how = How {
        shape: Shape::TrainingJob,
        supplied: &[],
        rewritten: place.rewritten,
    };
    let dialect = Dialect {
        json_path: !jsonata,
        jsonata,
        cloudformation: place.cloudformation,
        pipelines: false,
    };
    if jsonata {
        if let Some(p) = state.member("Parameters") {
            found.finding(
                &parameters_in_jsonata_state::RULE,
                (pointer::join(at, "Parameters"), p.key_span),
                "the state uses JSONata: its request goes in Arguments, and Step Functions rejects Parameters in a JSONata state".into(),
                "rename Parameters to Arguments, and write each `Name.$` path as a `{% ... %}` expression",
                Some(&origin),
            );
        }
    }
    if let Some(request) = state.get(member) {
        if integration.tuning {
            let origin = Arc::unwrap_or_clone(origin);
            super::tuning::extract(found, request, origin, dialect, how);
        } else {
            found.request(request, origin, dialect, how);
        }
    }
}

/// A Task's `Resource` as text: a string, or an `Fn::Join`/`Fn::Sub` of one with the
/// partition spliced in (each intrinsic function read as `*`).
fn resource_text(node: &Node) -> String {
    if let Some(s) = node.as_str() {
        return s.to_string();
    }
    let Some([m]) = node.as_object() else {
        return String::new();
    };
    match m.key.as_str() {
        "Fn::Join" => {
            let parts = m.value.as_array().unwrap_or_default();
            let (Some(sep), Some(items)) = (
                parts.first().and_then(Node::as_str),
                parts.get(1).and_then(Node::as_array),
            ) else {
                return String::new();
            };
            items
                .iter()
                .map(|i| i.as_str().unwrap_or("*"))
                .collect::<Vec<_>>()
                .join(sep)
        }
        "Fn::Sub" => {
            let text = match &m.value.value {
                crate::tree::Value::Array(items) => items.first().and_then(Node::as_str),
                _ => m.value.as_str(),
            };
            let mut out = String::new();
            let mut rest = text.unwrap_or_default();
            while let Some(open) = rest.find("${") {
                out.push_str(&rest[..open]);
                out.push('*');
                rest = rest[open..]
                    .find('}')
                    .map_or("", |close| &rest[open + close + 1..]);
            }
            out.push_str(rest);
            out
        }
        _ => String::new(),
    }
}

/// Whether a Resource names SageMaker's CreateTrainingJob or CreateHyperParameterTuningJob,
/// and how.
fn integration(resource: &str) -> Option<Integration> {
    let (_, rest) = resource.split_once(":states:::")?;
    let (sdk, rest) = match rest.strip_prefix("aws-sdk:") {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let rest = rest.strip_prefix("sagemaker:")?;
    let (tuning, pattern) = match rest.strip_prefix("createTrainingJob") {
        Some(pattern) => (false, pattern),
        None => (true, rest.strip_prefix("createHyperParameterTuningJob")?),
    };
    if !(pattern.is_empty() || pattern.starts_with('.')) {
        return None;
    }
    Some(Integration {
        sdk,
        tuning,
        pattern: pattern.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_that_call_create_training_job() {
        let optimized = |p: &str| {
            Some(Integration {
                sdk: false,
                tuning: false,
                pattern: p.into(),
            })
        };
        assert_eq!(
            integration("arn:aws:states:::sagemaker:createTrainingJob"),
            optimized("")
        );
        assert_eq!(
            integration("arn:aws:states:::sagemaker:createTrainingJob.sync"),
            optimized(".sync")
        );
        assert_eq!(
            integration("arn:*:states:::sagemaker:createTrainingJob.waitForTaskToken"),
            optimized(".waitForTaskToken")
        );
        assert_eq!(
            integration("arn:aws-cn:states:::aws-sdk:sagemaker:createTrainingJob"),
            Some(Integration {
                sdk: true,
                tuning: false,
                pattern: String::new()
            })
        );
        assert_eq!(
            integration("arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync"),
            Some(Integration {
                sdk: false,
                tuning: true,
                pattern: ".sync".into()
            })
        );
        for other in [
            "arn:aws:states:::sagemaker:createTransformJob.sync",
            "arn:aws:states:::sagemaker:createTrainingJobs",
            "arn:aws:lambda:us-east-1:123456789012:function:train",
            "",
        ] {
            assert_eq!(integration(other), None, "{other}");
        }
    }
}
