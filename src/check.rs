//! Checking one file: parse once, validate against the schema, build the typed model, run every
//! rule, and return the diagnostics sorted by position.

use crate::diagnostic::Diagnostic;
use crate::discover::{self, DocumentKind};
use crate::parse::{self, ParseErrorKind};
use crate::rules::{self, Check, Context, Rule};
use crate::source::{SourceFile, Span};
use crate::tree::Value;
use crate::{model, schema, secrets, suppress};

/// All diagnostics for one source file, in document order.
pub fn check(source: &SourceFile) -> Vec<Diagnostic> {
    check_parsed(source, parse::parse(source))
}

/// [`check`] for a file already parsed (a directory walk parses first to decide whether the
/// file is a request at all).
pub fn check_parsed(source: &SourceFile, parsed: parse::Parsed) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &parsed.errors {
        let rule = match e.kind {
            ParseErrorKind::Syntax => &rules::document::syntax_error::RULE,
            ParseErrorKind::MultipleDocuments => &rules::document::multiple_documents::RULE,
        };
        let mut d = parse_diagnostic(rule, e.message.clone(), e.span);
        if e.kind == ParseErrorKind::MultipleDocuments {
            d = d.with_help(
                "the AWS CLI rejects a multi-document stream: keep one request per file",
            );
        }
        out.push(d);
    }
    let Some(root) = parsed.root else {
        return out;
    };
    if !matches!(root.value, Value::Object(_)) {
        out.push(
            parse_diagnostic(
                &rules::document::root_not_object::RULE,
                format!(
                    "the document is {}, not an object of CreateTrainingJob request members",
                    a_type(root.type_name())
                ),
                root.span,
            )
            .with_help("one request per file, with its members (TrainingJobName, RoleArn, ...) at the top level"),
        );
        return out;
    }
    let kind = discover::classify(&root);
    if kind != DocumentKind::Request {
        let first_key = root
            .as_object()
            .and_then(|m| m.first())
            .map_or(Span::new(root.span.start, root.span.start), |m| m.key_span);
        out.push(
            parse_diagnostic(
                &rules::document::not_a_request::RULE,
                format!(
                    "not checked: this looks like {}, not a CreateTrainingJob request",
                    kind.describe()
                ),
                first_key,
            )
            .with_help(match kind {
                DocumentKind::KubernetesResource => "sagelint checks the CreateTrainingJob API request (PascalCase members such as TrainingJobName); a custom resource's spec is translated into one by its controller",
                DocumentKind::StateMachine | DocumentKind::CloudFormation => "put the training job's Parameters (the request) in a file of its own to check it",
                _ => "a request has at least two of TrainingJobName, AlgorithmSpecification, RoleArn, OutputDataConfig, ResourceConfig, StoppingCondition, InputDataConfig, HyperParameters at the top level",
            }),
        );
        return out;
    }

    let schema_errors = schema::validate(&root);
    let request = model::from_tree(&root);
    let cx = Context {
        source,
        root: &root,
        request: &request,
        schema_errors: &schema_errors,
    };
    for rule in rules::RULES.iter() {
        if let Check::Request(check) = rule.check {
            check(&cx, &mut out);
        }
    }
    scrub_secrets(&cx, &mut out);
    let comments = suppress::comments(source, Some(&root));
    let unused = suppress::apply(source, &comments, &mut out);
    out.extend(unused);
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.code).cmp(&(b.span.start, b.span.end, b.rule.code))
    });
    out
}

fn parse_diagnostic(rule: &'static Rule, message: String, span: Span) -> Diagnostic {
    Diagnostic {
        rule,
        severity: rule.severity,
        message,
        help: None,
        pointer: String::new(),
        span,
        redact: false,
        fix: None,
    }
}

fn a_type(name: &str) -> &'static str {
    match name {
        "null" => "empty (null)",
        "boolean" => "a boolean",
        "integer" | "number" => "a number",
        "string" => "a string",
        "array" => "a list",
        _ => "a value",
    }
}

/// A secret found by one rule may be echoed by another (a pattern or length message quoting the
/// value). Replace every occurrence of each found secret in every message with its redaction.
fn scrub_secrets(cx: &Context<'_>, out: &mut [Diagnostic]) {
    let found: Vec<String> = out
        .iter()
        .filter(|d| d.redact)
        .filter_map(|d| {
            cx.root
                .lookup(&d.pointer)?
                .node
                .as_str()
                .map(str::to_string)
        })
        .filter(|s| !s.is_empty())
        .collect();
    if found.is_empty() {
        return;
    }
    for d in out.iter_mut() {
        for secret in &found {
            // Messages quote values shortened to 60 characters; scrub that form too.
            let short = crate::rules::quote_for_message(secret);
            for form in [secret.as_str(), short.as_str()] {
                if d.message.contains(form) {
                    d.message = d.message.replace(form, &secrets::redact(secret));
                }
                if let Some(h) = &mut d.help {
                    if h.contains(form) {
                        *h = h.replace(form, &secrets::redact(secret));
                    }
                }
            }
        }
    }
}
