//! Checking one file: parse once, validate against the schema, build the typed model, run every
//! rule, and return the diagnostics sorted by position.

use crate::diagnostic::Diagnostic;
use crate::discover::{self, DocumentKind};
use crate::parse::{self, ParseErrorKind};
use crate::policy::Policy;
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
    check_parsed_full(source, parsed).diagnostics
}

/// The diagnostics of a file, and the spans of every secret found in it.
#[derive(Debug, Default)]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    /// Where the secrets are, including those whose diagnostics a `# sagelint: ignore` comment
    /// removed: a caller that shows source text masks them all (`render::without_secrets`).
    pub secrets: Vec<Span>,
}

/// [`check_parsed`], with the spans of the secrets found.
pub fn check_parsed_full(source: &SourceFile, parsed: parse::Parsed) -> Checked {
    check_parsed_with(source, parsed, Policy::off())
}

/// [`check_parsed_full`] with the policy rules `policy` enables (the configuration's).
pub fn check_parsed_with(source: &SourceFile, parsed: parse::Parsed, policy: &Policy) -> Checked {
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
        return Checked {
            diagnostics: out,
            secrets: Vec::new(),
        };
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
        return Checked {
            diagnostics: out,
            secrets: Vec::new(),
        };
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
        return Checked {
            diagnostics: out,
            secrets: Vec::new(),
        };
    }

    let schema_errors = schema::validate(&root);
    let request = model::from_tree(&root);
    let cx = Context {
        source,
        root: &root,
        request: &request,
        schema_errors: &schema_errors,
        policy,
    };
    for rule in rules::RULES.iter() {
        if rule.opt_in() && !policy.enables(rule.code) {
            continue;
        }
        if let Check::Request(check) = rule.check {
            check(&cx, &mut out);
        }
    }
    scrub_secrets(&cx, &mut out);
    let secrets = out.iter().filter(|d| d.redact).map(|d| d.span).collect();
    let comments = suppress::comments(source, Some(&root));
    let unused = suppress::apply(source, &comments, &mut out);
    out.extend(unused);
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.code).cmp(&(b.span.start, b.span.end, b.rule.code))
    });
    Checked {
        diagnostics: out,
        secrets,
    }
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
    // Each secret as written and as messages quote it (shortened to 60 characters), with its
    // redaction; found in every message in one pass: a file of thousands of secrets would
    // otherwise take quadratic time.
    let mut forms = Vec::new();
    let mut redactions = Vec::new();
    let mut seen = foldhash::HashSet::default();
    for secret in &found {
        let redaction = secrets::redact(secret);
        for form in [secret.clone(), crate::rules::quote_for_message(secret)] {
            if seen.insert(form.clone()) {
                forms.push(form);
                redactions.push(redaction.clone());
            }
        }
    }
    let matcher = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&forms);
    let scrub = |text: &str| -> Option<String> {
        match &matcher {
            Ok(m) => m.is_match(text).then(|| m.replace_all(text, &redactions)),
            // Too many secrets for the automaton: one at a time.
            Err(_) => {
                let mut out = text.to_string();
                for (form, redaction) in forms.iter().zip(&redactions) {
                    if out.contains(form.as_str()) {
                        out = out.replace(form.as_str(), redaction);
                    }
                }
                (out != text).then_some(out)
            }
        }
    };
    for d in out.iter_mut() {
        if let Some(m) = scrub(&d.message) {
            d.message = m;
        }
        if let Some(h) = d.help.as_deref().and_then(scrub) {
            d.help = Some(h);
        }
    }
}
