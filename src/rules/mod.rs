//! The rule engine: one rule per file, one registry table of codes.
//!
//! A rule is a [`Rule`] constant (code, kebab-case name, default severity, one-line summary,
//! its document from `rules/<CODE>.md`) plus a check function that reads the typed request and
//! the tree through a [`Context`] and pushes [`Diagnostic`]s.

use std::sync::LazyLock;

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::model::CreateTrainingJobRequest;
use crate::schema::SchemaError;
use crate::source::{SourceFile, Span};
use crate::tree::Node;

/// A rule's identity and documentation, and how it is checked.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable ID, e.g. `SL201`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `too-many-hyperparameters`.
    pub name: &'static str,
    pub severity: Severity,
    /// One line for `sagelint rules`.
    pub summary: &'static str,
    /// The rule's document (`rules/<CODE>.md`), printed by `sagelint explain`.
    pub doc: &'static str,
    pub check: Check,
}

/// The code prefix of the policy group: rules a platform team opts into (`src/rules/policy/`).
pub const POLICY_PREFIX: &str = "PL";

impl Rule {
    /// Off by default: a policy rule (code `PLxxx`), run only when the configuration selects it
    /// (`select`/`extend-select` with `"policy"`, its code or its name). The group is part of the
    /// code so that a finding says what kind of rule it comes from.
    pub fn opt_in(&self) -> bool {
        self.code.starts_with(POLICY_PREFIX)
    }
}

pub type CheckFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Where a rule's diagnostics come from.
pub enum Check {
    /// Raised while reading the document and finding the requests in it (syntax, multiple
    /// documents, root type, state machine tasks; see [`crate::extract`]).
    Parse,
    /// Run over the parsed request.
    Request(CheckFn),
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Check::Parse => "Parse",
            Check::Request(_) => "Request",
        })
    }
}

impl PartialEq for Check {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}
impl Eq for Check {}

/// Everything a check may read about one file.
pub struct Context<'a> {
    pub source: &'a SourceFile,
    /// The API shape of the request (a training job, a tuning job, or a tuning job's training
    /// job definition): the schema the schema rules read.
    pub shape: crate::shape::Shape,
    pub root: &'a Node,
    pub request: &'a CreateTrainingJobRequest,
    /// The tuning request, when the request checked is a tuning job (`Shape::TuningJob`).
    pub tuning: Option<&'a crate::model::CreateHyperParameterTuningJobRequest>,
    /// The training job definition, when the request checked is one
    /// (`Shape::TrainingJobDefinition`): the members a CreateTrainingJob request lacks.
    pub definition: Option<&'a crate::model::HyperParameterTrainingJobDefinition>,
    pub schema_errors: &'a [SchemaError],
    /// Which policy rules run, and their parameters (`[policy]` in the configuration).
    pub policy: &'a crate::policy::Policy,
}

impl Context<'_> {
    /// A diagnostic of `rule` at its default severity, about the key or value at `pointer`.
    pub fn diagnostic(
        &self,
        rule: &'static Rule,
        pointer: impl Into<String>,
        target: Target,
        message: impl Into<String>,
    ) -> Diagnostic {
        let pointer = pointer.into();
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            help: None,
            span: self.span(&pointer, target),
            pointer,
            redact: false,
            fix: None,
            origin: None,
        }
    }

    pub fn span(&self, pointer: &str, target: Target) -> Span {
        self.root.locate(pointer, target)
    }

    /// Whether the document sets the member at `pointer`, literally or as a Step Functions
    /// path (`Name.$`) whose value is only known at run time.
    /// `null` and `""` count as unset: that is what they mean in templates and generated specs
    /// (the schema rules report them where the API rejects them).
    pub fn has(&self, pointer: &str) -> bool {
        use crate::tree::Value;
        let set = |n: &Node| !matches!(n.value, Value::Null) && n.as_str() != Some("");
        let Some((parent, name)) = crate::pointer::split_last(pointer) else {
            return set(self.root);
        };
        // One walk to the parent; then the last member of the name, or of `Name.$`.
        let Some(parent) = self.root.lookup(parent) else {
            return false;
        };
        match &parent.node.value {
            Value::Object(members) => {
                let last = |wanted: &dyn Fn(&str) -> bool| {
                    members
                        .iter()
                        .rev()
                        .find(|m| wanted(&m.key))
                        .is_some_and(|m| set(&m.value))
                };
                last(&|k| k == name) || last(&|k| k.strip_suffix(".$") == Some(name.as_ref()))
            }
            Value::Array(items) => name
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i))
                .is_some_and(set),
            _ => false,
        }
    }
}

/// The instance types the request asks for, with the pointer of each: the cluster's
/// `ResourceConfig.InstanceType` and every instance group's. Types the facts table does not know
/// are left to the schema's enum check.
pub fn instance_types<'a>(
    cx: &'a Context<'_>,
) -> impl Iterator<Item = (String, &'static crate::facts::InstanceType)> + 'a {
    let rc = cx.request.resource_config.as_ref();
    let single = rc
        .and_then(|r| r.instance_type.as_deref())
        .map(|t| ("/ResourceConfig/InstanceType".to_string(), t));
    let groups = rc
        .and_then(|r| r.instance_groups.as_deref())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            Some((
                format!("/ResourceConfig/InstanceGroups/{i}/InstanceType"),
                g.instance_type.as_deref()?,
            ))
        });
    single
        .into_iter()
        .chain(groups)
        .filter_map(|(at, name)| Some((at, crate::facts::instance_type(name)?)))
}

mod describe;

/// How messages quote a value (shortened); the secret scrubber matches this form too.
pub fn quote_for_message(s: &str) -> String {
    describe::quote(s)
}

/// A category's rule modules and its table, `RULES`.
macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        $(pub mod $module;)*
        /// This category's rules.
        pub static RULES: &[&crate::rules::Rule] = &[$(&$module::RULE),*];
    };
}

pub mod algorithm;
pub mod debugger;
pub mod document;
pub mod input;
pub mod policy;
pub mod resources;
pub mod schema;
pub mod secrets;
pub mod serverless;
pub mod stopping;
pub mod tags;
pub mod tuning;

/// Every rule, in code order: the one registry table, assembled from the categories.
pub static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all = [
        document::RULES,
        schema::RULES,
        algorithm::RULES,
        input::RULES,
        stopping::RULES,
        resources::RULES,
        secrets::RULES,
        tags::RULES,
        debugger::RULES,
        serverless::RULES,
        tuning::RULES,
        policy::RULES,
    ]
    .concat();
    // The opt-in policy rules after the rules that run by default.
    all.sort_by_key(|r| (r.opt_in(), r.code));
    all
});

/// The rules that read members a tuning job's training job definition does not have (tags,
/// Debugger and profiler, serverless jobs, container commands), and SL002, which the tuning job
/// that holds the definitions runs over them already.
const NOT_ON_DEFINITIONS: &[&str] = &[
    "SL002", "SL603", "SL604", "SL605", "SL701", "SL702", "SL801", "SL802", "SL803", "SL804",
    "SL805", "SL806", "SL901", "SL902", "SL903", "SL904", "PL006",
];

/// The rules that run on a tuning job itself: its schema, its duplicate keys and its tags (its
/// training job definitions are checked on their own).
const ON_TUNING_JOBS: &[&str] = &[
    "SL002", "SL100", "SL101", "SL102", "SL103", "SL104", "SL105", "SL106", "SL107", "SL108",
    "SL603", "SL701", "SL702", "PL006",
];

/// The tuning job's rules about one training job definition (its ranges, its hyperparameters,
/// its objective, its resources): they also run on a definition of its own (a file), which has
/// no tuning job around it to run them.
const ON_DEFINITIONS_ALONE: &[&str] = &[
    "TN001", "TN002", "TN005", "TN006", "TN008", "TN009", "TN016", "TN018",
];

/// Whether `rule` runs on a request of `shape` (`alone`: a training job definition of its own,
/// not inside a tuning job): declared here, for every rule, rather than left to whether the
/// members it reads happen to be absent.
pub fn applies(rule: &Rule, shape: crate::shape::Shape, alone: bool) -> bool {
    use crate::shape::Shape;
    let tuning = rule.code.starts_with(TUNING_PREFIX);
    match shape {
        Shape::TrainingJob => !tuning,
        Shape::TrainingJobDefinition if tuning => {
            alone && ON_DEFINITIONS_ALONE.contains(&rule.code)
        }
        Shape::TrainingJobDefinition => !NOT_ON_DEFINITIONS.contains(&rule.code),
        Shape::TuningJob => tuning || ON_TUNING_JOBS.contains(&rule.code),
    }
}

/// The code prefix of the tuning job's own rules (`src/rules/tuning/`).
pub const TUNING_PREFIX: &str = "TN";

/// Find a rule by code (`SL201`, case-insensitive) or name (`too-many-hyperparameters`).
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(id) || r.name == id)
}

/// The rule table of the README (and `sagelint rules --format markdown`).
pub fn markdown_table() -> String {
    let mut out = String::from("| Code | Name | Severity | What it checks |\n|---|---|---|---|\n");
    for r in RULES.iter() {
        out.push_str(&format!(
            "| [{}](rules/{}.md) | `{}` | {} | {}{} |\n",
            r.code,
            r.code,
            r.name,
            r.severity,
            if r.opt_in() { "(opt-in) " } else { "" },
            r.summary
        ));
    }
    out
}
