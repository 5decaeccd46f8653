//! Values known only later: one concept for every place a request is kept.
//!
//! A request inside a state machine, template or pipeline holds values that are filled in at
//! deploy or run time. Each way of writing one is recognised here, once, and the value is
//! replaced by [`Value::Runtime`] (keeping its span) before the schema, the typed model and the
//! rules read the request. So no rule reports a type, enum, pattern, length or range error on
//! one ([`crate::schema::validate`] drops errors at such a node), presence checks
//! ([`crate::rules::Context::has`]) count it as present, and the typed model reads it as absent,
//! so a cross-field rule that needs the value skips it.
//!
//! | written as | where | [`Dialect`] flag |
//! |---|---|---|
//! | `"Name.$": "$.path"` (a JSONPath or intrinsic function) | Step Functions JSONPath states | `json_path` |
//! | `"{% $states.input.x %}"` | Step Functions JSONata states | `jsonata` |
//! | `{"Ref": ...}`, `{"Fn::GetAtt": ...}`, `{"Fn::Sub": ...}`, ... (and `!Ref`, `!Sub` in YAML) | CloudFormation/SAM `Definition` | `cloudformation` |
//! | `{"Get": "Parameters.X"}`, `{"Std:Join": ...}`, `{"Std:JsonGet": ...}` | SageMaker Pipelines | `pipelines` |
//! | `"${Name}"`, `"arn:${AWS::Partition}:..."`, `"{{ jinja }}"` anywhere in a string | everywhere (substitutions, Terraform, Jinja) | always |
//!
//! Keys are never run-time: a `Name.$` key keeps its name (the schema and `Context::has` read
//! it as `Name`), and diagnostics point at the key as written.

use crate::tree::{Node, Value};

/// Which ways of writing a value known later a request's container allows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dialect {
    /// `Name.$` keys (Step Functions JSONPath states; also bare files copied from them).
    pub json_path: bool,
    /// `{% ... %}` strings (Step Functions JSONata states).
    pub jsonata: bool,
    /// One-member `Ref` / `Fn::*` objects (CloudFormation intrinsics).
    pub cloudformation: bool,
    /// One-member `Get` / `Std:*` objects (SageMaker Pipelines expressions).
    pub pipelines: bool,
}

impl Dialect {
    /// A request file of its own (which may be a copied Step Functions `Parameters` block).
    pub const REQUEST: Dialect = Dialect {
        json_path: true,
        jsonata: false,
        cloudformation: false,
        pipelines: false,
    };

    /// Whether `node` as a whole is a value known later.
    pub fn is_runtime(self, node: &Node) -> bool {
        match &node.value {
            Value::Runtime => true,
            Value::String(s) => is_templated(s) || (self.jsonata && is_jsonata(s)),
            Value::Object(members) if members.len() == 1 => {
                let key = members[0].key.as_str();
                (self.cloudformation && is_intrinsic(key))
                    || (self.pipelines && is_pipeline_expression(key))
            }
            _ => false,
        }
    }

    /// Replace every value known later in `node` (and `node` itself) by [`Value::Runtime`].
    pub fn normalize(self, node: &mut Node) {
        if self.is_runtime(node) {
            node.value = Value::Runtime;
            return;
        }
        match &mut node.value {
            Value::Object(members) => {
                for m in members {
                    if self.json_path && m.key.ends_with(".$") {
                        m.value.value = Value::Runtime;
                    } else {
                        self.normalize(&mut m.value);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| self.normalize(i)),
            _ => {}
        }
    }
}

/// A string with a `${...}` or `{{...}}` placeholder, filled in by a template engine
/// (CloudFormation `Fn::Sub`, Step Functions `DefinitionSubstitutions`, Terraform, Jinja)
/// before the request is sent.
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

/// A JSONata expression: the whole string is `{% ... %}`.
pub fn is_jsonata(s: &str) -> bool {
    let s = s.trim();
    s.len() >= 4 && s.starts_with("{%") && s.ends_with("%}")
}

/// The key of a CloudFormation intrinsic function object.
pub fn is_intrinsic(key: &str) -> bool {
    key == "Ref" || key.starts_with("Fn::")
}

/// The key of a SageMaker Pipelines expression object (`Get`, `Std:Join`, `Std:JsonGet`, ...).
pub fn is_pipeline_expression(key: &str) -> bool {
    key == "Get" || key.starts_with("Std:")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, SourceFile};

    fn normalized(text: &str, dialect: Dialect) -> serde_json::Value {
        let source = SourceFile::new("t.json", text, Format::Json);
        let mut root = crate::parse::parse(&source).root.expect("parses");
        dialect.normalize(&mut root);
        fn show(n: &Node) -> serde_json::Value {
            match &n.value {
                Value::Runtime => "<runtime>".into(),
                Value::Object(ms) => ms.iter().map(|m| (m.key.clone(), show(&m.value))).collect(),
                Value::Array(items) => items.iter().map(show).collect(),
                _ => n.to_json(),
            }
        }
        show(&root)
    }

    #[test]
    fn each_dialect_recognises_its_own_forms() {
        let text = r#"{"A.$": "$.a", "B": "{% $x %}", "C": {"Ref": "P"}, "D": {"Get": "Parameters.X"},
            "E": "s3://${Bucket}/x", "F": {"Ref": "P", "Other": 1}, "G": "plain", "H": [{"Fn::Sub": "x"}]}"#;
        let all = Dialect {
            json_path: true,
            jsonata: true,
            cloudformation: true,
            pipelines: true,
        };
        assert_eq!(
            normalized(text, all),
            serde_json::json!({"A.$": "<runtime>", "B": "<runtime>", "C": "<runtime>",
                "D": "<runtime>", "E": "<runtime>", "F": {"Ref": "P", "Other": 1}, "G": "plain",
                "H": ["<runtime>"]})
        );
        // A request file: only paths and placeholders; a one-member map is a map.
        assert_eq!(
            normalized(text, Dialect::REQUEST),
            serde_json::json!({"A.$": "<runtime>", "B": "{% $x %}", "C": {"Ref": "P"},
                "D": {"Get": "Parameters.X"}, "E": "<runtime>", "F": {"Ref": "P", "Other": 1},
                "G": "plain", "H": [{"Fn::Sub": "x"}]})
        );
    }

    #[test]
    fn templated_values() {
        assert!(is_templated("${SagemakerRoleArn}"));
        assert!(is_templated("arn:aws:iam::${AWS::AccountId}:role/x"));
        assert!(is_templated("{{ role_arn }}"));
        assert!(!is_templated("$notatemplate"));
        assert!(!is_templated("s3://bucket/{prefix}"));
        assert!(is_jsonata("{% $states.input.name %}"));
        assert!(!is_jsonata("{%}"));
        assert!(!is_jsonata("a {% b %}"));
    }
}
