//! Checking one file: parse once, find the requests in it ([`crate::extract`]), and for each
//! validate against the schema, build the typed model and run every rule; return the
//! diagnostics sorted by position, with pointers and spans in the file as written.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Origin};
use crate::discover::{self, DocumentKind};
use crate::extract::{self, Embedded};
use crate::parse::{self, ParseErrorKind};
use crate::policy::Policy;
use crate::rules::{self, Check, Context, Rule};
use crate::schema::Violation;
use crate::shape::Shape;
use crate::source::{SourceFile, Span};
use crate::tree::Value;
use crate::{model, schema, secrets, suppress};

/// All diagnostics for one source file, in document order.
pub fn check(source: &SourceFile) -> Vec<Diagnostic> {
    check_parsed(source, parse::parse(source))
}

/// [`check`] for a file already parsed.
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
    /// The requests checked in the file (the language server's hover and completion read the
    /// members of the one under the cursor).
    pub requests: Vec<Located>,
    /// The file is a stream of several documents whose pointers start with the document's
    /// index (`/2/spec/...`): the tree they point into is the list of its documents.
    pub indexed: bool,
}

/// Where a request is in its file, its shape, and how the file spells it (a Kubernetes
/// resource's spec) when not as the API does.
#[derive(Debug, Clone)]
pub struct Located {
    pub origin: Arc<Origin>,
    pub shape: Shape,
    pub spelling: Option<Arc<extract::kubernetes::Spelling>>,
}

/// How to read and check a file.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The kind of document when the user named it (`--kind`, the configuration's `[kind]`);
    /// otherwise it is told by content ([`discover::classify`]).
    pub kind: Option<DocumentKind>,
    /// The file was found by a directory walk: a file that holds no request is skipped without
    /// a word, and so is a DescribeTrainingJob response (unless `kind` or `responses` says so).
    pub walked: bool,
    /// Check DescribeTrainingJob responses even in a walk (the language server shows what the
    /// editor opens).
    pub responses: bool,
    /// The policy rules the configuration enables, with their parameters.
    pub policy: &'a Policy,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            kind: None,
            walked: false,
            responses: false,
            policy: Policy::off(),
        }
    }
}

/// [`check_parsed`], with the spans of the secrets found.
pub fn check_parsed_full(source: &SourceFile, parsed: parse::Parsed) -> Checked {
    check_document(source, parsed, Options::default()).unwrap_or_default()
}

/// [`check_parsed_full`] with the policy rules `policy` enables (the configuration's).
pub fn check_parsed_with(source: &SourceFile, parsed: parse::Parsed, policy: &Policy) -> Checked {
    let options = Options {
        policy,
        ..Options::default()
    };
    check_document(source, parsed, options).unwrap_or_default()
}

/// Check a parsed file; `None` when a walked file holds nothing to check.
pub fn check_document(
    source: &SourceFile,
    parsed: parse::Parsed,
    options: Options<'_>,
) -> Option<Checked> {
    let mut out = Vec::new();
    // A YAML stream of Kubernetes resources is read document by document.
    let stream = kubernetes_stream(&parsed, options.kind);
    for e in &parsed.errors {
        let rule = match e.kind {
            ParseErrorKind::Syntax => &rules::document::syntax_error::RULE,
            ParseErrorKind::MultipleDocuments if stream => continue,
            ParseErrorKind::MultipleDocuments => &rules::document::multiple_documents::RULE,
        };
        let mut d = parse_diagnostic(rule, e.message.clone(), e.span);
        if e.kind == ParseErrorKind::MultipleDocuments {
            d = d.with_help(
                "the AWS CLI rejects a multi-document stream: keep one request per file (a stream of Kubernetes resources is read document by document)",
            );
        }
        out.push(d);
    }
    let only = |out: Vec<Diagnostic>| {
        Some(Checked {
            diagnostics: out,
            ..Checked::default()
        })
    };
    // A walk reports a broken file (or one whose root is not an object) when its text names
    // request members: it is meant to be a request.
    let meant = || !options.walked || discover::names_request_members(&source.text);
    let Some(mut root) = parsed.root else {
        return meant().then(|| only(out)).flatten();
    };
    if stream {
        let mut docs = vec![&root];
        docs.extend(parsed.more.iter());
        let extraction = extract::extract_stream(source, &docs);
        let indexed = extract::indexed(&docs);
        if extraction.requests.is_empty() && extraction.findings.is_empty() {
            if options.walked {
                return None;
            }
            out.push(not_a_request(
                DocumentKind::KubernetesResource,
                first_key(&root),
            ));
            return only(out);
        }
        // Suppression comments are read in every document.
        let all = crate::tree::Node::new(
            Value::Array(docs.into_iter().cloned().collect()),
            Span::new(0, source.text.len()),
        );
        let mut checked = run(source, extraction, options.policy, out);
        checked.indexed = indexed;
        return Some(finish(source, &all, checked));
    }
    if !matches!(root.value, Value::Object(_)) {
        if !meant() {
            return None;
        }
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
        return only(out);
    }
    let kind = options.kind.unwrap_or_else(|| discover::classify(&root));
    // Saved responses are checked when named, or when the configuration says so.
    if options.walked
        && !options.responses
        && options.kind.is_none()
        && kind == DocumentKind::Describe
    {
        return None;
    }
    let first_key = first_key(&root);
    let extraction = extract::extract(source, &mut root, kind);
    if extraction.requests.is_empty() && extraction.findings.is_empty() {
        // Requests that are known only at run time: found, with nothing to report.
        if extraction.unknown > 0 {
            return only(out);
        }
        if options.walked {
            return None;
        }
        out.push(not_a_request(kind, first_key));
        return only(out);
    }
    let checked = run(source, extraction, options.policy, out);
    Some(finish(source, &root, checked))
}

/// Whether a parsed YAML file is a stream of Kubernetes resources: several documents, the first
/// (not empty) with `apiVersion` and `kind`, or any stream when the user named the kind. (A
/// request file starts with a request: its second document is SL004.)
fn kubernetes_stream(parsed: &parse::Parsed, kind: Option<DocumentKind>) -> bool {
    let Some(root) = &parsed.root else {
        return false;
    };
    if parsed.more.is_empty() {
        return false;
    }
    match kind {
        Some(DocumentKind::KubernetesResource) => true,
        Some(_) => false,
        None => std::iter::once(root)
            .chain(&parsed.more)
            .find(|d| !matches!(d.value, Value::Null))
            .is_some_and(|d| d.get("apiVersion").is_some() && d.get("kind").is_some()),
    }
}

/// Where a file's first key is (where a finding about the whole file goes).
fn first_key(root: &crate::tree::Node) -> Span {
    root.as_object()
        .and_then(|m| m.first())
        .map_or(Span::new(root.span.start, root.span.start), |m| m.key_span)
}

/// Check the requests found, after the findings so far.
fn run(
    source: &SourceFile,
    extraction: extract::Extraction<'_>,
    policy: &Policy,
    mut out: Vec<Diagnostic>,
) -> Checked {
    let extract::Extraction {
        requests, findings, ..
    } = extraction;
    out.extend(findings);
    let mut secrets = Vec::new();
    for request in &requests {
        check_request(source, request, policy, &mut out, &mut secrets);
    }
    Checked {
        diagnostics: out,
        secrets,
        requests: requests
            .into_iter()
            .map(|r| Located {
                origin: r.origin,
                shape: r.shape,
                spelling: r.spelling,
            })
            .collect(),
        indexed: false,
    }
}

/// Apply the file's suppression comments (`root` tells which `#` are inside strings), and sort.
fn finish(source: &SourceFile, root: &crate::tree::Node, mut checked: Checked) -> Checked {
    let out = &mut checked.diagnostics;
    let comments = suppress::comments(source, Some(root));
    let unused = suppress::apply(source, &comments, out);
    out.extend(unused);
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.code).cmp(&(b.span.start, b.span.end, b.rule.code))
    });
    checked
}

/// Run every rule on one request, and put the request's place in front of each finding's.
fn check_request(
    source: &SourceFile,
    request: &Embedded<'_>,
    policy: &Policy,
    out: &mut Vec<Diagnostic>,
    secrets: &mut Vec<Span>,
) {
    let root = request.node.as_ref();
    let mut schema_errors = schema::validate(root, request.shape, request.dialect.json_path);
    if !request.supplied.is_empty() {
        schema_errors.retain(|e| match &e.violation {
            Violation::Required(name) => {
                !(e.pointer.is_empty() && request.supplied.contains(&name.as_str()))
            }
            _ => true,
        });
    }
    let mut typed = model::from_tree(root);
    // A training job definition is read as the request it becomes: its static hyperparameters
    // are the job's hyperparameters.
    if request.shape == Shape::TrainingJobDefinition {
        typed.hyper_parameters = root
            .get(Shape::TrainingJobDefinition.hyperparameters())
            .and_then(|n| model::lenient::map(crate::instance::Deserializer(n)).ok())
            .flatten();
    }
    let tuning: Option<model::CreateHyperParameterTuningJobRequest> = (request.shape
        == Shape::TuningJob)
        .then(|| crate::instance::deserialize(root).unwrap_or_default());
    let definition: Option<model::HyperParameterTrainingJobDefinition> = (request.shape
        == Shape::TrainingJobDefinition)
        .then(|| crate::instance::deserialize(root).unwrap_or_default());
    let cx = Context {
        source,
        tuning: tuning.as_ref(),
        definition: definition.as_ref(),
        shape: request.shape,
        root,
        request: &typed,
        schema_errors: &schema_errors,
        policy,
    };
    // A definition inside a tuning job has the tuning job's pointer before its own; one with
    // none is a file of its own.
    let alone = request.shape == Shape::TrainingJobDefinition && request.origin.pointer.is_empty();
    let mut found = Vec::new();
    for rule in rules::RULES.iter() {
        if (rule.opt_in() && !policy.enables(rule.code))
            || !rules::applies(rule, request.shape, alone)
        {
            continue;
        }
        if let Check::Request(check) = rule.check {
            check(&cx, &mut found);
        }
    }
    scrub_secrets(&cx, &mut found);
    secrets.extend(found.iter().filter(|d| d.redact).map(|d| d.span));
    secrets.extend(echoes(&cx, &found));
    let at = &request.origin.pointer;
    for mut d in found {
        if let Some(spelling) = &request.spelling {
            respell(spelling, &mut d);
        }
        if !at.is_empty() {
            d.pointer.insert_str(0, at);
        }
        if request.rewritten {
            d.fix = None;
        }
        d.origin = Some(request.origin.clone());
        out.push(d);
    }
}

/// A finding on a request written in another spelling (a Kubernetes resource's spec): its
/// pointer into the spec as written, and the member names of its texts as the file spells them.
fn respell(spelling: &extract::kubernetes::Spelling, d: &mut Diagnostic) {
    let keep = spelling.unknown(&d.pointer);
    let keep = keep.as_deref();
    d.message = spelling.text(&d.message, keep);
    if let Some(help) = &d.help {
        d.help = Some(spelling.text(help, keep));
    }
    if let Some(fix) = &mut d.fix {
        fix.title = spelling.text(&fix.title, None);
        for edit in &mut fix.edits {
            if spelling.is_key(edit.span) || keep.is_some() {
                edit.text = spelling.text(&edit.text, None);
            }
        }
    }
    d.pointer = spelling.pointer(&d.pointer);
}

/// SL005 for a file named explicitly that holds no request.
fn not_a_request(kind: DocumentKind, at: Span) -> Diagnostic {
    let message = match kind.looked_for() {
        "" => format!(
            "not checked: this looks like {}, not a CreateTrainingJob request",
            kind.describe()
        ),
        looked => format!(
            "no CreateTrainingJob request found in {}: {looked}",
            kind.describe()
        ),
    };
    parse_diagnostic(&rules::document::not_a_request::RULE, message, at).with_help(match kind {
        DocumentKind::KubernetesResource => "sagelint checks the spec of ACK and SageMaker Operator training and tuning job resources; other Kubernetes resources hold no training job",
        DocumentKind::StateMachine | DocumentKind::CloudFormation | DocumentKind::Pipeline => "nothing to check here; if the file should hold a training job, see the README's \"Where your requests live\"",
        _ => "a request has at least two of TrainingJobName, AlgorithmSpecification, RoleArn, OutputDataConfig, ResourceConfig, StoppingCondition, InputDataConfig, HyperParameters at the top level",
    })
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
        origin: None,
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
/// Every other place in the request that holds a secret found (a key given twice, whose first
/// value the rules never read; the same token pasted elsewhere): shown as source context, it
/// must be masked too.
fn echoes(cx: &Context<'_>, found: &[Diagnostic]) -> Vec<Span> {
    let secrets: foldhash::HashSet<&str> = found
        .iter()
        .filter(|d| d.redact)
        .filter_map(|d| cx.root.lookup(&d.pointer)?.node.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    let mut spans = Vec::new();
    if secrets.is_empty() {
        return spans;
    }
    fn walk(node: &crate::tree::Node, secrets: &foldhash::HashSet<&str>, out: &mut Vec<Span>) {
        match &node.value {
            Value::String(s) if secrets.contains(s.as_str()) => out.push(node.span),
            Value::Object(members) => members.iter().for_each(|m| walk(&m.value, secrets, out)),
            Value::Array(items) => items.iter().for_each(|i| walk(i, secrets, out)),
            _ => {}
        }
    }
    walk(cx.root, &secrets, &mut spans);
    spans
}

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
