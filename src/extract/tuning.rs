//! CreateHyperParameterTuningJob requests: the tuning job itself (its own shape, its own
//! rules) and each of its training job definitions (`TrainingJobDefinition`, or every item of
//! `TrainingJobDefinitions`), checked with the rules that read what a definition has.
//! Found in a request file of its own, a Step Functions `createHyperParameterTuningJob` task and
//! a SageMaker Pipelines `Tuning` step. Source: the SageMaker API Reference,
//! CreateHyperParameterTuningJob and HyperParameterTrainingJobDefinition.

use std::sync::Arc;

use super::{nested, Found, How};
use crate::diagnostic::Origin;
use crate::pointer;
use crate::runtime::Dialect;
use crate::shape::Shape;
use crate::tree::Node;

/// The tuning job at `node` (whose pointer and label `origin` gives), and its definitions.
pub(super) fn extract(
    found: &mut Found<'_>,
    node: &Node,
    origin: Origin,
    dialect: Dialect,
    how: How,
) {
    let definition_how = How {
        shape: Shape::TrainingJobDefinition,
        supplied: &[],
        rewritten: how.rewritten,
    };
    // A definition that is not an object is the tuning job's schema error (SL102), not a
    // request of its own; nor is one known only later.
    let object = |d: &&Node| d.as_object().is_some();
    if let Some(d) = node.get("TrainingJobDefinition").filter(object) {
        let at = pointer::join(&origin.pointer, "TrainingJobDefinition");
        let label = nested(&origin.label, "TrainingJobDefinition".into());
        found.request(
            d,
            Arc::new(Origin { pointer: at, label }),
            dialect,
            definition_how,
        );
    }
    let list = node.get("TrainingJobDefinitions").and_then(Node::as_array);
    for (i, d) in list
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, d)| object(d))
    {
        let at = pointer::join(
            &pointer::join(&origin.pointer, "TrainingJobDefinitions"),
            i.to_string(),
        );
        let name = d.get("DefinitionName").and_then(Node::as_str).map_or_else(
            || format!("TrainingJobDefinitions[{i}]"),
            |n| format!("definition {n}"),
        );
        let label = nested(&origin.label, name);
        found.request(
            d,
            Arc::new(Origin { pointer: at, label }),
            dialect,
            definition_how,
        );
    }
    let tuning_how = How {
        shape: Shape::TuningJob,
        ..how
    };
    found.request(node, Arc::new(origin), dialect, tuning_how);
}
