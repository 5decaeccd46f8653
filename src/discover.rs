//! Which files a directory walk checks: JSON and YAML files that are training job requests.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::source::{Format, SourceFile};
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
/// Errors (unreadable directories, loops) are returned beside the files, not dropped.
pub fn walk(root: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(false)
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
                errors.push((path, err.to_string()));
            }
        }
    }
    (files, errors)
}

/// Members only a DescribeTrainingJob response (or an EventBridge event carrying one) has.
pub const RESPONSE_MARKERS: &[&str] = &[
    "TrainingJobArn",
    "TrainingJobStatus",
    "SecondaryStatus",
    "CreationTime",
    "ModelArtifacts",
];

/// Whether a parsed document is a training job request: at least two of the request's main
/// members at the top level, and none of a response's.
pub fn is_training_job(root: &Node) -> bool {
    let Some(members) = root.as_object() else {
        return false;
    };
    if members
        .iter()
        .any(|m| RESPONSE_MARKERS.contains(&m.key.as_str()))
    {
        return false;
    }
    let hits = members
        .iter()
        .filter(|m| MARKERS.contains(&m.key.strip_suffix(".$").unwrap_or(&m.key)))
        .count();
    hits >= 2
}

/// For a walk: is this parsed file one to check? Unparseable files count when their text names
/// request members, so a broken spec is reported rather than skipped.
pub fn should_check(source: &SourceFile, parsed: &crate::parse::Parsed) -> bool {
    match &parsed.root {
        Some(root) => is_training_job(root),
        None => MARKERS.iter().filter(|m| source.text.contains(*m)).count() >= 2,
    }
}
