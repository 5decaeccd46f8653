//! SageMaker Pipelines definitions: what `pipeline.definition()` returns, or a CreatePipeline /
//! UpdatePipeline request whose `PipelineDefinition` string holds one. Each step of
//! `"Type": "Training"` carries a CreateTrainingJob request in `Arguments`, without
//! `TrainingJobName` (the pipeline names the job); `Condition` steps nest steps in `IfSteps`
//! and `ElseSteps`. Any value may be a `{"Get": ...}` or `{"Std:...": ...}` expression.
//! Source: aws/sagemaker-python-sdk `src/sagemaker/workflow/steps.py`, and the SageMaker
//! developer guide, "Pipelines steps".

use std::sync::Arc;

use super::text::{Builder, Variables};
use super::{Found, How};
use crate::diagnostic::Origin;
use crate::pointer;
use crate::rules::document::syntax_error;
use crate::runtime::Dialect;
use crate::shape::Shape;
use crate::tree::Node;

const DIALECT: Dialect = Dialect {
    json_path: false,
    jsonata: false,
    cloudformation: false,
    pipelines: true,
};

pub(super) fn extract(found: &mut Found<'_>, root: &Node) {
    match root.get("PipelineDefinition") {
        Some(string) if string.as_str().is_some() => {
            let mut text = Builder::default();
            text.push_string(&found.source.text, string, &Variables::new());
            match text.parse(&found.source.name) {
                Ok(definition) => steps(found, &definition, "/PipelineDefinition", true),
                Err(e) => found.finding(
                    &syntax_error::RULE,
                    ("/PipelineDefinition".into(), e.span),
                    format!(
                        "PipelineDefinition is not a JSON pipeline definition: {}",
                        e.message
                    ),
                    "SageMaker rejects the pipeline; fix the JSON in the string",
                    None,
                ),
            }
        }
        _ => steps(found, root, "", false),
    }
}

/// The training steps of the `Steps` list of `holder` (a definition, or a condition step's
/// `IfSteps`/`ElseSteps` holder) at `at`.
fn steps(found: &mut Found<'_>, holder: &Node, at: &str, rewritten: bool) {
    for key in ["Steps", "IfSteps", "ElseSteps"] {
        let Some(list) = holder.get(key).and_then(Node::as_array) else {
            continue;
        };
        let list_at = pointer::join(at, key);
        for (i, step) in list.iter().enumerate() {
            let here = pointer::join(&list_at, i.to_string());
            let name = step.get("Name").and_then(Node::as_str).unwrap_or("?");
            let arguments = step.get("Arguments");
            match step.get("Type").and_then(Node::as_str) {
                Some("Training") => {
                    if let Some(request) = arguments {
                        let origin = Arc::new(Origin {
                            pointer: pointer::join(&here, "Arguments"),
                            label: format!("pipeline step {name}"),
                        });
                        let how = How {
                            shape: Shape::TrainingJob,
                            supplied: &["TrainingJobName"],
                            rewritten,
                        };
                        found.request(request, origin, DIALECT, how);
                    }
                }
                Some("Tuning") => {
                    if let Some(request) = arguments {
                        let origin = Origin {
                            pointer: pointer::join(&here, "Arguments"),
                            label: format!("pipeline step {name}"),
                        };
                        let how = How {
                            shape: Shape::TuningJob,
                            supplied: &["HyperParameterTuningJobName"],
                            rewritten,
                        };
                        super::tuning::extract(found, request, origin, DIALECT, how);
                    }
                }
                Some("Condition") => {
                    if let Some(arguments) = arguments {
                        steps(
                            found,
                            arguments,
                            &pointer::join(&here, "Arguments"),
                            rewritten,
                        );
                    }
                }
                _ => {}
            }
        }
    }
}
