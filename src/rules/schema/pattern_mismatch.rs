//! SL104 `pattern-mismatch`: a string that does not match the pattern AWS validates it with
//! (see `rules/SL104.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::schema::{self, Violation};

pub const RULE: Rule = Rule {
    code: "SL104",
    name: "pattern-mismatch",
    severity: Severity::Error,
    summary: "A string does not match the pattern the API requires (names, ARNs, S3 URIs, IDs)",
    doc: include_str!("../../../rules/SL104.md"),
    check: Check::Request(check),
};

/// What the patterns of common shapes mean, in words.
const EXPLAIN: &[(&str, &str)] = &[
    ("TrainingJobName", "use 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (no underscores or dots)"),
    ("RoleArn", "give an IAM role ARN: arn:aws:iam::<12-digit account ID>:role/<role name>"),
    ("S3Uri", "give an S3 URI such as s3://bucket/prefix (or an https:// URL)"),
    ("ChannelName", "use letters, digits, '.', '-' and '_' only"),
    ("TrainingEnvironmentKey", "environment variable names start with a letter or '_' and contain letters, digits and '_'"),
    ("ExperimentEntityName", "use letters, digits and hyphens, starting and ending with a letter or digit"),
    ("FileSystemId", "a file system ID looks like fs-0123456789abcdef0"),
    ("KmsKeyId", "give a KMS key ID, key ARN, alias name or alias ARN"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx
        .schema_errors
        .iter()
        .filter(|e| e.violation == Violation::Pattern)
    {
        let parent = crate::pointer::parent(&e.pointer).unwrap_or("");
        let s = if e.map_key {
            schema::key_schema(cx.shape, parent)
        } else {
            schema::at(cx.shape, &e.pointer)
        };
        let Some(s) = s else { continue };
        let shape = s
            .get("x-aws-shape")
            .and_then(|v| v.as_str())
            .unwrap_or("value");
        let pattern = s
            .get("x-aws-pattern")
            .or_else(|| s.get("pattern"))
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let full = describe::actual(cx, e);
        // A line break would break the message too (and a multi-line value is often a pasted
        // key or certificate): say what is wrong without echoing the value.
        let message = if full.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
            let what = if e.map_key {
                format!("a key in {}", describe::field(parent))
            } else {
                format!("the value of {}", describe::field(&e.pointer))
            };
            format!("{what} contains a line break, which a {shape} cannot hold: it must match {pattern}")
        } else {
            let actual = describe::quote(&full);
            // A map key is named by the map it is in; a value by its own path.
            let subject = match (e.map_key, actual.is_empty()) {
                (true, true) => format!("an empty key in {}", describe::field(parent)),
                (true, false) => format!("key `{actual}` in {}", describe::field(parent)),
                (false, true) => format!("an empty value of {}", describe::field(&e.pointer)),
                (false, false) => format!("value `{actual}` of {}", describe::field(&e.pointer)),
            };
            format!("{subject} is not a valid {shape}: it must match {pattern}")
        };
        let d = cx.diagnostic(&RULE, e.pointer.as_str(), e.target, message);
        out.push(match EXPLAIN.iter().find(|(name, _)| *name == shape) {
            Some((_, help)) => d.with_help(*help),
            None => d,
        });
    }
}
