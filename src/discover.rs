//! Which files a directory walk reads (JSON and YAML), and what kind of document each is.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::input::io_message;
use crate::source::Format;
use crate::tree::Node;

/// Top-level members that mark a document as a CreateTrainingJob request (or a request embedded
/// as Step Functions parameters, where a member may be written `Name.$`).
const MARKERS: &[&str] = &[
    "TrainingJobName",
    "AlgorithmSpecification",
    "RoleArn",
    "OutputDataConfig",
    "ResourceConfig",
    "StoppingCondition",
    "InputDataConfig",
    "HyperParameters",
];

/// Directories a walk never enters: version control, build output, dependencies.
const SKIP_DIRS: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    "target",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
];

/// The JSON and YAML files under `root`, sorted, skipping hidden and dependency directories.
/// Symbolic links are followed (a linked spec is checked); a link that loops back to a directory
/// above it is an error, not an endless walk. FIFOs, sockets and devices are never listed.
/// Errors (unreadable directories, loops, links to nothing named like a spec) are returned beside
/// the files, not dropped.
pub fn walk(root: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_type().is_dir()
                    && e.file_name()
                        .to_str()
                        .is_some_and(|n| SKIP_DIRS.contains(&n) || n.starts_with('.')))
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && Format::from_path(e.path()).is_some() => {
                files.push(e.into_path())
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                // A dangling link is only worth an error when it is named like a spec (or is
                // the root itself): elsewhere it is as irrelevant as any other non-spec file.
                let dangling = err.loop_ancestor().is_none()
                    && err
                        .io_error()
                        .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
                    && err.depth() > 0;
                if dangling && Format::from_path(&path).is_none() {
                    continue;
                }
                let message = match (err.loop_ancestor(), err.io_error()) {
                    (Some(ancestor), _) => format!(
                        "symbolic link loop: it points back to {}; not followed",
                        ancestor.display()
                    ),
                    (None, Some(io)) if dangling => {
                        format!("a symbolic link to nothing ({})", io_message(io))
                    }
                    (None, Some(io)) => io_message(io),
                    (None, None) => err.to_string(),
                };
                errors.push((path, message));
            }
        }
    }
    (files, errors)
}

/// Members only a DescribeTrainingJob response (or an EventBridge event carrying one) has, that
/// tell one at a glance (the whole list is `schema::RESPONSE_ONLY`).
pub const RESPONSE_MARKERS: &[&str] = &[
    "TrainingJobArn",
    "TrainingJobStatus",
    "SecondaryStatus",
    "CreationTime",
    "ModelArtifacts",
];

/// The name members of other SageMaker requests that share members with a training request
/// (`RoleArn`, `StoppingCondition`, `Environment`, ...): a document with one of them and no
/// `TrainingJobName` is another request, not a training one.
const OTHER_REQUESTS: &[&str] = &[
    "ProcessingJobName",
    "TransformJobName",
    "ModelName",
    "EndpointConfigName",
    "EndpointName",
    "JobDefinitionName",
    "CompilationJobName",
    "LabelingJobName",
    "AutoMLJobName",
    "MonitoringScheduleName",
    "NotebookInstanceName",
    "InferenceRecommendationsJobName",
];

/// Members only a tuning job's training job definition has (HyperParameterTrainingJobDefinition
/// less CreateTrainingJobRequest).
const DEFINITION_MARKERS: &[&str] = &[
    "StaticHyperParameters",
    "TuningObjective",
    "HyperParameterRanges",
    "DefinitionName",
    "HyperParameterTuningResourceConfig",
];

/// What a JSON or YAML document is, as far as sagelint is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A CreateTrainingJob request (or a DescribeTrainingJob response, which has the same
    /// members plus read-only ones): at least two of the main members at the top level.
    Request,
    /// A Step Functions state machine (`StartAt` and `States`).
    StateMachine,
    /// A CloudFormation or SAM template.
    CloudFormation,
    /// A SageMaker Pipelines definition (`Steps`), or a CreatePipeline request holding one in
    /// `PipelineDefinition`.
    Pipeline,
    /// A CreateHyperParameterTuningJob request (`HyperParameterTuningJobName`,
    /// `HyperParameterTuningJobConfig`, its training job definitions).
    Tuning,
    /// One training job definition of a tuning job on its own (what the AWS CLI's
    /// `create-hyper-parameter-tuning-job --training-job-definition file://...` reads): request
    /// members with `StaticHyperParameters` or another member only a definition has.
    Definition,
    /// A saved DescribeTrainingJob response (the request's members and response-only ones such
    /// as `TrainingJobStatus`), or an EventBridge "SageMaker Training Job State Change" event
    /// whose `detail` is one.
    Describe,
    /// A Kubernetes resource (`apiVersion`/`kind`), or the request's members in lowerCamelCase:
    /// the `spec` of an ACK or SageMaker Operator `TrainingJob` is checked, other resources are
    /// ignored. A YAML stream of several is read document by document.
    KubernetesResource,
    /// Anything else: a package.json, a docker-compose file, ...
    Other,
}

impl DocumentKind {
    /// The kinds a user may name (`--kind`, the configuration's `[kind]` table), by name.
    pub const NAMED: &[(&str, DocumentKind)] = &[
        ("request", DocumentKind::Request),
        ("state-machine", DocumentKind::StateMachine),
        ("cloudformation", DocumentKind::CloudFormation),
        ("pipeline", DocumentKind::Pipeline),
        ("describe", DocumentKind::Describe),
        ("tuning", DocumentKind::Tuning),
        ("definition", DocumentKind::Definition),
        ("kubernetes", DocumentKind::KubernetesResource),
    ];

    /// The kind a user named.
    pub fn from_name(name: &str) -> Option<DocumentKind> {
        Self::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, kind)| kind)
    }

    /// How to say what the document looks like, for a diagnostic.
    pub fn describe(self) -> &'static str {
        match self {
            DocumentKind::Request => "a CreateTrainingJob request",
            DocumentKind::KubernetesResource => {
                "a Kubernetes manifest (or a resource's spec, with lowerCamelCase keys)"
            }
            DocumentKind::StateMachine => "a Step Functions state machine",
            DocumentKind::CloudFormation => "a CloudFormation or SAM template",
            DocumentKind::Pipeline => "a SageMaker Pipelines definition",
            DocumentKind::Describe => "a DescribeTrainingJob response",
            DocumentKind::Tuning => "a CreateHyperParameterTuningJob request",
            DocumentKind::Definition => "a tuning job's training job definition",
            DocumentKind::Other => "some other document",
        }
    }

    /// Where sagelint looked for requests in a document of this kind (for a file that held none).
    pub fn looked_for(self) -> &'static str {
        match self {
            DocumentKind::StateMachine => "no Task state calls arn:aws:states:::sagemaker:createTrainingJob or createHyperParameterTuningJob (with or without .sync)",
            DocumentKind::CloudFormation => "no AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource has a Definition or DefinitionString with a Task state that calls sagemaker:createTrainingJob",
            DocumentKind::Pipeline => "no step of \"Type\": \"Training\" or \"Tuning\" has Arguments",
            DocumentKind::Describe => "no training job in it (an EventBridge event's detail, or the response itself)",
            DocumentKind::KubernetesResource => "no TrainingJob or HyperParameterTuningJob resource of ACK (sagemaker.services.k8s.aws), nor TrainingJob or HyperparameterTuningJob of the SageMaker Operator (sagemaker.aws.amazon.com)",
            DocumentKind::Request
            | DocumentKind::Tuning
            | DocumentKind::Definition
            | DocumentKind::Other => "",
        }
    }
}

/// Classify a parsed document by its top-level keys.
pub fn classify(root: &Node) -> DocumentKind {
    let Some(members) = root.as_object() else {
        return DocumentKind::Other;
    };
    let has = |k: &str| members.iter().any(|m| m.key == k);
    let markers = |exact: bool| {
        members
            .iter()
            .filter(|m| {
                let key = m.key.strip_suffix(".$").unwrap_or(&m.key);
                MARKERS.iter().any(|mk| {
                    if exact {
                        *mk == key
                    } else {
                        mk.eq_ignore_ascii_case(key)
                    }
                })
            })
            .count()
    };
    let steps = root.get("Steps").is_some_and(|s| s.as_array().is_some());
    let event = root.get("detail-type").and_then(Node::as_str) == Some(TRAINING_JOB_EVENT);
    // A DescribeHyperParameterTuningJob response is not a request (nor checked as one).
    let tuning = [
        "HyperParameterTuningJobConfig",
        "HyperParameterTuningJobName",
    ]
    .iter()
    .any(|k| has(k) || has(&format!("{k}.$")))
        && !has("HyperParameterTuningJobStatus")
        && !has("HyperParameterTuningJobArn");
    // Members only a training job definition has, and none only a request has.
    let definition = DEFINITION_MARKERS.iter().any(|k| has(k))
        && !has("TrainingJobName")
        && !has("HyperParameters");
    let other = !has("TrainingJobName") && OTHER_REQUESTS.iter().any(|k| has(k));
    if tuning {
        DocumentKind::Tuning
    } else if other {
        DocumentKind::Other
    } else if definition && markers(true) >= 2 {
        DocumentKind::Definition
    } else if markers(true) >= 2 {
        if members
            .iter()
            .any(|m| RESPONSE_MARKERS.contains(&m.key.as_str()))
        {
            DocumentKind::Describe
        } else {
            DocumentKind::Request
        }
    } else if event {
        DocumentKind::Describe
    } else if (has("apiVersion") && has("kind")) || markers(false) >= 2 {
        DocumentKind::KubernetesResource
    } else if has("StartAt") && has("States") {
        DocumentKind::StateMachine
    } else if has("AWSTemplateFormatVersion") || has("Resources") {
        DocumentKind::CloudFormation
    } else if (steps && (has("Version") || has("Parameters") || has("Metadata")))
        || (has("PipelineDefinition") && has("PipelineName"))
    {
        DocumentKind::Pipeline
    } else {
        DocumentKind::Other
    }
}

/// The `detail-type` of the EventBridge event whose `detail` is a DescribeTrainingJob response.
pub const TRAINING_JOB_EVENT: &str = "SageMaker Training Job State Change";

/// Whether a text names at least two of a request's main members: a document that does not
/// parse (or is not an object) but is meant to be a request.
pub fn names_request_members(text: &str) -> bool {
    MARKERS.iter().filter(|m| text.contains(*m)).count() >= 2
}
