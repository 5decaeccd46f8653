//! The typed request model. The structs are generated from the AWS service model (see
//! `schemas/generate.py`); rules read typed fields from here and ask the tree for spans.

mod generated;
pub mod lenient;

pub use generated::*;

/// A string-to-string map of the request (`HyperParameters`, `Environment`, ...), in document
/// order, hashed with foldhash: one is built per map per file.
pub type StringMap = indexmap::IndexMap<String, String, foldhash::fast::RandomState>;

/// Build the typed request from the document. Never fails: fields of the wrong type are `None`.
pub fn from_json(value: &serde_json::Value) -> CreateTrainingJobRequest {
    serde::Deserialize::deserialize(value).unwrap_or_default()
}

/// [`from_json`], reading the tree in place (no JSON copy of the document).
pub fn from_tree(root: &crate::tree::Node) -> CreateTrainingJobRequest {
    crate::instance::deserialize(root).unwrap_or_default()
}
