//! sagelint: a static validator and linter for Amazon SageMaker `CreateTrainingJob` requests.
//!
//! The pipeline, one module each: [`source`] (text and positions) → [`parse`] (JSON or YAML into
//! one spanned [`tree`]) → [`schema`] (the generated JSON Schema) and [`model`] (typed request)
//! → [`rules`] (one file per rule) → [`diagnostic`]s → [`render`] (human, concise, JSON, SARIF,
//! GitHub); [`lsp`] serves the same diagnostics to editors.

pub mod baseline;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod extract;
pub mod facts;
pub mod fix;
pub mod input;
pub mod instance;
pub mod lsp;
pub mod model;
pub mod parse;
pub mod pointer;
pub mod policy;
pub mod render;
pub mod rules;
pub mod runtime;
pub mod schema;
pub mod secrets;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod tree;

pub use check::check;
pub use diagnostic::{Diagnostic, Severity, Target};
pub use source::{Format, SourceFile, Span};
