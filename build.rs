//! Derives the schemas the validator compiles from the generated one in `schemas/`: the same
//! constraints, without what only people read (descriptions, titles, the AWS shape names and
//! Java patterns that messages quote), minified, and one per shape sagelint checks, each with
//! only the definitions its root reaches. A one-file run spends most of its time parsing and
//! compiling the schema, and those are two thirds of its bytes. Messages and the language
//! server's hovers still read the full schema, when they need it.

use std::collections::BTreeSet;
use std::error::Error;
use std::path::PathBuf;

use serde_json::{json, Value};

const SOURCE: &str = "schemas/create-training-job.schema.json";
const ANNOTATIONS: [&str; 5] = [
    "description",
    "title",
    "x-aws-shape",
    "x-aws-pattern",
    "x-describe-response-only",
];

/// Each shape's file name and root definition (see `src/shape.rs`).
const SHAPES: [(&str, &str); 3] = [
    ("training-job", "CreateTrainingJobRequest"),
    ("tuning-job", "CreateHyperParameterTuningJobRequest"),
    (
        "training-job-definition",
        "HyperParameterTrainingJobDefinition",
    ),
];

/// A tuning job's training job definitions are checked as requests of their own (their own
/// shape, their own rules): in the tuning job's schema they are only objects.
const DEFINITION_MEMBERS: [&str; 2] = ["TrainingJobDefinition", "TrainingJobDefinitions"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed={SOURCE}");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(SOURCE)?)?;
    strip(&mut schema);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    for (name, root) in SHAPES {
        let mut shape = for_root(&schema, root)?;
        if name == "tuning-job" {
            opaque_definitions(&mut shape, root);
        }
        std::fs::write(
            out.join(format!("validation-{name}.schema.json")),
            serde_json::to_string(&shape)?,
        )?;
    }
    Ok(())
}

/// The schema with `root` as its root and only the definitions it reaches.
fn for_root(schema: &Value, root: &str) -> Result<Value, Box<dyn Error>> {
    let definitions = schema
        .get("definitions")
        .and_then(Value::as_object)
        .ok_or("no definitions")?;
    let mut reached = BTreeSet::new();
    let mut todo = vec![root.to_string()];
    while let Some(name) = todo.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        let definition = definitions
            .get(&name)
            .ok_or_else(|| format!("no definition {name}"))?;
        refs(definition, &mut todo);
    }
    let mut out = schema.clone();
    out["$ref"] = json!(format!("#/definitions/{root}"));
    out["definitions"] = Value::Object(
        definitions
            .iter()
            .filter(|(name, _)| reached.contains(name.as_str()))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect(),
    );
    Ok(out)
}

/// The definitions a schema refers to.
fn refs(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(members) => {
            if let Some(name) = members
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/definitions/"))
            {
                out.push(name.to_string());
            }
            members.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// Replace the training job definitions of the tuning job's root by plain objects (keeping
/// the list's item counts), and drop the definitions only they reached.
fn opaque_definitions(schema: &mut Value, root: &str) {
    let definitions = schema["definitions"].clone();
    let Some(properties) = schema
        .pointer_mut(&format!("/definitions/{root}/properties"))
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for member in DEFINITION_MEMBERS {
        let Some(property) = properties.get_mut(member) else {
            continue;
        };
        // The member's schema, through its `$ref`.
        let target = property
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/definitions/"))
            .and_then(|name| definitions.get(name))
            .unwrap_or(property)
            .clone();
        *property = if target.get("type") == Some(&json!("array")) {
            let mut list = json!({"type": "array", "items": {"type": "object"}});
            for bound in ["minItems", "maxItems"] {
                if let Some(n) = target.get(bound) {
                    list[bound] = n.clone();
                }
            }
            list
        } else {
            json!({"type": "object"})
        };
    }
    if let Ok(pruned) = for_root(schema, root) {
        *schema = pruned;
    }
}

/// Remove the annotation keywords of every schema object. The members of `properties` and
/// `definitions` are names, not keywords: only their values are schemas.
fn strip(schema: &mut Value) {
    match schema {
        Value::Object(members) => {
            members.retain(|k, _| !ANNOTATIONS.contains(&k.as_str()));
            for (key, value) in members.iter_mut() {
                match (key.as_str(), value) {
                    ("properties" | "definitions", Value::Object(named)) => {
                        named.values_mut().for_each(strip)
                    }
                    (_, value) => strip(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}
