//! Configuration: `sagelint.toml`, `.sagelint.toml`, or `[tool.sagelint]` in `pyproject.toml`
//! (ML repositories are Python repositories), found from a checked file upward.
//!
//! ```toml
//! select = ["ALL"]                     # rules to run (codes or names; default: all but policy)
//! extend-select = ["policy"]           # rules to run as well (the opt-in policy rules)
//! ignore = ["SL405"]                   # rules not to run
//! include = ["specs/**"]               # what a directory walk checks (default: everything)
//! exclude = ["specs/legacy/**"]        # what a directory walk skips
//! max-file-size = "16MiB"              # larger files are not read (bytes, or KiB/MiB/GiB)
//! [kind]                               # what documents are, instead of telling by content
//! "workflows/**/*.json" = "state-machine"   # request, state-machine, cloudformation, pipeline, describe, tuning, definition, kubernetes
//! [severity]                           # per-rule severity overrides
//! SL404 = "error"
//! [per-file-ignores]                   # rules not to run on some paths
//! "specs/experiments/**" = ["SL405"]
//! [[suppress]]                         # one finding in a JSON file (JSON has no comments)
//! path = "specs/train.json"
//! rule = "SL104"
//! pointer = "/RoleArn"                 # optional: only this place
//! reason = "role created by the pipeline"
//! [policy]                             # parameters of the policy rules (see `crate::policy`)
//! required-tags = ["team"]
//! ```
//!
//! `"ALL"` names every rule that runs by default; `"policy"` names the opt-in policy rules
//! (codes `PLxxx`), which run only when selected.
//!
//! Globs and paths are relative to the directory of the configuration file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::discover::DocumentKind;
use crate::policy::{AllowList, Policy};
use crate::rules::{self, Rule};
use crate::source::{Format, SourceFile, Span};

/// The file names looked for in each directory, in order.
pub const FILE_NAMES: &[&str] = &["sagelint.toml", ".sagelint.toml", "pyproject.toml"];

/// A configuration file that cannot be used: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    severity: Option<IndexMap<String, Spanned<String>>>,
    per_file_ignores: Option<IndexMap<String, Spanned<Vec<Spanned<String>>>>>,
    suppress: Option<Vec<Spanned<RawSuppression>>>,
    max_file_size: Option<Spanned<toml::Value>>,
    kind: Option<IndexMap<String, Spanned<String>>>,
    policy: Option<RawPolicy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPolicy {
    required_tags: Option<Spanned<Vec<Spanned<String>>>>,
    allowed_instance_types: Option<Spanned<Vec<Spanned<String>>>>,
    max_runtime_in_seconds: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuppression {
    path: Spanned<String>,
    rule: Spanned<String>,
    pointer: Option<String>,
    reason: Option<String>,
}

#[derive(Deserialize)]
struct Pyproject {
    tool: Option<PyprojectTool>,
}

#[derive(Deserialize)]
struct PyprojectTool {
    sagelint: Option<RawConfig>,
}

/// A suppression from the configuration file, for JSON files (which cannot hold comments).
#[derive(Debug, Clone)]
pub struct Suppression {
    pub path: GlobMatcher,
    pub rule: &'static Rule,
    pub pointer: Option<String>,
    pub reason: Option<String>,
    /// Where it is written in the configuration file, to report it when unused.
    pub span: Span,
}

/// A loaded configuration (the default one when no file is found).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from, and its text (to report unused suppressions in it).
    pub source: Option<SourceFile>,
    /// Directory that globs and suppression paths are relative to.
    pub root: PathBuf,
    selected: Option<HashSet<&'static str>>,
    /// `extend-select`: rules run in addition to `select` (or to the default rules).
    extended: HashSet<&'static str>,
    ignored: HashSet<&'static str>,
    severity: HashMap<&'static str, Severity>,
    per_file_ignores: Vec<(GlobMatcher, HashSet<&'static str>)>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    pub suppressions: Vec<Suppression>,
    /// `max-file-size`: files larger than this are not read (`--max-file-size` overrides it).
    pub max_file_size: Option<u64>,
    /// `[kind]`: the kind of document of the files a glob matches (instead of telling it by
    /// content); the first glob that matches wins.
    kinds: Vec<(GlobMatcher, DocumentKind)>,
    /// The policy rules selected and their `[policy]` parameters.
    pub policy: Policy,
}

impl Config {
    /// The nearest configuration file from `start` (a file or directory) upward, if any.
    /// A `pyproject.toml` counts only when it has a `[tool.sagelint]` table.
    pub fn discover(start: &Path) -> Result<Option<Config>, ConfigError> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(d) = dir {
            for name in FILE_NAMES {
                let candidate = d.join(name);
                if !candidate.is_file() {
                    continue;
                }
                if *name == "pyproject.toml" {
                    let text = read(&candidate)?;
                    if !text.contains("[tool.sagelint") {
                        continue;
                    }
                }
                return Config::load(&candidate).map(Some);
            }
            dir = d.parent();
        }
        Ok(None)
    }

    /// Load a configuration file (a `pyproject.toml` is read from its `[tool.sagelint]` table).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = read(path)?;
        let source = SourceFile::new(path.display().to_string(), text, Format::Yaml);
        let error = |span: Option<std::ops::Range<usize>>, message: String| {
            let pos = source.position(span.map_or(0, |s| s.start));
            ConfigError {
                path: path.to_path_buf(),
                line: pos.line,
                column: pos.column,
                message,
            }
        };
        let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
        let raw = if is_pyproject {
            toml::from_str::<Pyproject>(&source.text)
                .map(|p| p.tool.and_then(|t| t.sagelint).unwrap_or_default())
        } else {
            toml::from_str::<RawConfig>(&source.text)
        }
        .map_err(|e| error(e.span(), e.message().trim().to_string()))?;

        let root = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        let mut config = Config {
            root,
            ..Config::default()
        };
        let rule = |name: &Spanned<String>| -> Result<&'static Rule, ConfigError> {
            rules::find(name.get_ref())
                .ok_or_else(|| error(Some(name.span()), unknown_rule(name.get_ref())))
        };
        let rule_set = |names: &[Spanned<String>]| -> Result<HashSet<&'static str>, ConfigError> {
            let mut set = HashSet::new();
            for name in names {
                if name.get_ref() == "ALL" {
                    set.extend(rules::RULES.iter().filter(|r| !r.opt_in()).map(|r| r.code));
                } else if name.get_ref() == POLICY_GROUP {
                    set.extend(rules::RULES.iter().filter(|r| r.opt_in()).map(|r| r.code));
                } else {
                    set.insert(rule(name)?.code);
                }
            }
            Ok(set)
        };
        let globs = |patterns: &[Spanned<String>]| -> Result<GlobSet, ConfigError> {
            let mut builder = GlobSetBuilder::new();
            for p in patterns {
                builder.add(glob(p.get_ref()).map_err(|m| error(Some(p.span()), m))?);
            }
            builder.build().map_err(|e| error(None, e.to_string()))
        };

        if let Some(select) = &raw.select {
            config.selected = Some(rule_set(select)?);
        }
        if let Some(extend) = &raw.extend_select {
            config.extended = rule_set(extend)?;
        }
        if let Some(ignore) = &raw.ignore {
            config.ignored = rule_set(ignore)?;
        }
        let settings = policy(&raw, &config, &error)?;
        config.policy = settings;
        if let Some(include) = &raw.include {
            config.include = Some(globs(include)?);
        }
        if let Some(exclude) = &raw.exclude {
            config.exclude = Some(globs(exclude)?);
        }
        for (code, level) in raw.severity.iter().flatten() {
            let r =
                rules::find(code).ok_or_else(|| error(Some(level.span()), unknown_rule(code)))?;
            let severity = match level.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "info" => Severity::Info,
                other => {
                    return Err(error(
                        Some(level.span()),
                        format!(
                            "severity of `{code}` is `{other}`: expected error, warning or info"
                        ),
                    ))
                }
            };
            config.severity.insert(r.code, severity);
        }
        for (pattern, names) in raw.per_file_ignores.iter().flatten() {
            let matcher = glob(pattern)
                .map_err(|m| error(Some(names.span()), m))?
                .compile_matcher();
            config
                .per_file_ignores
                .push((matcher, rule_set(names.get_ref())?));
        }
        for s in raw.suppress.iter().flatten() {
            let span = s.span();
            let s = s.get_ref();
            config.suppressions.push(Suppression {
                path: glob(s.path.get_ref())
                    .map_err(|m| error(Some(s.path.span()), m))?
                    .compile_matcher(),
                rule: rule(&s.rule)?,
                pointer: s.pointer.clone(),
                reason: s.reason.clone(),
                span: Span::new(span.start, span.end),
            });
        }
        for (pattern, name) in raw.kind.iter().flatten() {
            let matcher = glob(pattern)
                .map_err(|m| error(Some(name.span()), m))?
                .compile_matcher();
            let kind = DocumentKind::from_name(name.get_ref()).ok_or_else(|| {
                error(
                    Some(name.span()),
                    format!(
                        "unknown kind `{}`: expected one of {}",
                        name.get_ref(),
                        kind_names()
                    ),
                )
            })?;
            config.kinds.push((matcher, kind));
        }
        if let Some(size) = &raw.max_file_size {
            let parsed = match size.get_ref() {
                toml::Value::Integer(n) if *n > 0 => u64::try_from(*n).map_err(|e| e.to_string()),
                toml::Value::String(text) => crate::input::parse_size(text),
                other => Err(format!(
                    "max-file-size is {other}: expected a number of bytes or a size such as \"16MiB\""
                )),
            };
            config.max_file_size = Some(parsed.map_err(|m| error(Some(size.span()), m))?);
        }
        config.source = Some(source);
        Ok(config)
    }

    /// A path as the configuration's globs see it: relative to the configuration's directory.
    pub fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        match std::path::absolute(path) {
            Ok(abs) => match abs.strip_prefix(&self.root) {
                Ok(rel) => std::borrow::Cow::Owned(rel.to_path_buf()),
                Err(_) => std::borrow::Cow::Borrowed(path),
            },
            Err(_) => std::borrow::Cow::Borrowed(path),
        }
    }

    /// The kind of document the configuration says a file is (`[kind]`), if any.
    pub fn kind_for(&self, path: &Path) -> Option<DocumentKind> {
        if self.kinds.is_empty() {
            return None;
        }
        let rel = self.relative(path);
        self.kinds
            .iter()
            .find(|(g, _)| g.is_match(&rel))
            .map(|&(_, kind)| kind)
    }

    /// Whether a directory walk checks this file (include/exclude globs).
    pub fn walks_into(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let rel = self.relative(path);
        self.include.as_ref().is_none_or(|g| g.is_match(&rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(&rel))
    }

    /// Whether the `exclude` globs match this file (`--force-exclude` skips a named file then).
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|g| g.is_match(self.relative(path)))
    }

    /// Whether a rule runs on a file.
    pub fn enabled(&self, rule: &Rule, path: &Path) -> bool {
        self.enabled_at(rule, &self.relative(path))
    }

    /// [`Config::enabled`] for a path already made relative to the configuration.
    fn enabled_at(&self, rule: &Rule, rel: &Path) -> bool {
        if rule.opt_in() {
            if !self.policy.enables(rule.code) {
                return false;
            }
        } else if self
            .selected
            .as_ref()
            .is_some_and(|s| !s.contains(rule.code) && !self.extended.contains(rule.code))
        {
            return false;
        }
        if self.ignored.contains(rule.code) {
            return false;
        }
        !self
            .per_file_ignores
            .iter()
            .any(|(g, codes)| codes.contains(rule.code) && g.is_match(rel))
    }

    /// Apply the configuration to one file's diagnostics: drop disabled rules, override
    /// severities, and drop findings a `[[suppress]]` entry covers. Returns the indices of the
    /// suppressions used, so unused ones can be reported.
    pub fn apply(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<usize> {
        let mut used = Vec::new();
        if diagnostics.is_empty() {
            return used;
        }
        let rel = self.relative(path);
        diagnostics.retain(|d| {
            if !self.enabled_at(d.rule, &rel) {
                return false;
            }
            let hit = self.suppressions.iter().position(|s| {
                s.rule.code == d.rule.code
                    && s.path.is_match(&rel)
                    && s.pointer.as_ref().is_none_or(|p| *p == d.pointer)
            });
            match hit {
                Some(i) => {
                    used.push(i);
                    false
                }
                None => true,
            }
        });
        for d in diagnostics.iter_mut() {
            if let Some(&s) = self.severity.get(d.rule.code) {
                d.severity = s;
            }
        }
        used
    }

    /// Whether any `[[suppress]]` entry is about this file (to know it was checked).
    pub fn suppressions_for(&self, path: &Path) -> Vec<usize> {
        let rel = self.relative(path);
        (0..self.suppressions.len())
            .filter(|&i| self.suppressions[i].path.is_match(&rel))
            .collect()
    }
}

/// The name of the policy group in `select`, `extend-select` and `ignore`.
pub const POLICY_GROUP: &str = "policy";

/// Whether a configuration selects a rule: by `select` (or by default, for a rule that is not
/// opt-in) or by `extend-select`.
fn selects(config: &Config, rule: &Rule) -> bool {
    config.extended.contains(rule.code)
        || match &config.selected {
            Some(s) => s.contains(rule.code),
            None => !rule.opt_in(),
        }
}

/// The policy settings: the `[policy]` parameters, checked, and the policy rules that run.
/// A rule with a parameter runs only when the parameter is set; naming such a rule without its
/// parameter, or setting a parameter whose rule is not selected, is an error (either would
/// silently check nothing).
fn policy(
    raw: &RawConfig,
    config: &Config,
    error: &dyn Fn(Option<std::ops::Range<usize>>, String) -> ConfigError,
) -> Result<Policy, ConfigError> {
    let mut policy = Policy::default();
    let table = raw.policy.as_ref();
    // Where each parameter is written, if it is.
    let mut given: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    if let Some(tags) = table.and_then(|t| t.required_tags.as_ref()) {
        for key in tags.get_ref() {
            let k = key.get_ref();
            if k.is_empty() || k.chars().count() > 128 {
                return Err(error(
                    Some(key.span()),
                    format!("required tag key `{k}` must be 1 to 128 characters, as a tag key is"),
                ));
            }
            policy.required_tags.push(k.clone());
        }
        if policy.required_tags.is_empty() {
            return Err(error(
                Some(tags.span()),
                "required-tags is empty: name the tag keys every request must have".to_string(),
            ));
        }
        given.push(("required-tags", tags.span()));
    }
    if let Some(types) = table.and_then(|t| t.allowed_instance_types.as_ref()) {
        let patterns: Vec<String> = types
            .get_ref()
            .iter()
            .map(|p| p.get_ref().clone())
            .collect();
        if patterns.is_empty() {
            return Err(error(
                Some(types.span()),
                "allowed-instance-types is empty: it would reject every instance type".to_string(),
            ));
        }
        let list = AllowList::new(&patterns)
            .map_err(|(i, m)| error(Some(types.get_ref()[i].span()), m))?;
        policy.allowed_instance_types = Some(list);
        given.push(("allowed-instance-types", types.span()));
    }
    if let Some(max) = table.and_then(|t| t.max_runtime_in_seconds.as_ref()) {
        let seconds = *max.get_ref();
        if !(1..=crate::rules::policy::MAX_RUNTIME_LIMIT).contains(&seconds) {
            return Err(error(
                Some(max.span()),
                format!(
                    "max-runtime-in-seconds is {seconds}: expected 1 to {} (28 days, the API's limit)",
                    crate::rules::policy::MAX_RUNTIME_LIMIT
                ),
            ));
        }
        policy.max_runtime_in_seconds = Some(seconds);
        given.push(("max-runtime-in-seconds", max.span()));
    }
    // The rules named one by one (not through "ALL" or "policy"), with where they are named.
    let named: Vec<(&'static Rule, std::ops::Range<usize>)> = raw
        .select
        .iter()
        .chain(raw.extend_select.iter())
        .flatten()
        .filter_map(|n| Some((rules::find(n.get_ref())?, n.span())))
        .collect();
    for rule in rules::RULES.iter().filter(|r| r.opt_in()) {
        let parameter = crate::rules::policy::parameter(rule.code);
        let has_parameter = parameter.is_none_or(|p| given.iter().any(|(g, _)| *g == p));
        if selects(config, rule) {
            if has_parameter {
                policy.enable(rule.code);
            } else if let Some((_, span)) = named.iter().find(|(r, _)| r.code == rule.code) {
                return Err(error(
                    Some(span.clone()),
                    format!(
                        "{} `{}` is selected, but `[policy] {}` is not set: it has nothing to check",
                        rule.code,
                        rule.name,
                        parameter.unwrap_or_default()
                    ),
                ));
            }
        }
    }
    for (parameter, span) in given {
        let Some(rule) = rules::RULES
            .iter()
            .find(|r| crate::rules::policy::parameter(r.code) == Some(parameter))
        else {
            continue;
        };
        if !selects(config, rule) {
            return Err(error(
                Some(span),
                format!(
                    "`[policy] {parameter}` is set, but its rule {} `{}` is not selected: add \"{}\" or \"policy\" to extend-select",
                    rule.code, rule.name, rule.code
                ),
            ));
        }
    }
    Ok(policy)
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
    })
}

/// The kind names `[kind]` and `--kind` take, for messages.
pub fn kind_names() -> String {
    DocumentKind::NAMED
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

fn glob(pattern: &str) -> Result<Glob, String> {
    Glob::new(pattern).map_err(|e| format!("invalid glob `{pattern}`: {e}"))
}

fn unknown_rule(name: &str) -> String {
    let names = rules::RULES.iter().flat_map(|r| [r.code, r.name]);
    match crate::suggest::closest(name, names) {
        Some(s) => format!("unknown rule `{name}` (did you mean `{s}`?)"),
        None => format!("unknown rule `{name}`; `sagelint rules` lists them"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        p
    }

    #[test]
    fn bad_config_names_file_line_and_key() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = write(
            dir.path(),
            "sagelint.toml",
            "select = [\"ALL\"]\nignore = [\"SL999\"]\n",
        );
        let e = Config::load(&p).expect_err("unknown rule");
        assert_eq!((e.line, e.column), (2, 11));
        assert!(e.message.contains("SL999"), "{}", e.message);

        let p = write(dir.path(), "sagelint.toml", "ignroe = []\n");
        let e = Config::load(&p).expect_err("unknown key");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("ignroe"), "{}", e.message);

        let p = write(
            dir.path(),
            "sagelint.toml",
            "[severity]\nSL404 = \"fatal\"\n",
        );
        let e = Config::load(&p).expect_err("bad severity");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn discovery_goes_upward_and_reads_pyproject() {
        let dir = tempfile::tempdir().expect("tmp");
        write(
            dir.path(),
            "pyproject.toml",
            "[project]\nname = \"x\"\n\n[tool.sagelint]\nignore = [\"secret-in-hyperparameters\"]\n",
        );
        let sub = dir.path().join("specs/deep");
        std::fs::create_dir_all(&sub).expect("mkdir");
        let c = Config::discover(&sub.join("job.yaml"))
            .expect("ok")
            .expect("found");
        let secret = rules::find("SL601").expect("rule");
        assert!(!c.enabled(secret, &sub.join("job.yaml")));
        assert!(c.enabled(rules::find("SL501").expect("rule"), &sub.join("job.yaml")));
    }

    #[test]
    fn max_file_size() {
        let dir = tempfile::tempdir().expect("tmp");
        for (text, want) in [
            ("max-file-size = \"2MiB\"\n", Some(2 << 20)),
            ("max-file-size = 4096\n", Some(4096)),
            ("select = [\"ALL\"]\n", None),
        ] {
            let p = write(dir.path(), "sagelint.toml", text);
            assert_eq!(Config::load(&p).expect(text).max_file_size, want, "{text}");
        }
        for bad in [
            "max-file-size = 0\n",
            "max-file-size = \"big\"\n",
            "max-file-size = true\n",
        ] {
            let p = write(dir.path(), "sagelint.toml", bad);
            let e = Config::load(&p).expect_err(bad);
            assert_eq!((e.line, e.column), (1, 17), "{bad}");
        }
    }

    #[test]
    fn policy_rules_are_opt_in() {
        let dir = tempfile::tempdir().expect("tmp");
        let job = dir.path().join("job.yaml");
        let pl001 = rules::find("PL001").expect("rule");
        let pl006 = rules::find("required-tag-missing").expect("rule");
        let sl501 = rules::find("SL501").expect("rule");
        let load = |text: &str| Config::load(&write(dir.path(), "sagelint.toml", text));

        // No configuration, and "ALL": every rule but the policy rules.
        let c = Config::default();
        assert!(c.enabled(sl501, &job) && !c.enabled(pl001, &job));
        let c = load("select = [\"ALL\"]\n").expect("ALL");
        assert!(c.enabled(sl501, &job) && !c.enabled(pl001, &job));
        assert_eq!(c.policy.enabled().count(), 0);

        // extend-select adds the group to the default rules; a rule with a parameter runs only
        // when the parameter is set.
        let c = load("extend-select = [\"policy\"]\n").expect("group");
        assert!(c.enabled(sl501, &job) && c.enabled(pl001, &job));
        assert!(!c.enabled(pl006, &job));
        assert_eq!(
            c.policy.enabled().collect::<Vec<_>>(),
            ["PL001", "PL002", "PL003", "PL004", "PL005"]
        );
        let c = load("extend-select = [\"policy\"]\n[policy]\nrequired-tags = [\"team\"]\n")
            .expect("tags");
        assert!(c.enabled(pl006, &job));
        assert_eq!(c.policy.required_tags, ["team"]);

        // select replaces the default rules, as in ruff; ignore wins over both.
        let c = load("select = [\"policy\"]\n").expect("only policy");
        assert!(!c.enabled(sl501, &job) && c.enabled(pl001, &job));
        let c = load("extend-select = [\"PL001\"]\nignore = [\"policy\"]\n").expect("ignored");
        assert!(!c.enabled(pl001, &job));
    }

    #[test]
    fn policy_parameters_are_checked() {
        let dir = tempfile::tempdir().expect("tmp");
        for (text, at, needle) in [
            ("select = [\"PL006\"]\n", (1, 11), "required-tags` is not set"),
            ("[policy]\nrequired-tags = [\"team\"]\n", (2, 17), "is not selected"),
            (
                "extend-select = [\"PL007\"]\n[policy]\nallowed-instance-types = [\"ml.m5.*\", \"ml.q9.*\"]\n",
                (3, 38),
                "matches no SageMaker training instance type",
            ),
            (
                "extend-select = [\"PL007\"]\n[policy]\nallowed-instance-types = []\n",
                (3, 26),
                "empty",
            ),
            (
                "extend-select = [\"PL008\"]\n[policy]\nmax-runtime-in-seconds = 0\n",
                (3, 26),
                "expected 1 to 2419200",
            ),
            ("[policy]\nrequired-tag = [\"team\"]\n", (2, 1), "unknown field"),
            (
                "extend-select = [\"PL006\"]\n[policy]\nrequired-tags = [\"\"]\n",
                (3, 18),
                "1 to 128 characters",
            ),
        ] {
            let p = write(dir.path(), "sagelint.toml", text);
            let e = Config::load(&p).expect_err(text);
            assert_eq!((e.line, e.column), at, "{text}: {}", e.message);
            assert!(e.message.contains(needle), "{text}: {}", e.message);
        }
        let p = write(
            dir.path(),
            "sagelint.toml",
            "extend-select = [\"PL007\"]\n[policy]\nallowed-instance-types = [\"ml.m5.*\", \"ml.g5.2xlarge\"]\n",
        );
        let c = Config::load(&p).expect("allow-list");
        let list = c.policy.allowed_instance_types.as_ref().expect("list");
        assert!(list.allows("ml.m5.24xlarge") && list.allows("ml.g5.2xlarge"));
        assert!(!list.allows("ml.g5.4xlarge") && !list.allows("ml.m5d.xlarge"));
    }

    #[test]
    fn pyproject_without_our_table_is_skipped() {
        let dir = tempfile::tempdir().expect("tmp");
        write(dir.path(), "pyproject.toml", "[project]\nname = \"x\"\n");
        assert!(Config::discover(dir.path()).expect("ok").is_none());
    }
}
