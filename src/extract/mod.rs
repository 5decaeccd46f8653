//! Finding the requests in a document: a request file of its own, the requests embedded in a
//! Step Functions state machine, a CloudFormation/SAM template or a SageMaker Pipelines
//! definition, or the request a saved DescribeTrainingJob response describes.
//!
//! Each request comes out as an [`Embedded`]: where it sits in the file (a JSON Pointer and a
//! label for people), the tree of the request with every span in the outer file, and its values
//! known only later already replaced ([`crate::runtime`]). The rules then read each request as
//! if it were a file of its own; [`crate::check`] puts the request's pointer in front of theirs.
//! A new kind of document adds an extractor here, and no rule changes.

mod cloudformation;
mod describe;
pub mod kubernetes;
mod names;
mod pipeline;
mod state_machine;
pub mod text;
mod tuning;

use std::borrow::Cow;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Origin};
use crate::discover::DocumentKind;
use crate::runtime::Dialect;
use crate::shape::Shape;
use crate::source::{SourceFile, Span};
use crate::tree::{Node, Value};

/// One request found in a document.
#[derive(Debug)]
pub struct Embedded<'a> {
    pub origin: Arc<Origin>,
    /// Its API shape.
    pub shape: Shape,
    /// The request, with values known later replaced; spans in the outer file.
    pub node: Cow<'a, Node>,
    /// How values known later are written in it.
    pub dialect: Dialect,
    /// Members the container fills in itself (a pipeline names its training jobs): never
    /// reported missing.
    pub supplied: &'static [&'static str],
    /// The request's text was rewritten on the way (parsed from a string of the outer file, or
    /// `${...}` placeholders filled in): its spans point at the text each value came from, but
    /// an edit there would not change the value as a fix says, so no quick fix is offered.
    pub rewritten: bool,
    /// How the container spells the request's members, when not as the API does (a Kubernetes
    /// resource's `spec`): the request's tree has the API's names, and [`crate::check`] turns
    /// each finding's pointer and texts back into the spelling of the file.
    pub spelling: Option<Arc<kubernetes::Spelling>>,
}

/// What a document holds.
#[derive(Debug)]
pub struct Extraction<'a> {
    pub kind: DocumentKind,
    pub requests: Vec<Embedded<'a>>,
    /// Findings about the container itself (an integration pattern SageMaker does not support,
    /// `Parameters` in a JSONata state, a `DefinitionString` that is not JSON).
    pub findings: Vec<Diagnostic>,
    /// Requests found that are one value known later as a whole (JSONata `Arguments:
    /// "{% ... %}"`): there, but nothing in them to check.
    pub unknown: usize,
}

/// The requests in a parsed document of the given kind. A request file is normalised in place
/// and borrowed; requests inside other documents are copied out.
pub fn extract<'a>(source: &SourceFile, root: &'a mut Node, kind: DocumentKind) -> Extraction<'a> {
    let mut found = Found {
        source,
        requests: Vec::new(),
        findings: Vec::new(),
        unknown: 0,
    };
    match kind {
        DocumentKind::Request | DocumentKind::Definition => {
            Dialect::REQUEST.normalize(root);
            return Extraction {
                kind,
                requests: vec![Embedded {
                    origin: Arc::new(Origin {
                        pointer: String::new(),
                        label: String::new(),
                    }),
                    shape: if kind == DocumentKind::Definition {
                        Shape::TrainingJobDefinition
                    } else {
                        Shape::TrainingJob
                    },
                    node: Cow::Borrowed(root),
                    dialect: Dialect::REQUEST,
                    supplied: &[],
                    rewritten: false,
                    spelling: None,
                }],
                findings: Vec::new(),
                unknown: 0,
            };
        }
        DocumentKind::StateMachine => {
            state_machine::extract(&mut found, root, &state_machine::Place::default())
        }
        DocumentKind::CloudFormation => cloudformation::extract(&mut found, root),
        DocumentKind::Pipeline => pipeline::extract(&mut found, root),
        DocumentKind::Describe => describe::extract(&mut found, root),
        DocumentKind::Tuning => {
            let origin = Origin {
                pointer: String::new(),
                label: String::new(),
            };
            tuning::extract(&mut found, root, origin, Dialect::REQUEST, How::default());
        }
        DocumentKind::KubernetesResource => {
            kubernetes::extract(&mut found, &[(String::new(), root)])
        }
        DocumentKind::Other => {}
    }
    Extraction {
        kind,
        requests: found.requests,
        findings: found.findings,
        unknown: found.unknown,
    }
}

/// The requests of a YAML stream of Kubernetes resources (`---` between documents): each
/// document's pointer is its index (`/1/spec` is the spec of the second document), unless only
/// one of them is not empty.
pub fn extract_stream(source: &SourceFile, docs: &[&Node]) -> Extraction<'static> {
    let mut found = Found {
        source,
        requests: Vec::new(),
        findings: Vec::new(),
        unknown: 0,
    };
    let indexed = indexed(docs);
    let docs: Vec<(String, &Node)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                if indexed {
                    format!("/{i}")
                } else {
                    String::new()
                },
                *d,
            )
        })
        .collect();
    kubernetes::extract(&mut found, &docs);
    Extraction {
        kind: DocumentKind::KubernetesResource,
        requests: found.requests,
        findings: found.findings,
        unknown: found.unknown,
    }
}

/// Whether the pointers of a stream (the list of its documents) start with the document's
/// index: when more than one document is not empty (a `---` at the end does not count, and a
/// stream of one resource has `""`).
pub fn indexed(docs: &[&Node]) -> bool {
    docs.iter()
        .filter(|d| !matches!(d.value, Value::Null))
        .count()
        > 1
}

/// What the extractors collect.
struct Found<'s> {
    source: &'s SourceFile,
    requests: Vec<Embedded<'static>>,
    findings: Vec<Diagnostic>,
    unknown: usize,
}

impl Found<'_> {
    /// Record the request at `node` (copied and normalised for `dialect`).
    fn request(&mut self, node: &Node, origin: Arc<Origin>, dialect: Dialect, how: How) {
        let mut node = node.clone();
        dialect.normalize(&mut node);
        // A request that is one value known later (JSONata `Arguments: "{% ... %}"`) holds
        // nothing to check.
        if node.is_runtime() {
            self.unknown += 1;
            return;
        }
        self.requests.push(Embedded {
            origin,
            shape: how.shape,
            node: Cow::Owned(node),
            dialect,
            supplied: how.supplied,
            rewritten: how.rewritten,
            spelling: None,
        });
    }

    /// Record a finding about the container (about the request at `origin`, if any).
    fn finding(
        &mut self,
        rule: &'static crate::rules::Rule,
        (pointer, span): (String, Span),
        message: String,
        help: &str,
        origin: Option<&Arc<Origin>>,
    ) {
        self.findings.push(
            Diagnostic {
                rule,
                severity: rule.severity,
                message,
                help: None,
                pointer,
                span,
                redact: false,
                fix: None,
                origin: origin.cloned(),
            }
            .with_help(help),
        );
    }
}

/// How a container holds its requests.
#[derive(Debug, Clone, Copy)]
struct How {
    shape: Shape,
    supplied: &'static [&'static str],
    rewritten: bool,
}

impl Default for How {
    fn default() -> How {
        How {
            shape: Shape::TrainingJob,
            supplied: &[],
            rewritten: false,
        }
    }
}

/// `label, then more`, or `more` when `label` is empty.
fn nested(label: &str, more: String) -> String {
    if label.is_empty() {
        more
    } else {
        format!("{label}, {more}")
    }
}
