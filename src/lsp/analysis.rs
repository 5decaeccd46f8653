//! Checking an open document with the CLI's core, and turning the findings into LSP
//! diagnostics.
//!
//! Which documents are served: those a directory walk checks (a request, or a state machine,
//! template or pipeline that holds one: `check::Options::walked`) and that the configuration's
//! `include`/`exclude` globs let a walk reach. A document that does not parse is served when its
//! text names request members (`discover::names_request_members`), so a spec broken mid-edit
//! shows its syntax error. Anything else gets no diagnostics at all (not even SL005).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{CodeDescription, DiagnosticSeverity, DiagnosticTag, NumberOrString, Uri};

use super::convert::Encoding;
use super::document::Document;
use crate::config::{Config, ConfigError};
use crate::extract::kubernetes::Spelling;
use crate::shape::Shape;
use crate::source::SourceFile;
use crate::tree::Node;
use crate::{parse, Diagnostic, Severity};

/// The result of checking one version of a document.
#[derive(Debug)]
pub struct Analysis {
    /// Whether the document is a request the server checks.
    pub served: bool,
    /// The findings, after the configuration (empty when not served).
    pub diagnostics: Vec<Diagnostic>,
    /// The parsed tree (for hover and completion), when the text parses.
    pub root: Option<Node>,
    /// The requests in the document.
    pub requests: Vec<Served>,
}

/// A request of a document, as hover and completion read it.
#[derive(Debug, Clone, Default)]
pub struct Served {
    /// Its pointer in the document (`""` for a request file of its own).
    pub pointer: String,
    pub shape: Shape,
    /// How the document spells its members, when not as the API does (a Kubernetes resource).
    pub spelling: Option<Arc<Spelling>>,
}

/// A place inside a request.
#[derive(Debug, Clone)]
pub struct InRequest {
    /// The pointer into the request, in the API's member names.
    pub api: String,
    pub shape: Shape,
    pub spelling: Option<Arc<Spelling>>,
}

impl InRequest {
    /// The name the document gives the member `name` of the object at `parent` (a pointer in
    /// the API's names).
    pub fn spell(&self, parent: &str, name: &str) -> String {
        match &self.spelling {
            Some(s) => s.name(Some(parent), name),
            None => name.to_string(),
        }
    }
}

impl Analysis {
    /// A pointer of the document as a place in the request that holds it, if one does.
    pub fn in_request(&self, ptr: &str) -> Option<InRequest> {
        within(&self.requests, ptr)
    }
}

/// `ptr` as a place in the innermost of `requests` that holds it.
pub fn within(requests: &[Served], ptr: &str) -> Option<InRequest> {
    let r = requests
        .iter()
        .filter(|r| {
            ptr.strip_prefix(r.pointer.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .max_by_key(|r| r.pointer.len())?;
    let relative = &ptr[r.pointer.len()..];
    let api = match &r.spelling {
        Some(s) => s.api(relative)?,
        None => relative.to_string(),
    };
    Some(InRequest {
        api,
        shape: r.shape,
        spelling: r.spelling.clone(),
    })
}

/// Check a document the way `sagelint check` checks a file: same rules, messages and
/// severities, then the configuration (select, ignore, severity, per-file-ignores,
/// `[[suppress]]`), after suppression comments.
pub fn analyse(doc: &Document, configs: &mut Configs) -> Analysis {
    let name = doc
        .path
        .as_ref()
        .map_or_else(|| doc.uri.as_str().to_string(), |p| p.display().to_string());
    let source = SourceFile::new(name, doc.text.clone(), doc.format);
    let parsed = parse::parse(&source);
    let mut root = parsed.root.clone();
    // (The other documents of a stream, kept only for a stream.)
    let more = (!parsed.more.is_empty()).then(|| parsed.more.clone());
    let config = doc.path.as_deref().map(|p| (p, configs.for_file(p)));
    let included = config
        .as_ref()
        .is_none_or(|(path, config)| config.walks_into(path));
    let options = crate::check::Options {
        kind: config
            .as_ref()
            .and_then(|(path, config)| config.kind_for(path)),
        walked: true,
        responses: true,
        policy: config
            .as_ref()
            .map_or(crate::policy::Policy::off(), |(_, c)| &c.policy),
    };
    let checked = included
        .then(|| crate::check::check_document(&source, parsed, options))
        .flatten();
    let Some(checked) = checked else {
        return Analysis {
            served: false,
            diagnostics: Vec::new(),
            root,
            requests: Vec::new(),
        };
    };
    let requests = checked
        .requests
        .iter()
        .map(|r| Served {
            pointer: r.origin.pointer.clone(),
            shape: r.shape,
            spelling: r.spelling.clone(),
        })
        .collect();
    if checked.indexed {
        // Pointers into a stream start with the document's index.
        let documents = root.into_iter().chain(more.unwrap_or_default()).collect();
        let span = crate::Span::new(0, doc.text.len());
        root = Some(Node::new(crate::tree::Value::Array(documents), span));
    }
    let mut diagnostics = checked.diagnostics;
    if let Some((path, config)) = &config {
        config.apply(path, &mut diagnostics);
    }
    Analysis {
        served: true,
        diagnostics,
        root,
        requests,
    }
}

/// Options the client may pass in `initializationOptions`.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// A configuration file to use for every document (like `sagelint check --config`).
    pub config: Option<PathBuf>,
    /// Where the rule documents are published, e.g.
    /// `https://github.com/org/sagelint/blob/main/rules/`: each diagnostic then links to
    /// `<rulesUrl><CODE>.md` (`codeDescription`).
    pub rules_url: Option<String>,
}

/// The configuration of each document's directory, discovered once and kept until a
/// configuration file changes.
#[derive(Debug, Default)]
pub struct Configs {
    explicit: Option<PathBuf>,
    by_dir: HashMap<PathBuf, Arc<Config>>,
    /// Configuration errors not yet shown to the user.
    pub messages: Vec<String>,
    shown: HashSet<String>,
}

impl Configs {
    pub fn new(explicit: Option<PathBuf>) -> Configs {
        Configs {
            explicit,
            ..Configs::default()
        }
    }

    /// Forget every loaded configuration (one was edited, created or deleted).
    pub fn invalidate(&mut self) {
        self.by_dir.clear();
        self.shown.clear();
    }

    /// The configuration for a file: the explicit one, else the nearest. An invalid
    /// configuration is reported once and replaced by the default one.
    pub fn for_file(&mut self, path: &Path) -> Arc<Config> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some(c) = self.by_dir.get(&dir) {
            return Arc::clone(c);
        }
        let loaded: Result<Option<Config>, ConfigError> = match &self.explicit {
            Some(file) => Config::load(file).map(Some),
            None => Config::discover(&dir),
        };
        let config = match loaded {
            Ok(c) => c.unwrap_or_default(),
            Err(e) => {
                let message = format!("sagelint: invalid configuration: {e}");
                if self.shown.insert(message.clone()) {
                    self.messages.push(message);
                }
                Config::default()
            }
        };
        let config = Arc::new(config);
        self.by_dir.insert(dir, Arc::clone(&config));
        config
    }
}

/// Whether a file name is one a configuration is read from.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| crate::config::FILE_NAMES.contains(&n))
}

/// One finding as an LSP diagnostic: the rule ID as `code`, the message (with the help after
/// it, as the CLI prints it), the severity after configuration, and the exact range.
pub fn to_lsp(
    doc: &Document,
    d: &Diagnostic,
    enc: Encoding,
    rules_url: Option<&str>,
) -> lsp_types::Diagnostic {
    let span = clamp(&doc.text, d.span);
    let range = doc.index.range(&doc.text, span, enc);
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let code_description = rules_url
        .and_then(|base| format!("{base}{}.md", d.rule.code).parse::<Uri>().ok())
        .map(|href| CodeDescription { href });
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.code.to_string())),
        code_description,
        source: Some("sagelint".to_string()),
        message,
        related_information: None,
        tags: (d.rule.code == crate::rules::document::unused_suppression::RULE.code)
            .then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: Some(serde_json::json!({
            "name": d.rule.name,
            "pointer": d.pointer,
            "help": d.help,
        })),
    }
}

/// A span clamped to the text and to character boundaries (as the CLI's renderers do).
pub fn clamp(text: &str, span: crate::Span) -> crate::Span {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    crate::Span::new(start, floor(span.end).max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn doc(uri: &str, text: &str) -> Document {
        let uri = Uri::from_str(uri).unwrap_or_else(|e| panic!("{e}"));
        Document::new(uri, "", 1, text.to_string())
    }

    const REQUEST: &str = "TrainingJobName: x\nRoleArn: arn:aws:iam::123456789012:role/r\nFoo: 1\n";

    #[test]
    fn requests_are_checked_and_others_are_not() {
        let mut configs = Configs::default();
        let a = analyse(&doc("untitled:a.yaml", REQUEST), &mut configs);
        assert!(a.served);
        assert!(a.diagnostics.iter().any(|d| d.rule.code == "SL100"));
        let other = doc("untitled:b.yaml", "name: x\nversion: 2\n");
        let a = analyse(&other, &mut configs);
        assert!(!a.served && a.diagnostics.is_empty());
        // A kubernetes resource is not reported either (no SL005).
        let k8s = doc("untitled:c.yaml", "apiVersion: v1\nkind: TrainingJob\n");
        assert!(analyse(&k8s, &mut configs).diagnostics.is_empty());
    }

    #[test]
    fn broken_documents_report_syntax_errors_when_they_name_request_members() {
        let mut configs = Configs::default();
        let broken = doc(
            "untitled:a.json",
            "{\"TrainingJobName\": \"x\", \"RoleArn\": ",
        );
        let a = analyse(&broken, &mut configs);
        assert!(a.served);
        assert_eq!(a.diagnostics[0].rule.code, "SL001");
        let broken_other = doc("untitled:b.json", "{\"name\": ");
        assert!(analyse(&broken_other, &mut configs).diagnostics.is_empty());
    }

    #[test]
    fn configuration_applies() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            dir.path().join("sagelint.toml"),
            "ignore = [\"SL100\"]\n[severity]\nSL105 = \"warning\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("job.yaml");
        let uri = format!("file://{}", path.display());
        let mut configs = Configs::default();
        let a = analyse(&doc(&uri, REQUEST), &mut configs);
        assert!(a.served);
        assert!(!a.diagnostics.iter().any(|d| d.rule.code == "SL100"));
    }

    #[test]
    fn policy_rules_run_when_the_configuration_selects_them() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("job.yaml");
        let uri = format!("file://{}", path.display());
        let policy = |configs: &mut Configs| -> Vec<&'static str> {
            analyse(&doc(&uri, REQUEST), configs)
                .diagnostics
                .iter()
                .map(|d| d.rule.code)
                .filter(|c| c.starts_with("PL"))
                .collect()
        };
        assert!(policy(&mut Configs::default()).is_empty());
        std::fs::write(
            dir.path().join("sagelint.toml"),
            "extend-select = [\"PL005\", \"PL006\"]\n[policy]\nrequired-tags = [\"team\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(policy(&mut Configs::default()), ["PL005", "PL006"]);
    }
}
