//! A diagnostic: what a rule found, where, and how bad it is. Renderers only format these.

use std::sync::Arc;

use crate::rules::Rule;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// Higher is more severe: info 0, warning 1, error 2.
    pub fn rank(self) -> u8 {
        match self {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which part of a member a diagnostic is about: its key (e.g. an unknown or forbidden key) or
/// its value (e.g. an out-of-range number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Key,
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// JSON Pointer of the member or value concerned (`""` is the whole request).
    pub pointer: String,
    pub span: Span,
    /// The span holds a secret: renderers that show source text must mask it.
    pub redact: bool,
    /// An edit that certainly resolves the finding (a misspelt key or value replaced by the one
    /// meant, a member that must not be there removed), for editors' quick fixes. Not part of the
    /// JSON output.
    pub fix: Option<Fix>,
    /// The request the finding belongs to, when the file holds one (`None` for findings about
    /// the file itself, such as a syntax error).
    pub origin: Option<Arc<Origin>>,
}

/// Where a request sits in the file that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// JSON Pointer of the request's root in the file (`""` for a request file of its own). For
    /// a request inside a string (a CloudFormation `DefinitionString`), the pointer of the
    /// string followed by the path inside the document the string holds.
    pub pointer: String,
    /// Where it is, for people: `state Train`, `pipeline step Train`,
    /// `resource TrainingStateMachine, state Train`; empty for a request file of its own.
    pub label: String,
}

/// A machine-applicable fix: what it does, and the text edits that do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// A short imperative title, e.g. "Replace with `TrainingJobName`".
    pub title: String,
    /// Non-overlapping edits, in document order.
    pub edits: Vec<Edit>,
}

/// Replace the bytes of `span` with `text` (an empty `text` deletes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

impl Diagnostic {
    /// The label shown under the span: where in the request this is.
    pub fn pointer_label(&self) -> String {
        if self.pointer.is_empty() {
            self.rule.name.to_string()
        } else {
            self.pointer.clone()
        }
    }

    /// Where the request is, for a file that holds several (`state Train`); `None` for a
    /// request file of its own and for findings about the file itself.
    pub fn place(&self) -> Option<&str> {
        self.origin
            .as_deref()
            .map(|o| o.label.as_str())
            .filter(|l| !l.is_empty())
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Attach a fix, when one could be computed.
    pub fn with_fix(mut self, fix: Option<Fix>) -> Diagnostic {
        self.fix = fix;
        self
    }
}
