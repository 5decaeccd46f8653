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
use crate::tree::Node;

/// The generated schema, as committed (what `sagelint schema` prints).
pub const SCHEMA_TEXT: &str = include_str!("../schemas/create-training-job.schema.json");

/// The schema document with its annotations, parsed once per process when messages or hovers
/// first need a description, shape name or AWS pattern (the validator compiles its own copy).
pub static SCHEMA: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(SCHEMA_TEXT).unwrap_or(Value::Null));

/// The schema without its annotations, made by `build.rs`: what the validator compiles.
const VALIDATION_SCHEMA_TEXT: &str =
    include_str!(concat!(env!("OUT_DIR"), "/validation.schema.json"));

/// The compiled validator, built once per process, reading the tree in place
/// ([`crate::instance::Tree`]). A test proves it compiles.
static VALIDATOR: LazyLock<Option<Validator<Tree>>> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(VALIDATION_SCHEMA_TEXT).ok()?;
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
});

/// The `pattern` keyword, compiled on first use: the schema has 41 patterns, some of which
/// (`[^ \t\n...]{1,2048}`) take milliseconds to compile, and a request reaches a few of them.
/// Translated and compiled as jsonschema's own `pattern` keyword does (ECMA-262 to Rust syntax,
/// fancy-regex with its default limits), so it matches the same strings. The translations of
/// Java's `.*`, `.+` and `[\S\s]*` (19 of the 41) are answered without a regex.
struct LazyPattern {
    source: String,
    shape: Shape,
    regex: OnceLock<Option<fancy_regex::Regex>>,
}

/// The patterns answered without a regex, told apart once when the schema is compiled.
#[derive(Clone, Copy)]
enum Shape {
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
                NO_LINE_TERMINATOR => Shape::NoLineTerminator,
                SOME_LINE_WITHOUT_TERMINATOR => Shape::SomeLineWithoutTerminator,
                ANYTHING => Shape::Anything,
                _ => Shape::Regex,
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
            Shape::NoLineTerminator => !has_line_terminator(s),
            Shape::SomeLineWithoutTerminator => !s.is_empty() && !has_line_terminator(s),
            Shape::Anything => true,
            // A pattern that cannot be compiled, or a match that exceeds the backtracking
            // limit, fails the value (as jsonschema's own keyword reports it).
            Shape::Regex => self.regex().is_some_and(|r| r.is_match(s).unwrap_or(false)),
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

/// Validate a request; errors come in document order of the validator's walk.
pub fn validate(root: &Node) -> Vec<SchemaError> {
    let Some(validator) = VALIDATOR.as_ref() else {
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
    drop_step_functions_paths(root, &mut out);
    drop_templated_values(root, &mut out);
    drop_consequences(&mut out);
    out
}

/// A value such as `${RoleArn}` or `{{ role_arn }}` is filled in by a template engine
/// (CloudFormation `Fn::Sub`, Step Functions `DefinitionSubstitutions`, Terraform, Jinja)
/// before the request is sent: its type, pattern, enum and length cannot be judged here.
pub fn is_templated(s: &str) -> bool {
    // Both forms open with `{`: most values have none, and need no substring search.
    if !s.as_bytes().contains(&b'{') {
        return false;
    }
    let closed = |open: &str, close: &str| {
        s.find(open)
            .is_some_and(|i| s[i + open.len()..].contains(close))
    };
    closed("${", "}") || closed("{{", "}}")
}

fn drop_templated_values(root: &Node, errors: &mut Vec<SchemaError>) {
    errors.retain(|e| {
        e.map_key
            || matches!(e.violation, Violation::UnknownKey | Violation::Required(_))
            || !root
                .lookup(&e.pointer)
                .and_then(|f| f.node.as_str())
                .is_some_and(is_templated)
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
fn drop_step_functions_paths(root: &Node, errors: &mut Vec<SchemaError>) {
    errors.retain(|e| match &e.violation {
        Violation::UnknownKey => {
            let key = pointer::last(&e.pointer).unwrap_or_default();
            let parent = pointer::parent(&e.pointer).unwrap_or("");
            !key.strip_suffix(".$")
                .is_some_and(|base| allowed_keys(parent).contains(&base))
        }
        Violation::Required(name) => root
            .lookup(&e.pointer)
            .and_then(|f| f.node.get(&format!("{name}.$")))
            .is_none(),
        _ => true,
    });
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

/// The schema of the value at an instance pointer (with `$ref`s resolved), if the request has
/// such a place. Array indices and map keys are followed through `items` and
/// `additionalProperties`.
pub fn at(instance_pointer: &str) -> Option<&'static Value> {
    let mut node = resolve(&SCHEMA);
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
pub fn description(instance_pointer: &str) -> Option<&'static str> {
    let parent = at(pointer::parent(instance_pointer)?)?;
    let name = pointer::last(instance_pointer)?;
    let prop = parent.get("properties")?.get(name.as_ref())?;
    prop.get("description")
        .or_else(|| resolve(prop).get("description"))
        .and_then(Value::as_str)
}

/// The schema constraining the keys of the map at `map_pointer`.
pub fn key_schema(map_pointer: &str) -> Option<&'static Value> {
    at(map_pointer)?.get("propertyNames").map(resolve)
}

/// The member names an object at `pointer` may have.
pub fn allowed_keys(pointer: &str) -> Vec<&'static str> {
    at(pointer)
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
        assert!(VALIDATOR.is_some(), "schema did not compile");
    }

    /// The validator's schema is the generated one without annotations: every constraint kept,
    /// in the same order (the order of the validator's errors).
    #[test]
    fn validation_schema_keeps_every_constraint() {
        let annotation = |k: &String| {
            ["description", "title", "x-aws-shape", "x-aws-pattern"].contains(&k.as_str())
        };
        let stripped: Value = serde_json::from_str(VALIDATION_SCHEMA_TEXT).expect("parses");
        let (mut full, mut kept) = (Vec::new(), Vec::new());
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
        without_annotations(&SCHEMA, &mut full, &annotation);
        without_annotations(&stripped, &mut kept, &|_| false);
        assert_eq!(kept, full);
        assert!(kept.iter().filter(|k| *k == "pattern").count() > 20);
        assert!(!VALIDATION_SCHEMA_TEXT.contains("x-aws-shape"));
        assert!(VALIDATION_SCHEMA_TEXT.len() < SCHEMA_TEXT.len() / 2);
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
        crate::parse::parse(&source).root.expect("parses")
    }

    #[test]
    fn templated_values() {
        assert!(is_templated("${SagemakerRoleArn}"));
        assert!(is_templated("arn:aws:iam::${AWS::AccountId}:role/x"));
        assert!(is_templated("{{ role_arn }}"));
        assert!(!is_templated("$notatemplate"));
        assert!(!is_templated("s3://bucket/{prefix}"));
    }

    #[test]
    fn one_mistake_one_error() {
        let v = serde_json::json!({"TrainingJobName": "", "RoleArn": null,
            "AlgorithmSpecification": {"TrainingInputMode": null, "TrainingImage": "i"},
            "OutputDataConfig": {"S3OutputPath": "${Out}"}});
        let found: Vec<_> = validate(&tree(&v))
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
        assert!(at("/ResourceConfig/VolumeSizeInGB").is_some());
        assert!(at("/InputDataConfig/3/DataSource/S3DataSource/S3Uri").is_some());
        assert!(at("/HyperParameters/anything").is_some());
        assert!(at("/NoSuchThing").is_none());
        assert!(allowed_keys("").contains(&"TrainingJobName"));
        assert!(description("/RoleArn").is_some());
    }
}
