//! CloudFormation and SAM templates: the state machines of `AWS::StepFunctions::StateMachine`
//! (`Definition`, `DefinitionString`) and `AWS::Serverless::StateMachine` (`Definition`).
//!
//! `DefinitionString` is JSON in a string: a literal (often a YAML block scalar), an `Fn::Sub`,
//! or an `Fn::Join` of fragments around intrinsic functions (what CDK synthesizes). It is rebuilt
//! with every byte's place in the template ([`super::text`]) and parsed. `DefinitionSubstitutions`
//! values that are literal fill in their `${Name}` placeholders; every other placeholder and
//! intrinsic function is a value known at deploy time. A SAM `DefinitionUri` names a file of its
//! own, checked as a state machine when it is checked.

use super::state_machine::{self, Place};
use super::text::{Builder, Variables};
use super::Found;
use crate::pointer;
use crate::rules::document::syntax_error;
use crate::runtime;
use crate::tree::{Node, Value};

const STATE_MACHINES: &[&str] = &[
    "AWS::StepFunctions::StateMachine",
    "AWS::Serverless::StateMachine",
];

pub(super) fn extract(found: &mut Found<'_>, root: &Node) {
    let Some(resources) = root.get("Resources").and_then(Node::as_object) else {
        return;
    };
    for m in resources.iter().filter(|m| !m.shadowed) {
        let ty = m.value.get("Type").and_then(Node::as_str);
        if !ty.is_some_and(|t| STATE_MACHINES.contains(&t)) {
            continue;
        }
        let Some(props) = m.value.get("Properties") else {
            continue;
        };
        let at = pointer::join(&pointer::join("/Resources", &m.key), "Properties");
        let vars = substitutions(props.get("DefinitionSubstitutions"));
        let label = format!("resource {}", m.key);
        if let Some(definition) = props.get("Definition").filter(|d| d.as_object().is_some()) {
            let mut definition = definition.clone();
            let place = Place {
                pointer: pointer::join(&at, "Definition"),
                label: label.clone(),
                cloudformation: true,
                rewritten: substitute(&mut definition, &vars),
            };
            state_machine::extract(found, &definition, &place);
        }
        if let Some(string) = props.get("DefinitionString") {
            let at = pointer::join(&at, "DefinitionString");
            definition_string(found, string, &vars, at, label);
        }
    }
}

/// The literal values of `DefinitionSubstitutions` (an intrinsic function's value is not known).
fn substitutions(node: Option<&Node>) -> Variables {
    let members = node.and_then(Node::as_object).unwrap_or_default();
    members
        .iter()
        .filter_map(|m| {
            let value = match &m.value.value {
                Value::String(s) if !runtime::is_templated(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some((m.key.clone(), value))
        })
        .collect()
}

/// Fill the literal substitutions into the strings of a `Definition` object; whether any was.
fn substitute(node: &mut Node, vars: &Variables) -> bool {
    match &mut node.value {
        Value::String(s) if !vars.is_empty() && s.contains("${") => {
            let mut any = false;
            for (name, value) in vars {
                let placeholder = format!("${{{name}}}");
                if s.contains(&placeholder) {
                    *s = s.replace(&placeholder, value);
                    any = true;
                }
            }
            any
        }
        Value::Object(members) => members
            .iter_mut()
            .fold(false, |any, m| substitute(&mut m.value, vars) | any),
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |any, i| substitute(i, vars) | any),
        _ => false,
    }
}

/// Rebuild, parse and search a `DefinitionString` written as a string, `Fn::Sub` or `Fn::Join`.
fn definition_string(
    found: &mut Found<'_>,
    node: &Node,
    vars: &Variables,
    at: String,
    label: String,
) {
    let outer = &found.source.text;
    let mut text = Builder::default();
    match (&node.value, node.as_object()) {
        (Value::String(_), _) => text.push_string(outer, node, vars),
        (_, Some([m])) if m.key == "Fn::Sub" => {
            let (template, own) = match m.value.as_array() {
                Some([template, own, ..]) => (template, Some(own)),
                Some([template]) => (template, None),
                _ => (&m.value, None),
            };
            let mut vars = vars.clone();
            vars.extend(substitutions(own));
            text.push_string(outer, template, &vars);
        }
        (_, Some([m])) if m.key == "Fn::Join" => {
            let args = m.value.as_array().unwrap_or_default();
            let (Some(sep), Some(parts)) = (args.first(), args.get(1).and_then(Node::as_array))
            else {
                return;
            };
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    text.push_string(outer, sep, vars);
                }
                match &part.value {
                    Value::String(_) => text.push_string(outer, part, vars),
                    _ => text.push_runtime(&intrinsic_name(part), part.span),
                }
            }
        }
        // Another intrinsic function: nothing known before deployment.
        _ => return,
    }
    match text.parse(&found.source.name) {
        Ok(machine) => {
            let place = Place {
                pointer: at,
                label,
                cloudformation: false,
                rewritten: true,
            };
            state_machine::extract(found, &machine, &place);
        }
        Err(e) => found.finding(
            &syntax_error::RULE,
            (at, e.span),
            format!("{label}: DefinitionString is not a JSON state machine: {}", e.message),
            "Step Functions rejects the definition when the stack is deployed; fix the JSON in the string",
            None,
        ),
    }
}

/// A short name for an intrinsic function (`Ref:Bucket`, `Fn::GetAtt:Role.Arn`).
fn intrinsic_name(node: &Node) -> String {
    match node.as_object() {
        Some([m]) => match &m.value.value {
            Value::String(s) => format!("{}:{s}", m.key),
            Value::Array(items) => {
                let parts: Vec<&str> = items.iter().filter_map(Node::as_str).collect();
                format!("{}:{}", m.key, parts.join("."))
            }
            _ => m.key.clone(),
        },
        _ => "value".into(),
    }
}
