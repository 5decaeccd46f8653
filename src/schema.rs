//! Validation against the JSON Schema generated from the AWS service model
//! (`schemas/create-training-job.schema.json`, see `schemas/README.md`).
//!
//! Errors are reduced to a [`SchemaError`]: a pointer, whether it is about a key or a value, and
//! which constraint failed. The schema rules (`unknown_key.rs`, `invalid_enum_value.rs`, ...)
//! turn them into messages, reading the constraint's bounds from the schema itself.

use std::sync::{LazyLock, OnceLock};

use jsonschema::error::ValidationErrorKind;
use jsonschema::json::Node as _;
use jsonschema::{Keyword, ValidationError, Validator};
use serde_json::Value;

use crate::diagnostic::Target;
use crate::instance::{Instance, Tree};
use crate::pointer;
use crate::shape::Shape;
use crate::tree::Node;

/// The generated schema, as committed (what `sagelint schema` prints).
pub const SCHEMA_TEXT: &str = include_str!("../schemas/create-training-job.schema.json");

/// The schema document with its annotations, parsed once per process when messages or hovers
/// first need a description, shape name or AWS pattern (the validator compiles its own copy).
pub static SCHEMA: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(SCHEMA_TEXT).unwrap_or(Value::Null));

/// The members a DescribeTrainingJob response has beyond the request it describes (generated
/// from the service model: the response shape less the request shape).
pub static RESPONSE_ONLY: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    SCHEMA
        .get("x-describe-response-only")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
});

/// The schemas without their annotations, made by `build.rs`, one per shape: what the
/// validators compile.
fn validation_schema_text(shape: Shape) -> &'static str {
    match shape {
        Shape::TrainingJob => include_str!(concat!(
            env!("OUT_DIR"),
            "/validation-training-job.schema.json"
        )),
        Shape::TuningJob => include_str!(concat!(
            env!("OUT_DIR"),
            "/validation-tuning-job.schema.json"
        )),
        Shape::TrainingJobDefinition => include_str!(concat!(
            env!("OUT_DIR"),
            "/validation-training-job-definition.schema.json"
        )),
    }
}

/// The compiled validators, each built once per process when a request of its shape is first
/// checked, reading the tree in place ([`crate::instance::Tree`]). A test proves they compile.
static VALIDATORS: [OnceLock<Option<Validator<Tree>>>; 3] =
    [OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn validator(shape: Shape) -> Option<&'static Validator<Tree>> {
    VALIDATORS[shape as usize]
        .get_or_init(|| compile(validation_schema_text(shape)))
        .as_ref()
}

fn compile(text: &str) -> Option<Validator<Tree>> {
    let schema: Value = serde_json::from_str(text).ok()?;
    jsonschema::options_for::<Tree>()
        .with_draft(jsonschema::Draft::Draft7)
        .with_keyword("pattern", |_, pattern, _| {
            let pattern = pattern
                .as_str()
                .ok_or_else(|| ValidationError::schema("`pattern` is not a string"))?;
            Ok(Box::new(LazyPattern::new(pattern)) as Box<dyn for<'i> Keyword<'i, Tree>>)
        })
        .build(&schema)
        .ok()
}

/// The `pattern` keyword, compiled on first use: the schema has 41 patterns, some of which
/// (`[^ \t\n...]{1,2048}`) take milliseconds to compile, and a request reaches a few of them.
/// Translated and compiled as jsonschema's own `pattern` keyword does (ECMA-262 to Rust syntax,
/// fancy-regex with its default limits), so it matches the same strings. The translations of
/// Java's `.*`, `.+` and `[\S\s]*` (19 of the 41) are answered without a regex.
struct LazyPattern {
    source: String,
    shape: PatternShape,
    regex: OnceLock<Option<fancy_regex::Regex>>,
}

/// The patterns answered without a regex, told apart once when the schema is compiled.
#[derive(Clone, Copy)]
enum PatternShape {
    NoLineTerminator,
    SomeLineWithoutTerminator,
    Anything,
    Regex,
}

/// The translation of `.*` (`schemas/generate.py`: `.` is anything but a line terminator).
const NO_LINE_TERMINATOR: &str = "^(?:[^\\n\\r\\u0085\\u2028\\u2029]*)$";
/// ... of `.+`.
const SOME_LINE_WITHOUT_TERMINATOR: &str = "^(?:[^\\n\\r\\u0085\\u2028\\u2029]+)$";
/// ... of `[\S\s]*`: any string.
const ANYTHING: &str = "^(?:(?:[^ \\t\\n\\x0B\\f\\r]|[ \\t\\n\\x0B\\f\\r])*)$";

fn has_line_terminator(s: &str) -> bool {
    // Almost every value is ASCII, where only `\n` and `\r` end a line: two word-at-a-time
    // scans instead of decoding every character.
    if s.is_ascii() {
        return memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_some();
    }
    s.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
}

impl LazyPattern {
    fn new(source: &str) -> LazyPattern {
        LazyPattern {
            source: source.to_string(),
            shape: match source {
                NO_LINE_TERMINATOR => PatternShape::NoLineTerminator,
                SOME_LINE_WITHOUT_TERMINATOR => PatternShape::SomeLineWithoutTerminator,
                ANYTHING => PatternShape::Anything,
                _ => PatternShape::Regex,
            },
            regex: OnceLock::new(),
        }
    }

    fn regex(&self) -> Option<&fancy_regex::Regex> {
        self.regex
            .get_or_init(|| {
                let translated = jsonschema_regex::to_rust_regex(&self.source).ok()?;
                fancy_regex::Regex::new(&translated).ok()
            })
            .as_ref()
    }

    fn is_match(&self, s: &str) -> bool {
        match self.shape {
            PatternShape::NoLineTerminator => !has_line_terminator(s),
            PatternShape::SomeLineWithoutTerminator => !s.is_empty() && !has_line_terminator(s),
            PatternShape::Anything => true,
            // A pattern that cannot be compiled, or a match that exceeds the backtracking
            // limit, fails the value (as jsonschema's own keyword reports it).
            PatternShape::Regex => self.regex().is_some_and(|r| r.is_match(s).unwrap_or(false)),
        }
    }
}

impl<'i> Keyword<'i, Tree> for LazyPattern {
    fn validate(&self, instance: Instance<'i>) -> Result<(), ValidationError<'i>> {
        if Keyword::<Tree>::is_valid(self, instance) {
            Ok(())
        } else {
            Err(ValidationError::custom(format!(
                "does not match \"{}\"",
                self.source
            )))
        }
    }

    fn is_valid(&self, instance: Instance<'i>) -> bool {
        instance.as_string().is_none_or(|s| self.is_match(&s))
    }
}

/// Which constraint a value broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// A key the request does not have (pointer: the key).
    UnknownKey,
    /// A required member is missing (pointer: the object that lacks it).
    Required(String),
    Type,
    Enum,
    Pattern,
    MinLength,
    MaxLength,
    MinItems,
    MaxItems,
    MinProperties,
    MaxProperties,
    Minimum,
    Maximum,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    pub pointer: String,
    pub target: Target,
    pub violation: Violation,
    /// The error is about a map key (checked by the map's `propertyNames` schema).
    pub map_key: bool,
}

/// Validate a request of `shape`; errors come in document order of the validator's walk.
/// `json_path`: the request may hold Step Functions `Name.$` members (see [`crate::runtime`]).
pub fn validate(root: &Node, shape: Shape, json_path: bool) -> Vec<SchemaError> {
    let Some(validator) = validator(shape) else {
        return Vec::new();
    };
    let instance = Instance::Node(root);
    // Most requests are valid: a yes/no walk costs less than collecting errors.
    if validator.is_valid(instance) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for error in validator.iter_errors(instance) {
        let at = error.instance_path().as_str().to_string();
        convert(error.kind(), at, false, &mut out);
    }
    if json_path {
        drop_step_functions_paths(root, shape, &mut out);
    }
    drop_runtime_values(root, &mut out);
    drop_consequences(&mut out);
    out
}

/// A value known only later ([`crate::runtime`]) is never judged: drop the errors about it
/// (its type, enum, pattern, length or range).
fn drop_runtime_values(root: &Node, errors: &mut Vec<SchemaError>) {
    errors.retain(|e| {
        e.map_key
            || matches!(e.violation, Violation::UnknownKey | Violation::Required(_))
            || !root.lookup(&e.pointer).is_some_and(|f| f.node.is_runtime())
    });
}

/// One mistake, one diagnostic: a value of the wrong type also fails its enum and pattern, and
/// an empty string also fails its pattern. Keep only the cause.
fn drop_consequences(errors: &mut Vec<SchemaError>) {
    let typed: foldhash::HashSet<String> = errors
        .iter()
        .filter(|e| e.violation == Violation::Type && !e.map_key)
        .map(|e| e.pointer.clone())
        .collect();
    let empty: foldhash::HashSet<(String, bool)> = errors
        .iter()
        .filter(|e| e.violation == Violation::MinLength)
        .map(|e| (e.pointer.clone(), e.map_key))
        .collect();
    errors.retain(|e| match e.violation {
        Violation::Enum | Violation::Pattern | Violation::MinLength | Violation::MaxLength
            if !e.map_key && typed.contains(&e.pointer) =>
        {
            false
        }
        Violation::Pattern => !empty.contains(&(e.pointer.clone(), e.map_key)),
        _ => true,
    });
}

fn convert(kind: &ValidationErrorKind, at: String, map_key: bool, out: &mut Vec<SchemaError>) {
    let (target, violation) = match kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for key in unexpected {
                out.push(SchemaError {
                    pointer: pointer::join(&at, key),
                    target: Target::Key,
                    violation: Violation::UnknownKey,
                    map_key: false,
                });
            }
            return;
        }
        ValidationErrorKind::Required { property } => (
            Target::Key,
            Violation::Required(property.as_str().unwrap_or_default().to_string()),
        ),
        ValidationErrorKind::PropertyNames { error } => {
            let key = error.instance().as_str().unwrap_or_default().to_string();
            convert(error.kind(), pointer::join(&at, key), true, out);
            return;
        }
        ValidationErrorKind::Type { .. } => (Target::Value, Violation::Type),
        ValidationErrorKind::Enum { .. } => (Target::Value, Violation::Enum),
        ValidationErrorKind::Pattern { .. }
        | ValidationErrorKind::BacktrackLimitExceeded { .. }
        // Our lazily compiled `pattern` is the only custom keyword.
        | ValidationErrorKind::Custom { .. }
        | ValidationErrorKind::RegexEngineFailure { .. } => (Target::Value, Violation::Pattern),
        ValidationErrorKind::MinLength { .. } => (Target::Value, Violation::MinLength),
        ValidationErrorKind::MaxLength { .. } => (Target::Value, Violation::MaxLength),
        ValidationErrorKind::MinItems { .. } => (Target::Value, Violation::MinItems),
        ValidationErrorKind::MaxItems { .. } => (Target::Value, Violation::MaxItems),
        ValidationErrorKind::MinProperties { .. } => (Target::Value, Violation::MinProperties),
        ValidationErrorKind::MaxProperties { .. } => (Target::Value, Violation::MaxProperties),
        ValidationErrorKind::Minimum { .. } | ValidationErrorKind::ExclusiveMinimum { .. } => {
            (Target::Value, Violation::Minimum)
        }
        ValidationErrorKind::Maximum { .. } | ValidationErrorKind::ExclusiveMaximum { .. } => {
            (Target::Value, Violation::Maximum)
        }
        // The generated schema uses none of the other keywords.
        _ => (Target::Value, Violation::Type),
    };
    out.push(SchemaError {
        pointer: at,
        target: if map_key { Target::Key } else { target },
        violation,
        map_key,
    });
}

/// Step Functions passes a request with `"Name.$": "$.path"` members whose values are filled in
/// at run time. Such a member stands for `Name`: it is neither unknown nor is `Name` missing.
fn drop_step_functions_paths(root: &Node, shape: Shape, errors: &mut Vec<SchemaError>) {
    errors.retain(|e| match &e.violation {
        Violation::UnknownKey => {
            let key = pointer::last(&e.pointer).unwrap_or_default();
            let parent = pointer::parent(&e.pointer).unwrap_or("");
            !key.strip_suffix(".$")
                .is_some_and(|base| allowed_keys(shape, parent).contains(&base))
        }
        Violation::Required(name) => root
            .lookup(&e.pointer)
            .and_then(|f| f.node.get(&format!("{name}.$")))
            .is_none(),
        // A map entry `"Name.$": "$.path"` is the entry `Name`: judge that name.
        _ if e.map_key => {
            let key = pointer::last(&e.pointer).unwrap_or_default();
            let parent = pointer::parent(&e.pointer).unwrap_or("");
            match key.strip_suffix(".$") {
                Some(base) => !key_is_valid(shape, parent, base),
                None => true,
            }
        }
        _ => true,
    });
}

/// Whether `key` is a valid key of the map at `map_pointer` (rare: only for `Name.$` keys).
fn key_is_valid(shape: Shape, map_pointer: &str, key: &str) -> bool {
    let Some(key_schema) = key_schema(shape, map_pointer) else {
        return true;
    };
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(key_schema)
        .map_or(true, |v| v.is_valid(&Value::String(key.to_string())))
}

/// Follow a local `$ref` (`#/definitions/Name`) to its definition.
fn resolve(node: &Value) -> &Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix("#/definitions/")
            .and_then(|name| SCHEMA.get("definitions")?.get(name))
            .unwrap_or(node),
        None => node,
    }
}

/// The schema of the value at an instance pointer of a request of `shape` (with `$ref`s
/// resolved), if the request has such a place. Array indices and map keys are followed through
/// `items` and `additionalProperties`.
pub fn at(shape: Shape, instance_pointer: &str) -> Option<&'static Value> {
    let mut node = SCHEMA.get("definitions")?.get(shape.root())?;
    for segment in pointer::segments(instance_pointer) {
        let next = if let Some(p) = node.get("properties").and_then(|p| p.get(segment.as_ref())) {
            p
        } else if let Some(items) = node.get("items") {
            items
        } else {
            node.get("additionalProperties").filter(|a| a.is_object())?
        };
        node = resolve(next);
    }
    Some(node)
}

/// The member documentation of the property at a pointer (the text of the service model).
pub fn description(shape: Shape, instance_pointer: &str) -> Option<&'static str> {
    let parent = at(shape, pointer::parent(instance_pointer)?)?;
    let name = pointer::last(instance_pointer)?;
    let prop = parent.get("properties")?.get(name.as_ref())?;
    prop.get("description")
        .or_else(|| resolve(prop).get("description"))
        .and_then(Value::as_str)
}

/// The schema constraining the keys of the map at `map_pointer`.
pub fn key_schema(shape: Shape, map_pointer: &str) -> Option<&'static Value> {
    at(shape, map_pointer)?.get("propertyNames").map(resolve)
}

/// The member names an object at `pointer` may have.
pub fn allowed_keys(shape: Shape, pointer: &str) -> Vec<&'static str> {
    at(shape, pointer)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The name of a JSON type the way messages say it.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_compiles() {
        assert!(SCHEMA.is_object(), "schema JSON did not parse");
        for shape in Shape::ALL {
            assert!(
                validator(shape).is_some(),
                "the {shape:?} schema did not compile"
            );
        }
    }

    /// Each validator's schema is the generated one without annotations, from its root: every
    /// constraint of each definition it holds kept, in the same order (the order of the
    /// validator's errors); the tuning job's training job definitions are plain objects there.
    #[test]
    fn validation_schemas_keep_every_constraint() {
        let annotation = |k: &String| {
            ["description", "title", "x-aws-shape", "x-aws-pattern"].contains(&k.as_str())
        };
        // A schema's words in order, with each annotation `is` names and its value left out.
        fn without_annotations(v: &Value, out: &mut Vec<String>, is: &dyn Fn(&String) -> bool) {
            match v {
                Value::Object(m) => m.iter().filter(|(k, _)| !is(k)).for_each(|(k, v)| {
                    out.push(k.clone());
                    without_annotations(v, out, is)
                }),
                Value::Array(items) => items.iter().for_each(|i| without_annotations(i, out, is)),
                other => out.push(other.to_string()),
            }
        }
        let full = SCHEMA["definitions"].as_object().expect("definitions");
        for shape in Shape::ALL {
            let text = validation_schema_text(shape);
            let stripped: Value = serde_json::from_str(text).expect("parses");
            assert_eq!(stripped["$ref"], format!("#/definitions/{}", shape.root()));
            let defs = stripped["definitions"].as_object().expect("definitions");
            assert!(defs.contains_key(shape.root()));
            for (name, def) in defs {
                let (mut expected, mut kept) = (Vec::new(), Vec::new());
                without_annotations(&full[name], &mut expected, &annotation);
                without_annotations(def, &mut kept, &|_| false);
                if shape == Shape::TuningJob && name == shape.root() {
                    assert_ne!(kept, expected, "definitions not made opaque");
                    continue;
                }
                assert_eq!(kept, expected, "{shape:?}: {name}");
            }
            assert!(!text.contains("x-aws-shape") && !text.contains("x-describe"));
            assert!(text.len() < SCHEMA_TEXT.len() / 2);
        }
        // The training job's schema holds none of the tuning job's definitions.
        let training = validation_schema_text(Shape::TrainingJob);
        assert!(!training.contains("ParameterRanges"));
        assert!(validation_schema_text(Shape::TuningJob).contains("ParameterRanges"));
    }

    #[test]
    fn every_pattern_compiles() {
        fn patterns<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
            match v {
                Value::Object(m) => {
                    for (k, v) in m {
                        match (k.as_str(), v) {
                            ("pattern", Value::String(p)) => out.push(p),
                            _ => patterns(v, out),
                        }
                    }
                }
                Value::Array(items) => items.iter().for_each(|i| patterns(i, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        patterns(&SCHEMA, &mut all);
        assert!(all.len() > 20);
        let samples = [
            "",
            "a",
            "ab c",
            "x\ny",
            "x\r",
            "\u{85}",
            "a\u{2028}",
            "\u{2029}b",
            "\t",
            "é€😀",
            // Lead bytes of a line terminator in other characters.
            "\u{80}\u{2027}\u{202a}",
        ];
        for p in all {
            let lazy = LazyPattern::new(p);
            let regex = lazy.regex();
            assert!(regex.is_some(), "pattern {p} does not compile");
            for s in samples {
                let by_regex = regex.is_some_and(|r| r.is_match(s).unwrap_or(false));
                assert_eq!(lazy.is_match(s), by_regex, "pattern {p} on {s:?}");
            }
        }
        // The shortcuts are taken.
        for p in [NO_LINE_TERMINATOR, SOME_LINE_WITHOUT_TERMINATOR, ANYTHING] {
            assert!(SCHEMA_TEXT.contains(&p.replace('\\', "\\\\")), "{p}");
        }
    }

    fn tree(v: &Value) -> Node {
        let text = v.to_string();
        let source = crate::SourceFile::new("t.json", text, crate::Format::Json);
        let mut root = crate::parse::parse(&source).root.expect("parses");
        crate::runtime::Dialect::REQUEST.normalize(&mut root);
        root
    }

    #[test]
    fn one_mistake_one_error() {
        let v = serde_json::json!({"TrainingJobName": "", "RoleArn": null,
            "AlgorithmSpecification": {"TrainingInputMode": null, "TrainingImage": "i"},
            "OutputDataConfig": {"S3OutputPath": "${Out}"}});
        let found: Vec<_> = validate(&tree(&v), Shape::TrainingJob, true)
            .into_iter()
            .map(|e| (e.pointer, e.violation))
            .collect();
        assert!(found.contains(&("/TrainingJobName".into(), Violation::MinLength)));
        assert!(!found.contains(&("/TrainingJobName".into(), Violation::Pattern)));
        assert!(found.contains(&(
            "/AlgorithmSpecification/TrainingInputMode".into(),
            Violation::Type
        )));
        assert!(!found.contains(&(
            "/AlgorithmSpecification/TrainingInputMode".into(),
            Violation::Enum
        )));
        assert!(!found
            .iter()
            .any(|(p, _)| p == "/OutputDataConfig/S3OutputPath"));
    }

    #[test]
    fn navigation_follows_refs_items_and_maps() {
        let job = Shape::TrainingJob;
        assert!(at(job, "/ResourceConfig/VolumeSizeInGB").is_some());
        assert!(at(job, "/InputDataConfig/3/DataSource/S3DataSource/S3Uri").is_some());
        assert!(at(job, "/HyperParameters/anything").is_some());
        assert!(at(job, "/NoSuchThing").is_none());
        assert!(allowed_keys(job, "").contains(&"TrainingJobName"));
        assert!(description(job, "/RoleArn").is_some());
        // The other shapes start at their own roots.
        let definition = Shape::TrainingJobDefinition;
        assert!(allowed_keys(definition, "").contains(&"StaticHyperParameters"));
        assert!(!allowed_keys(definition, "").contains(&"TrainingJobName"));
        assert!(at(definition, "/ResourceConfig/VolumeSizeInGB").is_some());
        let tuning = Shape::TuningJob;
        assert!(at(tuning, "/HyperParameterTuningJobConfig/ResourceLimits").is_some());
        assert!(at(tuning, "/TrainingJobDefinitions/0/StaticHyperParameters").is_some());
        assert!(RESPONSE_ONLY.contains(&"TrainingJobStatus"));
        assert!(!RESPONSE_ONLY.contains(&"RoleArn"));
    }
}
