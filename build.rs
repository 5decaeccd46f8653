//! Derives the schema the validator compiles from the generated one in `schemas/`: the same
//! constraints, without what only people read (descriptions, titles, the AWS shape names and
//! Java patterns that messages quote), and minified. A one-file run spends most of its time
//! parsing and compiling the schema, and those are two thirds of its bytes. Messages and the
//! language server's hovers still read the full schema, when they need it.

use std::error::Error;
use std::path::PathBuf;

use serde_json::Value;

const SOURCE: &str = "schemas/create-training-job.schema.json";
const ANNOTATIONS: [&str; 4] = ["description", "title", "x-aws-shape", "x-aws-pattern"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed={SOURCE}");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(SOURCE)?)?;
    strip(&mut schema);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(
        out.join("validation.schema.json"),
        serde_json::to_string(&schema)?,
    )?;
    Ok(())
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
