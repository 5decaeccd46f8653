//! Kubernetes custom resources that create training and tuning jobs: ACK's
//! (`sagemaker.services.k8s.aws/v1alpha1`, aws-controllers-k8s/sagemaker-controller) and the
//! SageMaker Operator for Kubernetes' (`sagemaker.aws.amazon.com/v1`,
//! aws/amazon-sagemaker-operator-for-k8s) `TrainingJob` and `HyperParameterTuningJob`
//! (the operator's `HyperparameterTuningJob`), whose `spec` is the CreateTrainingJob or
//! CreateHyperParameterTuningJob request with the members renamed ([`super::names`]).
//!
//! The request is rebuilt with the API's member names, so that the schema and every rule read
//! it unchanged, while every node keeps its span in the file. A [`Spelling`] goes with it:
//! [`crate::check`] turns each finding's pointer back into the pointer as written
//! (`/spec/resourceConfig/volumeKMSKeyID`) and the member names of its message, help and quick
//! fix into the resource's spelling (`spec.resourceConfig.volumeKMSKeyID`). A tuning job is
//! handed to [`super::tuning`] like any other, and each of its training job definitions gets
//! the spelling of its part of the spec ([`Spelling::under`]).
//!
//! - ACK: field names by ACK's naming rule; maps (`hyperParameters`, `environment`) keep their
//!   keys. Its CRD requires what the API requires, `trainingJobName` included (`metadata.name`
//!   only names the Kubernetes object): config/crd/bases/sagemaker.services.k8s.aws_trainingjobs.yaml.
//! - The operator: lowerCamelCase; every map of the API is a list of `{name, value}`
//!   (`KeyValuePair`, api/v1/common/sagemaker_api.go), `DebugHookConfig.HookParameters` is
//!   written `ruleParameters` (its JSON tag there); `region` is required and `sageMakerEndpoint`
//!   allowed beside the request; the job's name is optional, the operator generating one from
//!   `metadata.name` (api/v1/trainingjob/trainingjob_types.go,
//!   controllers/trainingjob/trainingjob_controller.go, and the same for tuning jobs).
//!
//! Manifests are often templates filled in by `envsubst` (ACK's own samples write
//! `$SAGEMAKER_EXECUTION_ROLE_ARN`): a string with a `$NAME` placeholder is a value known later.
//! Other Kubernetes documents in the file are ignored. The items of a `kind: List` are read as
//! documents.

use std::sync::{Arc, LazyLock};

use foldhash::{HashMap, HashSet};

use super::{names, Found, How};
use crate::diagnostic::Origin;
use crate::pointer;
use crate::rules::document::duplicate_key;
use crate::rules::schema::{
    invalid_enum_value, invalid_length, invalid_type, missing_required, unknown_key,
};
use crate::runtime::Dialect;
use crate::schema;
use crate::shape::Shape;
use crate::source::Span;
use crate::tree::{mark_shadowed, Member, Node, Value};

/// Which controller a resource is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flavor {
    Ack,
    Operator,
}

/// The API group of ACK's SageMaker resources.
pub const ACK_GROUP: &str = "sagemaker.services.k8s.aws";
/// The API group of the SageMaker Operator for Kubernetes.
pub const OPERATOR_GROUP: &str = "sagemaker.aws.amazon.com";

/// The controller and kind of a SageMaker resource (`None` for any other document).
pub fn resource(doc: &Node) -> Option<(Flavor, &str)> {
    let api_version = doc.get("apiVersion")?.as_str()?;
    let kind = doc.get("kind")?.as_str()?;
    let group = api_version.split('/').next()?;
    let flavor = match group {
        ACK_GROUP => Flavor::Ack,
        OPERATOR_GROUP => Flavor::Operator,
        _ => return None,
    };
    Some((flavor, kind))
}

/// The requests of the SageMaker training-job resources of a stream; `at` is the pointer of
/// each document (`""` for a file of one document).
pub(super) fn extract(found: &mut Found<'_>, docs: &[(String, &Node)]) {
    for (at, doc) in docs {
        document(found, doc, at);
    }
}

fn document(found: &mut Found<'_>, doc: &Node, at: &str) {
    // A `kind: List` (what `kubectl get -o yaml` prints for several objects) holds resources
    // in `items`.
    if doc.get("kind").and_then(Node::as_str) == Some("List") {
        let items = doc
            .get("items")
            .and_then(Node::as_array)
            .unwrap_or_default();
        for (i, item) in items.iter().enumerate() {
            document(found, item, &format!("{at}/items/{i}"));
        }
        return;
    }
    let Some((flavor, kind)) = resource(doc) else {
        return;
    };
    let name = doc
        .get("metadata")
        .and_then(|m| m.get("name"))
        .and_then(Node::as_str);
    let label = match name {
        Some(name) => format!("{kind} {name}"),
        None if at.is_empty() => kind.to_string(),
        None => format!("{kind} at {at}"),
    };
    let kind_member = doc.member("kind").map(|m| m.value.span);
    let shape = match (flavor, kind) {
        (_, "TrainingJob") => Shape::TrainingJob,
        (Flavor::Ack, "HyperParameterTuningJob")
        | (Flavor::Operator, "HyperparameterTuningJob") => Shape::TuningJob,
        _ => {
            // The other controller's spelling of the tuning job's kind: no such resource here.
            let other = match flavor {
                Flavor::Ack => "HyperparameterTuningJob",
                Flavor::Operator => "HyperParameterTuningJob",
            };
            if kind == other {
                let (group, right) = match flavor {
                    Flavor::Ack => (ACK_GROUP, "HyperParameterTuningJob"),
                    Flavor::Operator => (OPERATOR_GROUP, "HyperparameterTuningJob"),
                };
                found.finding(
                    &invalid_enum_value::RULE,
                    (pointer::join(at, "kind"), kind_member.unwrap_or(doc.span)),
                    format!("`{kind}` is not a kind of {group}: its tuning job is `{right}`"),
                    "ACK spells it HyperParameterTuningJob, the SageMaker Operator HyperparameterTuningJob; Kubernetes rejects a kind its API group does not serve",
                    None,
                );
                if let (Some(d), Some(span)) = (found.findings.last_mut(), kind_member) {
                    d.fix = crate::fix::replace_scalar(found.source, span, right);
                }
            }
            return;
        }
    };
    // A field given twice in the manifest itself (the request's own keys are SL002's there).
    repeated(found, doc, at);
    if let (Flavor::Operator, Some(spec)) = (flavor, doc.get("spec")) {
        repeated_of(found, spec, &pointer::join(at, "spec"), OPERATOR_ONLY);
    }
    let spec_at = pointer::join(at, "spec");
    let resource_label = label.clone();
    let origin = Arc::new(Origin {
        pointer: spec_at.clone(),
        label,
    });
    let Some(spec_member) = doc.member("spec") else {
        found.finding(
            &missing_required::RULE,
            (at.to_string(), kind_member.unwrap_or(doc.span)),
            format!("missing required key `spec` in the {kind} resource"),
            &format!("its spec is the {}", shape.describe()),
            Some(&origin),
        );
        return;
    };
    let spec = &spec_member.value;
    if spec.as_object().is_none() {
        found.finding(
            &invalid_type::RULE,
            (spec_at, spec.span),
            format!(
                "`spec` is {}, not an object",
                match spec.type_name() {
                    "array" => "a list",
                    "string" => "a string",
                    "null" => "empty",
                    "boolean" => "a boolean",
                    _ => "a number",
                }
            ),
            &format!(
                "its spec is the {}: an object of its members",
                shape.describe()
            ),
            Some(&origin),
        );
        return;
    }
    let mut builder = Builder {
        flavor,
        kind,
        spelling: Spelling {
            flavor,
            shape,
            root: "spec".into(),
            kind: kind.to_string(),
            pointers: HashMap::default(),
            keys: HashSet::default(),
        },
        problems: Vec::new(),
        text: &found.source.text,
    };
    let mut request = builder.convert(spec, "", "");
    if flavor == Flavor::Operator {
        // `region` (required) and `sageMakerEndpoint` go to the operator, not to SageMaker.
        if let Value::Object(members) = &mut request.value {
            members.retain(|m| !OPERATOR_ONLY.contains(&m.key.as_str()));
        }
        let help = "the SageMaker Operator needs the AWS Region to create the job in (its CRD: a string of at least 1 character)";
        match spec.member("region") {
            None => found.finding(
                &missing_required::RULE,
                (spec_at.clone(), spec_member.key_span),
                "missing required key `region` in `spec`".into(),
                help,
                Some(&origin),
            ),
            Some(region) if region.value.as_str().is_none() => found.finding(
                &invalid_type::RULE,
                (pointer::join(&spec_at, "region"), region.value.span),
                "`spec.region` must be a string, such as us-west-2".into(),
                help,
                Some(&origin),
            ),
            Some(region) if region.value.as_str() == Some("") => found.finding(
                &invalid_length::RULE,
                (pointer::join(&spec_at, "region"), region.value.span),
                "`spec.region` must not be empty".into(),
                help,
                Some(&origin),
            ),
            Some(_) => {}
        }
    }
    let Builder {
        spelling, problems, ..
    } = builder;
    for p in problems {
        found.finding(
            p.rule,
            (format!("{spec_at}{}", p.pointer), p.span),
            p.message,
            &p.help,
            Some(&origin),
        );
        if p.remove {
            // A field that never reaches SageMaker: removing it changes nothing but the noise.
            if let Some(d) = found.findings.last_mut() {
                d.fix = crate::fix::remove_member(found.source, spec, &p.pointer);
            }
        }
    }
    placeholders(&mut request);
    // The operator names the job after `metadata.name` when the spec does not
    // (controllers/trainingjob/trainingjob_controller.go,
    // controllers/hyperparametertuningjob/hyperparametertuningjob_controller.go).
    let supplied: &'static [&'static str] = match (flavor, shape) {
        (Flavor::Operator, Shape::TuningJob) => &["HyperParameterTuningJobName"],
        (Flavor::Operator, _) => &["TrainingJobName"],
        (Flavor::Ack, _) => &[],
    };
    let how = How {
        shape,
        supplied,
        rewritten: false,
    };
    let before = found.requests.len();
    if shape == Shape::TuningJob {
        let origin = Origin::clone(&origin);
        super::tuning::extract(found, &request, origin, Dialect::default(), how);
    } else {
        found.request(&request, origin, Dialect::default(), how);
    }
    // Each request found (a tuning job's definitions too) with the spelling of its part of the
    // spec, and its place as written.
    let spelling = Arc::new(spelling);
    for r in &mut found.requests[before..] {
        let api = r
            .origin
            .pointer
            .strip_prefix(&spec_at)
            .unwrap_or_default()
            .to_string();
        if api.is_empty() {
            r.spelling = Some(spelling.clone());
            continue;
        }
        let label = r.origin.label.strip_prefix(&resource_label).map_or_else(
            || r.origin.label.clone(),
            |part| format!("{resource_label}{}", spelling.text(part, None)),
        );
        r.origin = Arc::new(Origin {
            pointer: format!("{spec_at}{}", spelling.pointer(&api)),
            label,
        });
        r.spelling = Some(Arc::new(spelling.under(&api, r.shape)));
    }
}

/// The shapes and the request fields ACK's SageMaker controller leaves out of its CRDs:
/// `ignore.shape_names` and the `CreateTrainingJobInput.` and
/// `CreateHyperParameterTuningJobInput.` entries of `ignore.field_paths` in
/// aws-controllers-k8s/sagemaker-controller's generator.yaml (commit dc49707).
const ACK_IGNORED_SHAPES: &[&str] = &[
    "RSessionAppSettings",
    "ExecutionRoleIdentityConfig",
    "HyperParameterTuningResourceConfig",
    "InstanceMetadataServiceConfiguration",
    "CanvasAppSettings",
    "ExplainerConfig",
    "HyperParameterTuningJobStrategyConfig",
    "DisableProfiler",
    "BatchTransformInput_",
    "MonitoringParquetDatasetFormat",
    "BatchDataCaptureConfig",
    "TableFormat",
    "RandomSeed",
    "TrainingImageConfig",
    "TrainingPlanArn",
    "ShadowProductionVariants",
];
fn ack_ignored_fields(shape: Shape) -> &'static [&'static str] {
    match shape {
        Shape::TrainingJob => &[
            "AlgorithmSpecification.ContainerArguments",
            "AlgorithmSpecification.ContainerEntrypoint",
            "ExperimentConfig.RunName",
            "SessionChainingConfig",
        ],
        // `TrainingJobDefinition.Environment` is the path ignored; the definitions of
        // `TrainingJobDefinitions` share its Go type, and lack `environment` in the CRD too
        // (config/crd/bases/sagemaker.services.k8s.aws_hyperparametertuningjobs.yaml).
        Shape::TuningJob => &[
            "TrainingJobDefinition.Environment",
            "TrainingJobDefinitions.Environment",
            "HyperParameterTuningJobConfig.ResourceLimits.MaxRuntimeInSeconds",
            "HyperParameterTuningJobConfig.TuningJobCompletionCriteria.BestObjectiveNotImproving",
            "HyperParameterTuningJobConfig.TuningJobCompletionCriteria.ConvergenceDetected",
        ],
        // (A definition is rebuilt as part of its tuning job, never on its own.)
        Shape::TrainingJobDefinition => &[],
    }
}

/// Whether ACK leaves the member `name` of the object at `api` (whose schema is `object`) out
/// of its CRD: its shape, or its path, is in the `ignore` section of
/// aws-controllers-k8s/sagemaker-controller's generator.yaml (commit dc49707).
fn ack_leaves_out(shape: Shape, object: Option<&serde_json::Value>, api: &str, name: &str) -> bool {
    if ack_ignored_fields(shape).contains(&api_path(api, name).as_str()) {
        return true;
    }
    let reference = object
        .and_then(|s| s.get("properties"))
        .and_then(|p| p.get(name))
        .and_then(|p| p.get("$ref"))
        .and_then(serde_json::Value::as_str);
    reference
        .and_then(|r| r.strip_prefix("#/definitions/"))
        .is_some_and(|shape| ACK_IGNORED_SHAPES.contains(&shape))
}

/// The fields of the controllers' CRDs, by controller and kind (`crd-fields.txt`).
static CRD_FIELDS: LazyLock<HashMap<(Flavor, &'static str), HashSet<&'static str>>> =
    LazyLock::new(|| {
        let mut out: HashMap<(Flavor, &str), HashSet<&str>> = HashMap::default();
        let mut section = None;
        for line in include_str!("crd-fields.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(head) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match head.split_once(' ') {
                    Some(("ack", kind)) => Some((Flavor::Ack, kind)),
                    Some(("operator", kind)) => Some((Flavor::Operator, kind)),
                    _ => None,
                };
            } else if let Some(section) = section {
                out.entry(section).or_default().insert(line);
            }
        }
        out
    });

/// Whether the CRD of `flavor`'s `kind` has the field at `path` (names as written, joined by
/// `.`, without indices); a kind with no list has every field.
fn crd_has(flavor: Flavor, kind: &str, path: &[String]) -> bool {
    CRD_FIELDS
        .get(&(flavor, kind))
        .is_none_or(|fields| fields.contains(path.join(".").as_str()))
}

/// SL002 for each member of the manifest's `object` given twice.
fn repeated(found: &mut Found<'_>, object: &Node, at: &str) {
    repeated_of(found, object, at, &[]);
}

/// SL002 for each member of `object` given twice (of `only`, when not empty).
fn repeated_of(found: &mut Found<'_>, object: &Node, at: &str, only: &[&str]) {
    let members = object.as_object().unwrap_or_default();
    for (i, m) in members.iter().enumerate() {
        if !only.is_empty() && !only.contains(&m.key.as_str()) {
            continue;
        }
        let Some(first) = members[..i].iter().find(|f| f.key == m.key) else {
            continue;
        };
        let line = found.source.position(first.key_span.start).line;
        found.finding(
            &duplicate_key::RULE,
            (pointer::join(at, &m.key), m.key_span),
            format!(
                "duplicate key `{}` (first defined on line {line}): Kubernetes rejects a manifest with a duplicate field (kubectl's default field validation), and YAML loaders that accept it keep only this last value",
                m.key
            ),
            "remove one of the two, keeping the value you mean",
            None,
        );
    }
}

/// Members of the operator's spec that are not part of the request.
const OPERATOR_ONLY: &[&str] = &["region", "sageMakerEndpoint"];

/// Strings with an `envsubst` placeholder (`$NAME`, `${NAME}`) become values known later.
fn placeholders(node: &mut Node) {
    match &mut node.value {
        Value::String(s) if has_placeholder(s) => node.value = Value::Runtime,
        Value::Object(members) => members.iter_mut().for_each(|m| placeholders(&mut m.value)),
        Value::Array(items) => items.iter_mut().for_each(placeholders),
        _ => {}
    }
}

/// `$` followed by a letter or `_` (what `envsubst` replaces).
fn has_placeholder(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'$' && (w[1].is_ascii_alphabetic() || w[1] == b'_' || w[1] == b'{'))
}

/// How a resource spells the request, and where each of its members was written.
#[derive(Debug)]
pub struct Spelling {
    flavor: Flavor,
    /// The request's shape (the pointers are from its root).
    shape: Shape,
    /// Where the request is in the resource, for texts: `spec`, or a tuning job's
    /// `spec.trainingJobDefinitions[0]`.
    root: String,
    /// The resource's kind, as written.
    kind: String,
    /// The pointer of each member and item of the request → the pointer as written (both
    /// relative to the request).
    pointers: HashMap<String, String>,
    /// Spans of the keys renamed (an edit there writes a member name, to be spelt as written).
    keys: HashSet<(usize, usize)>,
}

impl Spelling {
    /// The spelling of the part of the request at `api` (a tuning job's training job
    /// definition), read as a request of `shape` of its own.
    pub fn under(&self, api: &str, shape: Shape) -> Spelling {
        let written = self.pointer(api);
        let pointers = self
            .pointers
            .iter()
            .filter_map(|(from, to)| {
                let from = from.strip_prefix(api).filter(|r| r.starts_with('/'))?;
                let to = to.strip_prefix(&written).filter(|r| r.starts_with('/'))?;
                Some((from.to_string(), to.to_string()))
            })
            .collect();
        Spelling {
            flavor: self.flavor,
            shape,
            root: spec_path(&written),
            kind: self.kind.clone(),
            pointers,
            keys: self.keys.clone(),
        }
    }

    /// The name the resource gives the member `name` of the object at `parent` (a pointer into
    /// the request).
    pub fn name(&self, parent: Option<&str>, name: &str) -> String {
        match self.flavor {
            Flavor::Ack => match MEMBER_NAMES.ack.get(name) {
                Some(spelt) => spelt.clone(),
                None => names::ack(name),
            },
            Flavor::Operator => {
                let hook = parent.is_some_and(|p| p == "/DebugHookConfig");
                if hook && name == "HookParameters" {
                    "ruleParameters".into()
                } else {
                    names::operator(name)
                }
            }
        }
    }

    /// A pointer into the request as a pointer into the resource's spec.
    pub fn pointer(&self, api: &str) -> String {
        if api.is_empty() {
            return String::new();
        }
        if let Some(p) = self.pointers.get(api) {
            return p.clone();
        }
        // A member the request lacks: its parent as written, and its name spelt.
        let Some((parent, last)) = pointer::split_last(api) else {
            return api.to_string();
        };
        let mut out = self.pointer(parent);
        let known = schema::allowed_keys(self.shape, parent).contains(&last.as_ref());
        if known {
            pointer::push(&mut out, &self.name(Some(parent), &last));
        } else {
            pointer::push(&mut out, &last);
        }
        out
    }

    /// A pointer into the spec as written as a pointer into the request (`None` where the
    /// spec has no member of the request: a key that maps to none, inside an operator's
    /// `{name, value}` entry).
    pub fn api(&self, written: &str) -> Option<String> {
        if written.is_empty() {
            return Some(String::new());
        }
        if let Some((api, _)) = self.pointers.iter().find(|(_, w)| *w == written) {
            return Some(api.clone());
        }
        // A member the request does not have yet (mid-edit): its parent's, and its name.
        let (parent, last) = pointer::split_last(written)?;
        let parent = self.api(parent)?;
        let object = schema::at(self.shape, &parent)?;
        let name = if object.get("properties").is_some() {
            schema::allowed_keys(self.shape, &parent)
                .into_iter()
                .find(|k| self.name(Some(&parent), k) == last)?
                .to_string()
        } else if object.get("items").is_some() || object.get("additionalProperties").is_some() {
            last.into_owned()
        } else {
            return None;
        };
        Some(pointer::join(&parent, name))
    }

    /// Whether the resource can hold the member `name` of the object at `api` (ACK leaves some
    /// out of its CRDs).
    pub fn offers(&self, api: &str, name: &str) -> bool {
        // The field's path in the spec, as the CRD lists it.
        let root = self.root.strip_prefix("spec").unwrap_or(&self.root);
        let parent = self.pointer(api);
        let path: Vec<String> = root
            .split(['.', '['])
            .filter(|s| !s.is_empty() && !s.ends_with(']'))
            .map(str::to_string)
            .chain(
                pointer::segments(&parent)
                    .filter(|s| !s.bytes().all(|b| b.is_ascii_digit()))
                    .map(|s| s.into_owned()),
            )
            .chain(std::iter::once(self.name(Some(api), name)))
            .collect();
        crd_has(self.flavor, &self.kind, &path)
    }

    /// Whether the last member of `api` is a key written as is (one the request does not have).
    pub fn unknown(&self, api: &str) -> Option<String> {
        let (parent, last) = pointer::split_last(api)?;
        let map = schema::at(self.shape, parent).is_some_and(|s| s.get("properties").is_none());
        (!map && !schema::allowed_keys(self.shape, parent).contains(&last.as_ref()))
            .then(|| last.into_owned())
    }

    /// Whether an edit at `span` renames a key.
    pub fn is_key(&self, span: Span) -> bool {
        self.keys.contains(&(span.start, span.end))
    }

    /// A message, help or fix text with the member names it mentions in the resource's
    /// spelling: dotted paths from the request's root (`` `ResourceConfig.VolumeKmsKeyId` ``)
    /// become `spec.resourceConfig.volumeKMSKeyID`, a member name alone its field name;
    /// "in the request" becomes "in `spec`" (the request's place). The first backquoted `keep` (a key as written)
    /// is left alone.
    pub fn text(&self, text: &str, keep: Option<&str>) -> String {
        let text = text.replace("in the request", &format!("in `{}`", self.root));
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut kept = false;
        let mut i = 0;
        while i < bytes.len() {
            let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
            let starts =
                word(bytes[i]) && (i == 0 || !(word(bytes[i - 1]) || bytes[i - 1] == b'.'));
            if !starts {
                let ch = text[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8().max(1);
                continue;
            }
            let end = path_end(bytes, i);
            let token = &text[i..end];
            let quoted = i > 0 && bytes[i - 1] == b'`' && bytes.get(end) == Some(&b'`');
            if quoted && !kept && keep == Some(token) {
                kept = true;
                out.push_str(token);
            } else {
                match self.path(token, quoted, &out) {
                    Some(spelt) => out.push_str(&spelt),
                    None => out.push_str(token),
                }
            }
            i = end;
        }
        out
    }

    /// A dotted path of member names (with `[n]` indices) in the resource's spelling.
    fn path(&self, token: &str, quoted: bool, before: &str) -> Option<String> {
        let segments: Vec<(&str, &str)> = token
            .split('.')
            .map(|s| match s.find('[') {
                Some(at) => (&s[..at], &s[at..]),
                None => (s, ""),
            })
            .collect();
        if segments.iter().any(|(name, _)| name.is_empty()) {
            return None;
        }
        // From the request's root.
        let mut at = String::new();
        let mut spelt = Vec::new();
        for (i, (name, index)) in segments.iter().enumerate() {
            // A map's key (`HyperParameters.epochs`) is written as is.
            let in_map =
                i > 0 && schema::at(self.shape, &at).is_some_and(|s| s.get("properties").is_none());
            if in_map {
                spelt.push(format!("{name}{index}"));
            } else if schema::allowed_keys(self.shape, &at).contains(name) {
                spelt.push(format!("{}{index}", self.name(Some(&at), name)));
            } else {
                spelt.clear();
                break;
            }
            pointer::push(&mut at, name);
            for _ in 0..index.matches('[').count() {
                pointer::push(&mut at, "0");
            }
        }
        if !spelt.is_empty() {
            // A path, or an object named in an "in `...`" phrase, is written from `spec`; a
            // member named alone keeps its name.
            let object = quoted && self_in(before);
            return Some(if segments.len() > 1 || object {
                format!("{}.{}", self.root, spelt.join("."))
            } else {
                spelt.join(".")
            });
        }
        // Member names elsewhere: each spelt on its own. A one-word name (`Tags`, `Key`) only
        // when backquoted, where it cannot be an English word.
        let names = &*MEMBER_NAMES;
        let all_members = segments
            .iter()
            .all(|(name, _)| names.members.contains(*name) && !names.values.contains(*name));
        let compound = |n: &str| n.chars().filter(char::is_ascii_uppercase).count() > 1;
        if all_members && (quoted || segments.len() > 1 || compound(segments[0].0)) {
            let spelt: Vec<String> = segments
                .iter()
                .map(|(name, index)| format!("{}{index}", self.name(None, name)))
                .collect();
            return Some(spelt.join("."));
        }
        None
    }
}

/// Whether the text so far ends with "in `": what follows names an object.
fn self_in(before: &str) -> bool {
    before.ends_with(" in `")
}

/// The end of a dotted path of words with `[n]` indices starting at `i`.
fn path_end(bytes: &[u8], mut i: usize) -> usize {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    loop {
        while i < bytes.len() && word(bytes[i]) {
            i += 1;
        }
        while bytes.get(i) == Some(&b'[') {
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits > 0 && bytes.get(i + 1 + digits) == Some(&b']') {
                i += digits + 2;
            } else {
                break;
            }
        }
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(|&b| word(b)) {
            i += 1;
        } else {
            return i;
        }
    }
}

/// Every member name of the request's shapes, and every enum value (a word that is both is a
/// value, and not respelt).
struct MemberNames {
    members: HashSet<&'static str>,
    values: HashSet<&'static str>,
    /// Each member's ACK name, derived once.
    ack: HashMap<&'static str, String>,
}

static MEMBER_NAMES: LazyLock<MemberNames> = LazyLock::new(|| {
    fn walk(v: &'static serde_json::Value, out: &mut MemberNames) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, child) in map {
                    match (k.as_str(), child) {
                        ("properties", serde_json::Value::Object(props)) => {
                            out.members.extend(props.keys().map(String::as_str));
                        }
                        ("enum", serde_json::Value::Array(values)) => {
                            out.values.extend(values.iter().filter_map(|v| v.as_str()));
                        }
                        _ => {}
                    }
                    walk(child, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = MemberNames {
        members: HashSet::default(),
        values: HashSet::default(),
        ack: HashMap::default(),
    };
    walk(&schema::SCHEMA, &mut out);
    out.ack = out.members.iter().map(|m| (*m, names::ack(m))).collect();
    out
});

/// Builds the request from a spec.
struct Builder<'a> {
    flavor: Flavor,
    /// The resource's kind, as written.
    kind: &'a str,
    spelling: Spelling,
    /// Values of the wrong shape for the resource, duplicates.
    problems: Vec<Problem>,
    /// The file's text (for line numbers).
    text: &'a str,
}

impl Builder<'_> {
    /// The request value for `node`, at `api` in the request and `written` in the spec.
    fn convert(&mut self, node: &Node, api: &str, written: &str) -> Node {
        let shape = schema::at(self.spelling.shape, api);
        let structure = shape.is_some_and(|s| s.get("properties").is_some());
        let map = shape.is_some_and(|s| {
            s.get("properties").is_none()
                && (s.get("additionalProperties").is_some_and(|a| a.is_object())
                    || s.get("propertyNames").is_some())
        });
        match &node.value {
            Value::Object(members) if structure => {
                let allowed: Vec<(String, &str)> = schema::allowed_keys(self.spelling.shape, api)
                    .into_iter()
                    .map(|name| (self.spelling.name(Some(api), name), name))
                    .collect();
                let mut out = Vec::with_capacity(members.len());
                for m in members {
                    let here = pointer::join(written, &m.key);
                    let member = allowed
                        .iter()
                        .find(|(spelt, _)| *spelt == m.key)
                        .map(|(_, name)| name);
                    // A member of the API the resource's CRD does not have never reaches
                    // SageMaker: say why, when ACK's generator.yaml says so.
                    let absent = match member {
                        Some(name) if self.left_out(shape, api, name) => Some((
                            format!(
                                "`{}` is not a field of ACK's {}: its controller leaves the API's {} out of its CRD, so the value never reaches SageMaker",
                                spec_path(&here),
                                self.kind,
                                api_path(api, name)
                            ),
                            "aws-controllers-k8s/sagemaker-controller's generator.yaml ignores it (Kubernetes rejects or drops the field); remove it, or create the job another way if you need it",
                        )),
                        Some(_) if !self.crd_has(&here) => {
                            let (controller, help) = match self.flavor {
                                Flavor::Ack => ("ACK's", "the controller's CRD was generated from an older SageMaker API than this field; remove it, or create the job another way if you need it"),
                                Flavor::Operator => ("the SageMaker Operator's", "the operator (end of life since February 2023) was built for an older API; remove the field, or move the job to ACK's controller if it has it"),
                            };
                            Some((
                                format!(
                                    "`{}` is not a field of {controller} {}: its CRD has no such field, so the value never reaches SageMaker",
                                    spec_path(&here),
                                    self.kind,
                                ),
                                help,
                            ))
                        }
                        _ => None,
                    };
                    if let Some((message, help)) = absent {
                        self.problems.push(Problem {
                            rule: &unknown_key::RULE,
                            pointer: here.clone(),
                            span: m.key_span,
                            message,
                            help: help.into(),
                            remove: true,
                        });
                        continue;
                    }
                    let key = match member {
                        Some(name) => {
                            self.spelling
                                .keys
                                .insert((m.key_span.start, m.key_span.end));
                            (*name).to_string()
                        }
                        None => m.key.clone(),
                    };
                    let api_here = pointer::join(api, &key);
                    let value = if member.is_some() {
                        self.convert(&m.value, &api_here, &here)
                    } else {
                        m.value.clone()
                    };
                    self.spelling.pointers.insert(api_here, here);
                    out.push(Member::new(key, m.key_span, value));
                }
                mark_shadowed(&mut out);
                Node::new(Value::Object(out), node.span)
            }
            Value::Array(items) if map && self.flavor == Flavor::Operator => {
                self.pairs(node, items, api, written)
            }
            Value::Object(members) if map => {
                if self.flavor == Flavor::Operator {
                    self.problems.push(Problem {
                        rule: &invalid_type::RULE,
                        pointer: written.to_string(),
                        span: node.span,
                        message: format!(
                            "`{}` is an object: the SageMaker Operator takes a list of {{name, value}}",
                            spec_path(written)
                        ),
                        help: "write each entry as `- name: ...` and `value: ...`".into(),
                        remove: false,
                    });
                }
                let mut out = Vec::with_capacity(members.len());
                for m in members {
                    let api_here = pointer::join(api, &m.key);
                    let here = pointer::join(written, &m.key);
                    let value = self.convert(&m.value, &api_here, &here);
                    self.spelling.pointers.insert(api_here, here);
                    out.push(Member {
                        key: m.key.clone(),
                        key_span: m.key_span,
                        value,
                        shadowed: m.shadowed,
                    });
                }
                Node::new(Value::Object(out), node.span)
            }
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let api_here = pointer::join(api, i.to_string());
                    let here = pointer::join(written, i.to_string());
                    out.push(self.convert(item, &api_here, &here));
                    self.spelling.pointers.insert(api_here, here);
                }
                Node::new(Value::Array(out), node.span)
            }
            _ => node.clone(),
        }
    }

    /// Whether the resource's CRD has the field written at `written` (a pointer into the spec).
    fn crd_has(&self, written: &str) -> bool {
        let path: Vec<String> = pointer::segments(written)
            .filter(|s| !s.bytes().all(|b| b.is_ascii_digit()))
            .map(|s| s.into_owned())
            .collect();
        crd_has(self.flavor, self.kind, &path)
    }

    /// Whether ACK leaves the member `name` of the object at `api` out of its CRD.
    fn left_out(&self, shape: Option<&serde_json::Value>, api: &str, name: &str) -> bool {
        self.flavor == Flavor::Ack && ack_leaves_out(self.spelling.shape, shape, api, name)
    }

    /// The operator's list of `{name, value}` as the request's map: each name a key (spanning
    /// the name), a missing value empty (`KeyValuePair`'s `value` is `omitempty`), a later
    /// duplicate winning (the operator's `ConvertKeyValuePairSliceToMap`,
    /// controllers/sdkutil/spec_sdk_converters.go, fills a Go map in order).
    fn pairs(&mut self, node: &Node, items: &[Node], api: &str, written: &str) -> Node {
        let mut out: Vec<Member> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let here = pointer::join(written, i.to_string());
            let Some(name) = item.get("name").filter(|n| n.as_str().is_some()) else {
                // The item as written, without the line break a block mapping's span ends with.
                let span = item
                    .as_object()
                    .and_then(<[Member]>::last)
                    .map_or(item.span, |m| Span::new(item.span.start, m.value.span.end));
                self.problems.push(Problem {
                    rule: &invalid_type::RULE,
                    pointer: here.clone(),
                    span,
                    message: format!("`{}` has no name", spec_path(&here)),
                    help: "the SageMaker Operator takes each entry as `- name: ...` with its `value: ...`".into(),
                    remove: false,
                });
                continue;
            };
            let key = name.as_str().unwrap_or_default().to_string();
            if let Some(first) = out.iter().find(|m| m.key == key) {
                let line = self.line(first.key_span.start);
                self.problems.push(Problem {
                    rule: &duplicate_key::RULE,
                    pointer: here.clone(),
                    span: name.span,
                    message: format!(
                        "`{key}` is listed twice in `{}` (first on line {line}): the operator keeps only this last value",
                        spec_path(written)
                    ),
                    help: "remove one of the two, keeping the value you mean".into(),
                    remove: false,
                });
            }
            let api_here = pointer::join(api, &key);
            let converted = match item.get("value") {
                Some(value) => self.convert(value, &api_here, &pointer::join(&here, "value")),
                None => Node::new(Value::String(String::new()), item.span),
            };
            self.spelling.pointers.insert(api_here, here);
            out.push(Member::new(key, name.span, converted));
        }
        Node::new(Value::Object(out), node.span)
    }

    /// The line (from 1) of a byte offset of the file.
    fn line(&self, offset: usize) -> usize {
        let text = self.text.get(..offset).unwrap_or(self.text);
        text.bytes().filter(|&b| b == b'\n').count() + 1
    }
}

/// A value of the wrong shape for the resource, or a duplicate.
struct Problem {
    rule: &'static crate::rules::Rule,
    /// The pointer as written, relative to the spec.
    pointer: String,
    span: Span,
    message: String,
    help: String,
    /// Removing the member is the fix.
    remove: bool,
}

/// The member `name` of the object at `api` as a dotted path of member names, without indices
/// (`TrainingJobDefinitions.Environment`): how generator.yaml names a field.
fn api_path(api: &str, name: &str) -> String {
    pointer::segments(api)
        .filter(|s| !s.bytes().all(|b| b.is_ascii_digit()))
        .map(|s| s.into_owned())
        .chain(std::iter::once(name.to_string()))
        .collect::<Vec<_>>()
        .join(".")
}

/// `/hyperParameters/0` as `spec.hyperParameters[0]`.
fn spec_path(written: &str) -> String {
    let mut out = String::from("spec");
    for seg in pointer::segments(written) {
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            out.push('.');
            out.push_str(&seg);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ack() -> Spelling {
        Spelling {
            flavor: Flavor::Ack,
            shape: Shape::TrainingJob,
            root: "spec".into(),
            kind: "TrainingJob".into(),
            pointers: HashMap::default(),
            keys: HashSet::default(),
        }
    }

    #[test]
    fn texts_are_respelt_but_values_and_the_key_as_written() {
        let s = ack();
        assert_eq!(
            s.text(
                "unknown key `RoleArn` in the request (did you mean `RoleArn`?)",
                Some("RoleArn")
            ),
            "unknown key `RoleArn` in `spec` (did you mean `roleARN`?)"
        );
        assert_eq!(
            s.text(
                "`Fille` is not valid for `AlgorithmSpecification.TrainingInputMode`: expected one of Pipe, File, FastFile",
                None
            ),
            "`Fille` is not valid for `spec.algorithmSpecification.trainingInputMode`: expected one of Pipe, File, FastFile"
        );
        // Through a map's key, an array's index; a name alone; an object after "in".
        assert_eq!(
            s.text(
                "`HyperParameters.max_depth`, InputDataConfig[1].DataSource.S3DataSource.S3Uri, VolumeKmsKeyId, in `VpcConfig`",
                None
            ),
            "`spec.hyperParameters.max_depth`, spec.inputDataConfig[1].dataSource.s3DataSource.s3URI, volumeKMSKeyID, in `spec.vpcConfig`"
        );
        // English words that are also member names stay, unless backquoted.
        assert_eq!(s.text("Key and Value", None), "Key and Value");
        assert_eq!(s.text("`Key`", None), "`key`");
    }

    #[test]
    fn pointers_as_written_are_read_back() {
        let mut s = ack();
        s.pointers
            .insert("/ResourceConfig".into(), "/resourceConfig".into());
        assert_eq!(s.api("/resourceConfig").as_deref(), Some("/ResourceConfig"));
        // A member not written yet, an item, a map's key.
        assert_eq!(
            s.api("/resourceConfig/volumeKMSKeyID").as_deref(),
            Some("/ResourceConfig/VolumeKmsKeyId")
        );
        assert_eq!(
            s.api("/inputDataConfig/0/dataSource/s3DataSource/s3URI")
                .as_deref(),
            Some("/InputDataConfig/0/DataSource/S3DataSource/S3Uri")
        );
        assert_eq!(
            s.api("/hyperParameters/max_depth").as_deref(),
            Some("/HyperParameters/max_depth")
        );
        assert_eq!(s.api("/resourceConfig/VolumeKmsKeyId"), None);
        assert!(s.offers("/ResourceConfig", "VolumeKmsKeyId"));
        assert!(!s.offers("/AlgorithmSpecification", "ContainerEntrypoint"));
    }

    #[test]
    fn pointers_of_members_the_request_lacks_are_spelt() {
        let mut s = ack();
        s.pointers
            .insert("/ResourceConfig".into(), "/resourceConfig".into());
        assert_eq!(
            s.pointer("/ResourceConfig/VolumeKmsKeyId"),
            "/resourceConfig/volumeKMSKeyID"
        );
        assert_eq!(
            s.pointer("/VpcConfig/SecurityGroupIds"),
            "/vpcConfig/securityGroupIDs"
        );
        assert_eq!(
            s.unknown("/ResourceConfig/volumeKmsKeyId").as_deref(),
            Some("volumeKmsKeyId")
        );
        assert_eq!(s.unknown("/ResourceConfig/VolumeKmsKeyId"), None);
        assert_eq!(s.unknown("/HyperParameters/lr"), None);
    }

    #[test]
    fn every_field_of_acks_crds_is_the_ack_name_of_a_member() {
        // crd-fields.txt lists ACK's CRDs as written; the naming rule, applied to the service
        // model's member names, must give each of their field names.
        let spelt: HashSet<&str> = MEMBER_NAMES.ack.values().map(String::as_str).collect();
        for kind in ["TrainingJob", "HyperParameterTuningJob"] {
            let fields = CRD_FIELDS.get(&(Flavor::Ack, kind)).expect("listed");
            assert!(fields.len() > 100, "{kind}");
            let missing: Vec<_> = fields
                .iter()
                .flat_map(|path| path.split('.'))
                .filter(|name| !spelt.contains(name))
                .collect();
            assert!(missing.is_empty(), "{kind}: {missing:?}");
        }
    }

    #[test]
    fn a_definitions_spelling_is_from_its_own_root() {
        let mut s = ack();
        s.shape = Shape::TuningJob;
        for (api, written) in [
            ("/TrainingJobDefinitions", "/trainingJobDefinitions"),
            ("/TrainingJobDefinitions/1", "/trainingJobDefinitions/1"),
            (
                "/TrainingJobDefinitions/1/ResourceConfig",
                "/trainingJobDefinitions/1/resourceConfig",
            ),
        ] {
            s.pointers.insert(api.into(), written.into());
        }
        let d = s.under("/TrainingJobDefinitions/1", Shape::TrainingJobDefinition);
        assert_eq!(
            d.pointer("/ResourceConfig/VolumeKmsKeyId"),
            "/resourceConfig/volumeKMSKeyID"
        );
        assert_eq!(
            d.pointer("/StaticHyperParameters"),
            "/staticHyperParameters"
        );
        assert_eq!(
            d.text("in the request, `ResourceConfig.InstanceType`", None),
            "in `spec.trainingJobDefinitions[1]`, `spec.trainingJobDefinitions[1].resourceConfig.instanceType`"
        );
        // The tuning job's own findings inside a definition.
        assert_eq!(
            s.pointer("/TrainingJobDefinitions/1/ResourceConfig/InstanceCount"),
            "/trainingJobDefinitions/1/resourceConfig/instanceCount"
        );
    }

    #[test]
    fn envsubst_placeholders() {
        assert!(has_placeholder("$SAGEMAKER_EXECUTION_ROLE_ARN"));
        assert!(has_placeholder("s3://$BUCKET/x"));
        assert!(has_placeholder("${NAME}"));
        assert!(!has_placeholder("price in $5"));
        assert!(!has_placeholder("plain"));
    }
}
